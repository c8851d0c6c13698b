"""Butter AI's realism: an organization's numbers, newest first (``created_at`` descending).

Numbers are Twilio's or SIP; assigned numbers have an agent; SIP numbers have no
integration; a number is updated 1 hour to 90 days after its creation, never after "now".
"""

from __future__ import annotations

import datetime as dt

from .._phones import Group
from ._numbers import Numbers
from ._realism import Item, Realism
from ._timeline import iso_utc

__all__ = ["REALISM"]

_NOW = Numbers.now


def _sip(x: Item) -> bool:
    return bool(x.chance("sip", 0.2))


def _updated(x: Item) -> str:
    hours = 1 + x.bits("upd") % (24 * 90)
    return iso_utc(min(x.time + dt.timedelta(hours=hours), _NOW))


REALISM = Realism(
    groups=[
        Group("US", "fixed", 60, "local"),
        Group("US", "tollfree", 8, "tollfree"),
        Group("CA", "fixed", 10, "local"),
        Group("GB", "mobile", 10, "mobile"),
        Group("AU", "mobile", 6, "mobile"),
        Group("DE", "fixed", 6, "local"),
    ],
    since=dt.datetime(2023, 6, 1, tzinfo=dt.UTC),
    fields={
        "provider": lambda x: "sip" if _sip(x) else "twilio",
        "status": lambda x: "assigned" if x.chance("assigned", 0.6) else "free",
        "supports_inbound": True,
        "supports_outbound": lambda x: not x.chance("outbound", 0.1),
        "assigned_agent_id": lambda x: (
            "agent_" + x.hex("agent", 12) if x["status"] == "assigned" else None
        ),
        "integration_id": lambda x: None if _sip(x) else "intg_" + x.hex("intg", 8),
        "updated_at": _updated,
    },
)
"""Butter AI's realism table."""
