"""One paging engine for every provider, driven by the spec's paging annotations.

`plan_for` reads ``x-speakeasy-pagination`` (inputs and results) and
``x-numberhub-pagination`` (end signal, next URL, totals, cursor kind, cursor mode) into
a `Plan`. A `Paginator` turns a plan into page requests without doing any I/O: the first
request, the next one after each answer (raising `PaginationError` when the provider's
position does not advance), and, when the first answer gives a total, every remaining
request up front so that they can be fetched concurrently. `SyncPager` and `AsyncPager`
drive it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import math
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, Generic, Literal, TypeVar
from urllib.parse import parse_qsl, urlsplit

import anyio
import attrs
import httpx

from ._drift import DriftReport, Finding
from ._errors import PaginationError
from ._models import PhoneNumber
from ._schema import MISSING, JsonPath
from ._specs import operation
from .providers._base import parse_datetime

__all__ = ["AsyncPager", "Page", "Paginator", "Plan", "SyncPager", "plan_for", "plans_for"]

P = TypeVar("P")
Params = dict[str, Any]
Style = Literal["offset", "page", "cursor"]


@attrs.frozen
class End:
    """The provider's end-of-list signal."""

    kind: Literal["null", "false", "last_page"]
    path: JsonPath
    total_pages: JsonPath | None = None

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> End:
        """Read ``{"null": PATH}``, ``{"false": PATH}`` or ``{last_page, total_pages}``."""
        if "null" in spec:
            return cls("null", JsonPath(spec["null"]))
        if "false" in spec:
            return cls("false", JsonPath(spec["false"]))
        return cls("last_page", JsonPath(spec["last_page"]), JsonPath(spec["total_pages"]))

    def reached(self, body: Any) -> bool:
        """Whether ``body`` is the last page."""
        value = self.path.get(body)
        if self.kind == "null":
            return value is None or value is MISSING
        if self.kind == "false":
            return value is False or value is MISSING
        assert self.total_pages is not None
        total = self.total_pages.get(body)
        if not isinstance(value, int) or not isinstance(total, int):
            raise PaginationError(
                f"the answer lacks {self.path.text} or {self.total_pages.text}: cannot tell "
                "whether more pages follow"
            )
        return value >= total


@attrs.frozen
class Plan:
    """How one provider (in one mode) pages, read from its spec.

    Attributes:
        style: ``offset`` (limit + offset), ``page`` (page number + size) or ``cursor``.
        results: Where the items are.
        end: The end-of-list signal.
        inputs: Paging input kind (``limit``, ``offset``, ``page``, ``cursor``) to
            ``(name, location)``; location is ``query`` or ``body``.
        next_url: Where a relative next-page URL is (Plivo), if any.
        next_cursor: Where the next cursor is, for the cursor style.
        total_items: Where the total item count is, if the first page gives it.
        total_pages: Where the total page count is, if the first page gives it.
        page_base: The number of the first page.
        cursor_field: For field cursors, the item field the cursor is (ascending).
        switch: A parameter that must be sent as true to select this mode, if any.
    """

    style: Style
    results: JsonPath
    end: End
    inputs: dict[str, tuple[str, str]]
    next_url: JsonPath | None = None
    next_cursor: JsonPath | None = None
    total_items: JsonPath | None = None
    total_pages: JsonPath | None = None
    page_base: int = 1
    cursor_field: str | None = None
    switch: str | None = None

    def input_names(self) -> set[str]:
        """Names of every paging parameter (never a filter)."""
        return {name for name, _ in self.inputs.values()} | (
            {self.switch} if self.switch else set()
        )

    def total(self, body: Any) -> int | None:
        """The total item count ``body`` announces, or None where this plan has none."""
        value = self.total_items.get(body) if self.total_items is not None else None
        return value if isinstance(value, int) and not isinstance(value, bool) else None


def _location(where: str) -> str:
    return "body" if where == "requestBody" else "query"


