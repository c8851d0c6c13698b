"""What a spec says about its items' fields, beyond their schema: filters, order, cursors.

Read from the spec model (`FilterRule`, `OrderSpec`, `PagingPlan`) for the profile made
from a spec alone: filters must find something, order and cursor fields must follow the
index, and every field a filter, sort or cursor names is a column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import phonenumbers
from numberhub_spec import FilterRule, Spec

from .._schemas import types

__all__ = ["Hints", "looks_like_country", "looks_like_phone", "words"]

_PHONE_WORDS = {"phone", "number", "msisdn", "e164", "did", "tel"}
_NOT_PHONE_WORDS = {"id", "ids", "type", "types", "count", "total", "sid", "status", "kind"}
_NOT_PHONE_WORDS |= {"of", "name", "uuid", "url", "uri", "label", "format", "length"}


def words(name: str) -> list[str]:
    """The words of a field name (``countryCode`` -> ``country``, ``code``)."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    return [w for w in re.split(r"[\s_\-.]+", spaced.lower()) if w]


def looks_like_phone(name: str) -> bool:
    """Whether a field's name says it holds a phone number."""
    named = set(words(name))
    return bool(named & _PHONE_WORDS) and not named & _NOT_PHONE_WORDS


def looks_like_country(name: str) -> bool:
    """Whether a field's name says it holds a country."""
    return bool({"country", "region"} & set(words(name)))


@dataclass
class Hints:
    """What the operation says about item fields (dotted paths).

    Attributes:
        choices: Field -> the values its filters accept (so that they find something).
        vocabulary: Fields a free-text ``eq`` filter reads (a small shared vocabulary).
        countries: Countries a country filter's enum names (where numbers come from).
        ordered: Field -> whether it descends, for the order and field cursors.
        columns: Every field a filter, sort or cursor names.
    """

    choices: dict[str, list[Any]] = field(default_factory=dict)
    vocabulary: set[str] = field(default_factory=set)
    countries: list[str] = field(default_factory=list)
    ordered: dict[str, bool] = field(default_factory=dict)
    columns: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, spec: Spec) -> Hints:
        """The hints of ``spec``'s list operation."""
        hints = cls()
        for param in spec.operation.parameters:
            if param.filter is not None:
                hints._add_filter(param.filter, spec.resolve(param.schema), spec)
        if spec.order is not None:
            hints.ordered[spec.order.by] = spec.order.direction == "desc"
        for plan in spec.plans.values():
            if plan.cursor_field is not None and plan.cursor is not None:
                hints.ordered[plan.cursor_field] = plan.cursor.direction == "desc"
        hints.columns |= set(hints.ordered)
        return hints

    def _add_filter(self, rule: FilterRule, schema: Any, spec: Spec) -> None:
        if rule.op == "flags":
            self.columns |= set((rule.flags or {}).values())
            return
        if rule.op == "sort_by":
            self.columns |= {str(v) for v in schema.get("enum", [])}
            return
        target = rule.field
        if not target:
            return
        self.columns.add(target)
        accepted = spec.resolve(schema.get("items") or {}) if "array" in types(schema) else schema
        if rule.values:
            options = [v for vs in rule.values.values() for v in vs]
        else:
            options = list(accepted.get("enum", []))
        if options and rule.op in ("eq", "ieq", "in"):
            known = self.choices.setdefault(target, [])
            known += [v for v in options if v not in known]
            if looks_like_country(target.rsplit(".", 1)[-1]):
                self.countries += [
                    str(v) for v in options if str(v) in phonenumbers.SUPPORTED_REGIONS
                ]
        elif rule.op in ("eq", "ieq") and "string" in types(accepted):
            self.vocabulary.add(target)
