"""A data profile made from a spec alone, for providers without a hand-written profile.

Adding a provider takes its YAML only: this profile reads the list operation's item
schema and extensions and makes items that validate against them, reproducibly for a
seed, by the same per-index draws as the hand-written profiles:

* **Order and cursor fields** (``x-numberhub-order``, a ``field`` cursor of
  ``x-numberhub-pagination``) follow the index: date-times and dates from a time line,
  integers from its offsets, numbers in E.164 order when the order is by number.
* **Filter fields** (``x-numberhub-filter``) take the values the filter accepts (the
  parameter's enum, or its ``values`` map), or a small vocabulary for free-text ``eq``,
  so that every filter selects something; ``flags`` fields are booleans.
* **Phone-like fields** (a name such as ``number``, ``phone_number``, ``msisdn``,
  ``e164``) are valid numbers, checked with phonenumbers; the first one is the item's
  own (distinct per item). **Country fields** name that number's country.
* Everything else by its schema: ``const``, ``enum``, open enums' "Known values: ..."
  descriptions, formats (uuid, date-time, date, email, uri), patterns, lengths, ranges,
  nullable types, arrays, objects, ``oneOf`` / ``anyOf`` / ``allOf``.

Each field tries its candidate generators in order and keeps the first whose sample values
validate against the field's schema.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

import phonenumbers
from phonenumbers import PhoneNumberType

from numberhub_mock._generate import from_pattern, known_values
from numberhub_mock._phones import Group
from numberhub_mock._schemas import Validator, resolve
from numberhub_mock._specdoc import Operation
from numberhub_mock.profiles._base import Profile
from numberhub_mock.profiles._places import COUNTRY_NAMES
from numberhub_mock.profiles._timeline import TimeLine, iso_utc

__all__ = ["SchemaProfile", "schema_profile"]

Getter = Callable[[int, int], Any]
"""``(item index, draw index) -> value``; the draw index differs inside arrays."""

_DEFAULT_GROUPS = [
    Group("US", "fixed", 45, "local"),
    Group("US", "tollfree", 5, "toll_free"),
    Group("CA", "fixed", 10, "local"),
    Group("GB", "mobile", 10, "mobile"),
    Group("GB", "fixed", 5, "local"),
    Group("DE", "fixed", 8, "local"),
    Group("FR", "fixed", 7, "local"),
    Group("AU", "mobile", 5, "mobile"),
    Group("NL", "mobile", 5, "mobile"),
]
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
_PHONE_WORDS = {"phone", "number", "msisdn", "e164", "did", "tel"}
_NOT_PHONE_WORDS = {"id", "ids", "type", "types", "count", "total", "sid", "status", "kind"}
_NOT_PHONE_WORDS |= {"of", "name", "uuid", "url", "uri", "label", "format", "length"}
_TIME_START = dt.datetime(2022, 1, 1, tzinfo=dt.UTC)
_TIME_WORDS = {"at", "date", "time", "timestamp", "created", "updated", "expired", "expiry"}
_TIME_LAYOUTS = ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d")
_KIND_WORDS = {  # phonenumbers' kinds of number, and how providers name them
    "fixed": {"local", "fixed", "fixedline", "landline", "geographic"},
    "mobile": {"mobile", "cell", "cellular", "wireless"},
    "tollfree": {"tollfree", "freephone"},
}
_SAMPLES = 8


def _words(name: str) -> list[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    return [w for w in re.split(r"[\s_\-.]+", spaced.lower()) if w]


def _squash(value: Any) -> str:
    return re.sub(r"[^a-z]", "", str(value).lower())


def _looks_like_phone(name: str) -> bool:
    words = set(_words(name))
    return bool(words & _PHONE_WORDS) and not words & _NOT_PHONE_WORDS


def _looks_like_country(name: str) -> bool:
    words = _words(name)
    return "country" in words or "region" in words


def _types(schema: Mapping[str, Any]) -> list[str]:
    t = schema.get("type")
    if isinstance(t, list):
        return [str(x) for x in t]
    return [str(t)] if isinstance(t, str) else []


# -- what the operation says about the item's fields --------------------------------------
@dataclass
class _Hints:
    """What the operation's extensions say about item fields (dotted paths)."""

    choices: dict[str, list[Any]] = field(default_factory=dict)
    vocabulary: set[str] = field(default_factory=set)
    countries: list[str] = field(default_factory=list)
    ordered: dict[str, bool] = field(default_factory=dict)  # field -> descending
    columns: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, doc: Mapping[str, Any], op: Operation) -> _Hints:
        hints = cls()
        spec = op.spec
        declared: list[tuple[Mapping[str, Any], Mapping[str, Any]]] = []
        for raw in spec.get("parameters", []):
            p = resolve(doc, raw)
            declared.append((p.get("schema", {}), p))
        body = resolve(doc, spec.get("requestBody", {}))
        body_schema = body.get("content", {}).get("application/json", {}).get("schema", {})
        for prop in resolve(doc, body_schema).get("properties", {}).values():
            declared.append((prop, prop))
        for schema, holder in declared:
            ext = holder.get("x-numberhub-filter")
            if ext:
                hints._add_filter(ext, schema)
        order = spec.get("x-numberhub-order") or {}
        if order.get("by"):
            hints.ordered[order["by"]] = order.get("direction") == "desc"
        nh = spec.get("x-numberhub-pagination") or {}
        for cursor in (nh.get("cursor") or {}, (nh.get("cursor_mode") or {}).get("cursor") or {}):
            if cursor.get("kind") == "field" and cursor.get("field"):
                hints.ordered[cursor["field"]] = cursor.get("direction") == "desc"
        hints.columns |= set(hints.ordered)
        return hints

    def _add_filter(self, ext: Mapping[str, Any], schema: Mapping[str, Any]) -> None:
        op, target = ext.get("op"), ext.get("field")
        if op == "flags":
            self.columns |= set((ext.get("flags") or {}).values())
            return
        if op == "sort_by":
            self.columns |= {str(v) for v in schema.get("enum", [])}
            return
        if not target:
            return
        self.columns.add(target)
        values = ext.get("values")
        accepted = (schema.get("items") or {}) if "array" in _types(schema) else schema
        if values:
            options = [v for vs in values.values() for v in vs]
        else:
            options = list(accepted.get("enum", []))
        if options and op in ("eq", "ieq", "in"):
            self.choices.setdefault(target, [])
            self.choices[target] += [v for v in options if v not in self.choices[target]]
            if _looks_like_country(target.rsplit(".", 1)[-1]):
                self.countries += [
                    str(v) for v in options if str(v) in phonenumbers.SUPPORTED_REGIONS
                ]
        elif op in ("eq", "ieq") and "string" in _types(accepted):
            self.vocabulary.add(target)


