"""Seeded randomness by index: ``Rand.bits(i, purpose)``, alone or for runs of indexes.

Every draw is a pure function of ``(seed, provider, i, purpose)``: splitmix64's finalizer
(`_finalize`, the only copy of it) of the index and a hash of the purpose. Runs of
indexes are hashed at once (`Rand.run`): the same finalizer applied to one big integer
that holds every index in its own 128-bit lane, so each step runs in C over all lanes.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from array import array
from collections.abc import Iterator, Sequence
from typing import TypeVar

__all__ = ["CHUNK", "TWO64", "Rand", "pick_of"]

T = TypeVar("T")
_MASK = (1 << 64) - 1
TWO64 = 18446744073709551616.0
"""2**64 as a float: ``bits / TWO64`` is a draw in [0, 1)."""
_GOLDEN = 0x9E3779B97F4A7C15
_C0, _C1, _C2 = 0xD1342543DE82EF95, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB
CHUNK = 1 << 16
"""Indexes per bulk draw: a few 1 MiB integers at a time."""
_LOW = 0 if sys.byteorder == "little" else 1
"""Which of a 128-bit lane's two native 64-bit words is its low half."""


def _finalize(x: int, mask: int = _MASK) -> int:
    """splitmix64's finalizer of every 64-bit lane of ``x`` (``mask``: 2**64 - 1 per lane).

    With one lane (the default mask) it hashes one number; with many, masking each lane
    to 64 bits before a multiplication keeps lanes from spilling into each other.
    """
    x = (((x ^ (x >> 30)) & mask) * _C1) & mask
    x = (((x ^ (x >> 27)) & mask) * _C2) & mask
    return (x ^ (x >> 31)) & mask


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


@functools.lru_cache(maxsize=4)
def _lanes(n: int) -> tuple[int, int, int]:
    """For ``n`` lanes: a 1 in each lane, 2**64 - 1 in each, and ``k * _C0`` in lane k."""
    ones = _pack(array("Q", [1]) * n)
    return ones, ones * _MASK, _pack(array("Q", range(n))) * _C0


@functools.lru_cache(maxsize=4096)
def _salt(text: str) -> int:
    """FNV-1a of ``text`` (memoized: purposes are a small fixed set)."""
    h = 1469598103934665603
    for ch in text.encode():
        h = ((h ^ ch) * 1099511628211) & _MASK
    return h


def pick_of(bits: int, options: Sequence[T], weights: Sequence[float] | None = None) -> T:
    """``Rand.pick`` given the draw's bits: one of ``options``, by ``weights`` when given."""
    if weights is None:
        return options[bits % len(options)]
    x = bits / TWO64 * sum(weights)
    for option, w in zip(options, weights, strict=True):
        x -= w
        if x < 0:
            return option
    return options[-1]


class Rand:
    """Independent random draws keyed by ``(index, purpose)``, reproducible for a seed."""

    __slots__ = ("_base", "_bulk")

    def __init__(self, seed: int, provider: str) -> None:
        self._base = _finalize((_salt(provider) ^ (seed & _MASK)) + _GOLDEN & _MASK)
        self._bulk: dict[str, tuple[int, array[int]]] | None = None

    @contextlib.contextmanager
    def bulk(self) -> Iterator[None]:
        """Within this block, draws come from arrays of ``CHUNK`` indexes hashed at once.

        For code that walks many consecutive indexes (a column): each purpose's draws are
        hashed a chunk at a time, and only the current chunk of each purpose is kept.
        """
        outer = self._bulk is None  # a block inside another keeps the outer one's draws
        if outer:
            self._bulk = {}
        try:
            yield
        finally:
            if outer:
                self._bulk = None

    @property
    def in_bulk(self) -> bool:
        """Whether a ``bulk()`` block is open."""
        return self._bulk is not None

    def run(self, purpose: str, lo: int, hi: int) -> array[int]:
        """``bits(i, purpose)`` for ``i`` in ``[lo, hi)``, hashed at once."""
        n, key = hi - lo, self._base ^ _salt(purpose)
        ones, mask, index_c0 = _lanes(n)
        x = ((index_c0 + lo * _C0 * ones) & mask) ^ (key * ones)  # (i * _C0) ^ key, per lane
        return _unpack(_finalize(x, mask), n)

    def bits(self, i: int, purpose: str) -> int:
        """64 random bits."""
        bulk = self._bulk
        if bulk is not None and i >= 0:
            hit = bulk.get(purpose)
            if hit is None or not 0 <= i - hit[0] < CHUNK:
                start = i - i % CHUNK
                hit = bulk[purpose] = (start, self.run(purpose, start, start + CHUNK))
            return hit[1][i - hit[0]]
        return _finalize((self._base ^ (i * _C0) ^ _salt(purpose)) & _MASK)

    def uniform(self, i: int, purpose: str) -> float:
        """A float in [0, 1)."""
        return self.bits(i, purpose) / TWO64

    def below(self, i: int, purpose: str, n: int) -> int:
        """An int in [0, n)."""
        return self.bits(i, purpose) % n

    def chance(self, i: int, purpose: str, p: float) -> bool:
        """True with probability ``p``."""
        return self.bits(i, purpose) / TWO64 < p

    def pick(
        self, i: int, purpose: str, options: Sequence[T], weights: Sequence[float] | None = None
    ) -> T:
        """One of ``options``, by ``weights`` when given."""
        return pick_of(self.bits(i, purpose), options, weights)

    def hex(self, i: int, purpose: str, digits: int) -> str:
        """``digits`` lower-case hex digits (one draw, ``purpose/k``, per 16 of them)."""
        words = [self.bits(i, f"{purpose}/{k}") for k in range(-(-digits // 16))]
        return "".join(f"{w:016x}" for w in words)[:digits]

    def uuid(self, i: int, purpose: str) -> str:
        """A random-looking (version 4) UUID."""
        h = f"{self.bits(i, f'{purpose}/0'):016x}{self.bits(i, f'{purpose}/1'):016x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) % 4]}{h[17:20]}-{h[20:]}"
