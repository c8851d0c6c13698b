"""Butter AI: an organization's numbers, newest first (``created_at`` descending)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from numberhub_mock._phones import Group
from numberhub_mock.profiles._base import Profile, TimeLine, derive, iso_utc

__all__ = ["ButterProfile"]


class ButterProfile(Profile):
    """Butter AI's phone numbers."""

    provider: ClassVar[str] = "butter"
    groups: ClassVar[list[Group]] = [
        Group("US", "fixed", 60, "local"),
        Group("US", "tollfree", 8, "tollfree"),
        Group("CA", "fixed", 10, "local"),
        Group("GB", "mobile", 10, "mobile"),
        Group("AU", "mobile", 6, "mobile"),
        Group("DE", "fixed", 6, "local"),
    ]
    envelope: ClassVar[Mapping[str, Any]] = {
        "success": True,
        "pagination": {"page_size": "{limit}"},
    }

    def __init__(self, seed: int, size: int, credentials: Mapping[str, str]) -> None:
        super().__init__(seed, size, credentials)
        self.times = TimeLine(
            self.rand, size, dt.datetime(2023, 6, 1, tzinfo=dt.UTC), self.now, descending=True
        )
        self.status = derive(("free", "assigned").__getitem__, self.chances("assigned", 0.6))
        """Field ``status`` of item ``i``."""

    def columns(self) -> Mapping[str, Callable[[int], Any]]:
        """See ``Profile.columns``."""
        return {"status": self.status, "created_at": lambda i: iso_utc(self.times.at(i))}

    def make(self, i: int, variant: str | None = None) -> dict[str, Any]:
        """See ``Profile.make``."""
        created = self.times.at(i)
        updated = min(
            created + dt.timedelta(hours=1 + self.rand.below(i, "upd", 24 * 90)), self.now
        )
        status = self.status(i)
        sip = self.rand.chance(i, "sip", 0.2)
        return {
            "phone_number_id": "phon_" + self.rand.hex(i, "id", 16),
            "phone_number": self.phone(i)[0],
            "provider": "sip" if sip else "twilio",
            "status": status,
            "supports_inbound": True,
            "supports_outbound": not self.rand.chance(i, "outbound", 0.1),
            "assigned_agent_id": "agent_" + self.rand.hex(i, "agent", 12)
            if status == "assigned"
            else None,
            "integration_id": "intg_" + self.rand.hex(i, "intg", 8) if not sip else None,
            "created_at": iso_utc(created),
            "updated_at": iso_utc(updated),
        }
