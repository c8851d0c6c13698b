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

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Chunked", "Field", "Fields", "ItemPlan", "const", "derive", "each"]


class Chunked:
    """A field getter that can also compute a run of consecutive items at once.

    ``many(lo, hi)`` equals ``[one(i) for i in range(lo, hi)]`` (tests hold it to that),
    typically by mapping the same pure function that ``one`` calls over arrays of draws:
    one Python call per item instead of several.

    Args:
        one: Item index -> value.
        many: ``(lo, hi)`` -> the values of items ``lo .. hi - 1``.
    """

    __slots__ = ("many", "one")

    def __init__(
        self, one: Callable[[int], Any], many: Callable[[int, int], Sequence[Any]]
    ) -> None:
        self.one = one
        self.many = many

    def __call__(self, i: int) -> Any:
        return self.one(i)


def derive(f: Callable[..., Any], *sources: Chunked) -> Chunked:
    """The field ``f(value of each source)`` of every item, per index and per run.

    E.g. ``derive(("pstn", "sip").__getitem__, profile.chances("sip", 0.15))``: writing a
    field as a pure function of its inputs gives its per-item and its bulk form at once.
    """
    ones = [s.one for s in sources]
    if len(ones) == 1:
        (one,) = ones
        return Chunked(lambda i: f(one(i)), lambda lo, hi: list(map(f, sources[0].many(lo, hi))))
    return Chunked(
        lambda i: f(*[one(i) for one in ones]),
        lambda lo, hi: list(map(f, *[s.many(lo, hi) for s in sources])),
    )


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


class ItemPlan:
    """Builds whole items from a field table (nested objects from dotted names).

    Args:
        fields: The table.
    """

    __slots__ = ("_steps", "columns")

    def __init__(self, fields: Fields) -> None:
        steps: list[tuple[tuple[str, ...], Callable[[int], Any], Callable[[int], Any] | None]] = []
        columns: dict[str, Chunked] = {}
        for name, spec in fields.items():
            field = spec if isinstance(spec, Field) else Field(spec)
            columns[name] = field.get
            if not field.hidden:
                present = field.present.one if field.present is not None else None
                steps.append((tuple(name.split(".")), field.get.one, present))
        self._steps = steps
        self.columns: Mapping[str, Chunked] = columns
        """Every field's getter, by dotted name."""

    def make(self, i: int) -> dict[str, Any]:
        """Item ``i``."""
        item: dict[str, Any] = {}
        for keys, get, present in self._steps:
            if present is not None and not present(i):
                continue
            if len(keys) == 1:
                item[keys[0]] = get(i)
                continue
            node = item
            for key in keys[:-1]:
                node = node.setdefault(key, {})
            node[keys[-1]] = get(i)
        return item

    @property
    def names(self) -> Iterable[str]:
        """The dotted names of the fields."""
        return self.columns.keys()
