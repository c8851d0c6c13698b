"""Values of an item field that the mapping does not make, from its schema, name and hints.

Each field tries candidate getters in order; the profile keeps the first whose sample
values validate against the field's schema. Candidates come from, in order: ``const``;
the mapping (`MappedValues`); phone-like and country-like names (valid numbers, their
country); the values filters accept; ``enum``; number-type names that follow the number's
kind; order and cursor fields that follow the index; then the schema's type: booleans,
ranges, open enums' "Known values: ..." descriptions, formats (uuid, date-time, date,
email, uri), times in a pattern's layout, names, patterns, lengths.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from numberhub_spec import Spec

from .._generate import from_pattern, known_values
from .._schemas import types
from .._validation import Validator
from ._item_tree import Getter
from ._mapped_values import MappedValues, formatted
from ._numbers import Numbers
from ._places import COUNTRY_NAMES
from ._spec_hints import Hints, looks_like_country, looks_like_phone, words
from ._timeline import TIME_START, TimeLine, iso_utc

__all__ = ["SchemaValues"]

_VOCABULARY = (
    "Support line",
    "Sales",
    "Front desk",
    "Marketing",
    "On-call",
    "Main office",
    "Billing",
    "Campaign A",
)
_TIME_WORDS = {"at", "date", "time", "timestamp", "created", "updated", "expired", "expiry"}
_TIME_LAYOUTS = ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d")
_KIND_WORDS = {  # phonenumbers' kinds of number, and how providers name them
    "fixed": {"local", "fixed", "fixedline", "landline", "geographic"},
    "mobile": {"mobile", "cell", "cellular", "wireless"},
    "tollfree": {"tollfree", "freephone"},
    "voip": {"voip"},
}


def _squash(value: Any) -> str:
    return re.sub(r"[^a-z]", "", str(value).lower())


def _bounds(schema: Mapping[str, Any], low: float, high: float, *, step: float) -> tuple[Any, Any]:
    lo = schema.get("minimum")
    if lo is None and "exclusiveMinimum" in schema:
        lo = schema["exclusiveMinimum"] + step
    hi = schema.get("maximum")
    if hi is None and "exclusiveMaximum" in schema:
        hi = schema["exclusiveMaximum"] - step
    lo = low if lo is None else lo
    hi = max(lo, (lo + (high - low)) if hi is None else hi)
    return lo, hi


@dataclass(eq=False)
class SchemaValues:
    """The candidate values of the fields of one profile made from a spec.

    Attributes:
        profile: The profile (numbers, blocks, draws).
        spec: The provider's spec.
        hints: What its filters, order and cursors say about fields.
        mapped: The mapped fields' values.
        primary_phone: The item's own number field, if it has one.
        timeline: The time line of an ordered field, by whether it descends.
    """

    profile: Numbers
    spec: Spec
    hints: Hints
    mapped: MappedValues
    primary_phone: str | None
    timeline: Callable[[bool], TimeLine]

    def candidates(
        self, schema: Mapping[str, Any], path: str, *, in_array: bool
    ) -> Iterable[Getter]:
        """Getters for the field at ``path``, best first."""
        rand, name = self.profile.rand, path.rsplit(".", 1)[-1].rstrip("[]")
        kind = next((t for t in types(schema) if t != "null"), "string")
        if "const" in schema:
            const = schema["const"]
            yield lambda i, key: const
        if not in_array:
            yield from self.mapped.candidates(path, schema)
        if kind == "string" and (looks_like_phone(name) or looks_like_country(name)):
            yield from self._numbers_and_countries(path, name, in_array=in_array)
        fits = Validator(self.spec, schema).is_valid
        hinted = [v for v in self.hints.choices.get(path, []) if fits(v)]
        enum = list(schema.get("enum", []))
        if kind == "string" and "type" in words(name) and not in_array:
            named = hinted or enum or known_values(schema.get("description"))
            yield from self._number_types(path, named)
        if hinted:
            yield lambda i, key: rand.pick(key, path, hinted)
        if enum:
            yield lambda i, key: rand.pick(key, path, enum)
        if path in self.hints.ordered and not in_array:
            yield from self._ordered(schema, path, kind)
        if kind == "boolean":
            yield lambda i, key: rand.chance(key, path, 0.5)
        elif kind == "integer":
            low, high = _bounds(schema, 0, 1000, step=1)
            yield lambda i, key: int(low + rand.below(key, path, int(high - low) + 1))
        elif kind == "number":
            low, high = _bounds(schema, 0.0, 100.0, step=0.01)
            yield lambda i, key: round(low + rand.uniform(key, path) * (high - low), 2)
        elif kind == "string":
            yield from self._strings(schema, path, name)
        else:
            yield lambda i, key: None

    def _ordered(self, schema: Mapping[str, Any], path: str, kind: str) -> Iterable[Getter]:
        """Values that follow the index (ascending, or descending for a desc order)."""
        times = self.timeline(self.hints.ordered[path])
        if schema.get("format") == "date-time":
            yield lambda i, key: iso_utc(times.at(i))
        elif schema.get("format") == "date":
            yield lambda i, key: times.date(i).isoformat()
        elif kind in ("integer", "number"):
            low = int(_bounds(schema, 1, 10**12, step=1)[0])
            yield lambda i, key: low + times.offset(i)
        elif kind == "string" and path != self.primary_phone:  # a time in a pattern's format
            for layout in _TIME_LAYOUTS:
                yield formatted(lambda i, key: times.at(i), layout)
        elif path == self.primary_phone and self.profile.numbers_sorted:
            yield from self._numbers_and_countries(path, "", in_array=False)

    def _number_types(self, path: str, values: list[Any]) -> Iterable[Getter]:
        """A number-type field that names the kind of the item's number (when it can)."""
        if self.primary_phone is None or not self.profile.size or not values:
            return
        named = {
            kind: next((v for v in values if _squash(v) in kind_words), None)
            for kind, kind_words in _KIND_WORDS.items()
        }
        if not any(named.values()):
            return
        rand, block = self.profile.rand, self.profile.block

        def number_type(i: int, key: int) -> Any:
            value = named.get(block(i).group.kind)
            return value if value is not None else rand.pick(key, path, values)

        yield number_type

    def _numbers_and_countries(self, path: str, name: str, *, in_array: bool) -> Iterable[Getter]:
        """Phone numbers (E.164, then digits only), or the country of the item's number."""
        profile = self.profile
        rand, size = profile.rand, profile.size
        if not size or not profile.groups:
            return
        if looks_like_phone(path.rsplit(".", 1)[-1].rstrip("[]")):

            def e164(i: int, key: int) -> str:
                if path == self.primary_phone:
                    return profile.phone(i)[0]
                return profile.phone((key + 1) % size)[0]  # another number: another item's

            yield e164
            yield lambda i, key: e164(i, key)[1:]
            return
        regions = [g.region for g in profile.groups]

        def region(i: int, key: int) -> str:
            if self.primary_phone is not None and not in_array:
                return profile.block(i).region
            return rand.pick(key, path, regions)

        def country_name(i: int, key: int) -> str:
            code = region(i, key)
            return COUNTRY_NAMES.get(code, code)

        yield from (country_name, region) if "name" in words(name) else (region, country_name)

    def _strings(self, schema: Mapping[str, Any], path: str, name: str) -> Iterable[Getter]:
        rand, fmt, now = self.profile.rand, schema.get("format"), self.profile.now
        span = int((now - TIME_START).total_seconds())
        known = known_values(schema.get("description"))

        def instant(i: int, key: int) -> dt.datetime:
            return TIME_START + dt.timedelta(seconds=rand.below(key, path, span))

        if known:
            yield lambda i, key: rand.pick(key, path, known)
        if fmt is None and set(words(name)) & _TIME_WORDS:  # a time, in some layout
            for layout in _TIME_LAYOUTS:
                yield formatted(instant, layout)
        if fmt == "uuid":
            yield lambda i, key: rand.uuid(key, path)
        elif fmt == "date-time":
            yield lambda i, key: iso_utc(instant(i, key))
        elif fmt == "date":
            days = (now - TIME_START).days
            yield lambda i, key: (
                TIME_START.date() + dt.timedelta(days=rand.below(key, path, days))
            ).isoformat()
        elif fmt == "email":
            yield lambda i, key: f"user{rand.below(key, path, 10**6)}@example.com"
        elif fmt in ("uri", "url", "uri-reference"):
            yield lambda i, key: f"https://example.com/{name}/{rand.hex(key, path, 12)}"
        if path in self.hints.vocabulary or set(words(name)) & {"name", "alias", "label"}:
            yield lambda i, key: rand.pick(key, path, _VOCABULARY)
        pattern = schema.get("pattern")
        if pattern:
            yield lambda i, key: from_pattern(pattern, random.Random(rand.bits(key, path)))
        low, high = int(schema.get("minLength", 0)), schema.get("maxLength")
        stem = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "value"

        def word(i: int, key: int) -> str:
            text = f"{stem}_{rand.hex(key, path, 8)}".ljust(low, "x")
            return text[:high] if high is not None else text

        yield word