def plan_for(provider: str, *, cursor_mode: bool = False) -> Plan:
    """The paging plan in ``provider``'s spec (its ``cursor_mode`` when asked)."""
    op = operation(provider)
    speakeasy = op.extension("x-speakeasy-pagination")
    ours = op.extension("x-numberhub-pagination", {})
    inputs = {i["type"]: (i["name"], _location(i["in"])) for i in speakeasy["inputs"]}
    results = JsonPath(speakeasy["outputs"]["results"])
    if cursor_mode:
        mode = ours.get("cursor_mode")
        if not mode:
            raise ValueError(f"{provider} has no cursor mode")
        kept = {k: v for k, v in inputs.items() if k == "limit"}
        location = kept.get("limit", ("", "query"))[1]
        return Plan(
            style="cursor",
            results=results,
            end=End.from_spec(mode["end"]),
            inputs={**kept, "cursor": (mode["input"], location)},
            next_cursor=JsonPath(mode["next_cursor"]),
            cursor_field=mode["cursor"].get("field") if mode["cursor"]["kind"] == "field" else None,
            switch=mode["switch"],
        )
    style: Style = (
        "cursor" if speakeasy["type"] == "cursor" else "page" if "page" in inputs else "offset"
    )
    cursor = ours.get("cursor", {})
    next_cursor = speakeasy["outputs"].get("nextCursor")
    return Plan(
        style=style,
        results=results,
        end=End.from_spec(ours["end"]),
        inputs=inputs,
        next_url=JsonPath(ours["next_url"]) if "next_url" in ours else None,
        next_cursor=JsonPath(next_cursor) if next_cursor else None,
        total_items=JsonPath(ours["total_items"]) if "total_items" in ours else None,
        total_pages=JsonPath(ours["total_pages"]) if "total_pages" in ours else None,
        page_base=int(ours.get("page_base", 1)),
        cursor_field=cursor.get("field") if cursor.get("kind") == "field" else None,
    )


@functools.cache
def plans_for(provider: str) -> dict[bool, Plan]:
    """``provider``'s paging plans by cursor mode: ``False``, plus ``True`` if it has one."""
    plans = {False: plan_for(provider)}
    if operation(provider).extension("x-numberhub-pagination", {}).get("cursor_mode"):
        plans[True] = plan_for(provider, cursor_mode=True)
    return plans


def _as_int(value: str) -> int | str:
    try:
        return int(value)
    except ValueError:
        return value


def _cursor_key(value: Any) -> Any:
    """A field cursor as compared: a date-time when it reads as one, else itself."""
    return parse_datetime(value) or value


