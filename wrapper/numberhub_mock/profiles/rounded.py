"""Rounded: an account's PSTN and SIP numbers, oldest first (``created_at`` ascending)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from numberhub_mock._phones import Group
from numberhub_mock.profiles._base import Profile, TimeLine, derive, iso_utc

__all__ = ["RoundedProfile"]

_NAMES = (
    "Front desk",
    "Sales line",
    "Support",
    "After hours",
    "Booking agent",
    "Outbound campaign",
    "Clinic reception",
    "Main office",
)
_TRUNKS = ("pbx.example.com", "sip.acme-voice.net", "trunk.callcenter.io")


class RoundedProfile(Profile):
    """Rounded's phone numbers: mostly PSTN, some SIP."""

    provider: ClassVar[str] = "rounded"
    groups: ClassVar[list[Group]] = [
        Group("US", "fixed", 70, "pstn"),
        Group("CA", "fixed", 10, "pstn"),
        Group("GB", "fixed", 10, "pstn"),
        Group("FR", "fixed", 10, "pstn"),
    ]
    envelope: ClassVar[Mapping[str, Any]] = {
        "message": "Phone numbers retrieved successfully",
        "error": None,
        "status": 200,
    }

    def __init__(self, seed: int, size: int, credentials: Mapping[str, str]) -> None:
        super().__init__(seed, size, credentials)
        self.times = TimeLine(
            self.rand, size, dt.datetime(2024, 1, 15, tzinfo=dt.UTC), self.now, descending=False
        )
        self.kind = derive(("pstn", "sip").__getitem__, self.chances("sip", 0.15))
        """Field ``type`` of item ``i``."""

    def columns(self) -> Mapping[str, Callable[[int], Any]]:
        """See ``Profile.columns``."""
        return {"created_at": lambda i: iso_utc(self.times.at(i)), "type": self.kind}

    def make(self, i: int, variant: str | None = None) -> dict[str, Any]:
        """See ``Profile.make``."""
        name = self.rand.pick(i, "name", _NAMES)
        created = iso_utc(self.times.at(i))
        if self.kind(i) == "sip":
            user = f"{name.lower().replace(' ', '-')}-{self.rand.hex(i, 'user', 4)}"
            uri = f"sip:{user}@{self.rand.pick(i, 'trunk', _TRUNKS)}"
            return {
                "id": self.rand.uuid(i, "id"),
                "number": uri,
                "name": name,
                "created_at": created,
                "type": "sip",  # SIP numbers' other fields are unpublished: none is made up
            }
        redirect = self.rand.chance(i, "redirect", 0.25)
        return {
            "id": self.rand.uuid(i, "id"),
            "number": self.phone(i)[0],
            "name": name,
            "created_at": created,
            "type": "pstn",
            "inbound_agent_id": self.rand.uuid(i, "agent")
            if self.rand.chance(i, "has-agent", 0.7)
            else None,
            "redirect": redirect,
            "redirect_phone_number": self.phone((i + 1) % self.size)[0] if redirect else None,
        }
