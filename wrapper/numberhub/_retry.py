"""When to retry a request and how long to wait, from the spec's ``x-speakeasy-retries``."""

from __future__ import annotations

import email.utils
import logging
import math
import random
from collections.abc import Callable, Generator, Mapping
from typing import Any

import attrs
from numberhub_spec import RetrySpec

from ._errors import APIConnectionError, APIError, NumberhubError

__all__ = ["DEFAULT_MAX_RETRIES", "RetryPolicy", "next_wait", "parse_retry_after"]

log = logging.getLogger("numberhub")

#: The longest wait a ``Retry-After`` header may ask for; longer asks are cut to this.
MAX_RETRY_AFTER = 60.0


def _seconds(text: str) -> float | None:
    """A finite number of seconds (a negative one as 0), or None (NaN, inf, garbage)."""
    try:
        value = float(text)
    except ValueError:
        return None
    return max(value, 0.0) if math.isfinite(value) else None


def parse_retry_after(headers: Mapping[str, str], now: float) -> float | None:
    """Seconds to wait according to ``retry-after-ms`` or ``Retry-After``, or None.

    ``Retry-After`` may be seconds (``"2"``, ``"0.5"``) or an HTTP date; ``now`` is the
    current epoch time, to turn a date into a delay. A negative number means no wait; a
    value that is neither a finite number nor a date (``nan``, ``inf``, garbage) is
    ignored, so the backoff applies, the same way for sync and async clients.
    """
    millis = headers.get("retry-after-ms")
    if millis is not None:
        seconds = _seconds(millis)
        if seconds is not None:
            return seconds / 1000
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _seconds(value)
    if seconds is not None:
        return seconds
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(when.timestamp() - now, 0.0)


def _status_matcher(codes: list[Any]) -> Callable[[int], bool]:
    exact = {int(c) for c in codes if str(c).isdigit()}
    classes = {int(str(c)[0]) for c in codes if str(c).upper().endswith("XX")}
    return lambda status: status in exact or status // 100 in classes


#: Retries of a failed request unless a client is told otherwise.
DEFAULT_MAX_RETRIES = 2


@attrs.frozen
class RetryPolicy:
    """Capped exponential backoff with jitter, honouring ``Retry-After``.

    Attributes:
        max_retries: Retries after the first attempt (0 disables retrying).
        initial: Backoff before the first retry, in seconds.
        max_interval: Longest backoff, in seconds.
        exponent: Growth factor of the backoff.
        max_elapsed: Give up once this many seconds have passed since the first attempt.
        retry_status: Whether an HTTP status is worth retrying.
        connection_errors: Whether connection errors and timeouts are retried.
        max_retry_after: Cap on a ``Retry-After`` wait.
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    initial: float = 0.5
    max_interval: float = 8.0
    exponent: float = 2.0
    max_elapsed: float | None = 60.0
    retry_status: Callable[[int], bool] = attrs.field(
        factory=lambda: _status_matcher([408, 409, 429, "5XX"]), eq=False
    )
    connection_errors: bool = True
    max_retry_after: float = MAX_RETRY_AFTER
    random: Callable[[], float] = attrs.field(default=random.random, eq=False, repr=False)

    @classmethod
    def from_spec(cls, spec: RetrySpec, max_retries: int) -> RetryPolicy:
        """The policy a spec's ``x-speakeasy-retries`` describes."""
        return cls(
            max_retries=max_retries,
            initial=spec.initial_interval,
            max_interval=spec.max_interval,
            exponent=spec.exponent,
            max_elapsed=spec.max_elapsed,
            retry_status=spec.retries_status,
            connection_errors=spec.connection_errors,
        )

    def delay(self, retry: int, headers: Mapping[str, str] | None, now: float) -> float:
        """Seconds to wait before retry number ``retry`` (0 for the first retry)."""
        if headers is not None:
            asked = parse_retry_after(headers, now)
            if asked is not None:
                return min(asked, self.max_retry_after)
        backoff = min(self.initial * self.exponent**retry, self.max_interval)
        return backoff * (1 - 0.25 * self.random())

    def gives_up(self, retry: int, elapsed: float, wait: float) -> bool:
        """Whether retry number ``retry``, ``elapsed`` s in and waiting ``wait``, is too many."""
        if retry >= self.max_retries:
            return True
        return self.max_elapsed is not None and elapsed + wait > self.max_elapsed

    def retries(self, exc: NumberhubError) -> bool:
        """Whether this policy retries after ``exc``."""
        if isinstance(exc, APIError):
            return self.retry_status(exc.status)
        return isinstance(exc, APIConnectionError) and self.connection_errors

    def wait_after(
        self, exc: NumberhubError, retry: int, elapsed: float, now: float
    ) -> float | None:
        """Seconds to wait before retry number ``retry`` after ``exc``, or None to give up.

        Args:
            exc: What the last attempt raised.
            retry: How many retries came before (0 for the first).
            elapsed: Seconds since the first attempt.
            now: The current epoch time (to read a ``Retry-After`` date).
        """
        if not self.retries(exc):
            return None
        headers = exc.headers if isinstance(exc, APIError) else None
        wait = self.delay(retry, headers, now)
        return None if self.gives_up(retry, elapsed, wait) else wait

    def flow(
        self, monotonic: Callable[[], float], time: Callable[[], float], name: str
    ) -> Generator[float, NumberhubError, None]:
        """The retry loop of one request, written once for the sync and async clients.

        Like httpx's ``Auth.auth_flow``: the generator yields the seconds to wait before
        each attempt (0 before the first) and is sent what each failed attempt raised;
        it returns (`StopIteration`) when the policy gives up. A driver (`next_wait`)
        sleeps, sends, and re-raises the error once the flow is over.

        Args:
            monotonic: The clock's monotonic time (the elapsed-time budget).
            time: The clock's epoch time (a ``Retry-After`` date).
            name: The provider's name, for the log.
        """
        started = monotonic()
        retry = 0
        exc = yield 0.0
        while True:
            wait = self.wait_after(exc, retry, monotonic() - started, time())
            if wait is None:
                return
            status = f" (HTTP {exc.status})" if isinstance(exc, APIError) else ""
            log.info("%s: retrying in %.2f s after %s%s", name, wait, type(exc).__name__, status)
            retry += 1
            exc = yield wait


def next_wait(flow: Generator[float, NumberhubError, None], exc: NumberhubError) -> float | None:
    """Send ``exc`` to a retry ``flow``: the seconds to wait, or None to give up."""
    try:
        return flow.send(exc)
    except StopIteration:
        return None
