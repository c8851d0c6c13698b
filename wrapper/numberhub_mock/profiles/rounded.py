"""Rounded's realism: PSTN and SIP numbers, oldest first (``created_at`` ascending).

A SIP number is a SIP URI, and its other fields are unpublished: none is made up.
"""

from __future__ import annotations

import datetime as dt

from .._phones import Group
from ._realism import OMIT, Item, Realism

__all__ = ["REALISM"]

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


def _sip(x: Item) -> bool:
    return bool(x.chance("sip", 0.15))


def _number(x: Item) -> str:
    if not _sip(x):
        return x.e164
    user = f"{x['name'].lower().replace(' ', '-')}-{x.hex('user', 4)}"
    return f"sip:{user}@{x.pick('trunk', _TRUNKS)}"


def _pstn_only(value: object) -> object:
    """A field only PSTN numbers carry."""
    return lambda x: OMIT if _sip(x) else value(x) if callable(value) else value


def _redirect(x: Item) -> bool:
    return bool(x.chance("redirect", 0.25))


REALISM = Realism(
    groups=[
        Group("US", "fixed", 70, "pstn"),
        Group("CA", "fixed", 10, "pstn"),
        Group("GB", "fixed", 10, "pstn"),
        Group("FR", "fixed", 10, "pstn"),
    ],
    since=dt.datetime(2024, 1, 15, tzinfo=dt.UTC),
    fields={
        "id": lambda x: x.uuid("id"),  # a UUID in the reference's example
        "number": _number,
        "name": lambda x: x.pick("name", _NAMES),
        "type": lambda x: "sip" if _sip(x) else "pstn",
        "inbound_agent_id": _pstn_only(
            lambda x: x.uuid("agent") if x.chance("has-agent", 0.7) else None
        ),
        "redirect": _pstn_only(_redirect),
        # Another of the account's numbers: the next item's.
        "redirect_phone_number": _pstn_only(
            lambda x: x.profile.phone((x.i + 1) % x.size)[0] if _redirect(x) else None
        ),
    },
)
"""Rounded's realism table."""
