"""A profile's fields: each declared once, as a derivation that works per item and per run.

A profile declares its item as a table, field name (dotted for nested objects) -> how the
field is derived. From that one table come both ``make(i)`` (the whole item) and the
columns that filters and sorting read (one field of every item), so a field is never
written twice.

``derive(f, *sources)`` makes a field from a pure function of per-item inputs (random
draws, boolean chances, the number's block, a time line's offset). It gives the
per-item getter that ``make`` calls and ``many(lo, hi)``, which maps ``f`` over whole
runs of inputs: the draws of 65,536 items are hashed at once, in C (``Rand.run``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Chunked", "Field", "Fields", "ItemPlan", "const", "derive", "each"]


class Chunked:
    """A field getter that can also compute a run of consecutive items at once.

    ``many(lo, hi)`` equals ``[one(i) for i in range(lo, hi)]`` (tests hold it to that),
    typically by mapping the same pure function that ``one`` calls over arrays of draws:
    one Python call per item instead of several.

    ``one`` remembers its last item: while ``make`` builds an item, a source that several
    fields derive from (the number's block, a draw) is computed once.

    Args:
        one: Item index -> value.
        many: ``(lo, hi)`` -> the values of items ``lo .. hi - 1``.
    """

    __slots__ = ("_get", "_last", "many", "one")

    def __init__(
        self, one: Callable[[int], Any], many: Callable[[int, int], Sequence[Any]]
    ) -> None:
        self._get = one
        self._last: tuple[int, Any] = (-1, None)
        self.many = many
        self.one: Callable[[int], Any] = self._remembered

    def _remembered(self, i: int) -> Any:
        last = self._last  # one tuple, read and written whole: safe across threads
        if last[0] == i:
            return last[1]
        value = self._get(i)
        self._last = (i, value)
        return value

    def __call__(self, i: int) -> Any:
        return self.one(i)


def derive(f: Callable[..., Any], *sources: Chunked) -> Chunked:
    """The field ``f(value of each source)`` of every item, per index and per run.

    E.g. ``derive(("pstn", "sip").__getitem__, profile.chances("sip", 0.15))``: writing a
    field as a pure function of its inputs gives its per-item and its bulk form at once.
    """
    ones = [s.one for s in sources]

    def many(lo: int, hi: int) -> list[Any]:
        return list(map(f, *[s.many(lo, hi) for s in sources]))

    if len(ones) == 1:  # the common arities without building argument lists
        (a,) = ones
        return Chunked(lambda i: f(a(i)), many)
    if len(ones) == 2:
        a, b = ones
        return Chunked(lambda i: f(a(i), b(i)), many)
    if len(ones) == 3:
        a, b, c = ones
        return Chunked(lambda i: f(a(i), b(i), c(i)), many)
    return Chunked(lambda i: f(*[one(i) for one in ones]), many)


def const(value: Any) -> Chunked:
    """The same ``value`` for every item."""
    return Chunked(lambda i: value, lambda lo, hi: [value] * (hi - lo))


def each(one: Callable[[int], Any]) -> Chunked:
    """A field computed item by item (for fields that no filter reads in bulk)."""
    return Chunked(one, lambda lo, hi: [one(i) for i in range(lo, hi)])


@dataclass(frozen=True, slots=True)
class Field:
    """A field that items do not always carry.

    Attributes:
        get: Its value (also its column's, where the item leaves it out).
        present: Whether item ``i`` carries it (absent: the item has no such key).
        hidden: Never in the items, only a column for filters (Bird's ``testing``).
    """

    get: Chunked
    present: Chunked | None = None
    hidden: bool = False


Fields = Mapping[str, Chunked | Field]
"""A profile's item: dotted field name -> its derivation, in the item's key order."""


Step = tuple[str, Callable[[int], Any] | None, "list[Step] | None", Callable[[int], Any] | None]
"""One key of an object: its name, its getter (or its fields, for an object), presence."""


class ItemPlan:
    """Builds whole items from a field table (nested objects from dotted names).

    Args:
        fields: The table.
    """

    __slots__ = ("_steps", "columns")

    def __init__(self, fields: Fields) -> None:
        self._steps: list[Step] = []
        columns: dict[str, Chunked] = {}
        for name, spec in fields.items():
            field = spec if isinstance(spec, Field) else Field(spec)
            columns[name] = field.get
            if not field.hidden:
                present = field.present.one if field.present is not None else None
                self._add(self._steps, name.split("."), field.get.one, present)
        self.columns: Mapping[str, Chunked] = columns
        """Every field's getter, by dotted name."""

    def _add(
        self,
        steps: list[Step],
        keys: list[str],
        get: Callable[[int], Any],
        present: Callable[[int], Any] | None,
    ) -> None:
        if len(keys) == 1:
            steps.append((keys[0], get, None, present))
            return
        inner = next((s[2] for s in steps if s[0] == keys[0] and s[2] is not None), None)
        if inner is None:
            inner = []
            steps.append((keys[0], None, inner, None))
        self._add(inner, keys[1:], get, present)

    def make(self, i: int) -> dict[str, Any]:
        """Item ``i``."""
        return _build(self._steps, i)


def _build(steps: list[Step], i: int) -> dict[str, Any]:
    """One object of an item; an inner object whose fields are all absent is left out."""
    out: dict[str, Any] = {}
    for key, get, inner, present in steps:
        if get is not None:
            if present is None or present(i):
                out[key] = get(i)
        elif inner is not None:
            value = _build(inner, i)
            if value:
                out[key] = value
    return out
