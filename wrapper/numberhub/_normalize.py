"""How one item becomes `PhoneNumber` fields: the spec's ``x-numberhub-item`` mapping, read.

`Normalizer` reads any provider's items by its mapping alone. A provider whose items say
something the mapping cannot (DuoPlus's Unix-seconds times) subclasses it in
``numberhub/providers/``. Every method takes the item as decoded JSON, which may differ
from the spec: a value of an unexpected type gives None (``unknown``), never a guess.
"""

from __future__ import annotations

import datetime
import importlib
import re
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from numberhub_spec import MISSING, CapabilityRule, Rules, Spec, read

from ._values import Capabilities, Capability, Money, NumberType

__all__ = ["NUMBER_TYPES", "Normalizer", "parse_datetime", "text", "to_decimal"]

NUMBER_TYPES: Final[frozenset[str]] = frozenset(
    {"local", "mobile", "national", "toll_free", "fixed", "voip", "unknown"}
)
_ISO2 = re.compile(r"[A-Z]{2}")


def text(value: Any) -> str | None:
    """A non-empty string, or None."""
    return value if isinstance(value, str) and value else None


def to_decimal(value: Any) -> Decimal | None:
    """A decimal string (``"0.80000"``) or an integer as a finite Decimal, or None."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    try:
        amount = Decimal(value)
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


def _offset(spec: str | None) -> datetime.tzinfo:
    if not spec or spec == "Z":
        return datetime.UTC
    sign = -1 if spec[0] == "-" else 1
    hours, minutes = int(spec[1:3]), int(spec[4:6])
    return datetime.timezone(sign * datetime.timedelta(hours=hours, minutes=minutes))


def parse_datetime(value: Any, *, tz: datetime.tzinfo = datetime.UTC) -> datetime.datetime | None:
    """An ISO 8601 date or date-time as an aware datetime (``tz`` when it has no offset)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)


def _country(value: Any) -> str | None:
    return value if isinstance(value, str) and _ISO2.fullmatch(value) else None


class Normalizer:
    """Reads one provider's items by its spec's ``x-numberhub-item``.

    Args:
        spec: The provider's spec.
    """

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.mapping = spec.item
        self.id_field = spec.item.id_field
        self._models: Any = MISSING

    # --- identity and number ------------------------------------------------------------
    def item_id(self, item: dict[str, Any]) -> str | None:
        """The provider's id of the item, or None when it has none."""
        _, value = read(self.mapping.id, item)
        kind = type(value)
        if kind is str:
            return value or None
        return str(value) if kind is int else None

    def number_text(self, item: dict[str, Any]) -> tuple[str | None, str | None]:
        """The number as the provider writes it, and a region to read it in (or None)."""
        rule, value = read(self.mapping.number, item)
        number = text(value)
        if rule is None or number is None or number.startswith("+"):
            return number, None
        for region_rule in rule.region:
            region = _country(region_rule.translate(region_rule.raw(item)))
            if region:
                return number, region
        return number, None

    def country(self, item: dict[str, Any]) -> str | None:
        """The ISO alpha-2 country the provider gives, if any."""
        return _country(self._first(self.mapping.country, item))

    # --- the other fields -------------------------------------------------------------------
    def number_type(self, item: dict[str, Any]) -> NumberType:
        """The mapped type, or ``unknown``."""
        value = self._first(self.mapping.type, item)
        if isinstance(value, str) and value in NUMBER_TYPES:
            return value  # type: ignore[return-value]
        return "unknown"

    def status(self, item: dict[str, Any]) -> str | None:
        """The provider's status (through its value map), lower case."""
        value = self._first(self.mapping.status, item)
        return value.lower() if isinstance(value, str) and value else None

    def created_at(self, item: dict[str, Any]) -> datetime.datetime | None:
        """When the number was added, timezone-aware."""
        rule, value = read(self.mapping.created_at, item)
        if rule is None:
            return None
        return parse_datetime(value, tz=_offset(rule.timezone))

    def capabilities(self, item: dict[str, Any]) -> Capabilities:
        """Voice, SMS and MMS, by direction where the mapping gives directions."""
        caps = self.mapping.capabilities
        if not caps:
            return Capabilities()
        return Capabilities(**{name: self._capability(rule, item) for name, rule in caps.items()})

    def _capability(self, rule: CapabilityRule, item: dict[str, Any]) -> Capability:
        if rule.enabled:
            return Capability(self._first(rule.enabled, item))
        return Capability.directed(
            self._first(rule.inbound, item), self._first(rule.outbound, item)
        )

    def monthly_price(self, item: dict[str, Any]) -> Money | None:
        """``amount * 10**exponent`` in ``currency``, when all are usable."""
        price = self.mapping.monthly_price
        if price is None:
            return None
        amount = to_decimal(self._first(price.amount, item))
        currency = text(self._first(price.currency, item))
        exponent = self._first(price.exponent, item) if price.exponent else 0
        if amount is None or currency is None:
            return None
        if isinstance(exponent, bool) or not isinstance(exponent, int) or abs(exponent) > 100:
            return None
        return Money(amount.scaleb(exponent), currency)

    @staticmethod
    def _first(rules: Rules, item: dict[str, Any]) -> Any:
        value = read(rules, item)[1]
        return None if value is MISSING else value

    # --- generated models ---------------------------------------------------------------------
    def _generated(self) -> Any:
        if self._models is MISSING:
            try:
                self._models = importlib.import_module(f"{self.spec.name}_client.models")
            except ImportError:  # a provider known by its YAML alone has no generated client
                self._models = None
        return self._models

    def model(self, schema_name: str | None) -> Any:
        """The generated model class of a component schema, or None."""
        models = self._generated()
        return getattr(models, schema_name, None) if models and schema_name else None

    def raw_item(self, item: dict[str, Any]) -> Any:
        """The item as its generated model (the decoded JSON without a generated client)."""
        model = self.model(self.spec.item_schema_name)
        return item if model is None else model.from_dict(item)

    def error_message(self, body: Any) -> str | None:
        """The provider's own explanation in an error body (``message`` or ``error``)."""
        if isinstance(body, dict):
            message = body.get("message") or body.get("error")
            if isinstance(message, dict):
                message = message.get("message")
            if isinstance(message, str):
                return message
        return None

    def __repr__(self) -> str:
        return f"<normalizer {self.spec.name}>"
