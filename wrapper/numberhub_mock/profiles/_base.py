"""What every provider profile builds on: seeded per-index randomness, times, numbers.

A profile turns an index ``0 <= i < size`` into one item, in the provider's server order
(``x-numberhub-order``). Every value is a pure function of ``(seed, i)``, so an item can
be made on demand, alone, in any order: a million-item dataset costs nothing until it is
read, and a column (one field of every item) can be computed for filtering without making
whole items.

The first request that filters or sorts on a field computes that field for every item
(a column), so fields used as filters are written to be cheap in bulk:

* ``derive(f, *sources)`` makes a field from a pure function of per-item inputs (random
  draws, boolean chances, the number's block, a time line's offset). It gives both the
  per-item getter that ``make`` calls and ``many(lo, hi)``, which maps ``f`` over whole
  runs of inputs: draws for 65,536 indexes are hashed at once, in C, on one big integer
  (``_bulk_bits``), and chances are compared in C.
* Any other per-item code runs inside ``Profile.bulk()`` when a column is computed: its
  draws then come from such arrays too, and the items' number slots from one array.

``tests/mock/test_columns.py`` holds every bulk form equal to its per-item form.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import sys
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, TypeVar

from numberhub_mock._phones import SUFFIX, Block, Group, NumberSpace

__all__ = ["Chunked", "Profile", "Rand", "TimeLine", "chance_of", "derive", "iso_utc", "pick_of"]

T = TypeVar("T")
_MASK = (1 << 64) - 1
_TWO64 = 18446744073709551616.0


def iso_utc(t: dt.datetime) -> str:
    """A UTC time as ISO 8601 with a "Z", to the second, as the providers send it."""
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def chance_of(bits: int, p: float) -> bool:
    """``Rand.chance`` given the draw's bits: True with probability ``p``."""
    return bits / _TWO64 < p


def pick_of(bits: int, options: Sequence[T], weights: Sequence[float] | None = None) -> T:
    """``Rand.pick`` given the draw's bits: one of ``options``, by ``weights`` when given."""
    if weights is None:
        return options[bits % len(options)]
    x = bits / _TWO64 * sum(weights)
    for option, w in zip(options, weights, strict=True):
        x -= w
        if x < 0:
            return option
    return options[-1]


class Chunked:
    """A field getter that can also compute a run of consecutive items at once.

    ``many(lo, hi)`` equals ``[one(i) for i in range(lo, hi)]`` (tests hold it to that),
    typically by mapping the same pure function that ``one`` calls over arrays of draws
    (``Rand.run``): one Python call per item instead of several.

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
    return Chunked(
        lambda i: f(*[one(i) for one in ones]),
        lambda lo, hi: list(map(f, *[s.many(lo, hi) for s in sources])),
    )


def _mix(x: int) -> int:
    """splitmix64's finalizer: a fast, well-spread 64-bit hash."""
    x = (x + 0x9E3779B97F4A7C15) & _MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
    return x ^ (x >> 31)


_C0, _C1, _C2 = 0xD1342543DE82EF95, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB
_CHUNK = 1 << 16
"""Indexes per bulk draw: a few 1 MiB integers at a time."""
_LANES: dict[int, tuple[int, int, int]] = {}


_LOW = 0 if sys.byteorder == "little" else 1
"""Which of a 128-bit lane's two native 64-bit words is its low half."""


def _pack(words: array[int]) -> int:
    """One integer with ``words[k]`` in its ``k``-th 128-bit lane."""
    lanes = bytearray(16 * len(words))
    memoryview(lanes).cast("Q")[_LOW::2] = words
    return int.from_bytes(lanes, sys.byteorder)


def _unpack(x: int, n: int) -> array[int]:
    """The low 64 bits of each of the ``n`` 128-bit lanes of ``x``."""
    out = array("Q")
    out.frombytes(memoryview(x.to_bytes(16 * n, sys.byteorder)).cast("Q")[_LOW::2].tobytes())
    return out


