"""`PhoneNumber`: one model for every provider's numbers."""

from __future__ import annotations

import copy
import datetime
import functools
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar

import attrs
import orjson
import phonenumbers

from ._drift import Finding
from ._errors import ResponseValidationError
from ._values import Capabilities, Capability, Money, NumberType, Ownership

if TYPE_CHECKING:
    # A default, so that a bare ``PhoneNumber`` means ``PhoneNumber[Any]``; typing's own
    # TypeVar takes one only from Python 3.13, and type checkers read typing_extensions'.
    from typing_extensions import TypeVar as DefaultTypeVar

    R = DefaultTypeVar("R", default=Any, covariant=True)
    Raw = DefaultTypeVar("Raw", default=Any)
else:
    R = TypeVar("R", covariant=True)
    Raw = TypeVar("Raw")

__all__ = [
    "FIELDS",
    "Capabilities",
    "Capability",
    "DriftedNumber",
    "ItemReader",
    "Money",
    "NumberType",
    "Ownership",
    "PhoneNumber",
    "listed_numbers",
    "parse_number",
]

#: The keys of `PhoneNumber.to_dict`, in order (the CLI's columns).
FIELDS = (
    "provider",
    "id",
    "e164",
    "country",
    "type",
    "status",
    "ownership",
    "capabilities",
    "monthly_price",
    "currency",
    "created_at",
)

T = TypeVar("T")

# What the numbering plan says, in the providers' words: NANP geographic numbers, which
# phonenumbers cannot split into fixed and mobile, are what the providers call "local".
_PLAN_TYPES: dict[int, NumberType] = {
    phonenumbers.PhoneNumberType.MOBILE: "mobile",
    phonenumbers.PhoneNumberType.FIXED_LINE: "fixed",
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE: "local",
    phonenumbers.PhoneNumberType.TOLL_FREE: "toll_free",
    phonenumbers.PhoneNumberType.VOIP: "voip",
}


def _item_keys(path: str) -> list[str]:
    """The plain keys of a finding's path inside its item (``$.objects[*].a.b`` -> a, b).

    Stops at the first segment that is not a plain ``.key`` (an array inside the item, an
    odd name): dropping that whole field is always safe.
    """
    inside = path.split("[*]", 1)[1] if "[*]" in path else ""
    keys = []
    for segment in inside.split(".")[1:]:
        name = segment.split("[", 1)[0]
        if name:
            keys.append(name)
        if "[" in segment or not name:
            break
    return keys


