"""Numbers and times by index: what every item of a provider's dataset is made from.

``Numbers`` gives item ``i`` its phone number (distinct per item, valid for its country
and kind, from a sorted space of blocks; see `NumberSpace`), its seeded draws (`Rand`) and
its instant on a time line. Columns walk many indexes inside ``rand.bulk()``, where the
items' number slots come from one array computed at once.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from array import array
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from numberhub_spec import Spec

from .._phones import SUFFIX, Block, Group, NumberSpace
from ._rand import CHUNK, Rand
from ._rand import _salt as salt
from ._timeline import TIME_START, TimeLine

__all__ = ["Numbers", "coprime_step"]


def coprime_step(draw: int, n: int) -> int:
    """A multiplier in ``[1, n)`` coprime to ``n``, from a draw: ``i -> a * i % n`` shuffles."""
    if n <= 1:
        return 1
    a = 1 + draw % (n - 1)
    while math.gcd(a, n) != 1:
        a += 1
    return a % n or 1


class Numbers:
    """Phone numbers, draws and times of items ``0 .. size - 1``.

    Args:
        seed: The dataset's seed.
        size: How many items.
        credentials: The provider's credentials (items may embed the account id).
    """

    provider: ClassVar[str] = ""
    spec: ClassVar[Spec]
    groups: ClassVar[list[Group]] = []
    numbers_sorted: ClassVar[bool] = False
    """True when items are in E.164 order (Bird): index order is number order."""
    places: ClassVar[bool] = False
    """Whether blocks name their place (loads phonenumbers' geocoder)."""
    since: ClassVar[dt.datetime] = TIME_START
    """The earliest instant of a time line."""
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
        self._shuffles: dict[tuple[str, int], tuple[int, int]] = {}
        self._timelines: dict[tuple[str, bool], TimeLine] = {}

    @property
    def space(self) -> NumberSpace:
        """The validated numbering blocks (built on first use)."""
        if self._space is None:
            self._space = NumberSpace(
                self.groups,
                self.size,
                self.seed ^ salt(self.provider),
                places=self.places,
            )
        return self._space

    def shuffle(self, purpose: str, n: int) -> tuple[int, int]:
        """``(a, b)``: ``i -> (a * i + b) % n`` is a fixed shuffle of ``0 .. n - 1``."""
        key = (purpose, n)
        hit = self._shuffles.get(key)
        if hit is None:
            a = coprime_step(self.rand.bits(0, f"{purpose}-a"), n)
            hit = self._shuffles[key] = (a, self.rand.below(0, f"{purpose}-b", max(n, 1)))
        return hit

    def shuffled(self, i: int) -> int:
        """Item ``i``'s place in a fixed shuffle of ``0 .. size - 1`` (distinct per item)."""
        a, b = self.shuffle("perm", max(self.size, 1))
        return (a * i + b) % max(self.size, 1)

    def slot(self, i: int) -> int:
        """Item ``i``'s slot in the number space; distinct for distinct indexes."""
        slots = self._slots
        if slots is None and self.rand.in_bulk and self.size:  # computing a column
            self._blocks = self.space.blocks
            self._slots = slots = self._all_slots()
        if slots is not None and 0 <= i < len(slots):
            return slots[i]
        total, n = self.space.slots, max(self.size, 1)
        a, b = (1, 0) if self.numbers_sorted else self.shuffle("perm", n)
        return (a * i + b) % n * total // n + self.rand.below(i, "slot", self._stride(total))

    def _stride(self, total: int) -> int:
        stride = total // max(self.size, 1)
        if stride < 1:
            raise ValueError("the number space is smaller than the dataset")
        return stride

    def _all_slots(self) -> array[int]:
        """``slot(i)`` of every item, in a compact array (``slot``'s arithmetic, in bulk)."""
        total, n = self.space.slots, max(self.size, 1)
        stride = self._stride(total)
        a, b = (1, 0) if self.numbers_sorted else self.shuffle("perm", n)
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

    def block(self, i: int) -> Block:
        """The numbering block (country, type, place) of item ``i``'s number."""
        slots = self._slots
        if slots is not None and 0 <= i < len(slots):
            return self._blocks[slots[i] // SUFFIX]
        return self.space.blocks[self.slot(i) // SUFFIX]

    def phone(self, i: int) -> tuple[str, Block]:
        """Item ``i``'s E.164 number and its block; distinct for distinct indexes."""
        return self.space.number(self.slot(i))

    # -- time ------------------------------------------------------------------------------
    def timeline(self, path: str, descending: bool) -> TimeLine:
        """The time line of the (dotted) field ``path``, made once."""
        key = (path, descending)
        if key not in self._timelines:
            self._timelines[key] = TimeLine(
                self.rand, self.size, self.since, self.now, descending=descending
            )
        return self._timelines[key]

    @functools.cached_property
    def order_timeline(self) -> TimeLine:
        """The time line of the provider's order field (ascending where it has none)."""
        order = self.spec.order
        if order is None:
            return self.timeline("", False)
        return self.timeline(order.by, order.direction == "desc")

    def getter(self, path: str, variant: str | None = None) -> Callable[[int], Any]:
        """Item index -> its (dotted) field ``path``, None where absent."""
        raise NotImplementedError
