"""The clients' shared machinery: credentials, requests, retries, rate limits, answers.

`_Core` holds everything that does not depend on sync or async; `SyncClient` and
`AsyncClient` add the transport loop (rate limit, send, retry) around it. The public
per-provider classes (``numberhub.Plivo`` ...) subclass these with typed signatures.
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
from collections.abc import Mapping
from types import MappingProxyType, TracebackType
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Final,
    Generic,
    Literal,
    Self,
    TypedDict,
    TypeVar,
    Unpack,
    overload,
)
from urllib.parse import quote

import attrs
import httpx

from ._auth import SecretAuth
from ._clock import Clock, SystemClock
from ._drift import DriftReport
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    InvalidParameterError,
    MissingCredentialsError,
    NumberhubError,
)
from ._paging import AsyncPager, Page, Paginator, Params, Plan, SyncPager, plans_for
from ._ratelimit import AsyncRateLimiter, RateLimit, RateLimiter
from ._reader import Reader
from ._retry import RetryPolicy
from ._schema import Param, json_value, request_params
from ._specs import load_spec, operation
from .providers._base import Provider

if TYPE_CHECKING:  # the provider modules import this one
    from .providers.bird import AsyncBird, Bird
    from .providers.butter import AsyncButter, Butter
    from .providers.duoplus import AsyncDuoPlus, DuoPlus
    from .providers.plivo import AsyncPlivo, Plivo
    from .providers.rounded import AsyncRounded, Rounded

__all__ = [
    "DEFAULT_TIMEOUT",
    "AsyncClient",
    "AsyncOptions",
    "ListOptions",
    "SyncClient",
    "SyncOptions",
    "async_client",
    "client",
]

P = TypeVar("P")
log = logging.getLogger("numberhub")

#: 30 s to read, write or wait for a pooled connection; 5 s to connect.
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)


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


class SyncOptions(_CommonOptions, total=False):
    """Keyword arguments every sync client takes besides its credentials.

    Keys:
        base_url: Where the API is (default: the spec's server; point it at the mock).
        timeout: Seconds or an `httpx.Timeout` (default `DEFAULT_TIMEOUT`; with
            ``http_client`` and no ``timeout``, that client's own).
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


class ListOptions(TypedDict, total=False):
    """Keyword arguments of every ``list_numbers`` besides the provider's filters.

    Keys:
        max_items: Stop after this many numbers.
        page_size: Numbers per request (default: the provider's maximum; validated
            against the spec's range).
        concurrency: When the first page tells the total, fetch up to this many of the
            remaining pages at once (order is kept). Default 1: one page at a time.
    """

    max_items: int | None
    page_size: int | None
    concurrency: int


@attrs.frozen
class _Listing:
    """One prepared ``list_numbers`` call."""

    paginator: Paginator
    query: dict[str, Any]
    body: dict[str, Any] | None
    max_items: int | None
    concurrency: int
    drift: DriftReport


def _query_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return [_query_value(v) for v in value]
    return value


@functools.cache
def filter_params(provider: Provider) -> Mapping[str, Param]:
    """The filters of ``provider``'s ``list_numbers``, by Python keyword, in spec order.

    They are the list operation's query and body parameters that are neither paging
    inputs (of any paging mode) nor deprecated.
    """
    paging = set().union(*(plan.input_names() for plan in plans_for(provider.name).values()))
    reverse = {spec: py for py, spec in provider.aliases.items()}
    return MappingProxyType(
        {
            reverse.get(name, name): param
            for name, param in request_params(provider.name).items()
            if param.location in ("query", "body")
            and name not in paging
            and not param.schema.get("deprecated")
        }
    )


class _Core:
    """Everything a client does that is the same sync and async."""

    def __init__(
        self,
        provider: Provider,
        credentials: Mapping[str, str | None],
        options: Mapping[str, Any],
        headers: Mapping[str, Any],
    ) -> None:
        self.provider = provider
        self.name = provider.name
        self.params = request_params(provider.name)
        self.creds = self._credentials(credentials)
        self.auth: SecretAuth = provider.auth(self.creds)
        op = operation(provider.name)
        self.method = op.method.upper()
        self.has_body = "requestBody" in op.spec
        path_values = provider.path_params(self.creds)
        for spec_name, value in path_values.items():
            self._check(provider.path_credentials[spec_name], spec_name, value)
        base_url = options.get("base_url") or load_spec(provider.name)["servers"][0]["url"]
        self.base_url = str(base_url).rstrip("/")
        path = op.path
        for spec_name, value in path_values.items():
            path = path.replace("{" + spec_name + "}", quote(value, safe=""))
        self.url = self.base_url + path
        self.headers = self._headers(headers)
        max_retries = options.get("max_retries", 2)
        if not isinstance(max_retries, int) or max_retries < 0:
            raise InvalidParameterError("max_retries", "must be an integer >= 0")
        self.policy = RetryPolicy.from_spec(op.extension("x-speakeasy-retries"), max_retries)
        rate_limit = options.get("rate_limit", _DEFAULT)
        if rate_limit is _DEFAULT:
            rate_limit = RateLimit.from_spec(op.extension("x-numberhub-rate-limit"))
        if rate_limit is not None and not isinstance(rate_limit, RateLimit):
            raise InvalidParameterError("rate_limit", "must be a numberhub.RateLimit or None")
        self.rate_limit: RateLimit | None = rate_limit
        self.clock: Clock = options.get("clock") or SystemClock()
        timeout = options.get("timeout", _DEFAULT)
        self.timeout: httpx.Timeout | None = None if timeout is _DEFAULT else httpx.Timeout(timeout)
        self.display = provider.display_name
        strict = options.get("strict", False)
        if not isinstance(strict, bool):
            raise InvalidParameterError("strict", "must be True or False")
        self.reader = Reader(provider, self.auth, strict=strict)
        self.plans = plans_for(provider.name)
        self.mode_switch = self.plans[True].switch if True in self.plans else None
        self.filters = filter_params(provider)

    # --- construction --------------------------------------------------------------
    def _credentials(self, given: Mapping[str, str | None]) -> dict[str, str]:
        creds: dict[str, str] = {}
        missing = []
        for cred in self.provider.credentials:
            value = given.get(cred.name) or os.environ.get(cred.env)
            if not value:
                missing.append(cred)
            else:
                creds[cred.name] = value
        if missing:
            names = ", ".join(f"{c.name} (or the environment variable {c.env})" for c in missing)
            raise MissingCredentialsError(f"{self.provider.display_name} needs {names}")
        return creds

    def _check(self, cred_name: str, spec_name: str, value: str) -> None:
        problems = self.params[spec_name].problems(value)
        if problems:
            cred = next(c for c in self.provider.credentials if c.name == cred_name)
            shown = "the value" if cred.secret else repr(value)
            raise InvalidParameterError(
                cred_name,
                f"{shown} (from the argument or {cred.env}) is invalid: "
                + "; ".join(p.replace(repr(value), "it") for p in problems),
            )

    def _headers(self, given: Mapping[str, Any]) -> dict[str, str]:
        out = {}
        for py_name, value in given.items():
            spec_name = self.provider.aliases.get(py_name, py_name)
            value = json_value(value)
            problems = self.params[spec_name].problems(value)
            if problems:
                raise InvalidParameterError(py_name, "; ".join(problems))
            out[spec_name] = str(value)
        return out

    # --- requests ------------------------------------------------------------------
    def prepare(self, args: dict[str, Any]) -> _Listing:
        """Validate a ``list_numbers`` call and turn it into a listing, before any request."""
        max_items = args.pop("max_items", None)
        page_size = args.pop("page_size", None)
        concurrency = args.pop("concurrency", 1)
        cursor_mode = False
        if self.mode_switch is not None:
            switch = args.pop(self.mode_switch, None)
            problems = [] if switch is None else self.params[self.mode_switch].problems(switch)
            if problems:
                raise InvalidParameterError(self.mode_switch, "; ".join(problems))
            cursor_mode = bool(switch)
        plan = self.plans[cursor_mode]
        if max_items is not None and (not isinstance(max_items, int) or max_items < 0):
            raise InvalidParameterError("max_items", "must be an integer >= 0 or None")
        if not isinstance(concurrency, int) or isinstance(concurrency, bool) or concurrency < 1:
            raise InvalidParameterError("concurrency", "must be an integer >= 1")
        page_size = self._page_size(plan, page_size, max_items)
        filters = self.filters
        query: dict[str, Any] = {}
        body: dict[str, Any] = {}
        given: set[str] = set()
        for py_name, value in args.items():
            param = filters.get(py_name)
            if param is None:
                known = ", ".join(sorted(filters)) or "none"
                raise InvalidParameterError(
                    py_name, f"{self.display} has no such filter; known filters: {known}"
                )
            if value is None:
                continue
            value = self._filter_value(py_name, param, value)
            given.add(param.name)
            (body if param.location == "body" else query)[param.name] = value
        by_spec = {param.name: param for param in filters.values()}
        for spec_name in sorted(given):
            for needed in by_spec[spec_name].requires:
                if needed not in given:
                    raise InvalidParameterError(
                        self._py(spec_name), f"is only accepted together with {self._py(needed)}"
                    )
        known_names = frozenset(self.params)
        return _Listing(
            paginator=Paginator(plan, page_size, known_names),
            query={k: _query_value(v) for k, v in query.items()},
            body=body if self.has_body else None,
            max_items=max_items,
            concurrency=concurrency,
            drift=DriftReport(self.name),
        )

    def _py(self, spec_name: str) -> str:
        reverse = {spec: py for py, spec in self.provider.aliases.items()}
        return reverse.get(spec_name, spec_name)

    def _filter_value(self, py_name: str, param: Param, value: Any) -> Any:
        value = json_value(value)
        if param.is_array and isinstance(value, str):
            value = [value]
        separator = (param.schema.get("x-numberhub-filter") or {}).get("separator")
        if separator and isinstance(value, list):
            value = separator.join(str(v) for v in value)
        problems = param.problems(value)
        if problems:
            raise InvalidParameterError(py_name, "; ".join(problems))
        return value

    def _page_size(self, plan: Plan, page_size: Any, max_items: int | None) -> int | None:
        entry = plan.inputs.get("limit")
        if entry is None:
            if page_size is not None:
                raise InvalidParameterError("page_size", f"{self.display} has no page size")
            return None
        param = self.params[entry[0]]
        if page_size is None:
            page_size = param.schema.get("maximum", param.schema.get("default"))
            if page_size is not None and max_items:
                page_size = max(min(page_size, max_items), param.schema.get("minimum", 1))
            return page_size  # type: ignore[no-any-return]
        problems = param.problems(page_size) if not isinstance(page_size, bool) else ["not int"]
        if problems:
            low, high = param.schema.get("minimum"), param.schema.get("maximum")
            raise InvalidParameterError(
                "page_size", f"{page_size!r} is invalid: must be an integer in {low}..{high}"
            )
        return int(page_size)

    def request_kwargs(self, listing: _Listing, paging: Params) -> dict[str, Any]:
        """Arguments of ``httpx.Client.build_request`` for one page."""
        plan = listing.paginator.plan
        query = dict(listing.query)
        body = dict(listing.body) if listing.body is not None else None
        for name, value in paging.items():
            location = next((loc for n, loc in plan.inputs.values() if n == name), "query")
            if location == "body" and body is not None:
                body[name] = value
            else:
                query[name] = _query_value(value)
        kwargs: dict[str, Any] = {
            "method": self.method,
            "url": self.url,
            "params": query,
            "headers": self.headers,
        }
        if body is not None:
            kwargs["json"] = body
        if self.timeout is not None:
            kwargs["timeout"] = self.timeout
        return kwargs

    # --- answers -------------------------------------------------------------------
    def scrub(self, text: str) -> str:
        """``text`` with every secret replaced by ``***``."""
        return self.reader.scrub(text)

    def page(self, response: httpx.Response, listing: _Listing, paging: Params) -> Page[Any]:
        """The page in a response, or the typed error it means (see `Reader`)."""
        return self.reader.page(response, listing.paginator.plan, paging, listing.drift)

    def retryable(self, exc: NumberhubError) -> bool:
        """Whether the policy retries this error."""
        if isinstance(exc, APIError):
            return self.policy.retry_status(exc.status)
        return isinstance(exc, APIConnectionError) and self.policy.connection_errors

    def transport_error(self, exc: httpx.TransportError) -> APIConnectionError:
        """The typed error for a failure below HTTP."""
        kind = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        what = "timed out" if kind is APITimeoutError else "could not be reached"
        message = self.scrub(f"{self.display} {what}: {type(exc).__name__}: {exc}")
        return kind(message, provider=self.name)

    def retry_wait(self, exc: NumberhubError, retry: int, started: float) -> float | None:
        """Seconds to wait before retrying after ``exc``, or None to give up."""
        if not self.retryable(exc):
            return None
        headers = exc.headers if isinstance(exc, APIError) else None
        wait = self.policy.delay(retry, headers, self.clock.time())
        if self.policy.gives_up(retry, self.clock.monotonic() - started, wait):
            return None
        log.info("%s: retrying in %.2f s after %s", self.name, wait, exc)
        return wait


_SYNC: dict[str, type[SyncClient[Any]]] = {}
_ASYNC: dict[str, type[AsyncClient[Any]]] = {}


class _ClientBase:
    provider: ClassVar[Provider]
    #: Where each concrete client class registers under its provider's name.
    _registry: ClassVar[dict[str, type[Any]]]
    _core: _Core

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "provider" in cls.__dict__:
            cls._registry[cls.provider.name] = cls

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
        return tuple(sorted(filter_params(cls.provider)))

    @classmethod
    def filter_params(cls) -> Mapping[str, Param]:
        """Each filter ``list_numbers`` takes, with its spec parameter (no credentials needed).

        Keys are the ``list_numbers`` keywords, in spec order; each `Param` carries the
        filter's JSON ``schema`` (type, enum, range, pattern), ``description``, where it
        is sent (``location``: ``query`` or ``body``), the filters it ``requires``, and
        ``problems(value)``, the check ``list_numbers`` runs before any request.
        """
        return filter_params(cls.provider)

    def _generated(self) -> Any:
        module = importlib.import_module(f"{self.provider.name}_client")
        return module.Client(base_url=self._core.base_url, httpx_args={"auth": self._core.auth})

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._core.base_url!r})"


