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
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar

from numberhub_spec import Spec

from .._phones import SUFFIX, Block, Group, NumberSpace
from ._rand import CHUNK, Rand
from ._rand import _salt as salt
from ._timeline import TimeLine

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
        since: The earliest instant of a time line.
        places: Whether blocks name their place (loads phonenumbers' geocoder).
    """

    spec: ClassVar[Spec]
    groups: ClassVar[list[Group]] = []
    numbers_sorted: ClassVar[bool] = False
    """True when items are in E.164 order (Bird): index order is number order."""
    #: The fixed "now" of every dataset, so that data does not change with the clock.
    now: ClassVar[dt.datetime] = dt.datetime(2026, 11, 1, 12, 0, 0, tzinfo=dt.UTC)

    def __init__(
        self, seed: int, size: int, credentials: Mapping[str, str], since: dt.datetime, places: bool
    ) -> None:
        self.seed = seed
        self.places = places
        self.size = size
        self.credentials = dict(credentials)
        self.rand = Rand(seed, self.spec.name)
        self._slots: array[int] | None = None
        self._shuffles: dict[tuple[str, int], tuple[int, int]] = {}
        self._timelines = {
            descending: TimeLine(self.rand, size, since, self.now, descending=descending)
            for descending in (False, True)
        }

    @functools.cached_property
    def space(self) -> NumberSpace:
        """The validated numbering blocks (built on first use)."""
        salted = self.seed ^ salt(self.spec.name)
        return NumberSpace(self.groups, self.size, salted, places=self.places)

    def shuffle(self, purpose: str, n: int) -> tuple[int, int]:
        """``(a, b)``: ``i -> (a * i + b) % n`` is a fixed shuffle of ``0 .. n - 1``."""
        key = (purpose, n)
        hit = self._shuffles.get(key)
        if hit is None:
            a = coprime_step(self.rand.bits(0, f"{purpose}-a"), n)
            hit = self._shuffles[key] = (a, self.rand.below(0, f"{purpose}-b", max(n, 1)))
        return hit

    def shuffled(self, i: int, purpose: str = "perm", n: int = 0) -> int:
        """Item ``i``'s place in a fixed shuffle of ``0 .. n - 1`` (``n``: default the size)."""
        n = n or max(self.size, 1)
        a, b = self.shuffle(purpose, n)
        return (a * i + b) % n

    @functools.cached_property
    def _layout(self) -> tuple[int, int, int, int, int]:
        """``(a, b, n, total, stride)`` of ``_slots_from``: ``n`` runs of ``stride`` slots."""
        total, n = self.space.slots, max(self.size, 1)
        if total < n:
            raise ValueError("the number space is smaller than the dataset")
        a, b = (1, 0) if self.numbers_sorted else self.shuffle("perm", n)
        return a, b, n, total, total // n

    def _slots_from(self, lo: int, draws: Iterable[int]) -> list[int]:
        """The slots of items ``lo, lo + 1, ...`` from their ``"slot"`` draws.

        Item ``i`` takes run ``(a * i + b) % n`` (its place in the shuffle, or ``i`` when
        items are in number order) and a drawn slot inside it.
        """
        a, b, n, total, stride = self._layout
        return [(a * i + b) % n * total // n + r % stride for i, r in enumerate(draws, lo)]

    def slot(self, i: int) -> int:
        """Item ``i``'s slot in the number space; distinct for distinct indexes."""
        if self._slots is None and self.rand.in_bulk and self.size:  # computing a column
            self._slots = array("I" if self.space.slots < 2**32 else "Q")
            for lo in range(0, self.size, CHUNK):
                draws = self.rand.run("slot", lo, min(self.size, lo + CHUNK))
                self._slots.extend(self._slots_from(lo, draws))
        slots = self._slots
        if slots is not None and 0 <= i < len(slots):
            return slots[i]
        return self._slots_from(i, [self.rand.bits(i, "slot")])[0]

    def block(self, i: int) -> Block:
        """The numbering block (country, type, place) of item ``i``'s number."""
        slots = self._slots
        slot = slots[i] if slots is not None and 0 <= i < len(slots) else self.slot(i)
        return self.space.blocks[slot // SUFFIX]

    def phone(self, i: int) -> tuple[str, Block]:
        """Item ``i``'s E.164 number and its block; distinct for distinct indexes."""
        return self.space.number(self.slot(i))

    # -- time ------------------------------------------------------------------------------
    def timeline(self, descending: bool) -> TimeLine:
        """The time line of every ordered field that ascends, or of every one that descends."""
        return self._timelines[descending]

    @functools.cached_property
    def order_timeline(self) -> TimeLine:
        """The time line of the provider's order field (ascending where it has none)."""
        order = self.spec.order
        return self._timelines[order is not None and order.direction == "desc"]

    def getter(self, path: str, variant: str | None = None) -> Callable[[int], Any]:
        """Item index -> its (dotted) field ``path``, None where absent."""
        raise NotImplementedError
