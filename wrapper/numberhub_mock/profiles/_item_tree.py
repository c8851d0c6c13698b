"""An item as a tree of schema nodes: each node gives its value, and the value of a field.

A leaf holds a getter ``(item index, draw index) -> value``; the draw index is the item's
own index, except inside arrays, where each element draws with its own. Objects, arrays,
nullable nodes and ``oneOf`` / ``anyOf`` choices compose them. Schemas are read with
``$ref`` followed by the spec (``Spec.resolve``) and ``allOf`` merged (`merge_all_of`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ._realism import OMIT

__all__ = [
    "Array",
    "Getter",
    "Leaf",
    "Node",
    "Nullable",
    "Object",
    "OneOf",
    "Resolve",
    "merge_all_of",
    "object_of",
    "schema_at",
    "types",
]

Getter = Callable[[int, int], Any]
"""``(item index, draw index) -> value``; the draw index differs inside arrays."""

Resolve = Callable[[Any], Any]
"""A schema with its ``$ref`` chain followed (``Spec.resolve``)."""


def types(schema: Mapping[str, Any]) -> list[str]:
    """The JSON types a schema names, in order."""
    t = schema.get("type")
    if isinstance(t, list):
        return [str(x) for x in t]
    return [str(t)] if isinstance(t, str) else []


def merge_all_of(resolve: Resolve, schema: Any) -> Mapping[str, Any]:
    """``schema`` resolved, with its ``allOf`` parts merged into one schema."""
    schema = resolve(schema)
    if not isinstance(schema, Mapping):
        return {}
    parts = schema.get("allOf")
    if not parts:
        return schema
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    for part in parts:
        for key, value in merge_all_of(resolve, part).items():
            if key == "properties":
                merged["properties"] = {**merged.get("properties", {}), **value}
            elif key == "required":
                merged["required"] = sorted({*merged.get("required", []), *value})
            else:
                merged.setdefault(key, value)
    return merged


def object_of(resolve: Resolve, schema: Any) -> Mapping[str, Any]:
    """``schema``, or its first variant that is not null (``anyOf: [X, {type: null}]``)."""
    merged = merge_all_of(resolve, schema)
    for variant in merged.get("oneOf") or merged.get("anyOf") or []:
        found = merge_all_of(resolve, variant)
        if types(found) != ["null"]:
            return found
    return merged


def schema_at(resolve: Resolve, schema: Any, dotted: str) -> Mapping[str, Any]:
    """The schema of the (dotted) field below ``schema``; empty where it has none."""
    for key in dotted.split("."):
        schema = (object_of(resolve, schema).get("properties") or {}).get(key)
        if schema is None:
            return {}
    return object_of(resolve, schema)


class Node:
    """One schema node: the value of an item (and of one of its dotted fields)."""

    def value(self, i: int, key: int) -> Any:
        """The node's value for item ``i`` (draw index ``key``)."""
        raise NotImplementedError

    def field(self, i: int, key: int, parts: list[str]) -> Any:
        """The value of the dotted field ``parts`` below this node (None where absent)."""
        return None if parts else self.value(i, key)


class Leaf(Node):
    """A value from a getter."""

    def __init__(self, get: Getter) -> None:
        self.get = get

    def value(self, i: int, key: int) -> Any:
        """See `Node.value`."""
        return self.get(i, key)


class Object(Node):
    """An object: its properties, in schema order."""

    def __init__(self, props: dict[str, Node]) -> None:
        self.props = props

    def value(self, i: int, key: int) -> Any:
        """See `Node.value`: keys whose value is ``OMIT`` are left out.

        An object whose every key is left out is ``OMIT`` itself.
        """
        out = {}
        for name, node in self.props.items():
            value = node.value(i, key)
            if value is not OMIT:
                out[name] = value
        return out if out or not self.props else OMIT

    def field(self, i: int, key: int, parts: list[str]) -> Any:
        """See `Node.field`."""
        if not parts:
            return self.value(i, key)
        node = self.props.get(parts[0])
        return node.field(i, key, parts[1:]) if node is not None else None


class Nullable(Node):
    """A node that is null for some items."""

    def __init__(self, inner: Node, is_null: Callable[[int], bool]) -> None:
        self.inner = inner
        self.is_null = is_null

    def value(self, i: int, key: int) -> Any:
        """See `Node.value`."""
        return None if self.is_null(key) else self.inner.value(i, key)

    def field(self, i: int, key: int, parts: list[str]) -> Any:
        """See `Node.field`."""
        return None if self.is_null(key) else self.inner.field(i, key, parts)


class OneOf(Node):
    """One of several variants, drawn per item."""

    def __init__(self, variants: list[Node], which: Callable[[int], int]) -> None:
        self.variants = variants
        self.which = which

    def value(self, i: int, key: int) -> Any:
        """See `Node.value`."""
        return self.variants[self.which(key)].value(i, key)

    def field(self, i: int, key: int, parts: list[str]) -> Any:
        """See `Node.field`."""
        return self.variants[self.which(key)].field(i, key, parts)


class Array(Node):
    """An array of ``length(key)`` elements, each drawing with its own index."""

    def __init__(self, item: Node, length: Callable[[int], int]) -> None:
        self.item = item
        self.length = length

    def value(self, i: int, key: int) -> Any:
        """See `Node.value`."""
        # Each element draws with its own index: 16 per item index, past the items'.
        return [self.item.value(i, (key + 1) * 16 + k) for k in range(self.length(key))]
