"""Rounded: an account's PSTN and SIP numbers, oldest first (``created_at`` ascending)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import ClassVar

from .._phones import Group
from ._base import Profile
from ._fields import Field, Fields, derive
from ._rand import pick_of
from ._timeline import TimeLine, iso_utc

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


def _sip_uri(name: str, user_hex: str, trunk_bits: int) -> str:
    user = f"{name.lower().replace(' ', '-')}-{user_hex}"
    return f"sip:{user}@{pick_of(trunk_bits, _TRUNKS)}"


class RoundedProfile(Profile):
    """Rounded's phone numbers: mostly PSTN, some SIP."""

    provider: ClassVar[str] = "rounded"
    groups: ClassVar[list[Group]] = [
        Group("US", "fixed", 70, "pstn"),
        Group("CA", "fixed", 10, "pstn"),
        Group("GB", "fixed", 10, "pstn"),
        Group("FR", "fixed", 10, "pstn"),
    ]

    def __init__(self, seed: int, size: int, credentials: Mapping[str, str]) -> None:
        super().__init__(seed, size, credentials)
        self.times = TimeLine(
            self.rand, size, dt.datetime(2024, 1, 15, tzinfo=dt.UTC), self.now, descending=False
        )

    def _redirect_to(self, redirect: bool, i: int) -> str | None:
        """Another of the account's numbers (the next item's)."""
        return self.phone((i + 1) % self.size)[0] if redirect else None

    def fields(self, variant: str | None) -> Fields:
        """See ``Profile.fields``."""
        sip = self.chances("sip", 0.15)
        pstn = derive(lambda s: not s, sip)
        name = derive(lambda bits: pick_of(bits, _NAMES), self.draws("name"))
        uri = derive(_sip_uri, name, self.hexes("user", 4), self.draws("trunk"))
        redirect = derive(lambda p, r: p and r, pstn, self.chances("redirect", 0.25))
        agent = derive(
            lambda p, has, uuid: uuid if p and has else None,
            pstn,
            self.chances("has-agent", 0.7),
            self.uuids("agent"),
        )
        return {
            "id": self.uuids("id"),
            "number": derive(lambda s, u, e164: u if s else e164, sip, uri, self.e164_at),
            "name": name,
            "created_at": derive(iso_utc, self.times.instants),
            "type": derive(("pstn", "sip").__getitem__, sip),
            # SIP numbers' other fields are unpublished: none is made up.
            "inbound_agent_id": Field(agent, present=pstn),
            "redirect": Field(redirect, present=pstn),
            "redirect_phone_number": Field(
                derive(self._redirect_to, redirect, self.index), present=pstn
            ),
        }