# -- the item tree --------------------------------------------------------------------------
class _Node:
    """One schema node: the value of an item (and of one of its dotted fields)."""

    def value(self, i: int, key: int) -> Any:
        raise NotImplementedError

    def field(self, i: int, key: int, parts: list[str]) -> Any:
        return None if parts else self.value(i, key)


class _Leaf(_Node):
    def __init__(self, get: Getter) -> None:
        self.get = get

    def value(self, i: int, key: int) -> Any:
        return self.get(i, key)


class _Object(_Node):
    def __init__(self, props: dict[str, _Node]) -> None:
        self.props = props

    def value(self, i: int, key: int) -> Any:
        return {name: node.value(i, key) for name, node in self.props.items()}

    def field(self, i: int, key: int, parts: list[str]) -> Any:
        if not parts:
            return self.value(i, key)
        node = self.props.get(parts[0])
        return node.field(i, key, parts[1:]) if node is not None else None


class _Nullable(_Node):
    def __init__(self, inner: _Node, is_null: Callable[[int], bool]) -> None:
        self.inner = inner
        self.is_null = is_null

    def value(self, i: int, key: int) -> Any:
        return None if self.is_null(key) else self.inner.value(i, key)

    def field(self, i: int, key: int, parts: list[str]) -> Any:
        return None if self.is_null(key) else self.inner.field(i, key, parts)


class _OneOf(_Node):
    def __init__(self, variants: list[_Node], which: Callable[[int], int]) -> None:
        self.variants = variants
        self.which = which

    def value(self, i: int, key: int) -> Any:
        return self.variants[self.which(key)].value(i, key)

    def field(self, i: int, key: int, parts: list[str]) -> Any:
        return self.variants[self.which(key)].field(i, key, parts)


