"""Bird: numbers in stock, available to buy, in ascending E.164 order."""

from __future__ import annotations

import operator
from typing import ClassVar

from .._phones import Block, Group
from ._base import Profile
from ._fields import Chunked, Field, Fields, const, derive

__all__ = ["BirdProfile"]

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


def _north_american(block: Block) -> bool:
    return block.region in ("US", "CA")


def _sms(block: Block) -> bool:
    """North American numbers and mobiles take SMS."""
    return _north_american(block) or block.group.kind == "mobile"


def _sms_out(block: Block, no_sms_out: bool) -> bool:
    return _sms(block) and not no_sms_out


def _mms(block: Block, mms: bool) -> bool:
    """Some North American fixed numbers take MMS, both ways."""
    return _north_american(block) and block.group.kind == "fixed" and mms


def _has_whatsapp(block: Block) -> bool:
    """Whether the item lists WhatsApp at all: mobiles and North American numbers."""
    return block.group.kind == "mobile" or _north_american(block)


def _whatsapp(block: Block, whatsapp: bool) -> bool:
    return _has_whatsapp(block) and whatsapp


def _price(block: Block) -> tuple[str, int]:
    return _PRICES.get((block.region, block.group.label), ("USD", 2_000_000))


class BirdProfile(Profile):
    """Bird's numbers stock items."""

    provider: ClassVar[str] = "bird"
    numbers_sorted: ClassVar[bool] = True
    groups: ClassVar[list[Group]] = [
        Group("US", "fixed", 35, "local"),
        Group("US", "tollfree", 10, "toll-free"),
        Group("CA", "fixed", 8, "local"),
        Group("GB", "fixed", 8, "local"),
        Group("GB", "mobile", 12, "mobile"),
        Group("NL", "mobile", 8, "mobile"),
        Group("DE", "fixed", 8, "local"),
        Group("AU", "mobile", 6, "mobile"),
        Group("FR", "fixed", 5, "national"),
    ]

    def fields(self, variant: str | None) -> Fields:
        """See ``Profile.fields``."""
        chances, block = self.chances, self.block_at
        price = derive(_price, block)
        mms = derive(_mms, block, chances("mms", 0.6))
        whatsapp = derive(_whatsapp, block, chances("whatsapp", 0.5))
        has_whatsapp = derive(_has_whatsapp, block)
        backorder = chances("backorder", 0.08)
        flags: dict[str, Chunked | Field] = {
            "capabilities.voice.inbound": const(True),
            "capabilities.voice.outbound": derive(operator.not_, chances("vout", 0.1)),
            "capabilities.sms.inbound": derive(_sms, block),
            "capabilities.sms.outbound": derive(_sms_out, block, chances("sout", 0.15)),
            "capabilities.mms.inbound": mms,
            "capabilities.mms.outbound": mms,
            # Only items of numbers that can have WhatsApp list it (off in the column).
            "capabilities.whatsapp.inbound": Field(whatsapp, present=has_whatsapp),
            "capabilities.whatsapp.outbound": Field(whatsapp, present=has_whatsapp),
        }
        return {
            "id": self.uuids("id"),
            "countryCode": derive(operator.attrgetter("region"), block),
            "type": derive(operator.attrgetter("group.label"), block),
            "numberString": self.e164_at,
            **flags,
            "monthlyPrice.currencyCode": derive(lambda p: p[0], price),
            "monthlyPrice.amount": derive(lambda p: p[1], price),
            "monthlyPrice.exponent": const(-6),
            "backOrderRequired": backorder,
            "backOrderStockId": derive(
                lambda b, stock: stock if b else None, backorder, self.uuids("stock")
            ),
            # Hidden: whether the number is in the testing stock (a filter, not a field).
            "testing": Field(chances("testing", 0.15), hidden=True),
        }
