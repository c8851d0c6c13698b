"""Bird: numbers in stock, available to buy, in ascending E.164 order."""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from numberhub_mock._phones import Block, Group
from numberhub_mock.profiles._base import Chunked, Profile, derive

__all__ = ["BirdProfile"]

_KINDS = ("voice", "sms", "mms")
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


class BirdProfile(Profile):
    """Bird's numbers stock items."""

    provider: ClassVar[str] = "bird"
    numbers_sorted: ClassVar[bool] = True
    # Bird's reference ends the list by leaving the token out; the spec takes null too.
    absent_at_end: ClassVar[tuple[str, ...]] = ("$.nextPageToken",)
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

    def __init__(self, seed: int, size: int, credentials: Mapping[str, str]) -> None:
        super().__init__(seed, size, credentials)
        chances, block = self.chances, self.block_at
        # Capability flags, one field each (an item without WhatsApp has it off).
        self.flags: dict[str, Chunked] = {
            "voice.inbound": derive(lambda _block: True, block),
            "voice.outbound": derive(operator.not_, chances("vout", 0.1)),
            "sms.inbound": derive(_sms, block),
            "sms.outbound": derive(_sms_out, block, chances("sout", 0.15)),
            "mms.inbound": derive(_mms, block, chances("mms", 0.6)),
            "whatsapp.inbound": derive(_whatsapp, block, chances("whatsapp", 0.5)),
        }
        self.flags["mms.outbound"] = self.flags["mms.inbound"]
        self.flags["whatsapp.outbound"] = self.flags["whatsapp.inbound"]
        self.testing = chances("testing", 0.15)
        """Hidden: whether the number is in the testing stock."""

    def columns(self) -> Mapping[str, Callable[[int], Any]]:
        """See ``Profile.columns``."""
        cols: dict[str, Callable[[int], Any]] = {
            "numberString": self.e164_at,
            "countryCode": derive(lambda block: block.region, self.block_at),
            "type": derive(lambda block: block.group.label, self.block_at),
            "testing": self.testing,
        }
        for name, flag in self.flags.items():
            cols[f"capabilities.{name}"] = flag
        return cols

    def capabilities(self, i: int) -> dict[str, dict[str, bool]]:
        """Field ``capabilities`` of item ``i``."""
        kinds = ("voice", "sms", "mms", "whatsapp") if _has_whatsapp(self.block(i)) else _KINDS
        return {
            kind: {way: self.flags[f"{kind}.{way}"](i) for way in ("inbound", "outbound")}
            for kind in kinds
        }

    def make(self, i: int, variant: str | None = None) -> dict[str, Any]:
        """See ``Profile.make``."""
        e164, block = self.phone(i)
        group = block.group
        currency, amount = _PRICES.get((block.region, group.label), ("USD", 2_000_000))
        backorder = self.rand.chance(i, "backorder", 0.08)
        return {
            "id": self.rand.uuid(i, "id"),
            "countryCode": block.region,
            "type": group.label,
            "numberString": e164,
            "capabilities": self.capabilities(i),
            "monthlyPrice": {"currencyCode": currency, "amount": amount, "exponent": -6},
            "backOrderRequired": backorder,
            "backOrderStockId": self.rand.uuid(i, "stock") if backorder else None,
        }
