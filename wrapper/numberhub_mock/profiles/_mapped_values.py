"""Values for the item fields that ``x-numberhub-item`` maps, realistic by the mapping.

A spec's `ItemMapping` says which item field is the id, the number, its country, type,
status, creation time, capabilities and monthly price. A profile made from the spec makes
those fields agree with each other and with what the mapping says a reader will make of
them: the number valid for its country and written in the rule's ``form``, the country
its own, the type the provider's value for the number's kind, statuses from the value
map, times in the rule's time zone, booleans for capabilities, a price in a real currency
consistent with its ``exponent``, ids unique. The first rule of each field is the one
made (the one a reader tries first).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any

from numberhub_spec import MISSING, FieldRule, ItemMapping, Rules

from .._generate import known_values
from .._schemas import types
from ._item_tree import Getter
from ._numbers import Numbers
from ._prices import currency_of, decimals, minor_units, scaled
from ._rand import pick_of
from ._timeline import TIME_START, TimeLine, iso_utc

__all__ = ["MappedValues", "formatted", "number_path", "type_labels", "typed"]

_NANPA = ("US", "CA")
_GOOD_STATUSES = frozenset({"active", "available", "assigned", "in_use", "normal", "enabled"})


def typed(key: str, schema: Mapping[str, Any]) -> Any:
    """A value-map key (text) as a value of the field's schema (``"2"`` -> 2, ``"true"``...)."""
    kinds = types(schema)
    if "boolean" in kinds and key in ("true", "false"):
        return key == "true"
    for kind, convert in (("integer", int), ("number", float)):
        if kind in kinds:
            with contextlib.suppress(ValueError):
                return convert(key)
    return key


def _first(rules: Rules) -> FieldRule | None:
    """The first rule that reads a path (literals make no field)."""
    return next((r for r in rules if r.paths), None)


def _literal(rules: Rules) -> Any:
    """The first literal of ``rules`` (None if they have none)."""
    return next((r.literal for r in rules if r.literal is not MISSING), None)


def formatted(instant: Callable[[int, int], dt.datetime], layout: str) -> Getter:
    """The times ``instant`` gives, written in ``layout``."""
    return lambda i, key: instant(i, key).strftime(layout)


def _capable(name: str, direction: str, block: Any, draw: float) -> bool:
    """Plausible capabilities: voice mostly; SMS for North America and mobiles; some MMS."""
    nanpa, kind = block.region in _NANPA, block.group.kind
    if name == "voice":
        p = 0.9 if direction == "outbound" else 0.97
    elif name == "sms":
        p = (0.8 if direction == "outbound" else 0.9) if nanpa or kind == "mobile" else 0.0
    else:
        p = 0.5 if nanpa and kind != "tollfree" else 0.0
    return draw < p


def number_path(mapping: ItemMapping) -> str | None:
    """The item's own number field, if the mapping names one."""
    rule = _first(mapping.number)
    return rule.paths[0].dotted if rule is not None else None


def type_labels(mapping: ItemMapping) -> dict[str, str]:
    """Numberhub type -> the provider's value for it (the first key that maps to it)."""
    rule = _first(mapping.type)
    labels: dict[str, str] = {}
    for key, value in ((rule.values or {}) if rule else {}).items():
        labels.setdefault(value, key)
    return labels


