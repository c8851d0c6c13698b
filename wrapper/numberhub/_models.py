"""`PhoneNumber`: one model for every provider's numbers."""

from __future__ import annotations

import datetime
import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs
import orjson
import phonenumbers

from ._errors import ResponseValidationError

if TYPE_CHECKING:
    from .providers._base import Provider

__all__ = [
    "Capabilities",
    "Capability",
    "Money",
    "NumberType",
    "Ownership",
    "PhoneNumber",
    "parse_number",
]

NumberType = Literal["local", "mobile", "national", "toll_free", "fixed", "voip", "unknown"]
Ownership = Literal["owned", "available"]

# What the numbering plan says, in the providers' words: NANP geographic numbers, which
# phonenumbers cannot split into fixed and mobile, are what the providers call "local".
_PLAN_TYPES: dict[int, NumberType] = {
    phonenumbers.PhoneNumberType.MOBILE: "mobile",
    phonenumbers.PhoneNumberType.FIXED_LINE: "fixed",
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE: "local",
    phonenumbers.PhoneNumberType.TOLL_FREE: "toll_free",
    phonenumbers.PhoneNumberType.VOIP: "voip",
}


@attrs.frozen
class Capability:
    """Whether a number can do one thing (voice, SMS or MMS); None where the provider is silent.

    Attributes:
        enabled: Whether the number can do it at all.
        inbound: Whether it can receive (when the provider tells directions apart).
        outbound: Whether it can send or call out (likewise).
    """

    enabled: bool | None = None
    inbound: bool | None = None
    outbound: bool | None = None

    @classmethod
    def directed(cls, inbound: bool | None, outbound: bool | None) -> Capability:
        """A capability known by direction; enabled when either direction is."""
        if inbound is None and outbound is None:
            return UNKNOWN
        return cls(bool(inbound) or bool(outbound), inbound, outbound)


UNKNOWN = Capability()


@attrs.frozen
class Capabilities:
    """What a number can do."""

    voice: Capability = UNKNOWN
    sms: Capability = UNKNOWN
    mms: Capability = UNKNOWN


@attrs.frozen
class Money:
    """An amount in a currency (ISO 4217 code)."""

    amount: Decimal
    currency: str

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"


def parse_number(text: str | None, region: str | None = None) -> phonenumbers.PhoneNumber | None:
    """``text`` parsed by phonenumbers, or None when it is empty or not a possible number.

    Digits without "+" are read as international (Plivo's form) unless ``region`` is given.
    """
    if not text:
        return None
    if region is None and not text.startswith("+") and text[:1].isdigit():
        text = "+" + text
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_possible_number(number) else None


@attrs.frozen(repr=False)
class PhoneNumber:
    """A phone number from any provider, normalised.

    Listing builds these cheaply: the fields below other than ``provider``, ``id`` and
    ``ownership`` are computed from the provider's item on first access and cached.

    Attributes:
        provider: The provider's name (``"plivo"``, ``"bird"``, ...).
        id: The provider's id for the number (Plivo has none: its digits are the id).
        ownership: ``"owned"`` (on the account) or ``"available"`` (to buy: Bird).
    """

    provider: str
    id: str
    ownership: Ownership
    _item: dict[str, Any] = attrs.field(alias="item", hash=False)
    _normalizer: Provider = attrs.field(alias="normalizer", eq=False, hash=False)

    @functools.cached_property
    def _parsed(self) -> phonenumbers.PhoneNumber | None:
        text, region = self._normalizer.number_text(self._item)
        return parse_number(text, region)

    @functools.cached_property
    def e164(self) -> str | None:
        """The number in E.164 (``"+14155550123"``), or None.

        None while DuoPlus is still generating the number, or when the provider's value
        is not a phone number (a SIP URI).
        """
        parsed = self._parsed
        if parsed is None:
            return None
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)

    @functools.cached_property
    def country(self) -> str | None:
        """ISO 3166-1 alpha-2 country: the provider's, or else the number's."""
        given = self._normalizer.country(self._item)
        if given:
            return given
        parsed = self._parsed
        if parsed is None:
            return None
        region = phonenumbers.region_code_for_number(parsed) or (
            phonenumbers.region_code_for_country_code(parsed.country_code or 0)
        )
        return None if region in (None, phonenumbers.UNKNOWN_REGION, "001") else region

    @functools.cached_property
    def type(self) -> NumberType:
        """local, mobile, national, toll_free, fixed, voip, or unknown.

        The provider's own type when it gives one; otherwise what the numbering plan
        says of the number (phonenumbers), e.g. a DuoPlus non-VOIP or a Butter number.
        """
        given = self._normalizer.number_type(self._item)
        parsed = self._parsed
        if given != "unknown" or parsed is None:
            return given
        return _PLAN_TYPES.get(phonenumbers.number_type(parsed), "unknown")

    @functools.cached_property
    def capabilities(self) -> Capabilities:
        """Voice, SMS and MMS, with directions where the provider gives them."""
        return self._normalizer.capabilities(self._item)

    @functools.cached_property
    def status(self) -> str | None:
        """The provider's status in lower case, or None where the provider has none.

        Plivo: active/inactive; Butter: free/assigned; DuoPlus: active/expired;
        Bird: available.
        """
        return self._normalizer.status(self._item)

    @functools.cached_property
    def monthly_price(self) -> Money | None:
        """The monthly rent, when the provider gives it (Plivo, Bird)."""
        return self._normalizer.monthly_price(self._item)

    @functools.cached_property
    def created_at(self) -> datetime.datetime | None:
        """When the number was added, timezone-aware (Plivo's dates are midnight UTC)."""
        return self._normalizer.created_at(self._item)

    @functools.cached_property
    def raw(self) -> Any:
        """The item as the provider's generated model (Plivo: ``AccountPhoneNumber``...)."""
        try:
            return self._normalizer.raw_item(self._item)
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            raise ResponseValidationError(
                f"{self.provider} item {self.id!r} does not fit its generated model: {exc!r}",
                provider=self.provider,
                status=200,
                body=orjson.dumps(self._item),
                errors=[repr(exc)],
            ) from exc

    @property
    def data(self) -> dict[str, Any]:
        """The item as decoded JSON."""
        return self._item

    def __repr__(self) -> str:
        return (
            f"PhoneNumber(provider={self.provider!r}, id={self.id!r}, e164={self.e164!r}, "
            f"country={self.country!r}, type={self.type!r}, ownership={self.ownership!r})"
        )
