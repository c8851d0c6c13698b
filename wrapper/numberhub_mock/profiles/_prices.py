"""Monthly prices for made-up numbers: a plausible rent by kind, in a country's currency.

A price is kept as an integer count of the currency's minor units (cents; yen for JPY)
and written as the spec's mapping wants it: ``amount * 10**exponent`` in ``currency``.
"""

from __future__ import annotations

from decimal import Decimal

from .._phones import Block

__all__ = ["amount_text", "currency_of", "decimals", "minor_units", "scaled"]

_CURRENCY = {
    "AU": "AUD",
    "BR": "BRL",
    "CA": "CAD",
    "CH": "CHF",
    "DE": "EUR",
    "ES": "EUR",
    "FR": "EUR",
    "GB": "GBP",
    "IE": "EUR",
    "IN": "INR",
    "IT": "EUR",
    "JP": "JPY",
    "MX": "MXN",
    "NL": "EUR",
    "SE": "SEK",
    "SG": "SGD",
    "US": "USD",
}
# Units of each currency a US dollar buys (roughly; enough for plausible prices).
_PER_USD = {
    "AUD": 1.5,
    "BRL": 5.0,
    "CAD": 1.35,
    "CHF": 0.9,
    "EUR": 0.9,
    "GBP": 0.8,
    "INR": 83.0,
    "JPY": 150.0,
    "MXN": 17.0,
    "SEK": 10.5,
    "SGD": 1.35,
    "USD": 1.0,
}
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


def amount_text(minor: int, currency: str) -> str:
    """The price as a decimal string in major units (``"1.25"``; ``"150"`` for yen)."""
    places = decimals(currency)
    return f"{Decimal(minor).scaleb(-places):.{places}f}"