class MappedValues:
    """Candidate values of the mapped fields of one profile made from a spec.

    Args:
        mapping: The spec's ``x-numberhub-item``.
        profile: The profile (numbers, blocks, draws).
        ordered: Field -> whether it descends (order and cursor fields follow the index).
        timeline: The time line of an ordered field, by whether it descends.
    """

    def __init__(
        self,
        mapping: ItemMapping,
        profile: Numbers,
        ordered: Mapping[str, bool],
        timeline: Callable[[bool], TimeLine],
    ) -> None:
        self.profile = profile
        self.ordered = ordered
        self.timeline = timeline
        price = mapping.monthly_price
        self._literal_currency = _literal(price.currency) if price else None
        self._literal_exponent = _literal(price.exponent) if price else None
        self._exponent_field = price is not None and _first(price.exponent) is not None
        # Field (dotted) -> its values (the role's method, its rule bound); earlier roles win.
        self._makers: dict[str, Callable[[str, Mapping[str, Any]], Iterable[Getter]]] = {}

        def add(rules: Rules, make: Callable[..., Iterable[Getter]], *detail: str) -> None:
            rule = _first(rules)
            if rule is not None:
                self._makers.setdefault(rule.paths[0].dotted, partial(make, rule, *detail))

        number = _first(mapping.number)
        add(mapping.number, self._number)
        add(mapping.country, self._country)
        add(number.region if number is not None else (), self._country)
        add(mapping.id, self._id)
        add(mapping.type, self._type)
        add(mapping.status, self._status)
        add(mapping.created_at, self._created_at)
        for name, cap in mapping.capabilities.items():
            add(cap.enabled, self._capability, name, "enabled")
            add(cap.inbound, self._capability, name, "inbound")
            add(cap.outbound, self._capability, name, "outbound")
        if price is not None:
            add(price.amount, self._amount)
            add(price.currency, self._currency)
            add(price.exponent, self._exponent)
        self.paths = set(self._makers)
        """Every mapped field (always present: a reader relies on them)."""

    def candidates(self, path: str, schema: Mapping[str, Any]) -> Iterable[Getter]:
        """Values for ``path`` as its role says, best first (none if it has no role)."""
        make = self._makers.get(path)
        return make(path, schema) if make is not None else ()

    # -- roles: each takes the field's rule, then its path and schema ------------------------
    def _number(self, rule: FieldRule, path: str, schema: Mapping[str, Any]) -> Iterable[Getter]:
        phone = self.profile.phone

        def e164(i: int, key: int) -> str:
            return phone(i)[0]

        def digits(i: int, key: int) -> str:
            return phone(i)[0][1:]

        return (digits, e164) if rule.form == "digits" else (e164, digits)

    def _country(self, rule: FieldRule, path: str, schema: Mapping[str, Any]) -> Iterable[Getter]:
        block = self.profile.block
        yield lambda i, key: block(i).region

    def _id(self, rule: FieldRule, path: str, schema: Mapping[str, Any]) -> Iterable[Getter]:
        rand = self.profile.rand
        if "integer" in types(schema):  # a bijection of the index: distinct ids
            yield lambda i, key: 100_000 + self.profile.shuffled(i)
        elif schema.get("format") == "uuid":
            yield lambda i, key: rand.uuid(i, path)
        else:
            stem = path.rsplit(".", 1)[-1].replace("_", "")[:4].lower() or "id"
            # bits(i, purpose) is a bijection of i (splitmix64's steps all are): unique.
            yield lambda i, key: f"{stem}_{rand.bits(i, path):016x}"
            yield lambda i, key: rand.uuid(i, path)

    def _type(self, rule: FieldRule, path: str, schema: Mapping[str, Any]) -> Iterable[Getter]:
        if rule.values:
            block = self.profile.block
            yield lambda i, key: typed(block(i).group.label, schema)

    def _status(self, rule: FieldRule, path: str, schema: Mapping[str, Any]) -> Iterable[Getter]:
        if rule.values:  # the provider's values, mostly the ones that mean "in service"
            options = [typed(k, schema) for k in rule.values]
            meanings = list(rule.values.values())
        else:  # the schema's enum or the description's known values, mostly the first
            options = list(schema.get("enum") or known_values(schema.get("description")))
            if not options and "string" in types(schema):
                options = ["active", "inactive"]
            meanings = [str(o) for o in options]
        if not options:
            return
        weights = [6.0 if m in _GOOD_STATUSES else 1.0 for m in meanings]
        if not any(w > 1 for w in weights):
            weights[0] = 6.0
        rand = self.profile.rand
        yield lambda i, key: pick_of(rand.bits(key, path), options, weights)

    def _created_at(
        self, rule: FieldRule, path: str, schema: Mapping[str, Any]
    ) -> Iterable[Getter]:
        instant = self._instant(path)
        if rule.timezone is not None:  # local times, written without an offset
            tz = dt.datetime.strptime(rule.timezone, "%z").tzinfo
            for layout in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"):
                yield formatted(lambda i, key: instant(i).astimezone(tz), layout)
        elif schema.get("format") == "date":
            yield lambda i, key: instant(i).date().isoformat()
        else:
            yield lambda i, key: iso_utc(instant(i))

    def _instant(self, path: str) -> Callable[[int], dt.datetime]:
        descending = self.ordered.get(path)
        if descending is not None:
            return self.timeline(descending).at
        rand, span = self.profile.rand, int((self.profile.now - TIME_START).total_seconds())
        return lambda i: TIME_START + dt.timedelta(seconds=rand.below(i, path, span))

    def _capability(
        self, rule: FieldRule, name: str, direction: str, path: str, schema: Mapping[str, Any]
    ) -> Iterable[Getter]:
        if "boolean" in types(schema):
            block, rand = self.profile.block, self.profile.rand
            yield lambda i, key: _capable(name, direction, block(i), rand.uniform(i, path))

    # -- the price ----------------------------------------------------------------------------
    def currency(self, i: int) -> str:
        """Item ``i``'s currency: the mapping's literal, else its number's country's."""
        literal = self._literal_currency
        return str(literal) if literal is not None else currency_of(self.profile.block(i))

    def exponent(self, currency: str) -> int | None:
        """The price's exponent: the mapping's literal, else minor units where it is a field.

        That is -2 (0 for the yen) where the exponent is a field, and None where the mapping
        has none (the amount is then in major units).
        """
        literal = self._literal_exponent
        if isinstance(literal, int) and not isinstance(literal, bool):
            return literal
        return -decimals(currency) if self._exponent_field else None

    def _currency(self, rule: FieldRule, path: str, schema: Mapping[str, Any]) -> Iterable[Getter]:
        enum = schema.get("enum")
        if enum:
            yield lambda i, key: c if (c := self.currency(i)) in enum else enum[0]
        yield lambda i, key: self.currency(i)

    def _exponent(self, rule: FieldRule, path: str, schema: Mapping[str, Any]) -> Iterable[Getter]:
        yield lambda i, key: self.exponent(self.currency(i))

    def _amount(self, rule: FieldRule, path: str, schema: Mapping[str, Any]) -> Iterable[Getter]:
        kinds, block, rand = types(schema), self.profile.block, self.profile.rand

        def amount(i: int, key: int) -> Any:
            currency = self.currency(i)
            minor = minor_units(block(i), currency, rand.bits(i, path))
            exponent = self.exponent(currency)
            value = scaled(minor, currency, exponent or 0)  # no exponent: in major units
            if "integer" in kinds and exponent is not None:
                return int(value)
            if "integer" in kinds and "string" not in kinds:  # whole major units
                return max(1, round(value))
            return str(value) if "string" in kinds else float(value)

        yield amount
