"""What a client does the same sync and async: its requests, answers, retries and limits.

`Core` checks a client's keyword arguments once, and holds what each page needs: the
`RequestBuilder`, the `Reader`, the `RetryPolicy`, the rate limit, the timeout of an
attempt and the body cap; `Core.ledger` makes each listing's checks (`Ledger`).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

import httpx

from ._body import DEFAULT_MAX_PAGE_BYTES
from ._client_options import (
    _DEFAULT,
    _OPTIONS,
    attempt_seconds,
    auto_concurrency,
    checked_max_page_bytes,
    checked_timeout,
    resolved_base_url,
)
from ._clock import Clock, SystemClock
from ._errors import InvalidParameterError
from ._integrity import Ledger
from ._provider import Provider
from ._ratelimit import RateLimit
from ._reader import Reader
from ._redact import hide_in_logs, log_path
from ._requests import Listing, RequestBuilder
from ._retry import DEFAULT_MAX_RETRIES, RetryPolicy

__all__ = ["Core"]


class Core:
    """What a client does the same sync and async: its requests, answers and retries."""

    def __init__(self, provider: Provider, kwargs: Mapping[str, Any], owner: str) -> None:
        spec = provider.spec
        known = {c.name for c in provider.credentials} | set(spec.options) | _OPTIONS
        for name in kwargs:
            if name not in known:
                raise TypeError(f"{owner}() got an unexpected keyword argument {name!r}")
        options = {k: v for k, v in kwargs.items() if k in _OPTIONS}
        header_options = {k: v for k, v in kwargs.items() if k in spec.options}
        for keyword, param in spec.options.items():
            if keyword not in header_options and "default" in param.schema:
                header_options[keyword] = param.schema["default"]
        self.provider = provider
        self.name = provider.name
        creds = provider.credentials_from(kwargs)
        self.auth = provider.auth(creds)
        self.timeout = checked_timeout(options.get("timeout", _DEFAULT))
        base_url = resolved_base_url(provider.name, options.get("base_url"), spec.servers[0])
        self.requests = RequestBuilder(provider, creds, base_url, header_options, self.timeout)
        max_retries = options.get("max_retries", DEFAULT_MAX_RETRIES)
        if not isinstance(max_retries, int) or isinstance(max_retries, bool) or max_retries < 0:
            raise InvalidParameterError("max_retries", "must be an integer >= 0")
        self.policy = RetryPolicy.from_spec(spec.retries, max_retries)
        rate_limit = options.get("rate_limit", _DEFAULT)
        if rate_limit is _DEFAULT:
            rate_limit = RateLimit.from_spec(spec.rate_limit)
        if rate_limit is not None and not isinstance(rate_limit, RateLimit):
            raise InvalidParameterError("rate_limit", "must be a numberhub.RateLimit or None")
        self.rate_limit: RateLimit | None = rate_limit
        self.clock: Clock = options.get("clock") or SystemClock()
        strict = options.get("strict", False)
        if not isinstance(strict, bool):
            raise InvalidParameterError("strict", "must be True or False")
        self.reader = Reader(provider, self.auth, strict=strict)
        self.base_url = base_url
        self.log_path = log_path(spec)
        tenants = [*provider.path_values(creds).values()]
        tenants += [value for _, value in provider.tenant_values(creds).values()]
        self.reader.hide(v for v in tenants if len(v) >= 4)
        hide_in_logs([*self.auth.secrets, *tenants])

        self.max_page_bytes = checked_max_page_bytes(
            options.get("max_page_bytes", _DEFAULT), DEFAULT_MAX_PAGE_BYTES
        )

    def ledger(self, listing: Listing) -> Ledger:
        """The checks of one listing (every number once, progress, the total)."""
        reader = self.reader
        answers = reader.answers(listing.paginator.plan)
        return Ledger(
            listing.paginator.plan,
            listing.drift,
            id_path=f"{answers.items_path}.{reader.id_field}",
            report=lambda found, note: reader.report(listing.drift, found, note),
            invalid=reader.invalid,
            strict=reader.strict,
            display=reader.display,
        )

    def concurrency(self, listing: Listing) -> int:
        """The requests a listing keeps in flight (``"auto"`` resolved by the rate limit)."""
        given = listing.concurrency
        return auto_concurrency(self.rate_limit) if given == "auto" else int(given)

    def deadline(self, timeout: httpx.Timeout) -> float | None:
        """When an attempt starting now must be over (``time.monotonic()``), or None."""
        seconds = attempt_seconds(self.timeout or timeout)
        return None if seconds is None else time.monotonic() + seconds

    def too_large(self, response: httpx.Response) -> Exception:
        """The typed error for a body over ``max_page_bytes``."""
        return self.reader.too_large(response, self.max_page_bytes)
