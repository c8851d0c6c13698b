"""What every provider profile builds on: seeded per-index randomness, times, numbers.

A profile turns an index ``0 <= i < size`` into one item, in the provider's server order
(``x-numberhub-order``). Every value is a pure function of ``(seed, i)``, so an item can
be made on demand, alone, in any order: a million-item dataset costs nothing until it is
read, and a column (one field of every item) can be computed for filtering without making
whole items.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar, TypeVar

from numberhub.mock._phones import SUFFIX, Block, Group, NumberSpace

__all__ = ["Profile", "Rand", "TimeLine"]

T = TypeVar("T")
_MASK = (1 << 64) - 1


def _mix(x: int) -> int:
    """splitmix64's finalizer: a fast, well-spread 64-bit hash."""
    x = (x + 0x9E3779B97F4A7C15) & _MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
    return x ^ (x >> 31)


_SALTS: dict[str, int] = {}


def _salt(text: str) -> int:
    """FNV-1a of ``text`` (memoized: purposes are a small fixed set)."""
    h = _SALTS.get(text)
    if h is None:
        h = 1469598103934665603
        for ch in text.encode():
            h = ((h ^ ch) * 1099511628211) & _MASK
        if len(_SALTS) < 4096:
            _SALTS[text] = h
    return h


class Rand:
    """Independent random draws keyed by ``(index, purpose)``, reproducible for a seed."""

    __slots__ = ("_base",)

    def __init__(self, seed: int, provider: str) -> None:
        self._base = _mix(_salt(provider) ^ (seed & _MASK))

    def bits(self, i: int, purpose: str) -> int:
        """64 random bits."""
        x = (self._base ^ (i * 0xD1342543DE82EF95) ^ _salt(purpose)) & _MASK
        x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
        return x ^ (x >> 31)

    def uniform(self, i: int, purpose: str) -> float:
        """A float in [0, 1)."""
        return self.bits(i, purpose) / 18446744073709551616.0

    def below(self, i: int, purpose: str, n: int) -> int:
        """An int in [0, n)."""
        return self.bits(i, purpose) % n

    def chance(self, i: int, purpose: str, p: float) -> bool:
        """True with probability ``p``."""
        return self.uniform(i, purpose) < p

    def pick(
        self, i: int, purpose: str, options: Sequence[T], weights: Sequence[float] | None = None
    ) -> T:
        """One of ``options``, by ``weights`` when given."""
        if weights is None:
            return options[self.below(i, purpose, len(options))]
        x = self.uniform(i, purpose) * sum(weights)
        for option, w in zip(options, weights, strict=True):
            x -= w
            if x < 0:
                return option
        return options[-1]

    def hex(self, i: int, purpose: str, digits: int) -> str:
        """``digits`` lower-case hex digits."""
        out = ""
        k = 0
        while len(out) < digits:
            out += f"{self.bits(i, f'{purpose}/{k}'):016x}"
            k += 1
        return out[:digits]

    def uuid(self, i: int, purpose: str) -> str:
        """A random-looking (version 4) UUID."""
        h = self.hex(i, purpose, 32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) % 4]}{h[17:20]}-{h[20:]}"


class TimeLine:
    """Strictly ordered, randomly spaced instants: one per index.

    Index 0 is the oldest (``descending=False``) or the newest (``descending=True``);
    instants are whole seconds, distinct while the span has more seconds than items.
    """

    __slots__ = ("_desc", "_rand", "_size", "_start", "_step")

    def __init__(
        self, rand: Rand, size: int, start: dt.datetime, end: dt.datetime, *, descending: bool
    ) -> None:
        self._rand = rand
        self._size = max(size, 1)
        self._start = start
        self._step = (end - start).total_seconds() / self._size
        self._desc = descending

    def at(self, i: int) -> dt.datetime:
        """The instant of index ``i``."""
        k = self._size - 1 - i if self._desc else i
        frac = 0.05 + 0.9 * self._rand.uniform(i, "timeline")
        seconds = math.floor((k + frac) * self._step)
        return self._start + dt.timedelta(seconds=seconds)


class Profile:
    """Base of the per-provider data profiles.

    Subclasses set ``provider``, ``groups`` and ``numbers_sorted``, implement ``make``
    and may add ``columns`` (fast field getters) and a ``variant_header``.

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
    variant_header: ClassVar[str | None] = None
    """A request header that changes the items' text (DuoPlus's ``Lang``)."""
    variants: ClassVar[tuple[str, ...]] = ()
    envelope: ClassVar[Mapping[str, Any]] = {}
    """The page body's fields that no paging extension names, with ``{placeholders}``."""

    #: The fixed "now" of every dataset, so that data does not change with the clock.
    now: ClassVar[dt.datetime] = dt.datetime(2026, 11, 1, 12, 0, 0, tzinfo=dt.UTC)

    def __init__(self, seed: int, size: int, credentials: Mapping[str, str]) -> None:
        self.seed = seed
        self.size = size
        self.credentials = dict(credentials)
        self.rand = Rand(seed, self.provider)
        self._space: NumberSpace | None = None
        self._perm_a = 1
        self._perm_b = 0
        if size > 1:
            a = 1 + self.rand.below(0, "perm-a", size - 1)
            while math.gcd(a, size) != 1:
                a += 1
            self._perm_a = a % size or 1
            self._perm_b = self.rand.below(0, "perm-b", size)

    # -- numbers ---------------------------------------------------------------------------
    @property
    def space(self) -> NumberSpace:
        """The validated numbering blocks (built on first use)."""
        if self._space is None:
            self._space = NumberSpace(
                self.groups, self.size, self.seed ^ _salt(self.provider), places=self.places
            )
        return self._space

    def slot(self, i: int) -> int:
        """Item ``i``'s slot in the number space; distinct for distinct indexes."""
        space = self.space
        n = max(self.size, 1)
        pos = i if self.numbers_sorted else (self._perm_a * i + self._perm_b) % n
        stride = space.slots // n
        if stride < 1:
            raise ValueError("the number space is smaller than the dataset")
        return pos * space.slots // n + self.rand.below(i, "slot", stride)

    def block(self, i: int) -> Block:
        """The numbering block (country, type, place) of item ``i``'s number."""
        return self.space.blocks[self.slot(i) // SUFFIX]

    def phone(self, i: int) -> tuple[str, Block]:
        """Item ``i``'s E.164 number and its block; distinct for distinct indexes."""
        return self.space.number(self.slot(i))

    # -- items -----------------------------------------------------------------------------
    def make(self, i: int, variant: str | None = None) -> dict[str, Any]:
        """Item ``i`` as served (``variant``: the value of ``variant_header``)."""
        raise NotImplementedError

    def columns(self) -> Mapping[str, Callable[[int], Any]]:
        """Fast getters of single (dotted) fields, for filters and sorting."""
        return {}
