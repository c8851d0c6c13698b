"""Butter AI: an organization's numbers, newest first (``created_at`` descending)."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Mapping
from typing import ClassVar

from .._phones import Group
from ._base import Profile
from ._fields import Fields, const, derive
from ._timeline import TimeLine, iso_utc

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

    def __init__(self, seed: int, size: int, credentials: Mapping[str, str]) -> None:
        super().__init__(seed, size, credentials)
        self.times = TimeLine(
            self.rand, size, dt.datetime(2023, 6, 1, tzinfo=dt.UTC), self.now, descending=True
        )

    def _updated(self, created: dt.datetime, hours_bits: int) -> str:
        """An update 1 hour to 90 days after creation, never after "now"."""
        hours = 1 + hours_bits % (24 * 90)
        return iso_utc(min(created + dt.timedelta(hours=hours), self.now))

    def fields(self, variant: str | None) -> Fields:
        """See ``Profile.fields``."""
        status = derive(("free", "assigned").__getitem__, self.chances("assigned", 0.6))
        sip = self.chances("sip", 0.2)
        return {
            "phone_number_id": derive("phon_".__add__, self.hexes("id", 16)),
            "phone_number": self.e164_at,
            "provider": derive(lambda s: "sip" if s else "twilio", sip),
            "status": status,
            "supports_inbound": const(True),
            "supports_outbound": derive(operator.not_, self.chances("outbound", 0.1)),
            "assigned_agent_id": derive(
                lambda s, agent: "agent_" + agent if s == "assigned" else None,
                status,
                self.hexes("agent", 12),
            ),
            "integration_id": derive(
                lambda s, intg: None if s else "intg_" + intg, sip, self.hexes("intg", 8)
            ),
            "created_at": derive(iso_utc, self.times.instants),
            "updated_at": derive(self._updated, self.times.instants, self.draws("upd")),
        }
