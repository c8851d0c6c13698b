"""What the end-to-end tests share: a clock that jumps instead of sleeping, an attempt log."""

from __future__ import annotations

import asyncio
import contextvars
import threading
import time
from collections.abc import Mapping
from typing import Any

import httpx

PROVIDERS = ("bird", "butter", "duoplus", "plivo", "rounded")
ID_FIELD = {
    "bird": "id",
    "butter": "phone_number_id",
    "duoplus": "id",
    "plivo": "number",
    "rounded": "id",
}


class VirtualClock:
    """A `numberhub.Clock` whose sleeps add to the clock instead of taking real time.

    Retries wait their full backoff and ``Retry-After`` in virtual time, so the wrapper's
    budget (``max_retries``, the spec's ``maxElapsedTime``) is applied exactly as with the
    real clock, but a soak does not spend minutes asleep. The skipped time is kept per
    thread and per task (a context variable), so concurrent page fetches each see their
    own waits, as they would in real time.

    Attributes:
        waits: Every wait asked for, in the order asked.
    """

    def __init__(self) -> None:
        self._skipped: contextvars.ContextVar[float] = contextvars.ContextVar(
            "skipped", default=0.0
        )
        self._lock = threading.Lock()
        self.waits: list[float] = []

    def monotonic(self) -> float:
        return time.monotonic() + self._skipped.get()

    def time(self) -> float:
        return time.time() + self._skipped.get()

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.waits.append(seconds)
        self._skipped.set(self._skipped.get() + max(seconds, 0.0))

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)
        await asyncio.sleep(0)


class AttemptLog:
    """Every request an httpx client sends, and the status of its answer if one came.

    Installed as event hooks: request hooks run once per attempt (a retry sends again),
    response hooks once the status line and headers are in (before the body is read, so a
    truncated body still shows its status).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.attempts: list[dict[str, Any]] = []

    def _request(self, request: httpx.Request) -> None:
        with self._lock:
            request.extensions["attempt"] = len(self.attempts)
            self.attempts.append({"status": None})

    def _response(self, response: httpx.Response) -> None:
        with self._lock:
            self.attempts[response.request.extensions["attempt"]]["status"] = response.status_code

    async def _arequest(self, request: httpx.Request) -> None:
        self._request(request)

    async def _aresponse(self, response: httpx.Response) -> None:
        self._response(response)

    def sync_client(self, **kwargs: Any) -> httpx.Client:
        hooks = {"request": [self._request], "response": [self._response]}
        return httpx.Client(event_hooks=hooks, **kwargs)

    def async_client(self, **kwargs: Any) -> httpx.AsyncClient:
        hooks = {"request": [self._arequest], "response": [self._aresponse]}
        return httpx.AsyncClient(event_hooks=hooks, **kwargs)

    @property
    def statuses(self) -> list[int | None]:
        return [a["status"] for a in self.attempts]


def wrapper_options(
    server: Any, provider: str, clock: VirtualClock, **options: Any
) -> Mapping[str, Any]:
    """A wrapper client's keyword arguments for ``server``: its credentials, no limiter."""
    return {
        "base_url": server.base_url,
        "rate_limit": None,
        "clock": clock,
        **server.credentials[provider],
        **options,
    }
