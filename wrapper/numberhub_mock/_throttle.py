"""The rate limit the mock enforces: a fixed window per ``RateLimitSpec``."""

from __future__ import annotations

from numberhub_spec import RateLimitSpec

from ._state import LocalState, State

__all__ = ["Throttle"]


class Throttle:
    """At most ``limit.requests`` requests per ``limit.per_seconds``, in fixed windows.

    Args:
        limit: The spec's documented limit.
        state: Where the windows are counted (shared by worker processes, see ``_state``).
    """

    def __init__(self, limit: RateLimitSpec, state: State | None = None) -> None:
        self.requests = limit.requests
        self.per = limit.per_seconds
        self.state: State = state if state is not None else LocalState()

    def retry_after(self, key: str) -> int | None:
        """None when the request may pass; else the seconds until the window ends."""
        return self.state.retry_after(key, self.requests, self.per)
