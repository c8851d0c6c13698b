"""Time lines: strictly ordered, randomly spaced instants, one per item."""

from __future__ import annotations

import datetime as dt
import math

from ._rand import TWO64, Rand

__all__ = ["TIME_START", "TimeLine", "iso_utc"]

TIME_START = dt.datetime(2022, 1, 1, tzinfo=dt.UTC)
"""Where a time line starts unless a provider's realism says otherwise."""


def iso_utc(t: dt.datetime) -> str:
    """A UTC time as ISO 8601 with a "Z", to the second, as the providers send it."""
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


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

    def offset(self, i: int) -> int:
        """Whole seconds from ``start`` to the instant of index ``i`` (orders like ``at``)."""
        k = self._size - 1 - i if self._desc else i
        return math.floor(
            (k + (0.05 + 0.9 * (self._rand.bits(i, "timeline") / TWO64))) * self._step
        )

    def at(self, i: int) -> dt.datetime:
        """The instant of index ``i``."""
        return self._start + dt.timedelta(seconds=self.offset(i))

    def date(self, i: int) -> dt.date:
        """The date of the instant of index ``i``."""
        return self.at(i).date()
