"""The clients: `SyncClient` and `AsyncClient`, each made for one provider from its spec.

A client takes the provider's credentials (keyword arguments or their environment
variables), its header options (DuoPlus's ``lang``) and the `SyncOptions` /
`AsyncOptions`. ``list_numbers`` checks the call (`_requests`), then each page goes out
through the rate limiter and the retry flow (`RetryPolicy.flow`, one generator driven
here by a sync and an async loop); its body is read as a stream within ``max_page_bytes``
and the attempt's deadline (`_body`), and comes back through the `Reader` as a `Page`,
which the pager's `Ledger` checks.

Every provider with a spec has a client class: the typed ones generated into
``numberhub/_surface/`` by ``scripts/regenerate``, or, for a provider known by its YAML
alone, one made on first use by `client_class`.
"""

from __future__ import annotations

import functools
import importlib
import logging
from collections.abc import Mapping
from types import TracebackType
from typing import Any, ClassVar, Generic, Self, TypeVar, Unpack

import anyio
import httpx

from ._body import BodyTooLarge, DeadlinePassed, aread_body, read_body
from ._client_options import (
    AUTO_CONCURRENCY_CAP,
    DEFAULT_TIMEOUT,
    AsyncOptions,
    ListOptions,
    SyncOptions,
    attempt_seconds,
)
from ._core import Core
from ._errors import (
    APIConnectionError,
    APIError,
    ClientClosedError,
)
from ._models import Raw
from ._pagers import AsyncPager, Page, SyncPager
from ._paginator import Params
from ._provider import Provider, provider
from ._ratelimit import AsyncRateLimiter, RateLimit, RateLimiter
from ._requests import Listing
from ._retry import next_wait

__all__ = [
    "AUTO_CONCURRENCY_CAP",
    "DEFAULT_TIMEOUT",
    "AsyncClient",
    "AsyncOptions",
    "ListOptions",
    "SyncClient",
    "SyncOptions",
    "client_class",
    "register",
]

P = TypeVar("P")
C = TypeVar("C", bound=type[Any])
log = logging.getLogger("numberhub")


class _ProviderOf:
    """``Client.provider``: the `Provider` of the class's ``provider_name``, read lazily."""

    def __get__(self, obj: object, owner: type[Any]) -> Provider:
        return provider(owner.provider_name)


class _ClientBase:
    #: The provider's name (each concrete client class sets it).
    provider_name: ClassVar[str]
    provider = _ProviderOf()
    _core: Core

    @property
    def base_url(self) -> str:
        """Where requests go."""
        return self._core.base_url

    @property
    def rate_limit(self) -> RateLimit | None:
        """The client-side limit in force, or None."""
        return self._core.rate_limit

    @property
    def max_retries(self) -> int:
        """Retries of a failed request."""
        return self._core.policy.max_retries

    @classmethod
    def filters(cls) -> tuple[str, ...]:
        """The filters ``list_numbers`` takes, sorted (no credentials needed)."""
        return tuple(sorted(cls.provider.spec.filters))

    @classmethod
    def filter_params(cls) -> Mapping[str, Any]:
        """Each filter ``list_numbers`` takes, with its spec parameter (no credentials needed).

        Keys are the ``list_numbers`` keywords, in spec order; each `Param` carries the
        filter's JSON ``schema`` (type, enum, range, pattern), ``description``, where it
        is sent (``location``: ``query`` or ``body``), the filters it ``requires``, and
        ``problems(value)``, the check ``list_numbers`` runs before any request.
        """
        return cls.provider.spec.filters

    def _check_open(self, http: httpx.Client | httpx.AsyncClient) -> None:
        if http.is_closed:
            raise ClientClosedError(
                f"this {type(self).__name__} client is closed (used after its 'with' block "
                "or close()); open a new one"
            )

    def _generated(self) -> Any:
        module = importlib.import_module(f"{self.provider_name}_client")
        return module.Client(base_url=self._core.base_url, httpx_args={"auth": self._core.auth})

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._core.base_url!r})"