class Paginator:
    """The requests of one listing, from the plan and the answers (no I/O).

    Args:
        plan: The provider's paging plan.
        page_size: The page size to ask for (None: the provider's default).
        known: Every parameter name of the operation.
    """

    def __init__(
        self, plan: Plan, page_size: int | None, known: frozenset[str] = frozenset()
    ) -> None:
        self.plan = plan
        self.page_size = page_size
        # A next-page URL's query keys that are known filters are not taken over (the
        # caller's typed values stay); paging keys and unknown ones are.
        self._paging_names = plan.input_names()
        self._known = known

    def _name(self, kind: str) -> str | None:
        entry = self.plan.inputs.get(kind)
        return entry[0] if entry else None

    def first(self) -> Params:
        """The paging parameters of the first page."""
        params: Params = {}
        limit = self._name("limit")
        if limit and self.page_size is not None:
            params[limit] = self.page_size
        if self.plan.style == "offset" and (offset := self._name("offset")):
            params[offset] = 0
        if self.plan.style == "page" and (page := self._name("page")):
            params[page] = self.plan.page_base
        if self.plan.switch:
            params[self.plan.switch] = True
        return params

    def next(self, sent: Params, body: Any, count: int) -> Params | None:
        """The paging parameters after the page answering ``sent``, or None at the end.

        Raises:
            PaginationError: The answer's position does not advance past ``sent``.
        """
        plan = self.plan
        if plan.style == "page":
            page = self._name("page")
            assert page is not None
            current = plan.end.path.get(body) if plan.end.kind == "last_page" else MISSING
            if current is not MISSING and current != sent[page]:
                raise PaginationError(
                    f"asked for page {sent[page]} but the answer is page {current}: the "
                    "provider ignores the page parameter"
                )
            if plan.end.reached(body):
                return None
            return {**sent, page: sent[page] + 1}
        if plan.end.reached(body):
            return None
        if plan.style == "offset":
            return self._next_offset(sent, body, count)
        return self._next_cursor(sent, body)

    def _next_offset(self, sent: Params, body: Any, count: int) -> Params:
        offset = self._name("offset")
        assert offset is not None
        url = self.plan.next_url.get(body) if self.plan.next_url else MISSING
        if isinstance(url, str):
            query = parse_qsl(urlsplit(url).query)
            nxt = {
                **sent,
                **{
                    k: _as_int(v)
                    for k, v in query
                    if k in self._paging_names or k not in self._known
                },
            }
        else:
            step = sent.get(self._name("limit") or "", None) or count
            nxt = {**sent, offset: sent.get(offset, 0) + step}
        old, new = sent.get(offset, 0), nxt.get(offset, 0)
        if nxt == sent or (isinstance(new, int) and isinstance(old, int) and new <= old):
            raise PaginationError(
                f"the next page's offset ({new}) does not advance past this page's ({old})"
            )
        return nxt

    def _next_cursor(self, sent: Params, body: Any) -> Params:
        name = self._name("cursor")
        assert name is not None
        assert self.plan.next_cursor is not None
        cursor = self.plan.next_cursor.get(body)
        if cursor is None or cursor is MISSING or cursor == "":
            raise PaginationError(
                f"the answer says more pages follow but has no {self.plan.next_cursor.text}"
            )
        old = sent.get(name)
        if cursor == old:
            raise PaginationError(f"the cursor did not advance (got {cursor!r} again)")
        if self.plan.cursor_field and old is not None:
            try:
                backwards = _cursor_key(cursor) <= _cursor_key(old)
            except TypeError:
                backwards = False
            if backwards:
                raise PaginationError(
                    f"the cursor went from {old!r} to {cursor!r}: {self.plan.cursor_field} "
                    "should increase"
                )
        return {**sent, name: cursor}

    def rest(self, sent: Params, body: Any, count: int, max_items: int | None) -> list[Params]:
        """Every remaining request, when the first answer tells how many there are.

        Returns an empty list when the plan cannot know (cursors, no totals), so the
        caller goes on one page at a time.
        """
        plan = self.plan
        if plan.end.reached(body):
            return []
        if plan.style == "page" and plan.total_pages is not None:
            page = self._name("page")
            total = plan.total_pages.get(body)
            if page is None or not isinstance(total, int):
                return []
            last = total + plan.page_base - 1
            if max_items is not None and count:
                last = min(last, sent[page] + math.ceil(max(max_items - count, 0) / count))
            return [{**sent, page: n} for n in range(sent[page] + 1, last + 1)]
        if plan.style == "offset":
            offset = self._name("offset")
            total = plan.total(body)
            if offset is None or total is None or count == 0:
                return []
            start = sent.get(offset, 0)
            # The step is what the provider really gave (it may cap the page size).
            nxt = self._next_offset(sent, body, count)
            if nxt.get(offset) != start + count:
                return []
            end = total if max_items is None else min(total, start + max_items)
            return [{**nxt, offset: o} for o in range(start + count, end, count)]
        return []


class Page(Generic[P]):
    """One page of a listing.

    Attributes:
        items: The page's numbers.
        body: The answer as decoded JSON.
        response: The raw `httpx.Response` (escape hatch).
        params: The paging parameters sent for this page.
        drift: How this page differs from the spec (empty when it fits), each finding
            once per item it was seen in.
    """

    __slots__ = ("_parse", "_parsed", "body", "drift", "items", "params", "response")

    def __init__(
        self,
        items: list[PhoneNumber],
        body: Any,
        response: httpx.Response,
        params: Params,
        parse: Callable[[Any], P],
        drift: tuple[Finding, ...] = (),
    ) -> None:
        self.items = items
        self.body = body
        self.response = response
        self.params = params
        self.drift = drift
        self._parse = parse
        self._parsed: Any = MISSING

    @property
    def parsed(self) -> P:
        """The answer as the provider's generated model (built on first access)."""
        if self._parsed is MISSING:
            self._parsed = self._parse(self.body)
        parsed: P = self._parsed
        return parsed

    def __iter__(self) -> Iterator[PhoneNumber]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return f"<Page {self.params} items={len(self.items)} status={self.response.status_code}>"


def _on_asyncio() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # another event loop (trio)
        return False
    return True


def _consume(task: asyncio.Task[Any]) -> None:
    """Retrieve a dropped task's outcome, so that asyncio does not warn about it."""
    if not task.cancelled():
        task.exception()


