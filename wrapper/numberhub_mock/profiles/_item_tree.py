"""An item as a tree of schema nodes: each node gives its value, and the value of a field.

A leaf holds a getter ``(item index, draw index) -> value``; the draw index is the item's
own index, except inside arrays, where each element draws with its own. Objects, arrays,
nullable nodes and ``oneOf`` / ``anyOf`` choices compose them. Schemas are read with
``$ref`` followed and ``allOf`` merged (``_schemas``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._realism import OMIT

__all__ = ["Array", "Getter", "Leaf", "Node", "Nullable", "Object", "OneOf"]

Getter = Callable[[int, int], Any]
"""``(item index, draw index) -> value``; the draw index differs inside arrays."""


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
        out = {n: v for n, node in self.props.items() if (v := node.value(i, key)) is not OMIT}
        return out if out or not self.props else OMIT

    def field(self, i: int, key: int, parts: list[str]) -> Any:
        """See `Node.field`."""
        if parts and parts[0] in self.props:
            return self.props[parts[0]].field(i, key, parts[1:])
        return super().field(i, key, parts)


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