def _lanes(n: int) -> tuple[int, int, int]:
    """For ``n`` 128-bit lanes: a 1 in each lane, 2**64 - 1 in each, and ``k * _C0`` in lane k."""
    hit = _LANES.get(n)
    if hit is None:
        ones = _pack(array("Q", [1]) * n)
        hit = (ones, ones * _MASK, _pack(array("Q", range(n))) * _C0)
        if n == _CHUNK or len(_LANES) < 4:
            _LANES[n] = hit
    return hit


def _bulk_bits(key: int, start: int, stop: int) -> array[int]:
    """``Rand.bits`` of every index in ``[start, stop)`` for one purpose (``key``).

    The same splitmix64 steps, done on one big integer holding every index in its own
    128-bit lane: each multiplication, shift and mask runs in C over all lanes at once,
    and masking each lane to 64 bits before a multiplication keeps lanes from spilling
    into each other.
    """
    n = stop - start
    ones, mask, index_c0 = _lanes(n)
    x = ((index_c0 + start * _C0 * ones) & mask) ^ (key * ones)  # (i * _C0) ^ key, per lane
    x = (((x ^ (x >> 30)) & mask) * _C1) & mask
    x = (((x ^ (x >> 27)) & mask) * _C2) & mask
    return _unpack((x ^ (x >> 31)) & mask, n)


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

    __slots__ = ("_base", "_bulk", "_depth")

    def __init__(self, seed: int, provider: str) -> None:
        self._base = _mix(_salt(provider) ^ (seed & _MASK))
        self._bulk: dict[str, tuple[int, array[int]]] | None = None
        self._depth = 0

    @contextlib.contextmanager
    def bulk(self) -> Iterator[None]:
        """Within this block, draws come from arrays of ``_CHUNK`` indexes hashed at once.

        For code that walks many consecutive indexes (a column): each purpose's draws are
        hashed a chunk at a time, and only the current chunk of each purpose is kept.
        """
        if self._depth == 0:
            self._bulk = {}
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._bulk = None

    @property
    def in_bulk(self) -> bool:
        """Whether a ``bulk()`` block is open."""
        return self._bulk is not None

    def chunk(self, purpose: str, start: int) -> array[int]:
        """``bits(i, purpose)`` for ``i`` in ``[start, start + _CHUNK)``."""
        return _bulk_bits(self._base ^ _salt(purpose), start, start + _CHUNK)

    def run(self, purpose: str, lo: int, hi: int) -> array[int]:
        """``bits(i, purpose)`` for ``i`` in ``[lo, hi)``."""
        return _bulk_bits(self._base ^ _salt(purpose), lo, hi)

    def bits(self, i: int, purpose: str) -> int:
        """64 random bits."""
        bulk = self._bulk
        if bulk is not None and i >= 0:
            hit = bulk.get(purpose)
            if hit is None or not 0 <= i - hit[0] < _CHUNK:
                start = i - i % _CHUNK
                hit = bulk[purpose] = (start, self.chunk(purpose, start))
            return hit[1][i - hit[0]]
        x = (self._base ^ (i * 0xD1342543DE82EF95) ^ _salt(purpose)) & _MASK
        x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
        return x ^ (x >> 31)

    def uniform(self, i: int, purpose: str) -> float:
        """A float in [0, 1)."""
        return self.bits(i, purpose) / _TWO64

    def below(self, i: int, purpose: str, n: int) -> int:
        """An int in [0, n)."""
        return self.bits(i, purpose) % n

    def chance(self, i: int, purpose: str, p: float) -> bool:
        """True with probability ``p``."""
        return self.bits(i, purpose) / _TWO64 < p

    def pick(
        self, i: int, purpose: str, options: Sequence[T], weights: Sequence[float] | None = None
    ) -> T:
        """One of ``options``, by ``weights`` when given."""
        return pick_of(self.bits(i, purpose), options, weights)

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


def _offset(k: int, bits: int, step: float) -> int:
    """The ``k``-th instant of a time line: a random point in the middle of its step."""
    return math.floor((k + (0.05 + 0.9 * (bits / _TWO64))) * step)


