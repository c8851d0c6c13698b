"""What every provider profile builds on: numbers by index, per-item sources, the field table.

A profile turns an index ``0 <= i < size`` into one item, in the provider's server order
(``x-numberhub-order``). Every value is a pure function of ``(seed, i)``, so an item can
be made on demand, alone, in any order: a million-item dataset costs nothing until it is
read, and a column (one field of every item) can be computed for filtering without making
whole items.

A profile declares each field once, in ``fields()`` (see ``_fields``): ``make`` and the
columns both come from that table. The first request that filters or sorts on a field
computes it for every item, so fields that filters read are ``derive``-d from the sources
here (``draws``, ``chances``, ``block_at``, ``e164_at``, a time line's ``seconds``...),
whose runs are computed in bulk: draws for 65,536 indexes hashed at once in C, chances
compared in C, the items' number slots from one array. Any other per-item code runs
inside ``Profile.bulk()`` when a column is computed, where its draws come from such
arrays too.

``tests/mock/test_columns.py`` holds every bulk form equal to its per-item form.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
from array import array
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from .._phones import SUFFIX, Block, Group, NumberSpace
from ._fields import Chunked, Fields, ItemPlan, derive
from ._rand import CHUNK, TWO64, Rand, hex_of, uuid_of
from ._rand import _salt as salt

__all__ = ["Profile"]


class Profile:
    """Base of the per-provider data profiles.

    Subclasses set ``provider``, ``groups`` and ``numbers_sorted``, declare their item in
    ``fields`` and may add ``sort_keys`` and ``variants``.

    Args:
        seed: The dataset's seed.
        size: How many items.
        credentials: The provider's credentials (items may embed the account id).
    """

    provider: ClassVar[str] = ""
    groups: ClassVar[list[Group]] = []
    numbers_sorted: ClassVar[bool] = False
    """True when items are in E.164 order (Bird): index order is number order."""
    places: ClassVar[bool] = False
    """Whether items name the place of their number (loads phonenumbers' geocoder)."""
    variants: ClassVar[tuple[str, ...]] = ()
    """The variants of the items' text (DuoPlus's languages; see ``_page_shape``)."""

    #: The fixed "now" of every dataset, so that data does not change with the clock.
    now: ClassVar[dt.datetime] = dt.datetime(2026, 11, 1, 12, 0, 0, tzinfo=dt.UTC)

    def __init__(self, seed: int, size: int, credentials: Mapping[str, str]) -> None:
        self.seed = seed
        self.size = size
        self.credentials = dict(credentials)
        self.rand = Rand(seed, self.provider)
        self._space: NumberSpace | None = None
        self._slots: array[int] | None = None
        self._blocks: list[Block] = []
        self._plans: dict[str | None, ItemPlan] = {}
        self.index = Chunked(lambda i: i, range)
        """Item -> its index, as a ``derive`` source."""
        phone_at = Chunked(self.phone, lambda lo, hi: [self.phone(i) for i in range(lo, hi)])
        self.block_at = Chunked(lambda i: phone_at.one(i)[1], self.blocks)
        """Item -> its number's block, as a ``derive`` source."""
        self.e164_at = Chunked(lambda i: phone_at.one(i)[0], self.e164s)
        """Item -> its number (E.164), as a ``derive`` source."""
        self._perm_a = 1
        self._perm_b = 0
        if size > 1:
            a = 1 + self.rand.below(0, "perm-a", size - 1)
            while math.gcd(a, size) != 1:
                a += 1
            self._perm_a = a % size or 1
            self._perm_b = self.rand.below(0, "perm-b", size)

    def shuffled(self, i: int) -> int:
        """Item ``i``'s place in a fixed shuffle of ``0 .. size - 1`` (distinct per item)."""
        return (self._perm_a * i + self._perm_b) % max(self.size, 1)

    # -- numbers ---------------------------------------------------------------------------
    @property
    def space(self) -> NumberSpace:
        """The validated numbering blocks (built on first use)."""
        if self._space is None:
            self._space = NumberSpace(
                self.groups, self.size, self.seed ^ salt(self.provider), places=self.places
            )
        return self._space

    def slot(self, i: int) -> int:
        """Item ``i``'s slot in the number space; distinct for distinct indexes."""
        slots = self._slots
        if slots is None and self.rand.in_bulk and self.size:  # computing a column
            self._blocks = self.space.blocks
            self._slots = slots = self._all_slots()
        if slots is not None and 0 <= i < len(slots):
            return slots[i]
        space = self.space
        n = max(self.size, 1)
        pos = i if self.numbers_sorted else (self._perm_a * i + self._perm_b) % n
        stride = space.slots // n
        if stride < 1:
            raise ValueError("the number space is smaller than the dataset")
        return pos * space.slots // n + self.rand.below(i, "slot", stride)

    def _all_slots(self) -> array[int]:
        """``slot(i)`` of every item, in a compact array (``slot``'s arithmetic, in bulk)."""
        total, n = self.space.slots, max(self.size, 1)
        stride = total // n
        if stride < 1:
            raise ValueError("the number space is smaller than the dataset")
        a, b = (1, 0) if self.numbers_sorted else (self._perm_a, self._perm_b)
        out = array("I" if total < 2**32 else "Q")
        for lo in range(0, self.size, CHUNK):
            hi = min(self.size, lo + CHUNK)
            draws = self.rand.run("slot", lo, hi)
            out.extend(
                [
                    (a * i + b) % n * total // n + r % stride
                    for i, r in zip(range(lo, hi), draws, strict=True)
                ]
            )
        return out

    def blocks(self, lo: int, hi: int) -> list[Block]:
        """``block(i)`` for ``i`` in ``[lo, hi)``."""
        if self._slots is None:
            with self.rand.bulk():
                self.slot(0)
        if self._slots is None:
            return [self.block(i) for i in range(lo, hi)]
        blocks = self._blocks
        return [blocks[s // SUFFIX] for s in self._slots[lo:hi]]

    def e164s(self, lo: int, hi: int) -> list[str]:
        """``phone(i)[0]`` for ``i`` in ``[lo, hi)``."""
        blocks = self.blocks(lo, hi)  # builds the slots array
        if self._slots is None:
            return [self.phone(i)[0] for i in range(lo, hi)]
        slots = self._slots[lo:hi]
        return [f"{b.prefix}{s % SUFFIX:04d}" for b, s in zip(blocks, slots, strict=True)]

    def block(self, i: int) -> Block:
        """The numbering block (country, type, place) of item ``i``'s number."""
        slots = self._slots
        if slots is not None and 0 <= i < len(slots):
            return self._blocks[slots[i] // SUFFIX]
        return self.space.blocks[self.slot(i) // SUFFIX]

    def phone(self, i: int) -> tuple[str, Block]:
        """Item ``i``'s E.164 number and its block; distinct for distinct indexes."""
        return self.space.number(self.slot(i))

    # -- sources of fields -----------------------------------------------------------------
    def draws(self, purpose: str) -> Chunked:
        """Item -> ``rand.bits(i, purpose)``, as a ``derive`` source."""
        rand = self.rand
        return Chunked(lambda i: rand.bits(i, purpose), lambda lo, hi: rand.run(purpose, lo, hi))

    def chances(self, purpose: str, p: float) -> Chunked:
        """Item -> ``rand.chance(i, purpose, p)``, as a ``derive`` source.

        For a run the comparison is done in C: ``bits / 2**64 < p`` is ``float(bits) <
        p * 2**64`` exactly, as both sides only scale by a power of two.
        """
        rand, threshold = self.rand, p * TWO64
        return Chunked(
            lambda i: rand.chance(i, purpose, p),
            lambda lo, hi: list(map(threshold.__gt__, map(float, rand.run(purpose, lo, hi)))),
        )

    def hexes(self, purpose: str, digits: int) -> Chunked:
        """Item -> ``rand.hex(i, purpose, digits)``, as a ``derive`` source."""
        words = [self.draws(f"{purpose}/{k}") for k in range(-(-digits // 16))]
        return derive(lambda *bits: hex_of(*bits, digits=digits), *words)

    def uuids(self, purpose: str) -> Chunked:
        """Item -> ``rand.uuid(i, purpose)``, as a ``derive`` source."""
        return derive(uuid_of, self.draws(f"{purpose}/0"), self.draws(f"{purpose}/1"))

    # -- items -----------------------------------------------------------------------------
    def fields(self, variant: str | None) -> Fields:
        """The item, field by field (``variant``: one of ``variants``)."""
        raise NotImplementedError

    def _plan(self, variant: str | None) -> ItemPlan:
        plan = self._plans.get(variant)
        if plan is None:
            plan = self._plans[variant] = ItemPlan(self.fields(variant))
        return plan

    def make(self, i: int, variant: str | None = None) -> dict[str, Any]:
        """Item ``i`` as served (``variant``: one of ``variants``)."""
        return self._plan(variant if variant in self.variants else None).make(i)

    def columns(self) -> Mapping[str, Callable[[int], Any]]:
        """Every (dotted) field's getter, for filters and sorting."""
        return self._plan(None).columns

    def sort_keys(self) -> Mapping[str, Callable[[int], Any]]:
        """Getters cheaper to compare than a field's values that order items exactly alike.

        E.g. seconds since the epoch for a formatted time. Fields not listed sort by value.
        """
        return {}

    def bulk(self) -> contextlib.AbstractContextManager[None]:
        """A block in which walking many indexes is cheap (see the module docstring)."""
        return self.rand.bulk()
