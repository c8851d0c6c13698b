"""Bird: numbers in stock, available to buy, in ascending E.164 order."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from numberhub.mock._phones import Group
from numberhub.mock.profiles._base import Profile

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

    def capabilities(self, i: int) -> dict[str, dict[str, bool]]:
        """Field ``capabilities`` of item ``i``."""
        block = self.block(i)
        group = block.group
        north_america = block.region in ("US", "CA")
        sms = north_america or group.kind == "mobile"
        mms = north_america and group.kind == "fixed" and self.rand.chance(i, "mms", 0.6)
        caps = {
            "voice": {"inbound": True, "outbound": not self.rand.chance(i, "vout", 0.1)},
            "sms": {"inbound": sms, "outbound": sms and not self.rand.chance(i, "sout", 0.15)},
            "mms": {"inbound": mms, "outbound": mms},
        }
        if group.kind == "mobile" or north_america:
            wa = self.rand.chance(i, "whatsapp", 0.5)
            caps["whatsapp"] = {"inbound": wa, "outbound": wa}
        return caps

    def testing(self, i: int) -> bool:
        """Hidden: whether the number is in the testing stock."""
        return self.rand.chance(i, "testing", 0.15)

    def columns(self) -> Mapping[str, Callable[[int], Any]]:
        """See ``Profile.columns``."""

        def cap(kind: str, way: str) -> Callable[[int], Any]:
            return lambda i: self.capabilities(i).get(kind, {}).get(way, False)

        cols: dict[str, Callable[[int], Any]] = {
            "numberString": lambda i: self.phone(i)[0],
            "countryCode": lambda i: self.block(i).region,
            "type": lambda i: self.block(i).group.label,
            "testing": self.testing,
        }
        for kind in ("voice", "sms", "mms", "whatsapp"):
            for way in ("inbound", "outbound"):
                cols[f"capabilities.{kind}.{way}"] = cap(kind, way)
        return cols

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
