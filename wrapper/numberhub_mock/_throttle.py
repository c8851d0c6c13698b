"""The rate limit the mock enforces: a fixed window per ``RateLimitSpec``."""

from __future__ import annotations

import math
import time

from numberhub_spec import RateLimitSpec

__all__ = ["Throttle"]


class Throttle:
    """At most ``limit.requests`` requests per ``limit.per_seconds``, in fixed windows.

    Args:
        limit: The spec's documented limit.
    """

    def __init__(self, limit: RateLimitSpec) -> None:
        self.requests = limit.requests
        self.per = limit.per_seconds
        self._windows: dict[str, tuple[float, int]] = {}

    def retry_after(self, key: str) -> int | None:
        """None when the request may pass; else the seconds until the window ends."""
        now = time.monotonic()
        start, count = self._windows.get(key, (now, 0))
        if now - start >= self.per:
            start, count = now, 0
        if count >= self.requests:
            return max(1, math.ceil(start + self.per - now))
        self._windows[key] = (start, count + 1)
        return None
