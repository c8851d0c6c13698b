"""Columns: one field of every item, kept compact, for filtering and sorting.

A column is computed once, on the first request that filters or sorts on its field. A
field with few distinct values (a type, a status, a flag, a date) is stored as one small
code per item plus the distinct values: a filter tests each distinct value once, then
keeps the items whose code passed, in C. A field with many distinct values (a number, a
timestamp) is not stored at all: a filter recomputes it item by item, and sorting keeps
only each item's rank. Selections are ``array('I')`` of item indexes (4 bytes an item).
"""

from __future__ import annotations

import contextlib
from array import array
from collections.abc import Callable, Sequence
from itertools import compress, groupby
from typing import Any

__all__ = ["Column", "build_column"]

MAX_CODES = 1 << 16
"""Fields with more distinct values than this are recomputed instead of stored."""
_CHUNK = 1 << 16
"""How many items' values a coded column reads at a time (it gives up after a run)."""
_NUMBERS = frozenset({bool, int, float})

Bulk = Callable[[], contextlib.AbstractContextManager[None]]
"""Opens a block in which computing many items' values is cheap."""
Getter = Callable[[int], Any]
"""Item index -> value."""


class Column:
    """Field values of items ``0 .. size - 1``."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._ranks: tuple[array[int], int | None] | None = None

    def value(self, i: int) -> Any:
        """The value of item ``i``."""
        raise NotImplementedError

    def matching(self, test: Callable[[Any], bool], within: Sequence[int] | None) -> array[int]:
        """The items (of ``within``, default all, in its order) whose value passes ``test``."""
        raise NotImplementedError

    def _compute_ranks(self) -> tuple[array[int], int | None]:
        """Each item's dense rank by value (equal values alike), and that of None if any."""
        raise NotImplementedError

    def order(self, within: Sequence[int], *, descending: bool) -> array[int]:
        """``within`` sorted by value, stably (ties keep their order), ``None`` last."""
        if self._ranks is None:
            self._ranks = self._compute_ranks()
        ranks, none_rank = self._ranks
        ordered = sorted(within, key=ranks.__getitem__, reverse=descending)
        if descending and none_rank is not None:  # None ranks highest: move it to the end
            k = 0
            while k < len(ordered) and ranks[ordered[k]] == none_rank:
                k += 1
            ordered = ordered[k:] + ordered[:k]
        return array("I", ordered)


def _dense_ranks(keys: Sequence[Any]) -> tuple[array[int], int | None]:
    present = sorted((i for i, k in enumerate(keys) if k is not None), key=keys.__getitem__)
    ranks = array("I", bytes(4 * len(keys)))
    rank = 0
    for rank, (_, equal) in enumerate(groupby(present, key=keys.__getitem__), 1):
        for i in equal:
            ranks[i] = rank
    if len(present) == len(keys):
        return ranks, None
    for i, k in enumerate(keys):
        if k is None:
            ranks[i] = rank + 1
    return ranks, rank + 1


class Coded(Column):
    """A field with few distinct values: a code per item and the table of values."""

    def __init__(self, codes: array[int], values: list[Any]) -> None:
        super().__init__(len(codes))
        self.codes = codes
        self.values = values

    def value(self, i: int) -> Any:
        """See ``Column.value``."""
        return self.values[self.codes[i]]

    def matching(self, test: Callable[[Any], bool], within: Sequence[int] | None) -> array[int]:
        """See ``Column.matching``."""
        passed = bytes(1 if test(v) else 0 for v in self.values)
        if within is None:
            return array("I", compress(range(self.size), map(passed.__getitem__, self.codes)))
        codes = map(self.codes.__getitem__, within)
        return array("I", compress(within, map(passed.__getitem__, codes)))

    def _compute_ranks(self) -> tuple[array[int], int | None]:
        code_ranks, none_rank = _dense_ranks(self.values)
        return array("I", map(code_ranks.__getitem__, self.codes)), none_rank


class Computed(Column):
    """A field with many distinct values: recomputed when filtered, ranked when sorted.

    Args:
        size: How many items.
        bulk: Opens a block in which computing many items' values is cheap.
        get: Item index -> value.
        key: Item index -> a value ordering items as ``get``'s values do (default ``get``).
    """

    def __init__(self, size: int, bulk: Bulk, get: Getter, key: Getter | None = None) -> None:
        super().__init__(size)
        self._bulk = bulk
        self._get = get
        self._key = key or get

    def value(self, i: int) -> Any:
        """See ``Column.value``."""
        return self._get(i)

    def matching(self, test: Callable[[Any], bool], within: Sequence[int] | None) -> array[int]:
        """See ``Column.matching``."""
        items = range(self.size) if within is None else within
        with self._bulk():
            return array("I", compress(items, map(test, map(self._get, items))))

    def _compute_ranks(self) -> tuple[array[int], int | None]:
        with self._bulk():
            keys = list(map(self._key, range(self.size)))
        if all(type(k) is int and -(2**63) <= k < 2**63 for k in keys):
            return array("q", keys), None  # the keys themselves order and tie alike
        return _dense_ranks(keys)


def build_column(size: int, bulk: Bulk, get: Getter, key: Getter | None = None) -> Column:
    """The column of field getter ``get``: coded when it has few distinct values.

    Args:
        size: How many items.
        bulk: Opens a block in which computing many items' values is cheap.
        get: Item index -> value.
        key: An order-preserving stand-in for ``get`` when sorting (see ``Computed``).
            A field that has one is a time with as many values as items: it is computed
            at once, without first trying (and failing, a run or two later) to code it.
    """
    if key is not None:
        return Computed(size, bulk, get, key)
    codes = array("B")
    seen: dict[Any, int] = {}  # each distinct value -> its code
    types: set[type] = set()
    with bulk():
        for lo in range(0, size, _CHUNK):
            run = list(map(get, range(lo, min(size, lo + _CHUNK))))
            types.update(map(type, run))
            if len(types & _NUMBERS) > 1:  # 1, 1.0 and True are one dict key
                return Computed(size, bulk, get)
            try:
                for v in dict.fromkeys(run):
                    seen.setdefault(v, len(seen))
            except TypeError:  # unhashable values (lists, objects)
                return Computed(size, bulk, get)
            if len(seen) > MAX_CODES:
                return Computed(size, bulk, get)
            if len(seen) > 256 and codes.typecode == "B":
                codes = array("H", codes)
            codes.extend(map(seen.__getitem__, run))
    return Coded(codes, list(seen))
