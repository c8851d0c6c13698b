"""The value classes of a `PhoneNumber`: `Capability`, `Capabilities` and `Money`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

import attrs

__all__ = ["UNKNOWN", "Capabilities", "Capability", "Money", "NumberType", "Ownership"]

NumberType = Literal["local", "mobile", "national", "toll_free", "fixed", "voip", "unknown"]
Ownership = Literal["owned", "available"]


def _flag(value: Any) -> bool | None:
    """A provider's boolean, or None when it is not one (never a guess)."""
    return value if isinstance(value, bool) else None


@attrs.frozen
class Capability:
    """Whether a number can do one thing (voice, SMS or MMS); None where the provider is silent.

    A value that is not a boolean (a provider's answer drifting from its spec) is None.

    Attributes:
        enabled: Whether the number can do it at all.
        inbound: Whether it can receive (when the provider tells directions apart).
        outbound: Whether it can send or call out (likewise).
    """

    enabled: bool | None = attrs.field(default=None, converter=_flag)
    inbound: bool | None = attrs.field(default=None, converter=_flag)
    outbound: bool | None = attrs.field(default=None, converter=_flag)

    @classmethod
    def directed(cls, inbound: Any, outbound: Any) -> Capability:
        """A capability known by direction: enabled when either direction is.

        Disabled when both are known and false; unknown when one is false and the
        other unknown.
        """
        inbound, outbound = _flag(inbound), _flag(outbound)
        if inbound is None and outbound is None:
            return UNKNOWN
        if inbound or outbound:
            return cls(True, inbound, outbound)
        both_known = inbound is not None and outbound is not None
        return cls(False if both_known else None, inbound, outbound)


UNKNOWN = Capability()


@attrs.frozen
class Capabilities:
    """What a number can do.

    Attributes:
        voice: Calls.
        sms: Text messages.
        mms: Picture messages.
    """

    voice: Capability = UNKNOWN
    sms: Capability = UNKNOWN
    mms: Capability = UNKNOWN

    def enabled(self) -> list[str]:
        """The names of the enabled ones, in the order voice, sms, mms."""
        return [name for name in ("voice", "sms", "mms") if getattr(self, name).enabled]


@attrs.frozen
class Money:
    """An amount in a currency.

    Attributes:
        amount: The exact amount, as the provider gives it (Bird's ``amount * 10**exponent``
            computed exactly).
        currency: The ISO 4217 code (``"USD"``).
    """

    amount: Decimal
    currency: str

    @property
    def amount_text(self) -> str:
        """The amount as a decimal string with its significant digits and at least two decimals.

        ``"0.80"`` for Plivo's ``"0.80000"``, ``"3.50"`` for Bird's 3500000 at exponent -6,
        ``"0.0085"`` where the provider gives a fraction of a cent: every provider's prices
        print alike, and the value is unchanged.
        """
        amount = self.amount
        if not amount.is_finite():
            return str(amount)
        exponent = amount.normalize().as_tuple().exponent
        places = max(2, -exponent) if isinstance(exponent, int) else 2
        return f"{amount:.{places}f}"

    def __str__(self) -> str:
        return f"{self.amount_text} {self.currency}"