class SyncClient(_ClientBase, Generic[P]):
    """Base of the sync clients: owns the `httpx.Client` and the send-retry loop."""

    _registry = _SYNC

    def __init__(
        self,
        credentials: Mapping[str, str | None],
        options: Mapping[str, Any],
        headers: Mapping[str, Any] | None = None,
    ) -> None:
        self._core = _Core(self.provider, credentials, options, headers or {})
        http = options.get("http_client")
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

    def list_numbers(self, **options: Unpack[ListOptions]) -> SyncPager[P]:
        """Every number matching the given filters, fetched lazily.

        Each provider's class declares its own filters (``Plivo.list_numbers(type=...)``);
        a client known only by a ``str`` name types just the `ListOptions`.
        """
        return self._list(dict(options))

    def _list(self, args: dict[str, Any]) -> SyncPager[P]:
        listing = self._core.prepare(args)
        return SyncPager(
            lambda paging: self._fetch(listing, paging),
            listing.paginator,
            concurrency=listing.concurrency,
            max_items=listing.max_items,
            drift=listing.drift,
        )

    def _fetch(self, listing: _Listing, paging: Params) -> Page[P]:
        core = self._core
        request = self._http.build_request(**core.request_kwargs(listing, paging))
        started = core.clock.monotonic()
        retry = 0
        while True:
            if self._limiter is not None:
                self._limiter.acquire()
            try:
                try:
                    response = self._http.send(request, auth=core.auth)
                except httpx.TransportError as exc:
                    raise core.transport_error(exc) from None
                log.debug("%s %s -> %s", request.method, request.url, response.status_code)
                return core.page(response, listing, paging)
            except (APIError, APIConnectionError) as exc:
                wait = core.retry_wait(exc, retry, started)
                if wait is None:
                    raise
                core.clock.sleep(wait)
                retry += 1

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