class SyncClient(_ClientBase, Generic[P, Raw]):
    """Base of the sync clients: owns the `httpx.Client` and the send-retry loop."""

    def __init__(self, **kwargs: Any) -> None:
        self._core = Core(self.provider, kwargs, type(self).__name__)
        http = kwargs.get("http_client")
        self._owns_http = http is None
        self._http: httpx.Client = http or httpx.Client(
            auth=self._core.auth, timeout=self._core.timeout or DEFAULT_TIMEOUT
        )
        limit = self._core.rate_limit
        self._limiter = RateLimiter(limit, self._core.clock) if limit else None

    @property
    def http_client(self) -> httpx.Client:
        """The `httpx.Client` in use."""
        return self._http

    @property
    def generated(self) -> Any:
        """The provider's generated client (``<provider>_client.Client``).

        It shares this client's `httpx.Client` when numberhub created that client.
        """
        gen = self._generated()
        if self._owns_http:
            gen.set_httpx_client(self._http)
        return gen

    def list_numbers(self, **options: Unpack[ListOptions]) -> SyncPager[P, Raw]:
        """Every number matching the given filters, fetched lazily.

        Each provider's class declares its own filters (``Plivo.list_numbers(type=...)``);
        a client known only by a ``str`` name types just the `ListOptions`.
        """
        return self._list(dict(options))

    def _list(self, args: dict[str, Any]) -> SyncPager[P, Raw]:
        self._check_open(self._http)
        listing = self._core.requests.prepare(args)
        return SyncPager(
            lambda paging: self._fetch(listing, paging),
            listing.paginator,
            concurrency=self._core.concurrency(listing),
            max_items=listing.max_items,
            drift=listing.drift,
            ledger=self._core.ledger(listing),
        )

    def _fetch(self, listing: Listing, paging: Params) -> Page[P, Raw]:
        core = self._core
        self._check_open(self._http)
        request = self._http.build_request(**core.requests.request_kwargs(listing, paging))
        flow = core.policy.flow(core.clock.monotonic, core.clock.time, core.name)
        wait = next(flow)
        retries = 0
        while True:
            if wait:
                core.clock.sleep(wait)
            if self._limiter is not None:
                self._limiter.acquire()
            try:
                page: Page[P, Raw] = self._attempt(request, listing, paging)
            except (APIError, APIConnectionError) as exc:
                wait = next_wait(flow, exc)  # type: ignore[assignment]
                if wait is None:
                    raise
                retries += 1
                continue
            page.retries = retries
            return page

    def _attempt(self, request: httpx.Request, listing: Listing, paging: Params) -> Any:
        """One attempt: send, read the body within its cap and deadline, read the page."""
        core = self._core
        deadline = core.deadline(self._http.timeout)
        try:
            response = self._http.send(request, auth=core.auth, stream=True)
            try:
                read_body(response, core.max_page_bytes, deadline)
            finally:
                response.close()
        except httpx.TransportError as exc:
            raise core.reader.transport_error(exc) from None
        except DeadlinePassed:
            raise core.reader.timed_out() from None
        except BodyTooLarge:
            raise core.too_large(response) from None
        log.debug("%s %s -> %s", request.method, core.log_path, response.status_code)
        return core.reader.page(response, listing.paginator.plan, paging, listing.drift)

    def close(self) -> None:
        """Close the `httpx.Client` if numberhub created it."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncClient(_ClientBase, Generic[P, Raw]):
    """Base of the async clients: owns the `httpx.AsyncClient` and the send-retry loop."""

    def __init__(self, **kwargs: Any) -> None:
        self._core = Core(self.provider, kwargs, type(self).__name__)
        http = kwargs.get("http_client")
        self._owns_http = http is None
        self._http: httpx.AsyncClient = http or httpx.AsyncClient(
            auth=self._core.auth, timeout=self._core.timeout or DEFAULT_TIMEOUT
        )
        limit = self._core.rate_limit
        self._limiter = AsyncRateLimiter(limit, self._core.clock) if limit else None

    @property
    def http_client(self) -> httpx.AsyncClient:
        """The `httpx.AsyncClient` in use."""
        return self._http

    @property
    def generated(self) -> Any:
        """The provider's generated client (``<provider>_client.Client``).

        It shares this client's `httpx.AsyncClient` when numberhub created that client.
        """
        gen = self._generated()
        if self._owns_http:
            gen.set_async_httpx_client(self._http)
        return gen

    def list_numbers(self, **options: Unpack[ListOptions]) -> AsyncPager[P, Raw]:
        """Every number matching the given filters, fetched lazily; see `SyncClient`."""
        return self._list(dict(options))

    def _list(self, args: dict[str, Any]) -> AsyncPager[P, Raw]:
        self._check_open(self._http)
        listing = self._core.requests.prepare(args)

        async def fetch(paging: Params) -> Page[P, Raw]:
            return await self._fetch(listing, paging)

        return AsyncPager(
            fetch,
            listing.paginator,
            concurrency=self._core.concurrency(listing),
            max_items=listing.max_items,
            drift=listing.drift,
            ledger=self._core.ledger(listing),
        )

    async def _fetch(self, listing: Listing, paging: Params) -> Page[P, Raw]:
        core = self._core
        self._check_open(self._http)
        request = self._http.build_request(**core.requests.request_kwargs(listing, paging))
        flow = core.policy.flow(core.clock.monotonic, core.clock.time, core.name)
        wait = next(flow)
        retries = 0
        while True:
            if wait:
                await core.clock.asleep(wait)
            if self._limiter is not None:
                await self._limiter.acquire()
            try:
                page: Page[P, Raw] = await self._attempt(request, listing, paging)
            except (APIError, APIConnectionError) as exc:
                wait = next_wait(flow, exc)  # type: ignore[assignment]
                if wait is None:
                    raise
                retries += 1
                continue
            page.retries = retries
            return page

    async def _attempt(self, request: httpx.Request, listing: Listing, paging: Params) -> Any:
        """One attempt, as a whole within the timeout: send, read the body, read the page."""
        core = self._core
        seconds = attempt_seconds(core.timeout or self._http.timeout)
        try:
            with anyio.fail_after(seconds):
                response = await self._http.send(request, auth=core.auth, stream=True)
                try:
                    await aread_body(response, core.max_page_bytes)
                finally:
                    await response.aclose()
        except httpx.TransportError as exc:
            raise core.reader.transport_error(exc) from None
        except TimeoutError:
            raise core.reader.timed_out() from None
        except BodyTooLarge:
            raise core.too_large(response) from None
        log.debug("%s %s -> %s", request.method, core.log_path, response.status_code)
        return core.reader.page(response, listing.paginator.plan, paging, listing.drift)

    async def aclose(self) -> None:
        """Close the `httpx.AsyncClient` if numberhub created it."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


_TYPED: dict[tuple[str, bool], type[Any]] = {}


def register(cls: C) -> C:
    """Record a generated client class as its provider's (``numberhub/_surface``)."""
    _TYPED[(cls.provider_name, issubclass(cls, AsyncClient))] = cls
    return cls


@functools.cache
def _made(name: str, asynchronous: bool) -> type[Any]:
    base = AsyncClient if asynchronous else SyncClient
    title = "".join(ch for ch in provider(name).display_name.split()[0] if ch.isalnum())
    return type(("Async" if asynchronous else "") + title, (base,), {"provider_name": name})


def client_class(name: str, *, asynchronous: bool = False) -> type[Any]:
    """The client class of the provider called ``name``.

    That is its generated class, or one made from its spec on first use.

    Raises:
        LookupError: No spec for ``name``.
    """
    provider(name)  # LookupError for an unknown name; SpecError for a broken spec
    return _TYPED.get((name, asynchronous)) or _made(name, asynchronous)
