"""Bird's realism: numbers in stock, available to buy, in ascending E.164 order.

Prices by country and type; SMS for North America and mobiles; MMS on some North American
fixed numbers; WhatsApp listed only for the numbers that can have it; a testing stock
that a filter reads but items do not show.
"""

from __future__ import annotations

from .._phones import Group
from ._realism import OMIT, Item, Realism

__all__ = ["REALISM"]

# (currency, monthly price in micro-units) by (country, type)
_PRICES = {
    ("US", "local"): ("USD", 1_500_000),
    ("US", "toll-free"): ("USD", 2_500_000),
    ("CA", "local"): ("USD", 1_500_000),
    ("GB", "local"): ("GBP", 1_000_000),
    ("GB", "mobile"): ("GBP", 3_500_000),
    ("NL", "mobile"): ("EUR", 4_000_000),
    ("DE", "local"): ("EUR", 1_250_000),
    ("AU", "mobile"): ("USD", 6_000_000),
    ("FR", "national"): ("EUR", 2_000_000),
}


def _north_american(x: Item) -> bool:
    return x.block.region in ("US", "CA")


def _sms(x: Item) -> bool:
    return _north_american(x) or x.block.group.kind == "mobile"


def _mms(x: Item) -> bool:
    return _north_american(x) and x.block.group.kind == "fixed" and x.chance("mms", 0.6)


def _whatsapp(x: Item) -> object:
    if x.block.group.kind != "mobile" and not _north_american(x):
        return OMIT
    return bool(x.chance("whatsapp", 0.5))


def _price(x: Item) -> tuple[str, int]:
    return _PRICES.get((x.block.region, x.block.group.label), ("USD", 2_000_000))


REALISM = Realism(
    groups=[
        Group("US", "fixed", 35, "local"),
        Group("US", "tollfree", 10, "toll-free"),
        Group("CA", "fixed", 8, "local"),
        Group("GB", "fixed", 8, "local"),
        Group("GB", "mobile", 12, "mobile"),
        Group("NL", "mobile", 8, "mobile"),
        Group("DE", "fixed", 8, "local"),
        Group("AU", "mobile", 6, "mobile"),
        Group("FR", "fixed", 5, "national"),
    ],
    fields={
        "id": lambda x: x.uuid("id"),  # a UUID in the reference's example
        "capabilities.voice.inbound": True,
        "capabilities.voice.outbound": lambda x: not x.chance("vout", 0.1),
        "capabilities.sms.inbound": _sms,
        "capabilities.sms.outbound": lambda x: _sms(x) and not x.chance("sout", 0.15),
        "capabilities.mms.inbound": _mms,
        "capabilities.mms.outbound": _mms,
        "capabilities.whatsapp.inbound": _whatsapp,
        "capabilities.whatsapp.outbound": _whatsapp,
        "monthlyPrice.currencyCode": lambda x: _price(x)[0],
        "monthlyPrice.amount": lambda x: _price(x)[1],
        "monthlyPrice.exponent": -6,
        "backOrderRequired": lambda x: x.chance("backorder", 0.08),
        "backOrderStockId": lambda x: x.uuid("stock") if x.chance("backorder", 0.08) else None,
    },
    hidden={"testing": lambda x: x.chance("testing", 0.15)},
)
"""Bird's realism table."""