class AsyncClient(_ClientBase, Generic[P]):
    """Base of the async clients: owns the `httpx.AsyncClient` and the send-retry loop."""

    _registry = _ASYNC

    def __init__(
        self,
        credentials: Mapping[str, str | None],
        options: Mapping[str, Any],
        headers: Mapping[str, Any] | None = None,
    ) -> None:
        self._core = _Core(self.provider, credentials, options, headers or {})
        http = options.get("http_client")
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

    def list_numbers(self, **options: Unpack[ListOptions]) -> AsyncPager[P]:
        """Every number matching the given filters, fetched lazily; see `SyncClient`."""
        return self._list(dict(options))

    def _list(self, args: dict[str, Any]) -> AsyncPager[P]:
        listing = self._core.prepare(args)

        async def fetch(paging: Params) -> Page[P]:
            return await self._fetch(listing, paging)

        return AsyncPager(
            fetch,
            listing.paginator,
            concurrency=listing.concurrency,
            max_items=listing.max_items,
            drift=listing.drift,
        )

    async def _fetch(self, listing: _Listing, paging: Params) -> Page[P]:
        core = self._core
        request = self._http.build_request(**core.request_kwargs(listing, paging))
        started = core.clock.monotonic()
        retry = 0
        while True:
            if self._limiter is not None:
                await self._limiter.acquire()
            try:
                try:
                    response = await self._http.send(request, auth=core.auth)
                except httpx.TransportError as exc:
                    raise core.transport_error(exc) from None
                log.debug("%s %s -> %s", request.method, request.url, response.status_code)
                return core.page(response, listing, paging)
            except (APIError, APIConnectionError) as exc:
                wait = core.retry_wait(exc, retry, started)
                if wait is None:
                    raise
                await core.clock.asleep(wait)
                retry += 1

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