class TimeLine:
    """Strictly ordered, randomly spaced instants: one per index.

    Index 0 is the oldest (``descending=False``) or the newest (``descending=True``);
    instants are whole seconds, distinct while the span has more seconds than items.
    """

    __slots__ = ("_day0", "_desc", "_rand", "_size", "_start", "_step")

    def __init__(
        self, rand: Rand, size: int, start: dt.datetime, end: dt.datetime, *, descending: bool
    ) -> None:
        self._rand = rand
        self._size = max(size, 1)
        self._start = start
        self._step = (end - start).total_seconds() / self._size
        self._desc = descending
        midnight = start.replace(hour=0, minute=0, second=0, microsecond=0)
        self._day0 = (start.toordinal(), int((start - midnight).total_seconds()))

    @property
    def start(self) -> dt.datetime:
        """The earliest possible instant."""
        return self._start

    def offset(self, i: int) -> int:
        """Whole seconds from ``start`` to the instant of index ``i`` (orders like ``at``)."""
        k = self._size - 1 - i if self._desc else i
        return _offset(k, self._rand.bits(i, "timeline"), self._step)

    def offsets(self, lo: int, hi: int) -> list[int]:
        """``offset(i)`` for ``i`` in ``[lo, hi)`` (``_offset``, inlined)."""
        ks = range(self._size - 1 - lo, self._size - 1 - hi, -1) if self._desc else range(lo, hi)
        draws = self._rand.run("timeline", lo, hi)
        step, floor = self._step, math.floor
        return [
            floor((k + (0.05 + 0.9 * (b / _TWO64))) * step) for k, b in zip(ks, draws, strict=True)
        ]

    def dates(self, lo: int, hi: int) -> list[dt.date]:
        """``date(i)`` for ``i`` in ``[lo, hi)``."""
        ordinal, second_of_day = self._day0
        return [
            dt.date.fromordinal(ordinal + (second_of_day + o) // 86400)
            for o in self.offsets(lo, hi)
        ]

    def at(self, i: int) -> dt.datetime:
        """The instant of index ``i``."""
        return self._start + dt.timedelta(seconds=self.offset(i))

    def date(self, i: int) -> dt.date:
        """``at(i).date()``, by integer arithmetic."""
        ordinal, second_of_day = self._day0
        return dt.date.fromordinal(ordinal + (second_of_day + self.offset(i)) // 86400)


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
    absent_at_end: ClassVar[tuple[str, ...]] = ()
    """Paging fields (JSONPaths) the provider leaves out on the last page, where the spec
    also takes null: the mock leaves them out too (Bird's ``nextPageToken``)."""

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
        self.block_at = Chunked(self.block, self.blocks)
        """Item -> its number's block, as a ``derive`` source."""
        self.e164_at = Chunked(lambda i: self.phone(i)[0], self.e164s)
        """Item -> its number (E.164), as a ``derive`` source."""
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
        for lo in range(0, self.size, _CHUNK):
            hi = min(self.size, lo + _CHUNK)
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

    def draws(self, purpose: str) -> Chunked:
        """Item -> ``rand.bits(i, purpose)``, as a ``derive`` source."""
        rand = self.rand
        return Chunked(lambda i: rand.bits(i, purpose), lambda lo, hi: rand.run(purpose, lo, hi))

    def chances(self, purpose: str, p: float) -> Chunked:
        """Item -> ``rand.chance(i, purpose, p)``, as a ``derive`` source.

        For a run the comparison is done in C: ``bits / 2**64 < p`` is ``float(bits) <
        p * 2**64`` exactly, as both sides only scale by a power of two.
        """
        rand, threshold = self.rand, p * _TWO64
        return Chunked(
            lambda i: rand.chance(i, purpose, p),
            lambda lo, hi: list(map(threshold.__gt__, map(float, rand.run(purpose, lo, hi)))),
        )

    def block(self, i: int) -> Block:
        """The numbering block (country, type, place) of item ``i``'s number."""
        slots = self._slots
        if slots is not None and 0 <= i < len(slots):
            return self._blocks[slots[i] // SUFFIX]
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

    def sort_keys(self) -> Mapping[str, Callable[[int], Any]]:
        """Getters cheaper to compare than a field's values that order items exactly alike.

        E.g. seconds since the epoch for a formatted time. Fields not listed sort by value.
        """
        return {}

    def bulk(self) -> contextlib.AbstractContextManager[None]:
        """A block in which walking many indexes is cheap (see the module docstring)."""
        return self.rand.bulk()
