"""``x-numberhub-item``: how one item of the provider's answer becomes a ``PhoneNumber``.

Each ``PhoneNumber`` field has rules; a rule is a path into the item (``$.number``), a
literal (``USD``), or ``{path, values?, timezone?, region?}``; a list of rules is tried
in order, and the first whose path is present (not absent, not null) decides. ``values``
maps the provider's value (booleans as ``"true"``/``"false"``, numbers as text) to
numberhub's; a value it does not list is unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ._jsonpath import MISSING, JsonPath

__all__ = ["CapabilityRule", "FieldRule", "ItemMapping", "PriceRule", "Rules", "read"]


def _key(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@attrs.frozen
class FieldRule:
    """Where one value comes from (see the module docstring).

    Attributes:
        paths: Paths into the item; the first present one is read.
        literal: A constant value instead of a path (`MISSING` when there are paths).
        values: The provider's value -> numberhub's, when the value is translated.
        timezone: For date-times without an offset: the offset they are in (``+08:00``).
        region: For numbers written without "+": where the region to read them in is.
        form: For numbers: ``e164`` (with "+") or ``digits`` (without it).
    """

    paths: tuple[JsonPath, ...] = ()
    literal: Any = MISSING
    values: Mapping[str, str] | None = None
    timezone: str | None = None
    region: tuple[FieldRule, ...] = ()
    form: str | None = None

    def raw(self, item: Any) -> Any:
        """The value this rule reads in ``item``, untranslated, or `MISSING`."""
        if self.literal is not MISSING:
            return self.literal
        for path in self.paths:
            value = path.get(item)
            if value is not MISSING and value is not None:
                return value
        return MISSING

    def translate(self, value: Any) -> Any:
        """``value`` through ``values`` (exact, then lower case); `MISSING` if unlisted."""
        if self.values is None:
            return value
        key = _key(value)
        found = self.values.get(key, self.values.get(key.lower(), MISSING))
        return found

    @property
    def fields(self) -> tuple[str, ...]:
        """The item fields (dotted) it reads."""
        return tuple(p.dotted for p in self.paths) + tuple(
            f for rule in self.region for f in rule.fields
        )


Rules = tuple[FieldRule, ...]


def read(rules: Rules, item: Any) -> tuple[FieldRule | None, Any]:
    """The first rule whose value is present in ``item``, and that value translated."""
    for rule in rules:
        value = rule.raw(item)
        if value is not MISSING:
            return rule, rule.translate(value)
    return None, MISSING


def _rules(spec: Any) -> Rules:
    if spec is None:
        return ()
    if isinstance(spec, list):
        return tuple(r for entry in spec for r in _rules(entry))
    if isinstance(spec, str) and spec.startswith("$."):
        return (FieldRule(paths=(JsonPath(spec),)),)
    if not isinstance(spec, Mapping):
        return (FieldRule(literal=spec),)
    paths = spec["path"] if isinstance(spec["path"], list) else [spec["path"]]
    return (
        FieldRule(
            paths=tuple(JsonPath(p) for p in paths),
            values={str(k): str(v) for k, v in spec["values"].items()}
            if "values" in spec
            else None,
            timezone=spec.get("timezone"),
            region=_rules(spec.get("region")),
            form=spec.get("form"),
        ),
    )


@attrs.frozen
class CapabilityRule:
    """Voice, SMS or MMS: enabled as a whole, or by direction."""

    enabled: Rules = ()
    inbound: Rules = ()
    outbound: Rules = ()

    @classmethod
    def of(cls, spec: Any) -> CapabilityRule:
        """Read a rule (enabled) or ``{inbound, outbound}``."""
        if isinstance(spec, Mapping) and "path" not in spec:
            return cls(inbound=_rules(spec.get("inbound")), outbound=_rules(spec.get("outbound")))
        return cls(enabled=_rules(spec))


@attrs.frozen
class PriceRule:
    """The monthly price: ``amount * 10**exponent`` in ``currency``."""

    amount: Rules
    currency: Rules
    exponent: Rules = ()


@attrs.frozen
class ItemMapping:
    """How an item becomes a ``PhoneNumber`` (``x-numberhub-item``).

    Attributes:
        id: The provider's id of the item (an item without one cannot be listed).
        number: The number, E.164 or its digits without "+".
        country: An ISO 3166-1 alpha-2 country the provider gives.
        type: The number type, through ``values`` into numberhub's types.
        status: The provider's status (lower-cased by the wrapper).
        created_at: When the number was added (ISO 8601; ``timezone`` when it has no offset).
        capabilities: ``voice``, ``sms``, ``mms``.
        monthly_price: The monthly rent.
    """

    id: Rules = (FieldRule(paths=(JsonPath("$.id"),)),)
    number: Rules = ()
    country: Rules = ()
    type: Rules = ()
    status: Rules = ()
    created_at: Rules = ()
    capabilities: Mapping[str, CapabilityRule] = attrs.field(factory=dict)
    monthly_price: PriceRule | None = None

    @classmethod
    def of(cls, spec: Mapping[str, Any] | None) -> ItemMapping:
        """Read ``x-numberhub-item`` (already validated); without it, only ``$.id``."""
        if not spec:
            return cls()
        price = spec.get("monthly_price")
        return cls(
            id=_rules(spec["id"]),
            number=_rules(spec["number"]),
            country=_rules(spec.get("country")),
            type=_rules(spec.get("type")),
            status=_rules(spec.get("status")),
            created_at=_rules(spec.get("created_at")),
            capabilities={
                name: CapabilityRule.of(rule)
                for name, rule in (spec.get("capabilities") or {}).items()
            },
            monthly_price=None
            if price is None
            else PriceRule(
                _rules(price["amount"]), _rules(price["currency"]), _rules(price.get("exponent"))
            ),
        )

    @property
    def id_field(self) -> str:
        """The item field of the id (the first path of its first rule)."""
        for rule in self.id:
            if rule.paths:
                return rule.paths[0].dotted
        return "id"

    @property
    def fields(self) -> dict[str, tuple[str, ...]]:
        """The item fields (dotted) each mapped ``PhoneNumber`` field reads."""
        out: dict[str, tuple[str, ...]] = {}
        for name in ("id", "number", "country", "type", "status", "created_at"):
            out[name] = tuple(f for rule in getattr(self, name) for f in rule.fields)
        for name, cap in self.capabilities.items():
            rules = (*cap.enabled, *cap.inbound, *cap.outbound)
            out[f"capabilities.{name}"] = tuple(f for rule in rules for f in rule.fields)
        if self.monthly_price is not None:
            price = self.monthly_price
            rules = (*price.amount, *price.currency, *price.exponent)
            out["monthly_price"] = tuple(f for rule in rules for f in rule.fields)
        return out
