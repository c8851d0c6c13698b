"""A data profile made from a spec alone, for providers without a hand-written profile.

Adding a provider takes its YAML only: this profile reads the list operation's item
schema, its ``x-numberhub-item`` mapping and its other extensions through the spec model,
and makes items that validate against the schema, reproducibly for a seed, by the same
per-index draws as the hand-written profiles:

* **Mapped fields** (`MappedValues`) are realistic by the mapping: numbers valid for
  their country in the rule's form, the country their own, types from the value map that
  agree with the number's kind, statuses from the value map, times in the rule's time
  zone, capabilities as booleans, a price consistent with its currency and exponent,
  unique ids. Numbers come from the countries a country filter names, in the kinds the
  type's value map has values for (`groups_for`).
* **Order and cursor fields** (``x-numberhub-order``, a ``field`` cursor) follow the
  index: date-times and dates from a time line, integers from its offsets, numbers in
  E.164 order when the order is by number.
* **Filter fields** take the values the filter accepts, so that every filter selects
  something; everything else by its schema and name (`SchemaValues`).

A spec without a mapping (``voxly``) still gets valid numbers: the first phone-like field
is the item's own number.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from numberhub_spec import Spec

from .._generate import known_values
from .._validation import Validator
from ._base import Profile
from ._item_tree import (
    Array,
    Leaf,
    Node,
    Nullable,
    Object,
    OneOf,
    Resolve,
    merge_all_of,
    schema_at,
    types,
)
from ._mapped_values import TIME_START, MappedValues, number_path, type_labels
from ._number_groups import groups_for
from ._schema_values import SchemaValues
from ._spec_hints import Hints, looks_like_phone
from ._timeline import TimeLine

__all__ = ["SchemaProfile", "schema_profile"]

_SAMPLES = 8


def _first_phone(resolve: Resolve, schema: Any, prefix: str = "") -> str | None:
    """The first phone-like string field outside arrays: the item's own number."""
    schema = merge_all_of(resolve, schema)
    for variant in schema.get("oneOf") or schema.get("anyOf") or []:
        found = _first_phone(resolve, variant, prefix)
        if found:
            return found
    for name, sub in (schema.get("properties") or {}).items():
        sub = merge_all_of(resolve, sub)
        path = f"{prefix}{name}"
        if "string" in types(sub) and looks_like_phone(name) and "format" not in sub:
            return path
        if any(k in sub for k in ("properties", "oneOf", "anyOf", "allOf")):
            found = _first_phone(resolve, sub, path + ".")
            if found:
                return found
    return None


