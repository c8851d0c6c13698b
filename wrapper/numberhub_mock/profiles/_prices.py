"""Monthly prices for made-up numbers: a plausible rent by kind, in a country's currency.

A price is kept as an integer count of the currency's minor units (cents; yen for JPY)
and written as the spec's mapping wants it: ``amount * 10**exponent`` in ``currency``.
"""

from __future__ import annotations

from decimal import Decimal

from .._phones import Block

__all__ = ["currency_of", "decimals", "minor_units", "scaled"]

# Currency -> units of it a US dollar buys (roughly; enough for plausible prices), and the
# countries that pay in it.
_CURRENCIES: dict[str, tuple[float, tuple[str, ...]]] = {
    "AUD": (1.5, ("AU",)),
    "BRL": (5.0, ("BR",)),
    "CAD": (1.35, ("CA",)),
    "CHF": (0.9, ("CH",)),
    "EUR": (0.9, ("DE", "ES", "FR", "IE", "IT", "NL")),
    "GBP": (0.8, ("GB",)),
    "INR": (83.0, ("IN",)),
    "JPY": (150.0, ("JP",)),
    "MXN": (17.0, ("MX",)),
    "SEK": (10.5, ("SE",)),
    "SGD": (1.35, ("SG",)),
    "USD": (1.0, ("US",)),
}
_CURRENCY = {region: code for code, (_, regions) in _CURRENCIES.items() for region in regions}
_PER_USD = {code: rate for code, (rate, _) in _CURRENCIES.items()}
_ZERO_DECIMAL = frozenset({"JPY", "KRW", "CLP", "VND"})
# The monthly rent of a number, in US cents, by phonenumbers kind.
_BASE_CENTS = {"fixed": 100, "mobile": 350, "tollfree": 200, "voip": 75}


def currency_of(block: Block) -> str:
    """The ISO 4217 currency of the number's country (US dollars where not listed)."""
    return _CURRENCY.get(block.region, "USD")


def decimals(currency: str) -> int:
    """How many decimals the currency's minor unit has (2; 0 for the yen)."""
    return 0 if currency in _ZERO_DECIMAL else 2


def minor_units(block: Block, currency: str, bits: int) -> int:
    """A monthly rent for the block's kind, in minor units of ``currency``."""
    usd_cents = _BASE_CENTS.get(block.group.kind, 100) + 25 * (bits % 4)
    major = usd_cents / 100 * _PER_USD.get(currency, 1.0)
    if decimals(currency) == 0:
        return max(1, round(major))
    return max(5, round(major * 20) * 5)  # to 5 cents


def scaled(minor: int, currency: str, exponent: int) -> Decimal:
    """The amount that, times ``10**exponent``, is ``minor`` minor units of ``currency``."""
    return Decimal(minor).scaleb(-decimals(currency) - exponent)
