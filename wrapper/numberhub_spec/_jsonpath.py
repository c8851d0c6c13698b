"""``$.a.b`` paths: the only JSONPath form the specs' extensions use."""

from __future__ import annotations

from typing import Any, Final

__all__ = ["MISSING", "JsonPath"]


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING: Final[Any] = _Missing()
"""What a `JsonPath` finds where the body has no such key."""


class JsonPath:
    """A ``$.key.key`` path into a decoded JSON body (or into one item of it).

    Args:
        text: The path, ``$`` followed by one or more ``.key`` segments.

    Raises:
        ValueError: Another JSONPath form (filters, wildcards, indexes).
    """

    __slots__ = ("keys", "text")

    def __init__(self, text: str) -> None:
        if not isinstance(text, str) or not text.startswith("$.") or ".." in text:
            raise ValueError(f"unsupported JSONPath {text!r}: only $.key.key paths are")
        self.text = text
        self.keys = tuple(text[2:].split("."))

    def get(self, body: Any) -> Any:
        """The value at this path, or `MISSING`."""
        for key in self.keys:
            if not isinstance(body, dict) or key not in body:
                return MISSING
            body = body[key]
        return body

    def set(self, body: dict[str, Any], value: Any) -> None:
        """Write ``value`` at this path, making the objects on the way."""
        *parents, last = self.keys
        for key in parents:
            body = body.setdefault(key, {})
        body[last] = value

    @property
    def dotted(self) -> str:
        """The path without ``$.`` (``meta.next``), as filters name item fields."""
        return ".".join(self.keys)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JsonPath) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"JsonPath({self.text!r})"
