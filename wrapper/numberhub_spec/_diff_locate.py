"""Where things are in a spec: JSON pointers that follow ``$ref``, and their lines.

A `Loc` is a node of a parsed spec and its JSON pointer; stepping into a key that holds
a ``$ref`` lands on the ``$ref``'s target, so every pointer a change names is where the
thing is written. `lines` maps each pointer of a YAML text to its line (from the YAML
node tree, so reformatting moves lines, never pointers).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import yaml

from ._load import escape

__all__ = ["Loc", "line_of", "lines"]


@attrs.frozen
class Loc:
    """A node of ``document`` at ``pointer`` (``$ref`` chains already followed)."""

    document: Mapping[str, Any] = attrs.field(repr=False)
    pointer: str
    node: Any = attrs.field(repr=False)

    @classmethod
    def root(cls, document: Mapping[str, Any]) -> Loc:
        """The whole document."""
        return cls(document, "", document)

    def follow(self) -> Loc:
        """This node, or the target of its ``$ref`` chain."""
        loc, seen = self, 0
        while isinstance(loc.node, Mapping) and isinstance(loc.node.get("$ref"), str):
            ref = loc.node["$ref"]
            if not ref.startswith("#/") or seen > 32:
                return loc
            target = Loc.root(self.document)
            for part in ref[2:].split("/"):
                target = target._step(part.replace("~1", "/").replace("~0", "~"))
            loc, seen = target, seen + 1
        return loc

    def _step(self, key: str | int) -> Loc:
        node = self.node
        if isinstance(node, Mapping):
            value = node.get(key)
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            value = node[key]
        else:
            value = None
        return Loc(self.document, f"{self.pointer}/{escape(str(key))}", value)

    def at(self, *keys: str | int) -> Loc:
        """The node under ``keys``, following ``$ref`` at every step."""
        loc = self.follow()
        for key in keys:
            loc = loc._step(key).follow()
        return loc

    def get(self, key: str, default: Any = None) -> Any:
        """``node[key]`` when the node is a mapping (after ``$ref``)."""
        node = self.follow().node
        return node.get(key, default) if isinstance(node, Mapping) else default

    @property
    def exists(self) -> bool:
        """Whether something is written here."""
        return self.node is not None


def lines(text: str) -> dict[str, int]:
    """Every JSON pointer of the YAML ``text`` and its line (1-based; a key's own line)."""
    out: dict[str, int] = {}
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return out

    def walk(node: yaml.Node, pointer: str, line: int) -> None:
        out.setdefault(pointer, line)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, f"{pointer}/{escape(str(key.value))}", key.start_mark.line + 1)
        elif isinstance(node, yaml.SequenceNode):
            for index, value in enumerate(node.value):
                walk(value, f"{pointer}/{index}", value.start_mark.line + 1)

    if root is not None:
        walk(root, "", 1)
    return out


def line_of(table: Mapping[str, int], pointer: str | None) -> int | None:
    """The line of ``pointer``, else of its nearest written parent."""
    while pointer is not None:
        if pointer in table:
            return table[pointer]
        if not pointer:
            return None
        pointer = pointer.rsplit("/", 1)[0]
    return None
