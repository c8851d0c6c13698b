"""The one data engine: a provider's items by index, made from its spec model.

``Profile`` turns an index ``0 <= i < size`` into one item, in the provider's server order
(``x-numberhub-order``). Every value is a pure function of ``(seed, i)``, so an item can be
made on demand, alone, in any order: a million-item dataset costs nothing until it is read,
and a column (one field of every item) is computed for filtering without making items.

It reads the list operation's item schema, its ``x-numberhub-item`` mapping and its other
extensions, and makes items that validate against the schema:

* **Mapped fields** (`MappedValues`) are realistic by the mapping: numbers valid for
  their country in the rule's form, the country their own, types that agree with the
  number's kind, statuses from the value map, times in the rule's time zone, prices
  consistent with their currency and exponent, unique ids.
* **Order and cursor fields** follow the index: times from a time line, numbers in E.164
  order when the order is by number.
* **Filter fields** take the values the filter accepts; everything else by its schema and
  name (`SchemaValues`).
* **The provider's realism**: what its spec cannot say (the countries and number types it
  sells, prices, cross-field rules) comes from its `Realism` table (``REALISM``), read
  beside the spec. Its rules' values are checked against the schema when the engine starts.

A spec without a mapping (``voxly``) still gets valid numbers: the first phone-like field
is the item's own number.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar

from numberhub_spec import Spec

from .._generate import known_values
from .._schemas import merge_all_of, schema_at, types
from .._validation import Validator
from ._item_tree import Array, Getter, Leaf, Node, Nullable, Object, OneOf
from ._mapped_values import MappedValues, number_path, type_labels
from ._number_groups import groups_for
from ._numbers import Numbers
from ._realism import OMIT, Item, Realism, Rule
from ._schema_values import SchemaValues
from ._spec_hints import Hints, looks_like_phone

__all__ = ["Profile", "profile_class"]

_SAMPLES = 8


def _phone_paths(resolve: Callable[[Any], Any], schema: Any, prefix: str = "") -> Iterator[str]:
    """Phone-like string fields outside arrays, in schema order: the first is the item's number."""
    schema = merge_all_of(resolve, schema)
    for variant in schema.get("oneOf") or schema.get("anyOf") or []:
        yield from _phone_paths(resolve, variant, prefix)
    for name, sub in (schema.get("properties") or {}).items():
        sub = merge_all_of(resolve, sub)
        if "string" in types(sub) and looks_like_phone(name) and "format" not in sub:
            yield prefix + name
        elif any(k in sub for k in ("properties", "oneOf", "anyOf", "allOf")):
            yield from _phone_paths(resolve, sub, f"{prefix}{name}.")


def _present(value: Any) -> Any:
    return None if value is OMIT else value