class SchemaProfile(Profile):
    """Items built from the list operation's item schema (see the module docstring).

    Subclasses made by ``schema_profile`` set ``spec`` and ``hints``.
    """

    spec: ClassVar[Spec]
    hints: ClassVar[Hints] = Hints()

    def __init__(self, seed: int, size: int, credentials: Mapping[str, str]) -> None:
        super().__init__(seed, size, credentials)
        self._timelines: dict[tuple[str, bool], TimeLine] = {}
        self.resolve: Resolve = self.spec.resolve
        self.mapped = MappedValues(self.spec.item, self, self.hints.ordered, self._timeline)
        item = self.spec.item_schema
        phone = number_path(self.spec.item) or _first_phone(self.resolve, item)
        self.primary_phone = phone if self.groups else None
        """The path of the item's own number (distinct per item), if it has one."""
        self.values = SchemaValues(
            self, self.spec, self.hints, self.mapped, self.primary_phone, self._timeline
        )
        kept = {*self.hints.ordered, *self.mapped.paths, self.primary_phone}
        self._always = {p.rsplit(".", k)[0] for p in kept if p for k in range(p.count(".") + 1)}
        self.root = self._node(item, "", in_array=False)

    def _timeline(self, path: str, descending: bool) -> TimeLine:
        key = (path, descending)
        if key not in self._timelines:
            self._timelines[key] = TimeLine(
                self.rand, self.size, TIME_START, self.now, descending=descending
            )
        return self._timelines[key]

    # -- building ---------------------------------------------------------------------------
    def _node(self, schema: Any, path: str, *, in_array: bool) -> Node:
        schema = merge_all_of(self.resolve, schema)
        variants = schema.get("oneOf") or schema.get("anyOf")
        if variants:
            resolved = [merge_all_of(self.resolve, v) for v in variants]
            non_null = [v for v in resolved if types(v) != ["null"]]
            if len(non_null) < len(resolved) and len(non_null) == 1:
                return self._nullable(self._node(non_null[0], path, in_array=in_array), path)
            nodes = [self._node(v, path, in_array=in_array) for v in non_null]
            if len(nodes) == 1:
                return nodes[0]
            rand = self.rand
            return OneOf(nodes, lambda key: rand.below(key, f"{path}|variant", len(nodes)))
        kinds = types(schema)
        nullable = "null" in kinds and len(kinds) > 1
        kind = next((t for t in kinds if t != "null"), None)
        if kind is None and "properties" in schema:
            kind = "object"
        if kind == "object":
            props = {
                name: self._node(sub, f"{path}.{name}".lstrip("."), in_array=in_array)
                for name, sub in (schema.get("properties") or {}).items()
            }
            node: Node = Object(props)
        elif kind == "array":
            node = self._array(schema, path)
        else:
            node = Leaf(self._leaf(schema, path, in_array=in_array))
        return self._nullable(node, path) if nullable else node

    def _nullable(self, node: Node, path: str) -> Node:
        if path in self._always:
            return node  # always present: paging, uniqueness and the mapping rely on them
        rand = self.rand
        return Nullable(node, lambda key: rand.chance(key, f"{path}|null", 0.15))

    def _array(self, schema: Mapping[str, Any], path: str) -> Node:
        low = int(schema.get("minItems", 0))
        high = max(low, min(int(schema.get("maxItems", low + 3)), low + 3))
        rand = self.rand

        def length(key: int) -> int:
            return low + rand.below(key, f"{path}|n", high - low + 1)

        items = merge_all_of(self.resolve, schema.get("items") or {})
        enum = list(items.get("enum", []))
        if enum and high <= len(enum):  # distinct choices, like tags
            return Leaf(
                lambda i, key: random.Random(rand.bits(key, path)).sample(enum, length(key))
            )
        return Array(self._node(items, f"{path}[]", in_array=True), length)

    def _leaf(self, schema: Mapping[str, Any], path: str, *, in_array: bool) -> Callable[..., Any]:
        validator = Validator(self.spec, schema)
        candidates = list(self.values.candidates(schema, path, in_array=in_array))
        samples = [(i, (i + 1) * 16 if in_array else i) for i in range(min(self.size, _SAMPLES))]
        for get in candidates:
            if all(validator.is_valid(get(i, key)) for i, key in samples):
                return get
        return candidates[-1]

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


def _unmapped_type(spec: Spec, hints: Hints) -> str | None:
    """A value of the mapped type field that its value map does not list, if any.

    From the field's enum, its description's known values or a filter's values.
    """
    rule = next((r for r in spec.item.type if r.paths), None)
    if rule is None or not rule.values:
        return None
    path = rule.paths[0].dotted
    schema = schema_at(spec.resolve, spec.item_schema, path)
    listed = {*rule.values, *(k.lower() for k in rule.values)}
    known = [
        *schema.get("enum", ()),
        *known_values(schema.get("description")),
        *hints.choices.get(path, ()),
    ]
    return next((str(v) for v in known if str(v) not in listed), None)


def schema_profile(spec: Spec) -> type[Profile]:
    """A profile class for ``spec``'s provider, made from the spec alone."""
    hints = Hints.of(spec)
    order = spec.order
    by = order.by if order is not None and order.direction == "asc" else ""
    by_number = by == number_path(spec.item) or looks_like_phone(by.rsplit(".", 1)[-1])
    labels = type_labels(spec.item)
    countries = list(dict.fromkeys(hints.countries))
    attributes: dict[str, Any] = {
        "provider": spec.name,
        "spec": spec,
        "hints": hints,
        "groups": groups_for(labels, countries, _unmapped_type(spec, hints)),
        "numbers_sorted": bool(by) and by_number,
    }
    return type(f"SchemaProfile_{spec.name}", (SchemaProfile,), attributes)