class ItemReader(Protocol):
    """What a `PhoneNumber` asks of its provider's normaliser (`numberhub._normalize`)."""

    def number_text(self, item: dict[str, Any]) -> tuple[str | None, str | None]: ...
    def country(self, item: dict[str, Any]) -> str | None: ...
    def number_type(self, item: dict[str, Any]) -> NumberType: ...
    def capabilities(self, item: dict[str, Any]) -> Capabilities: ...
    def status(self, item: dict[str, Any]) -> str | None: ...
    def monthly_price(self, item: dict[str, Any]) -> Money | None: ...
    def created_at(self, item: dict[str, Any]) -> datetime.datetime | None: ...
    def raw_item(self, item: dict[str, Any]) -> Any: ...


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
class PhoneNumber(Generic[R]):
    """A phone number from any provider, normalised.

    Listing builds these cheaply: the fields below other than ``provider``, ``id`` and
    ``ownership`` are computed from the provider's item on first access and cached.
    ``R`` is the type of ``raw``, the provider's generated item model: a listing from
    ``numberhub.Plivo`` yields ``PhoneNumber[plivo_client.models.AccountPhoneNumber]``.

    An item that differs from the provider's spec (``drift``) is still a `PhoneNumber`:
    each normalised field is the provider's value where it is usable and None (``type``:
    ``"unknown"``) where it is not, never a guess; only ``raw`` refuses it.

    `to_dict` gives the number as JSON-ready values (the CLI's rows); ``json.dumps`` of
    the object itself does not work, by design: its fields are typed, not JSON.

    Attributes:
        provider: The provider's name (``"plivo"``, ``"bird"``, ...).
        id: The provider's id for the number (Plivo has none: its digits are the id).
        ownership: ``"owned"`` (on the account) or ``"available"`` (to buy: Bird).
        e164: The number in E.164 (``"+14155550123"``), or None.
        country: ISO 3166-1 alpha-2 code (``"US"``), or None.
        type: ``local``, ``mobile``, ``national``, ``toll_free``, ``fixed``, ``voip`` or
            ``unknown``.
        capabilities: Voice, SMS and MMS (`Capabilities`), with directions where known.
        status: The provider's status in lower case, or None.
        monthly_price: The monthly rent as `Money`, or None.
        created_at: When the number was added (timezone-aware), or None.
        raw: The item as the provider's generated model (``R``); raises
            `ResponseValidationError` for an item that differs from its schema.
        data: The item as decoded JSON, always available.
        drift: How the item breaks its schema in the spec (empty when it fits).
    """

    provider: str
    id: str
    ownership: Ownership
    _item: dict[str, Any] = attrs.field(alias="item", hash=False)
    _normalizer: ItemReader = attrs.field(alias="normalizer", eq=False, hash=False)
    #: Empty here; a `DriftedNumber` carries the findings of its item.
    drift: ClassVar[tuple[Finding, ...]] = ()

    def _read(self, field: Callable[[dict[str, Any]], T], fallback: T) -> T:
        """One normalised field; for a drifted item, ``fallback`` where its values are unusable."""
        if not self.drift:
            return field(self._item)
        try:
            return field(self._usable)
        except Exception:  # a drifted value the normaliser could not use
            return fallback

    @functools.cached_property
    def _usable(self) -> dict[str, Any]:
        """The item without the values that break its schema: they are not read as if valid.

        (A string ``"false"`` where the spec promises a boolean is not ``False``.)
        """
        item = copy.deepcopy(self._item)
        for finding in self.drift:
            keys = _item_keys(finding.path)
            node: Any = item
            for key in keys[:-1]:
                node = node.get(key) if isinstance(node, dict) else None
            if keys and isinstance(node, dict):
                node.pop(keys[-1], None)
        return item

    @functools.cached_property
    def _parsed(self) -> phonenumbers.PhoneNumber | None:
        unknown: tuple[str | None, str | None] = (None, None)
        text, region = self._read(self._normalizer.number_text, unknown)
        if not isinstance(text, str) or not (region is None or isinstance(region, str)):
            return None
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
        given = self._read(self._normalizer.country, None)
        if isinstance(given, str) and given:
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
        unknown: NumberType = "unknown"
        given = self._read(self._normalizer.number_type, unknown)
        parsed = self._parsed
        if given != "unknown" or parsed is None:
            return given
        return _PLAN_TYPES.get(phonenumbers.number_type(parsed), "unknown")

    @functools.cached_property
    def capabilities(self) -> Capabilities:
        """Voice, SMS and MMS, with directions where the provider gives them."""
        return self._read(self._normalizer.capabilities, Capabilities())

    @functools.cached_property
    def status(self) -> str | None:
        """The provider's status in lower case, or None where the provider has none.

        Plivo: active/inactive; Butter: free/assigned; DuoPlus: active/expired;
        Bird: available.
        """
        return self._read(self._normalizer.status, None)

    @functools.cached_property
    def monthly_price(self) -> Money | None:
        """The monthly rent, when the provider gives it (Plivo, Bird)."""
        return self._read(self._normalizer.monthly_price, None)

    @functools.cached_property
    def created_at(self) -> datetime.datetime | None:
        """When the number was added, timezone-aware (Plivo's dates are midnight UTC)."""
        return self._read(self._normalizer.created_at, None)

    @functools.cached_property
    def raw(self) -> R:
        """The item as the provider's generated model (Plivo: ``AccountPhoneNumber``...).

        Raises:
            ResponseValidationError: The item differs from its schema (``drift``), or the
                generated model cannot read it. Other items are not affected.
        """
        findings = self.drift
        cause: Exception | None = None
        if not findings:
            try:
                raw: R = self._normalizer.raw_item(self._item)
                return raw
            except (KeyError, ValueError, TypeError, AttributeError) as exc:
                kind = type(exc).__name__
                findings = (Finding("$", "model", "what the generated model reads", kind),)
                cause = exc
        shown = "; ".join(str(f) for f in findings)
        raise ResponseValidationError(
            f"this {self.provider} item does not fit its spec's schema: {shown}",
            provider=self.provider,
            status=200,
            body=orjson.dumps(self._item),
            errors=[str(f) for f in findings],
            findings=findings,
        ) from cause

    @property
    def data(self) -> dict[str, Any]:
        """The item as decoded JSON."""
        return self._item

    def to_dict(self) -> dict[str, Any]:
        """The number as JSON-ready values: only str, None, bool, list and dict.

        The keys are `FIELDS`: ``provider``, ``id``, ``e164``, ``country``, ``type``,
        ``status``, ``ownership``, ``capabilities`` (the enabled ones among voice, sms and
        mms), ``monthly_price`` (a decimal string, `Money.amount_text`), ``currency``
        (ISO 4217) and ``created_at`` (ISO 8601 with its offset). Unknown values are
        None. The CLI's rows are exactly this, in every format.
        """
        price = self.monthly_price
        created = self.created_at
        return {
            "provider": self.provider,
            "id": self.id,
            "e164": self.e164,
            "country": self.country,
            "type": self.type,
            "status": self.status,
            "ownership": self.ownership,
            "capabilities": self.capabilities.enabled(),
            "monthly_price": None if price is None else price.amount_text,
            "currency": None if price is None else price.currency,
            "created_at": None if created is None else created.isoformat(),
        }

    def to_json(self) -> str:
        """`to_dict` as a JSON object."""
        return json.dumps(self.to_dict())

    def __repr__(self) -> str:
        return (
            f"PhoneNumber(provider={self.provider!r}, id={self.id!r}, e164={self.e164!r}, "
            f"country={self.country!r}, type={self.type!r}, ownership={self.ownership!r})"
        )