C = TypeVar("C")


def _registered(registry: dict[str, C], name: str) -> C:
    from ._specs import provider_names

    if name not in provider_names():
        known = ", ".join(provider_names())
        raise LookupError(f"no provider {name!r}; known: {known}")
    importlib.import_module(f"numberhub.providers.{name}")  # registers its classes
    return registry[name]


def sync_class(name: str) -> type[SyncClient[Any]]:
    """The sync client class of the provider called ``name`` (importing its module).

    Raises:
        LookupError: No such provider.
    """
    return _registered(_SYNC, name)


@overload
def client(name: Literal["bird"], **kwargs: Any) -> Bird: ...
@overload
def client(name: Literal["butter"], **kwargs: Any) -> Butter: ...
@overload
def client(name: Literal["duoplus"], **kwargs: Any) -> DuoPlus: ...
@overload
def client(name: Literal["plivo"], **kwargs: Any) -> Plivo: ...
@overload
def client(name: Literal["rounded"], **kwargs: Any) -> Rounded: ...
@overload
def client(name: str, **kwargs: Any) -> SyncClient[Any]: ...
def client(name: str, **kwargs: Any) -> SyncClient[Any]:
    """The sync client of the provider called ``name`` (``"plivo"``, ``"bird"`` ...).

    Keyword arguments are those of the provider's class (credentials and `SyncOptions`).
    For type checkers, a literal name gives that provider's class (``client("bird")`` is
    a `Bird`, with its typed filters); any other ``str`` gives a `SyncClient`, whose
    ``list_numbers`` declares only the `ListOptions`.
    """
    return sync_class(name)(**kwargs)


@overload
def async_client(name: Literal["bird"], **kwargs: Any) -> AsyncBird: ...
@overload
def async_client(name: Literal["butter"], **kwargs: Any) -> AsyncButter: ...
@overload
def async_client(name: Literal["duoplus"], **kwargs: Any) -> AsyncDuoPlus: ...
@overload
def async_client(name: Literal["plivo"], **kwargs: Any) -> AsyncPlivo: ...
@overload
def async_client(name: Literal["rounded"], **kwargs: Any) -> AsyncRounded: ...
@overload
def async_client(name: str, **kwargs: Any) -> AsyncClient[Any]: ...
def async_client(name: str, **kwargs: Any) -> AsyncClient[Any]:
    """The async client of the provider called ``name``; see `client`."""
    return _registered(_ASYNC, name)(**kwargs)
