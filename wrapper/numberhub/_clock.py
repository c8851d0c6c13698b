"""Time, behind one small interface so that retries and rate limits can run on a fake clock."""

from __future__ import annotations

import time
from typing import Protocol, runtime_checkable

import anyio

__all__ = ["Clock", "SystemClock"]


@runtime_checkable
class Clock(Protocol):
    """What numberhub needs of time. Pass your own to a client (``clock=``) in tests."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back."""
        ...

    def time(self) -> float:
        """Seconds since the epoch (to read ``Retry-After`` dates)."""
        ...

    def sleep(self, seconds: float) -> None:
        """Block the thread for ``seconds``."""
        ...

    async def asleep(self, seconds: float) -> None:
        """Suspend the task for ``seconds``."""
        ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        """See `Clock.monotonic`."""
        return time.monotonic()

    def time(self) -> float:
        """See `Clock.time`."""
        return time.time()

    def sleep(self, seconds: float) -> None:
        """See `Clock.sleep`."""
        if seconds > 0:
            time.sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        """See `Clock.asleep`."""
        await anyio.sleep(max(seconds, 0))

    def __repr__(self) -> str:
        return "SystemClock()"