@attrs.frozen(repr=False)
class DriftedNumber(PhoneNumber[R]):
    """A `PhoneNumber` whose item breaks its schema; ``drift`` says how.

    A subclass, so that the many numbers that fit their schema carry no field for it.
    """

    drift: tuple[Finding, ...] = attrs.field(eq=False, hash=False)  # type: ignore[misc]  # the ClassVar above, per instance here


_new = object.__new__
_SETTERS = tuple(
    PhoneNumber.__dict__[slot].__set__
    for slot in ("provider", "id", "ownership", "_item", "_normalizer")
)


def listed_numbers(
    provider: str,
    id_field: str,
    ownership: Ownership,
    items: list[dict[str, Any]],
    normalizer: ItemReader,
) -> list[PhoneNumber] | None:
    """`PhoneNumber` objects for the items of a page that fits its spec exactly.

    The same as ``PhoneNumber(provider, item[id_field], ownership, item, normalizer)`` for
    each item, at about two thirds of the cost: listing builds one per item, and attrs'
    frozen ``__init__`` goes through ``object.__setattr__`` for every field, where this
    sets the slots directly. None when an item's id is not a non-empty string (the
    caller then checks the page item by item).
    """
    set_provider, set_id, set_ownership, set_item, set_normalizer = _SETTERS
    out = []
    for item in items:
        number_id = item.get(id_field)
        if type(number_id) is not str or not number_id:
            return None
        number = _new(PhoneNumber)
        set_provider(number, provider)
        set_id(number, number_id)
        set_ownership(number, ownership)
        set_item(number, item)
        set_normalizer(number, normalizer)
        out.append(number)
    return out