class _Array(_Node):
    def __init__(self, item: _Node, low: int, high: int, length: Callable[[int], int]) -> None:
        self.item = item
        self.low, self.high = low, high
        self.length = length

    def value(self, i: int, key: int) -> Any:
        n = self.length(key)
        # Each element draws with its own index: 16 per item index, past the items'.
        return [self.item.value(i, (key + 1) * 16 + k) for k in range(n)]


# -- the profile -------------------------------------------------------------------------------
class SchemaProfile(Profile):
    """Items built from the list operation's item schema (see the module docstring).

    Subclasses made by ``schema_profile`` set ``doc``, ``operation`` and ``hints``.
    """

    doc: ClassVar[Mapping[str, Any]] = {}
    operation: ClassVar[Operation | None] = None
    hints: ClassVar[_Hints] = _Hints()
    item_schema: ClassVar[Mapping[str, Any]] = {}

    def __init__(self, seed: int, size: int, credentials: Mapping[str, str]) -> None:
        super().__init__(seed, size, credentials)
        self._timelines: dict[tuple[str, bool], TimeLine] = {}
        self.primary_phone = self._first_phone(self.item_schema) if self.groups else None
        """The path of the item's own number (distinct per item), if it has one."""
        self.root = self._node(self.item_schema, "", in_array=False)

    # -- building ---------------------------------------------------------------------------
    def _node(self, schema: Mapping[str, Any], path: str, *, in_array: bool) -> _Node:
        schema = _merge_all_of(schema)
        variants = schema.get("oneOf") or schema.get("anyOf")
        if variants:
            non_null = [v for v in variants if _types(v) != ["null"]]
            if len(non_null) < len(variants) and len(non_null) == 1:
                return self._nullable(self._node(non_null[0], path, in_array=in_array), path)
            nodes = [self._node(v, path, in_array=in_array) for v in non_null]
            if len(nodes) == 1:
                return nodes[0]
            rand = self.rand
            return _OneOf(nodes, lambda key: rand.below(key, f"{path}|variant", len(nodes)))
        types = _types(schema)
        nullable = "null" in types and len(types) > 1
        kind = next((t for t in types if t != "null"), None)
        if kind is None and "properties" in schema:
            kind = "object"
        if kind == "object":
            props = {
                name: self._node(sub, f"{path}.{name}".lstrip("."), in_array=in_array)
                for name, sub in (schema.get("properties") or {}).items()
            }
            node: _Node = _Object(props)
        elif kind == "array":
            node = self._array(schema, path)
        else:
            node = _Leaf(self._leaf(schema, path, in_array=in_array))
        return self._nullable(node, path) if nullable else node

    def _nullable(self, node: _Node, path: str) -> _Node:
        if path in self.hints.ordered or path == self.primary_phone:
            return node  # always present: paging and uniqueness rely on them
        rand = self.rand
        return _Nullable(node, lambda key: rand.chance(key, f"{path}|null", 0.15))

    def _array(self, schema: Mapping[str, Any], path: str) -> _Node:
        low = int(schema.get("minItems", 0))
        high = int(schema.get("maxItems", low + 3))
        high = max(low, min(high, low + 3))
        rand = self.rand
        items = _merge_all_of(schema.get("items") or {})
        enum = list(items.get("enum", []))
        if enum and high <= len(enum):  # distinct choices, like tags

            def sample(i: int, key: int) -> list[Any]:
                n = low + rand.below(key, f"{path}|n", high - low + 1)
                return random.Random(rand.bits(key, path)).sample(enum, n)

            return _Leaf(sample)
        item = self._node(items, f"{path}[]", in_array=True)
        return _Array(
            item, low, high, lambda key: low + rand.below(key, f"{path}|n", high - low + 1)
        )

    def _is_phone(self, path: str) -> bool:
        return _looks_like_phone(path.rsplit(".", 1)[-1].rstrip("[]"))

    def _first_phone(self, schema: Mapping[str, Any], prefix: str = "") -> str | None:
        """The first phone-like string field outside arrays: the item's own number."""
        schema = _merge_all_of(schema)
        for variant in schema.get("oneOf") or schema.get("anyOf") or []:
            found = self._first_phone(variant, prefix)
            if found:
                return found
        for name, sub in (schema.get("properties") or {}).items():
            sub = _merge_all_of(sub)
            path = f"{prefix}{name}"
            if "string" in _types(sub) and _looks_like_phone(name) and "format" not in sub:
                return path
            if "properties" in sub or "oneOf" in sub or "anyOf" in sub or "allOf" in sub:
                found = self._first_phone(sub, path + ".")
                if found:
                    return found
        return None

    def _leaf(self, schema: Mapping[str, Any], path: str, *, in_array: bool) -> Getter:
        validator = Validator(schema)
        candidates = list(self._candidates(schema, path, in_array=in_array))
        samples = [(i, i) for i in range(min(self.size, _SAMPLES))]
        if in_array:
            samples = [(i, (i + 1) * 16) for i, _ in samples]
        for get in candidates:
            if all(validator.is_valid(get(i, key)) for i, key in samples):
                return get
        return candidates[-1]

    def _candidates(
        self, schema: Mapping[str, Any], path: str, *, in_array: bool
    ) -> Iterable[Getter]:
        rand, name = self.rand, path.rsplit(".", 1)[-1].rstrip("[]")
        kind = next((t for t in _types(schema) if t != "null"), "string")
        if "const" in schema:
            const = schema["const"]
            yield lambda i, key: const
        if kind == "string" and (self._is_phone(path) or _looks_like_country(name)):
            yield from self._numbers_and_countries(path, name, in_array=in_array)
        hinted = [v for v in self.hints.choices.get(path, []) if _fits(schema, v)]
        enum = list(schema.get("enum", []))
        if kind == "string" and "type" in _words(name) and not in_array:
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
            yield from self._strings(schema, path, name, in_array=in_array)
        else:
            yield lambda i, key: None

    def _ordered(self, schema: Mapping[str, Any], path: str, kind: str) -> Iterable[Getter]:
        """Values that follow the index (ascending, or descending for a desc order)."""
        descending = self.hints.ordered[path]
        times = self._timeline(path, descending)
        if schema.get("format") == "date-time":
            yield lambda i, key: iso_utc(times.at(i))
        elif schema.get("format") == "date":
            yield lambda i, key: times.date(i).isoformat()
        elif kind in ("integer", "number"):
            low = int(_bounds(schema, 1, 10**12, step=1)[0])
            yield lambda i, key: low + times.offset(i)
        elif kind == "string" and path != self.primary_phone:  # a time in a pattern's format
            for layout in _TIME_LAYOUTS:
                yield _formatted(lambda i, key: times.at(i), layout)
        elif path == self.primary_phone and self.numbers_sorted:
            yield from self._numbers_and_countries(path, "", in_array=False)

    def _timeline(self, path: str, descending: bool) -> TimeLine:
        key = (path, descending)
        if key not in self._timelines:
            self._timelines[key] = TimeLine(
                self.rand, self.size, _TIME_START, self.now, descending=descending
            )
        return self._timelines[key]

    def _number_types(self, path: str, values: list[Any]) -> Iterable[Getter]:
        """A number-type field that names the kind of the item's number (when it can)."""
        if self.primary_phone is None or not self.size or not values:
            return
        named = {
            kind: next((v for v in values if _squash(v) in words), None)
            for kind, words in _KIND_WORDS.items()
        }
        if not any(named.values()):
            return
        rand = self.rand

        def number_type(i: int, key: int) -> Any:
            value = named.get(self.block(i).group.kind)
            return value if value is not None else rand.pick(key, path, values)

        yield number_type

    def _numbers_and_countries(self, path: str, name: str, *, in_array: bool) -> Iterable[Getter]:
        """Phone numbers (E.164, then digits only), or the country of the item's number."""
        rand, size = self.rand, self.size
        if not size or not self.groups:
            return
        if self._is_phone(path):

            def e164(i: int, key: int) -> str:
                if path == self.primary_phone:
                    return self.phone(i)[0]
                return self.phone((key + 1) % size)[0]  # another number: another item's

            yield e164
            yield lambda i, key: e164(i, key)[1:]
            return
        regions = [g.region for g in self.groups]

        def region(i: int, key: int) -> str:
            if self.primary_phone is not None and not in_array:
                return self.block(i).region
            return rand.pick(key, path, regions)

        def country_name(i: int, key: int) -> str:
            code = region(i, key)
            return COUNTRY_NAMES.get(code, code)

        yield from (country_name, region) if "name" in _words(name) else (region, country_name)

    def _strings(
        self, schema: Mapping[str, Any], path: str, name: str, *, in_array: bool
    ) -> Iterable[Getter]:
        rand, fmt = self.rand, schema.get("format")
        known = known_values(schema.get("description"))
        if known:
            yield lambda i, key: rand.pick(key, path, known)
        if fmt is None and set(_words(name)) & _TIME_WORDS:  # a time, in some layout
            span = int((self.now - _TIME_START).total_seconds())

            def instant(i: int, key: int) -> dt.datetime:
                return _TIME_START + dt.timedelta(seconds=rand.below(key, path, span))

            for layout in _TIME_LAYOUTS:
                yield _formatted(instant, layout)
        if fmt == "uuid":
            yield lambda i, key: rand.uuid(key, path)
        elif fmt == "date-time":
            span = int((self.now - _TIME_START).total_seconds())
            yield lambda i, key: iso_utc(
                _TIME_START + dt.timedelta(seconds=rand.below(key, path, span))
            )
        elif fmt == "date":
            days = (self.now - _TIME_START).days
            yield lambda i, key: (
                _TIME_START.date() + dt.timedelta(days=rand.below(key, path, days))
            ).isoformat()
        elif fmt == "email":
            yield lambda i, key: f"user{rand.below(key, path, 10**6)}@example.com"
        elif fmt in ("uri", "url", "uri-reference"):
            yield lambda i, key: f"https://example.com/{name}/{rand.hex(key, path, 12)}"
        if path in self.hints.vocabulary or set(_words(name)) & {"name", "alias", "label"}:
            yield lambda i, key: rand.pick(key, path, _VOCABULARY)
        pattern = schema.get("pattern")
        if pattern:
            yield lambda i, key: from_pattern(pattern, random.Random(rand.bits(key, path)))
        low, high = int(schema.get("minLength", 0)), schema.get("maxLength")
        stem = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "value"

        def word(i: int, key: int) -> str:
            text = f"{stem}_{rand.hex(key, path, 8)}"
            text = text.ljust(low, "x")
            return text[:high] if high is not None else text

        yield word

    # -- the profile's interface --------------------------------------------------------------
    def make(self, i: int, variant: str | None = None) -> dict[str, Any]:
        """See ``Profile.make``."""
        item = self.root.value(i, i)
        return item if isinstance(item, dict) else {"value": item}

    def columns(self) -> Mapping[str, Callable[[int], Any]]:
        """See ``Profile.columns``: every field a filter, sort or cursor names."""
        root = self.root

        def getter(parts: list[str]) -> Callable[[int], Any]:
            return lambda i: root.field(i, i, parts)

        return {path: getter(path.split(".")) for path in self.hints.columns}


