"""A client-side sliding-window limiter: never more than N requests in any T seconds.

A sliding window (rather than a token bucket, which lets 2N through across a window
boundary) is what keeps a listing clear of the providers' "N per T" limits.
"""

from __future__ import annotations

import threading
from collections import deque

import anyio
import attrs
from numberhub_spec import RateLimitSpec

from ._clock import Clock

__all__ = ["AsyncRateLimiter", "RateLimit", "RateLimiter"]


@attrs.frozen
class RateLimit:
    """At most ``requests`` requests in any ``per_seconds`` seconds.

    Attributes:
        requests: How many requests the window allows.
        per_seconds: The window's length.
        margin: Extra seconds kept between a request and the one ``requests`` before
            it, to absorb jitter between the client's clock and the server's.
    """

    requests: int = attrs.field(validator=attrs.validators.gt(0))
    per_seconds: float = attrs.field(validator=attrs.validators.gt(0))
    margin: float = attrs.field(default=0.02, validator=attrs.validators.ge(0))

    @classmethod
    def from_spec(cls, spec: RateLimitSpec | None) -> RateLimit | None:
        """The limit a spec's ``x-numberhub-rate-limit`` documents, or None."""
        return None if spec is None else cls(spec.requests, spec.per_seconds)


class _Window:
    """The timestamps of the last ``requests`` sends, and how long the next one must wait."""

    def __init__(self, limit: RateLimit, clock: Clock) -> None:
        self.limit = limit
        self.clock = clock
        self.sent: deque[float] = deque(maxlen=limit.requests)

    def wait(self) -> float:
        if len(self.sent) < self.limit.requests:
            return 0.0
        ready = self.sent[0] + self.limit.per_seconds + self.limit.margin
        return max(ready - self.clock.monotonic(), 0.0)

    def record(self) -> None:
        self.sent.append(self.clock.monotonic())


class RateLimiter:
    """Blocks the calling thread until a request may go (thread-safe)."""

    def __init__(self, limit: RateLimit, clock: Clock) -> None:
        self._window = _Window(limit, clock)
        self._lock = threading.Lock()

    @property
    def limit(self) -> RateLimit:
        """The limit enforced."""
        return self._window.limit

    def acquire(self) -> None:
        """Wait for a free slot in the window, then take it."""
        with self._lock:
            while (wait := self._window.wait()) > 0:
                self._window.clock.sleep(wait)
            self._window.record()


class AsyncRateLimiter:
    """Suspends the calling task until a request may go."""

    def __init__(self, limit: RateLimit, clock: Clock) -> None:
        self._window = _Window(limit, clock)
        self._lock: anyio.Lock | None = None

    @property
    def limit(self) -> RateLimit:
        """The limit enforced."""
        return self._window.limit

    async def acquire(self) -> None:
        """Wait for a free slot in the window, then take it."""
        if self._lock is None:  # created lazily: an anyio.Lock binds to the running loop
            self._lock = anyio.Lock()
        async with self._lock:
            while (wait := self._window.wait()) > 0:
                await self._window.clock.asleep(wait)
            self._window.record()
