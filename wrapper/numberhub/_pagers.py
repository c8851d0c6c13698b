"""Pages and pagers: a listing fetched page by page (sync or async), in order.

`SyncPager` and `AsyncPager` drive a `Paginator` through a fetch function: one page at a
time, or, when the first page tells the total, a sliding window of concurrent requests
whose pages are still handed out in order. A failed fetch leaves the listing where it
was, so iterating again resumes from the same page: nothing is lost or repeated.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, Generic, TypeVar

import anyio

from ._drift import DriftReport
from ._integrity import Ledger, ListingReport
from ._models import PhoneNumber, Raw
from ._page import Page
from ._paginator import Paginator, Params
from ._state import ListingState

__all__ = ["AsyncPager", "Page", "SyncPager"]

P = TypeVar("P")


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


class _Pager(Generic[P, Raw]):
    """What both pagers share: where the listing is, and what its first page told."""

    def __init__(
        self,
        paginator: Paginator,
        concurrency: int,
        max_items: int | None,
        drift: DriftReport | None,
        ledger: Ledger | None,
    ) -> None:
        self._drift = drift if drift is not None else DriftReport("")
        if ledger is None:
            ledger = Ledger(paginator.plan, self._drift)
        self._state: ListingState[P, Raw] = ListingState(paginator, concurrency, max_items, ledger)
        self._items: Iterator[PhoneNumber[Raw]] = iter(())

    @property
    def drift(self) -> DriftReport:
        """How the answers read so far differ from the provider's spec.

        One `Finding` per path, rule and expectation, with a count; empty while every
        answer fits. Findings never quote a value from an answer. Repeated numbers
        (``duplicate``), a count other than announced (``total``) and pages larger than
        asked (``page-size``) are findings too.
        """
        return self._drift

    @property
    def total(self) -> int | None:
        """How many numbers the whole listing has, as the provider's first page says.

        None until the first page is fetched, and for providers (or paging modes) whose
        answers do not tell: Plivo (``meta.total_count``), DuoPlus (``data.total``),
        Butter (``pagination.total_count``) and Rounded's page-number mode
        (``total_items``) tell; Bird and Rounded's cursor mode do not. It counts every
        number matching the filters, regardless of ``max_items``. When the listing ends
        with another count, ``pager.report`` and ``pager.drift`` say so (``total``).
        """
        return self._state.total

    @property
    def report(self) -> ListingReport:
        """What the listing did: pages, retries, numbers, repeats, the announced total.

        Final once the listing has ended (``report.ended``); before that, the counts
        so far. ``report.to_dict()`` gives it JSON-ready.
        """
        return self._state.ledger.snapshot()


class SyncPager(_Pager[P, Raw]):
    """Every number of a listing, fetched page by page as you iterate.

    Iterating yields `PhoneNumber`; `pages` yields `Page` objects; `total` is the
    provider's count once the first page is in. If fetching a page fails (after
    retries), the error propagates and the pager stays where it was: iterating again
    retries that page, so nothing is lost or repeated.
    """

    def __init__(
        self,
        fetch: Callable[[Params], Page[P, Raw]],
        paginator: Paginator,
        *,
        concurrency: int = 1,
        max_items: int | None = None,
        drift: DriftReport | None = None,
        ledger: Ledger | None = None,
    ) -> None:
        super().__init__(paginator, concurrency, max_items, drift, ledger)
        self._fetch = fetch
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None
        # Requests in flight, in order: always the first entries of the state's pending.
        self._inflight: deque[tuple[Params, concurrent.futures.Future[Page[P, Raw]]]] = deque()

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

    def next_page(self) -> Page[P, Raw] | None:
        """The next page, or None when the listing is complete."""
        state = self._state
        while not state.ready:
            if state.done:
                state.finish()
                return None
            self._fill()
        return state.ready.popleft()

    def pages(self) -> Iterator[Page[P, Raw]]:
        """The remaining pages, in order."""
        while (page := self.next_page()) is not None:
            yield page

    def __iter__(self) -> Iterator[PhoneNumber[Raw]]:
        return self

    def __next__(self) -> PhoneNumber[Raw]:
        while True:
            for item in self._items:
                return item
            page = self.next_page()
            if page is None:
                raise StopIteration
            self._items = iter(page.items)


class AsyncPager(_Pager[P, Raw]):
    """The async twin of `SyncPager`: ``async for number in pager``."""

    def __init__(
        self,
        fetch: Callable[[Params], Awaitable[Page[P, Raw]]],
        paginator: Paginator,
        *,
        concurrency: int = 1,
        max_items: int | None = None,
        drift: DriftReport | None = None,
        ledger: Ledger | None = None,
    ) -> None:
        super().__init__(paginator, concurrency, max_items, drift, ledger)
        self._fetch = fetch
        # asyncio only: requests in flight, the first entries of the state's pending.
        self._inflight: deque[tuple[Params, asyncio.Task[Page[P, Raw]]]] = deque()

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
        results: list[Page[P, Raw] | Exception | None] = [None] * len(batch)

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

    async def next_page(self) -> Page[P, Raw] | None:
        """The next page, or None when the listing is complete."""
        state = self._state
        while not state.ready:
            if state.done:
                state.finish()
                return None
            await self._fill()
        return state.ready.popleft()

    async def pages(self) -> AsyncIterator[Page[P, Raw]]:
        """The remaining pages, in order."""
        while (page := await self.next_page()) is not None:
            yield page

    def __aiter__(self) -> AsyncIterator[PhoneNumber[Raw]]:
        return self

    async def __anext__(self) -> PhoneNumber[Raw]:
        while True:
            for item in self._items:
                return item
            page = await self.next_page()
            if page is None:
                raise StopAsyncIteration
            self._items = iter(page.items)
