"""When to retry a request and how long to wait, from the spec's ``x-speakeasy-retries``."""

from __future__ import annotations

import email.utils
import random
from collections.abc import Callable, Mapping
from typing import Any

import attrs
from numberhub_spec import RetrySpec

from ._errors import APIConnectionError, APIError, NumberhubError

__all__ = ["DEFAULT_MAX_RETRIES", "RetryPolicy", "parse_retry_after"]

#: The longest wait a ``Retry-After`` header may ask for; longer asks are cut to this.
MAX_RETRY_AFTER = 60.0


def parse_retry_after(headers: Mapping[str, str], now: float) -> float | None:
    """Seconds to wait according to ``retry-after-ms`` or ``Retry-After``, or None.

    ``Retry-After`` may be seconds (``"2"``, ``"0.5"``) or an HTTP date; ``now`` is the
    current epoch time, to turn a date into a delay.
    """
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return max(float(millis) / 1000, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
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
        default=_status_matcher([408, 409, 429, "5XX"]), eq=False
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