class _State(Generic[P]):
    """Where a listing is: what to fetch next, and what is fetched but not handed out yet."""

    def __init__(self, paginator: Paginator, concurrency: int, max_items: int | None) -> None:
        self.paginator = paginator
        self.concurrency = max(1, concurrency)
        self.max_items = max_items
        self.pending: deque[Params] = deque([paginator.first()] if max_items != 0 else [])
        self.ready: deque[Page[P]] = deque()
        self.first = True
        self.delivered = 0
        self.total: int | None = None

    @property
    def done(self) -> bool:
        return not self.pending and not self.ready

    def batch(self) -> list[Params]:
        """The requests to fetch now (one, or up to ``concurrency`` planned ones)."""
        return list(self.pending)[: self.concurrency]

    def accept(self, page: Page[P]) -> None:
        """Take a fetched page (the first pending request's) and plan what follows it.

        Everything that can fail (a `PaginationError`) happens before the state changes,
        so that a failure leaves the listing where it was.
        """
        sent = self.pending[0]
        count = len(page.items)
        follow: list[Params] = []
        complete = self.max_items is not None and self.delivered + count >= self.max_items
        if complete:
            assert self.max_items is not None
            del page.items[self.max_items - self.delivered :]
        elif self.first and self.concurrency > 1:
            follow = self.paginator.rest(sent, page.body, count, self.max_items)
            if not follow and (nxt := self.paginator.next(sent, page.body, count)) is not None:
                follow = [nxt]
        elif len(self.pending) == 1:
            nxt = self.paginator.next(sent, page.body, count)
            follow = [] if nxt is None else [nxt]
        self.pending.popleft()
        if complete:
            self.pending.clear()
        self.pending.extend(follow)
        if self.first:
            self.total = self.paginator.plan.total(page.body)
        self.first = False
        self.delivered += len(page.items)
        self.ready.append(page)


class _Pager(Generic[P]):
    """What both pagers share: where the listing is, and what its first page told."""

    def __init__(
        self,
        paginator: Paginator,
        concurrency: int,
        max_items: int | None,
        drift: DriftReport | None,
    ) -> None:
        self._state: _State[P] = _State(paginator, concurrency, max_items)
        self._items: Iterator[PhoneNumber] = iter(())
        self._drift = drift if drift is not None else DriftReport("")

    @property
    def drift(self) -> DriftReport:
        """How the answers read so far differ from the provider's spec.

        One `Finding` per path, rule and expectation, with a count; empty while every
        answer fits. Findings never quote a value from an answer.
        """
        return self._drift

    @property
    def total(self) -> int | None:
        """How many numbers the whole listing has, as the provider's first page says.

        None until the first page is fetched, and for providers (or paging modes) whose
        answers do not tell: Plivo (``meta.total_count``), DuoPlus (``data.total``),
        Butter (``pagination.total_count``) and Rounded's page-number mode
        (``total_items``) tell; Bird and Rounded's cursor mode do not. It counts every
        number matching the filters, regardless of ``max_items``.
        """
        return self._state.total


class SyncPager(_Pager[P]):
    """Every number of a listing, fetched page by page as you iterate.

    Iterating yields `PhoneNumber`; `pages` yields `Page` objects; `total` is the
    provider's count once the first page is in. If fetching a page fails (after
    retries), the error propagates and the pager stays where it was: iterating again
    retries that page, so nothing is lost or repeated.
    """

    def __init__(
        self,
        fetch: Callable[[Params], Page[P]],
        paginator: Paginator,
        *,
        concurrency: int = 1,
        max_items: int | None = None,
        drift: DriftReport | None = None,
    ) -> None:
        super().__init__(paginator, concurrency, max_items, drift)
        self._fetch = fetch
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None
        # Requests in flight, in order: always the first entries of the state's pending.
        self._inflight: deque[tuple[Params, concurrent.futures.Future[Page[P]]]] = deque()

    def _fill(self) -> None:
        state = self._state
        if state.concurrency == 1 or (len(state.pending) == 1 and not self._inflight):
            state.accept(self._fetch(state.pending[0]))
            return
        # A sliding window: keep `concurrency` requests in flight, hand pages out in order.
        if self._pool is None:
            self._pool = concurrent.futures.ThreadPoolExecutor(
                state.concurrency, thread_name_prefix="numberhub-page"
            )
        for params in list(state.pending)[len(self._inflight) : state.concurrency]:
            self._inflight.append((params, self._pool.submit(self._fetch, params)))
        params, future = self._inflight[0]
        assert params is state.pending[0]
        try:
            state.accept(future.result())
        except BaseException:
            self._drop_inflight()  # resuming starts again from this page
            raise
        self._inflight.popleft()
        if not state.pending:
            self.close()

    def _drop_inflight(self) -> None:
        for _, future in self._inflight:
            future.cancel()
        self._inflight.clear()

    def close(self) -> None:
        """Stop fetching ahead (only concurrent listings do) and free the threads."""
        self._drop_inflight()
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def next_page(self) -> Page[P] | None:
        """The next page, or None when the listing is complete."""
        state = self._state
        while not state.ready:
            if state.done:
                return None
            self._fill()
        return state.ready.popleft()

    def pages(self) -> Iterator[Page[P]]:
        """The remaining pages, in order."""
        while (page := self.next_page()) is not None:
            yield page

    def __iter__(self) -> Iterator[PhoneNumber]:
        return self

    def __next__(self) -> PhoneNumber:
        while True:
            for item in self._items:
                return item
            page = self.next_page()
            if page is None:
                raise StopIteration
            self._items = iter(page.items)