def _formatted(instant: Callable[[int, int], dt.datetime], layout: str) -> Getter:
    return lambda i, key: instant(i, key).strftime(layout)


def _fits(schema: Mapping[str, Any], value: Any) -> bool:
    return Validator(schema).is_valid(value)


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


def _object_of(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """``schema``, or its first variant that is not null (``anyOf: [X, {type: null}]``)."""
    schema = _merge_all_of(schema)
    for variant in schema.get("oneOf") or schema.get("anyOf") or []:
        variant = _merge_all_of(variant)
        if _types(variant) != ["null"]:
            return variant
    return schema


def _merge_all_of(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    parts = schema.get("allOf")
    if not parts:
        return schema
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    for part in parts:
        part = _merge_all_of(part)
        for key, value in part.items():
            if key == "properties":
                merged.setdefault("properties", {}).update(value)
            elif key == "required":
                merged["required"] = sorted({*merged.get("required", []), *value})
            else:
                merged.setdefault(key, value)
    return merged


# -- the spec's side: item schema, envelope, number groups ------------------------------------
def schema_profile(provider: str, doc: Mapping[str, Any], op: Operation) -> type[Profile]:
    """A profile class for ``provider`` made from its spec (see the module docstring)."""
    ok, results = _ok_and_results(doc, op)
    node: Mapping[str, Any] = ok
    for part in results.removeprefix("$.").split("."):
        node = _object_of(node).get("properties", {}).get(part, {})
    item = _object_of(node).get("items", {})
    hints = _Hints.of(doc, op)
    groups = _groups(list(dict.fromkeys(hints.countries)))
    order = op.extension("x-numberhub-order") or {}
    by = str(order.get("by", ""))
    numbers_sorted = _looks_like_phone(by.rsplit(".", 1)[-1]) and order.get("direction") != "desc"
    attrs: dict[str, Any] = {
        "provider": provider,
        "doc": doc,
        "operation": op,
        "hints": hints,
        "item_schema": item,
        "groups": groups,
        "numbers_sorted": numbers_sorted,
        "envelope": _envelope(ok, op, results),
    }
    return type(f"SchemaProfile_{provider}", (SchemaProfile,), attrs)


def _groups(countries: list[str]) -> list[Group]:
    """Where the numbers come from: the countries a filter names, else a default mix."""
    if not countries:
        return list(_DEFAULT_GROUPS)
    groups = [g for g in _DEFAULT_GROUPS if g.region in countries]
    for country in countries:
        if any(g.region == country for g in groups):
            continue
        for kind, number_type in (
            ("fixed", PhoneNumberType.FIXED_LINE),
            ("mobile", PhoneNumberType.MOBILE),
        ):
            if phonenumbers.example_number_for_type(country, number_type) is not None:
                groups.append(Group(country, kind, 5, "local" if kind == "fixed" else kind))
                break
    return groups or list(_DEFAULT_GROUPS)


def _ok_and_results(doc: Mapping[str, Any], op: Operation) -> tuple[dict[str, Any], str]:
    ok = resolve(doc, op.spec["responses"]["200"]["content"]["application/json"]["schema"])
    sp = op.extension("x-speakeasy-pagination") or {}
    return ok, str((sp.get("outputs") or {}).get("results", "$.data"))


_PLACEHOLDERS = {
    "limit": "{limit}",
    "page_size": "{limit}",
    "pagesize": "{limit}",
    "per_page": "{limit}",
    "offset": "{offset}",
    "page": "{page}",
    "current_page": "{page}",
    "request_id": "{request_id}",
    "api_id": "{request_id}",
}


def _paging_paths(op: Operation, results: str) -> set[str]:
    sp = op.extension("x-speakeasy-pagination") or {}
    nh = op.extension("x-numberhub-pagination") or {}
    paths = {results, *(sp.get("outputs") or {}).values()}
    paths |= {nh[k] for k in ("next_url", "total_items", "total_pages") if k in nh}
    paths |= set((nh.get("end") or {}).values())
    mode = nh.get("cursor_mode") or {}
    if mode.get("next_cursor"):
        paths.add(mode["next_cursor"])
    return {str(p).removeprefix("$.") for p in paths}


def _envelope(ok: Mapping[str, Any], op: Operation, results: str) -> dict[str, Any]:
    """The page body's fields that paging does not write: required ones and known counters."""
    written = _paging_paths(op, results)

    def build(schema: Mapping[str, Any], prefix: str) -> dict[str, Any]:
        schema = _object_of(schema)
        required = set(schema.get("required", []))
        out: dict[str, Any] = {}
        for name, sub in (schema.get("properties") or {}).items():
            path = f"{prefix}{name}"
            if path in written:
                continue
            if any(w.startswith(path + ".") for w in written):
                out[name] = build(sub, path + ".")
                continue
            sub = _object_of(sub)
            types = _types(sub)
            if name in _PLACEHOLDERS and set(types) & {"integer", "string"}:
                out[name] = _PLACEHOLDERS[name]
            elif name in required:
                out[name] = _static(sub)
        return out

    return build(ok, "")


def _static(schema: Mapping[str, Any]) -> Any:
    """A plain valid value for a required envelope field."""
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    types = _types(schema)
    if "boolean" in types:
        return True
    if "integer" in types or "number" in types:
        return schema.get("minimum", 200 if "integer" in types else 0)
    if "null" in types:
        return None
    if "string" in types:
        known = known_values(schema.get("description"))
        return known[0] if known else "OK"
    if "array" in types:
        return []
    if "object" in types or "properties" in schema:
        return {
            k: _static(_merge_all_of(v))
            for k, v in (schema.get("properties") or {}).items()
            if k in set(schema.get("required", []))
        }
    return None
