"""The keyword arguments every client and every ``list_numbers`` take, and their defaults."""

from __future__ import annotations

import os
from typing import Any, Final, Literal, TypedDict

import httpx

from ._clock import Clock
from ._errors import InvalidParameterError
from ._ratelimit import RateLimit

__all__ = [
    "AUTO_CONCURRENCY_CAP",
    "DEFAULT_TIMEOUT",
    "AsyncOptions",
    "ListOptions",
    "SyncOptions",
    "attempt_seconds",
    "auto_concurrency",
    "base_url_env",
    "checked_base_url",
    "checked_max_page_bytes",
    "checked_timeout",
    "resolved_base_url",
]

#: 30 s for each attempt as a whole (connect, send, headers and body); 5 s to connect.
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)


#: The most requests ``concurrency="auto"`` keeps in flight.
AUTO_CONCURRENCY_CAP: Final = 8


class _Default:
    def __repr__(self) -> str:
        return "DEFAULT"


_DEFAULT: Final[Any] = _Default()


class _CommonOptions(TypedDict, total=False):
    base_url: str
    timeout: float | httpx.Timeout | None
    max_retries: int
    rate_limit: RateLimit | None
    clock: Clock
    strict: bool
    max_page_bytes: int


class SyncOptions(_CommonOptions, total=False):
    """Keyword arguments every sync client takes besides its credentials.

    Keys:
        base_url: Where the API is (default: ``$<PROVIDER>_BASE_URL``, e.g.
            ``PLIVO_BASE_URL``, else the spec's server; point it at the mock).
        timeout: Seconds or an `httpx.Timeout` (default `DEFAULT_TIMEOUT`; with
            ``http_client`` and no ``timeout``, that client's own). It bounds each attempt
            as a whole, from connecting to the last byte of the body, by its largest
            value (``timeout=2``: 2 s), so a server that sends one byte a second cannot
            hold a request open; connect, read, write and pool each keep their own limit
            too. Async clients enforce it exactly; sync clients check it as each piece
            of the body arrives (the status line and headers are bounded per read).
        max_page_bytes: The largest page body read, after decompression (default
            `DEFAULT_MAX_PAGE_BYTES`, 32 MiB). A larger one is refused with
            `ResponseValidationError` as soon as it passes the cap, so a compressed bomb
            is never expanded.
        max_retries: Retries of a failed request (default 2; 0 disables).
        rate_limit: A `RateLimit` to stay under (default: the spec's documented limit,
            where there is one); None disables the limiter.
        http_client: An `httpx.Client` to send through (its transport, proxies...).
            numberhub adds its auth to each request and leaves the client open.
        clock: A `Clock` for sleeping and timing (tests pass a fake one).
        strict: Refuse any answer that differs from the spec with
            `ResponseValidationError` (default False: read items that drift from their
            schema, report each difference in ``pager.drift`` and once as a
            `DriftWarning`, and refuse only a page whose structure breaks).
    """

    http_client: httpx.Client


class AsyncOptions(_CommonOptions, total=False):
    """`SyncOptions`, with an `httpx.AsyncClient` as ``http_client``."""

    http_client: httpx.AsyncClient


_OPTIONS = frozenset(SyncOptions.__annotations__) | frozenset(_CommonOptions.__annotations__)


class ListOptions(TypedDict, total=False):
    """Keyword arguments of every ``list_numbers`` besides the provider's filters.

    Keys:
        max_items: Stop after this many numbers.
        page_size: Numbers per request (default: the provider's maximum; validated
            against the spec's range).
        concurrency: When the first page tells the total, fetch up to this many of the
            remaining pages at once (numbers are still handed out in order, each once).
            Default ``"auto"``: as many as the client's rate limit allows in a second,
            at most `AUTO_CONCURRENCY_CAP` (8); one page at a time where no rate limit
            is known (or ``rate_limit=None``), and always while the total is unknown.
    """

    max_items: int | None
    page_size: int | None
    concurrency: int | Literal["auto"]


def auto_concurrency(rate_limit: RateLimit | None) -> int:
    """What ``concurrency="auto"`` means for a client with ``rate_limit``."""
    if rate_limit is None:
        return 1
    per_second = rate_limit.requests / rate_limit.per_seconds
    return max(1, min(AUTO_CONCURRENCY_CAP, int(per_second)))


def checked_base_url(value: Any) -> str:
    """``value`` as a base URL without its trailing slash, or `InvalidParameterError`.

    Only an absolute ``http://`` or ``https://`` URL with a host is accepted: httpx would
    read ``127.0.0.1:4010`` as a scheme and fail later as a network error. The value is
    not repeated in the message (a URL may carry credentials).
    """
    allowed = "must be an absolute http:// or https:// URL, e.g. http://127.0.0.1:4010"
    if not isinstance(value, str):
        raise InvalidParameterError("base_url", allowed)
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise InvalidParameterError("base_url", allowed) from None
    if url.scheme not in ("http", "https") or not url.host:
        scheme = "no scheme" if "://" not in value else "another scheme or no host"
        raise InvalidParameterError("base_url", f"{allowed} ({scheme} given)")
    return value.rstrip("/")


def base_url_env(provider: str) -> str:
    """The environment variable a client reads its base URL from: ``PLIVO_BASE_URL``."""
    return f"{provider}_BASE_URL".upper().replace("-", "_")


def resolved_base_url(provider: str, given: Any, default: str) -> str:
    """The base URL in force: ``base_url=``, else ``$<PROVIDER>_BASE_URL``, else ``default``.

    An empty variable counts as unset. A bad value is refused as the variable's, so that
    the error names where it came from (`InvalidParameterError.parameter` is the
    variable's name).
    """
    if given is not None:
        return checked_base_url(given)
    var = base_url_env(provider)
    value = os.environ.get(var)
    if not value:
        return default.rstrip("/")
    try:
        return checked_base_url(value)
    except InvalidParameterError as exc:
        raise InvalidParameterError(var, str(exc).removeprefix("base_url: ")) from None


def checked_max_page_bytes(value: Any, default: int) -> int:
    """``value`` as a byte cap (`_DEFAULT`: ``default``), or `InvalidParameterError`."""
    if value is _DEFAULT:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidParameterError("max_page_bytes", "must be an integer number of bytes >= 1")
    return value


def attempt_seconds(timeout: httpx.Timeout) -> float | None:
    """The bound on one attempt as a whole: the largest limit set, or None for none."""
    limits = [t for t in (timeout.connect, timeout.read, timeout.write, timeout.pool) if t]
    return max(limits) if limits else None


def checked_timeout(value: Any) -> httpx.Timeout | None:
    """``value`` (seconds, an `httpx.Timeout` or None) as an `httpx.Timeout`.

    Raises:
        InvalidParameterError: A number that is not > 0, or any other type.
    """
    if value is _DEFAULT:
        return None
    if isinstance(value, httpx.Timeout) or value is None:
        return httpx.Timeout(value)
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise InvalidParameterError(
            "timeout", "must be a number of seconds > 0, an httpx.Timeout, or None for no timeout"
        )
    return httpx.Timeout(value)