class AsyncPager(_Pager[P]):
    """The async twin of `SyncPager`: ``async for number in pager``."""

    def __init__(
        self,
        fetch: Callable[[Params], Awaitable[Page[P]]],
        paginator: Paginator,
        *,
        concurrency: int = 1,
        max_items: int | None = None,
        drift: DriftReport | None = None,
    ) -> None:
        super().__init__(paginator, concurrency, max_items, drift)
        self._fetch = fetch
        # asyncio only: requests in flight, the first entries of the state's pending.
        self._inflight: deque[tuple[Params, asyncio.Task[Page[P]]]] = deque()

    async def _fill(self) -> None:
        state = self._state
        if state.concurrency == 1 or (len(state.pending) == 1 and not self._inflight):
            state.accept(await self._fetch(state.pending[0]))
        elif _on_asyncio():
            await self._fill_window()
        else:
            await self._fill_batch()

    async def _fill_window(self) -> None:
        """Keep `concurrency` requests in flight as tasks; hand pages out in order."""
        state = self._state
        for params in list(state.pending)[len(self._inflight) : state.concurrency]:
            task = asyncio.ensure_future(self._fetch(params))
            task.add_done_callback(_consume)
            self._inflight.append((params, task))
        params, task = self._inflight[0]
        assert params is state.pending[0]
        try:
            state.accept(await task)
        except BaseException:
            self.close()  # resuming starts again from this page
            raise
        self._inflight.popleft()
        if not state.pending:
            self.close()

    async def _fill_batch(self) -> None:
        """Other event loops (trio): fetch up to `concurrency` pages at once, in a task group."""
        state = self._state
        batch = state.batch()
        results: list[Page[P] | Exception | None] = [None] * len(batch)

        async def run(index: int, params: Params) -> None:
            try:
                results[index] = await self._fetch(params)
            except Exception as exc:  # kept, and raised in order below
                results[index] = exc

        async with anyio.create_task_group() as group:
            for index, params in enumerate(batch):
                group.start_soon(run, index, params)
        for result in results:
            if isinstance(result, Exception):
                raise result
            assert result is not None
            if state.pending:  # max_items may have ended the listing early
                state.accept(result)

    def close(self) -> None:
        """Cancel the requests fetched ahead (only concurrent listings have any)."""
        for _, task in self._inflight:
            task.cancel()
        self._inflight.clear()

    async def next_page(self) -> Page[P] | None:
        """The next page, or None when the listing is complete."""
        state = self._state
        while not state.ready:
            if state.done:
                return None
            await self._fill()
        return state.ready.popleft()

    async def pages(self) -> AsyncIterator[Page[P]]:
        """The remaining pages, in order."""
        while (page := await self.next_page()) is not None:
            yield page

    def __aiter__(self) -> AsyncIterator[PhoneNumber]:
        return self

    async def __anext__(self) -> PhoneNumber:
        while True:
            for item in self._items:
                return item
            page = await self.next_page()
            if page is None:
                raise StopAsyncIteration
            self._items = iter(page.items)