class Profile(Numbers):
    """A provider's items, made from its spec and its `Realism` (see the module docstring).

    Classes made by ``profile_class`` set the class attributes.

    Args:
        seed: The dataset's seed.
        size: How many items.
        credentials: The provider's credentials (items may embed the account id).
    """

    hints: ClassVar[Hints] = Hints()
    realism: ClassVar[Realism] = Realism()

    def __init__(self, seed: int, size: int, credentials: Mapping[str, str]) -> None:
        super().__init__(seed, size, credentials, self.realism.since, self.realism.places)
        self._last = Item(self, -1, None)
        self.mapped = MappedValues(self.spec.item, self, self.hints.ordered, self.timeline)
        spec = self.spec
        phone = number_path(spec.item) or next(_phone_paths(spec.resolve, spec.item_schema), None)
        self.primary_phone = phone if self.groups else None
        """The path of the item's own number (distinct per item), if it has one."""
        self.values = SchemaValues(
            self, self.spec, self.hints, self.mapped, self.primary_phone, self.timeline
        )
        kept = {*self.hints.ordered, *self.mapped.paths, *self.realism.fields, self.primary_phone}
        self._always = {p.rsplit(".", k)[0] for p in kept if p for k in range(p.count(".") + 1)}
        self._getters: dict[tuple[str, str | None], Callable[[int], Any]] = {}
        self._roots: dict[str | None, Node] = {}
        for variant in (None, *self.realism.variants):  # all built now: none while serving
            self._root(variant)
        unknown = set(self.realism.fields) - self._made
        if unknown:
            raise ValueError(f"{self.spec.name}: realism names no field of the item: {unknown}")

    # -- building ---------------------------------------------------------------------------
    def _root(self, variant: str | None) -> Node:
        root = self._roots.get(variant)
        if root is None:
            self._made: set[str] = set()
            self._variant = variant
            self._checks: list[tuple[str, Getter, Validator]] = []
            root = self._roots[variant] = self._node(self.spec.item_schema, "", in_array=False)
            for path, get, validator in self._checks:  # rules may read any other field
                values = [get(i, i) for i in range(min(self.size, _SAMPLES))]
                bad = [v for v in values if v is not OMIT and not validator.is_valid(v)]
                if bad:
                    raise ValueError(f"{self.spec.name}: realism's {path} breaks its schema")
        return root

    def _node(self, schema: Any, path: str, *, in_array: bool) -> Node:
        schema = merge_all_of(self.spec.resolve, schema)
        variants = schema.get("oneOf") or schema.get("anyOf")
        if variants:
            resolved = [merge_all_of(self.spec.resolve, v) for v in variants]
            non_null = [v for v in resolved if types(v) != ["null"]]
            if len(non_null) < len(resolved) and len(non_null) == 1:
                return self._nullable(self._node(non_null[0], path, in_array=in_array), path)
            nodes = [self._node(v, path, in_array=in_array) for v in non_null]
            if len(nodes) == 1:
                return nodes[0]
            return OneOf(nodes, lambda key: self.rand.below(key, f"{path}|variant", len(nodes)))
        kinds = types(schema)
        nullable = "null" in kinds and len(kinds) > 1
        kind = next((t for t in kinds if t != "null"), None)
        if kind is None and "properties" in schema:
            kind = "object"
        if kind == "object" and path not in self.realism.fields:
            props = {
                name: self._node(sub, f"{path}.{name}".lstrip("."), in_array=in_array)
                for name, sub in (schema.get("properties") or {}).items()
            }
            node: Node = Object(props)
        elif kind == "array" and path not in self.realism.fields:
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

        items = merge_all_of(self.spec.resolve, schema.get("items") or {})
        enum = list(items.get("enum", []))
        if enum and high <= len(enum):  # distinct choices, like tags
            return Leaf(
                lambda i, key: random.Random(rand.bits(key, path)).sample(enum, length(key))
            )
        return Array(self._node(items, f"{path}[]", in_array=True), length)

    def _leaf(self, schema: Mapping[str, Any], path: str, *, in_array: bool) -> Callable[..., Any]:
        validator = Validator(self.spec, schema)
        samples = [(i, (i + 1) * 16 if in_array else i) for i in range(min(self.size, _SAMPLES))]
        if path in self.realism.fields and not in_array:
            self._made.add(path)
            get = self._rule(self.realism.fields[path])
            self._checks.append((path, get, validator))
            return get
        candidates = list(self.values.candidates(schema, path, in_array=in_array))
        for get in candidates:
            if all(validator.is_valid(get(i, key)) for i, key in samples):
                return get
        return candidates[-1]

    def _rule(self, rule: Any) -> Callable[[int, int], Any]:
        if not callable(rule):
            return lambda i, key: rule
        variant, item = self._variant, self.item
        return lambda i, key: rule(item(i, variant))

    # -- the items --------------------------------------------------------------------------
    def item(self, i: int, variant: str | None = None) -> Item:
        """Item ``i`` as realism rules see it (the last one is kept: fields share it)."""
        last = self._last  # read and written whole: safe across threads
        if last.i != i or last.variant != variant:
            last = self._last = Item(self, i, variant)
        return last

    def make(self, i: int, variant: str | None = None) -> dict[str, Any]:
        """Item ``i`` as served (``variant``: one of the realism's ``variants``)."""
        item = self._root(variant if variant in self.realism.variants else None).value(i, i)
        return item if isinstance(item, dict) else {"value": item}

    def columns(self) -> Mapping[str, Callable[[int], Any]]:
        """Every field a filter, sort or cursor names, item index -> value."""
        return {path: self.getter(path) for path in {*self.hints.columns, *self.realism.hidden}}

    def getter(self, path: str, variant: str | None = None) -> Callable[[int], Any]:
        """Item index -> its (dotted) field ``path``, None where absent (made once)."""
        key = (path, variant)
        get = self._getters.get(key)
        if get is None:
            get = self._getters[key] = self._make_getter(path, variant)
        return get

    def _make_getter(self, path: str, variant: str | None) -> Callable[[int], Any]:
        item, rule = self.item, self.realism.hidden.get(path) or self.realism.fields.get(path)
        if callable(rule):
            return lambda i: _present(rule(item(i, variant)))
        root = self._root(variant)
        node, parts = root, path.split(".")
        while isinstance(node, Object) and parts and parts[0] in node.props:
            node = node.props[parts.pop(0)]
        if isinstance(node, Leaf) and not parts:
            get = node.get
            return lambda i: _present(get(i, i))
        parts = path.split(".")
        return lambda i: _present(root.field(i, i, parts))

    def sort_keys(self) -> Mapping[str, Callable[[int], Any]]:
        """Getters cheaper to compare than a field's values that order items exactly alike.

        E.g. seconds since the epoch for a formatted time. Fields not listed sort by value.
        """
        item = self.item

        def key(rule: Rule) -> Callable[[int], Any]:
            return lambda i: rule(item(i))

        return {path: key(rule) for path, rule in self.realism.sort_keys.items()}


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
    known = [*schema.get("enum", ()), *known_values(schema.get("description"))]
    known += hints.choices.get(path, ())
    return next((str(v) for v in known if str(v) not in listed), None)


def profile_class(spec: Spec, realism: Realism) -> type[Profile]:
    """The profile class of ``spec``'s provider, with its realism (``Realism()``: none)."""
    hints = Hints.of(spec)
    order = spec.order
    by = order.by if order is not None and order.direction == "asc" else ""
    by_number = by == number_path(spec.item) or looks_like_phone(by.rsplit(".", 1)[-1])
    labels = type_labels(spec.item)
    countries = list(dict.fromkeys(hints.countries))
    groups = list(realism.groups) or groups_for(labels, countries, _unmapped_type(spec, hints))
    attributes = {
        "spec": spec,
        "hints": hints,
        "realism": realism,
        "groups": groups,
        "numbers_sorted": bool(by) and by_number,
    }
    return type(f"Profile_{spec.name}", (Profile,), attributes)
