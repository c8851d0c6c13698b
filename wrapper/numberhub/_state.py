"""Where a listing is: what to fetch next, and what is fetched but not handed out yet.

`ListingState` is what both pagers drive. Each fetched page goes through one ordered
pipeline in `ListingState.accept`: where the listing goes next (`Paginator`), the page's
checks (`Ledger`: page size, every number once, progress), then ``max_items``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any, Generic, TypeVar

from ._integrity import Ledger
from ._models import Raw
from ._page import Page
from ._paginator import Paginator, Params

__all__ = ["ListingState"]

P = TypeVar("P")


class ListingState(Generic[P, Raw]):
    """Where a listing is: what to fetch next, and what is fetched but not handed out yet.

    ``pending`` holds the requests to send, in order: at most ``concurrency`` of them, the
    rest of a planned listing staying in ``planned`` (made as they are taken).
    """

    def __init__(
        self, paginator: Paginator, concurrency: int, max_items: int | None, ledger: Ledger
    ) -> None:
        self.paginator = paginator
        self.concurrency = max(1, concurrency)
        self.max_items = max_items
        self.ledger = ledger
        self.pending: deque[Params] = deque([paginator.first()] if max_items != 0 else [])
        self.planned: Iterator[Params] | None = None
        self.ready: deque[Page[P, Raw]] = deque()
        self.first = True
        self.delivered = 0
        self.total: int | None = None
        self.cut = max_items == 0

    @property
    def done(self) -> bool:
        return not self.pending and not self.ready

    def batch(self) -> list[Params]:
        """The requests to fetch now (one, or up to ``concurrency`` planned ones)."""
        return list(self.pending)[: self.concurrency]

    def _top_up(self) -> None:
        while self.planned is not None and len(self.pending) < self.concurrency:
            params = next(self.planned, None)
            if params is None:
                self.planned = None
            else:
                self.pending.append(params)

    def accept(self, page: Page[P, Raw]) -> None:
        """Take a fetched page (the first pending request's) and plan what follows it.

        The steps, in order: where the listing goes next (`Paginator`), then the page's
        checks (`Ledger`: page size, every number once, progress), then ``max_items``.
        Everything that can fail (a `PaginationError`) happens before the state changes,
        so that a failure leaves the listing where it was.
        """
        sent = self.pending[0]
        body = page.body
        count = len(page.items)
        room = None if self.max_items is None else self.max_items - self.delivered
        # max_items is reached on this page (unless repeats are dropped): nothing follows
        reaching = room is not None and count >= room and self.ledger.fresh_count(page) >= room
        follow, planned, ends = ([], None, False) if reaching else self._next(sent, body, count)
        more = bool(follow or planned) or (
            not ends and (len(self.pending) > 1 or self.planned is not None)
        )
        fresh = self.ledger.admit(
            page.items, body, page.response, sent, follow, more=more, retries=page.retries,
            room=room,
        )  # fmt: skip
        cut = reaching
        page.items = fresh
        self.pending.popleft()
        if cut or ends:
            self.pending.clear()
            self.planned = None
        else:
            self.pending.extend(follow)
            if planned is not None:
                self.planned = planned
            self._top_up()
        if self.first:
            self.total = self.paginator.plan.total(body)
        self.first = False
        self.cut = self.cut or cut
        self.delivered += len(fresh)
        self.ready.append(page)

    def _next(
        self, sent: Params, body: Any, count: int
    ) -> tuple[list[Params], Iterator[Params] | None, bool]:
        """What follows a page: the next request, a plan of all of them, or the end."""
        if self.first and self.concurrency > 1:
            planned = self.paginator.rest(sent, body, count, self.max_items)
            if planned is not None:
                return [], planned, False
        if len(self.pending) == 1 and self.planned is None:  # one at a time, or the last
            nxt = self.paginator.next(sent, body, count)
            return ([] if nxt is None else [nxt]), None, False
        # a page fetched ahead by plan: it may say it is the last, and the rest is dropped
        return [], None, self.paginator.ended(body)

    def finish(self) -> None:
        """The listing is over: let the ledger compare the count with the total."""
        self.ledger.end(complete=not self.cut)
