"""Which page to ask for next, from the spec's paging plan and the answers (no I/O).

A `Paginator` turns a `numberhub_spec.PagingPlan` into page requests: the first request,
the next one after each answer (raising `PaginationError` when the provider's position
does not advance), and, when the first answer gives a total, every remaining request up
front so that they can be fetched concurrently. The pagers (``_pagers``) drive it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from numberhub_spec import MISSING, PageEnd, PagingPlan

from ._errors import PaginationError
from ._normalize import parse_datetime

__all__ = ["Paginator", "Params", "reached"]

Params = dict[str, Any]


def reached(end: PageEnd, body: Any) -> bool:
    """Whether ``body`` is the last page, by the provider's end-of-list signal.

    Raises:
        PaginationError: A page-number signal whose fields are missing.
    """
    value = end.path.get(body)
    if end.kind == "null":
        return value is None or value is MISSING
    if end.kind == "false":
        return value is False or value is MISSING
    assert end.total_pages is not None
    total = end.total_pages.get(body)
    if not isinstance(value, int) or not isinstance(total, int):
        raise PaginationError(
            f"the answer lacks {end.path.text} or {end.total_pages.text}: cannot tell "
            "whether more pages follow"
        )
    return value >= total


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
        self, plan: PagingPlan, page_size: int | None, known: frozenset[str] = frozenset()
    ) -> None:
        self.plan = plan
        self.page_size = page_size
        # A next-page URL's query keys that are known filters are not taken over (the
        # caller's typed values stay); paging keys and unknown ones are.
        self._paging_names = plan.input_names()
        self._known = known

    def _name(self, kind: str) -> str | None:
        return self.plan.name_of(kind)

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
                    f"the answer's {plan.end.path.text} is not the page asked for: the "
                    "provider ignores the page parameter"
                )
            if reached(plan.end, body):
                return None
            return {**sent, page: sent[page] + 1}
        if reached(plan.end, body):
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
                f"the next page's offset ({offset}) does not advance past this page's"
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
            raise PaginationError(f"the cursor ({name}) did not advance (the same one came back)")
        if self.plan.cursor_field and old is not None:
            try:
                backwards = _cursor_key(cursor) <= _cursor_key(old)
            except TypeError:
                backwards = False
            if backwards:
                raise PaginationError(
                    f"the cursor ({name}) went backwards: it is the items' "
                    f"{self.plan.cursor_field}, which should increase"
                )
        return {**sent, name: cursor}

    def ended(self, body: Any) -> bool:
        """Whether ``body`` says it is the last page (for pages fetched ahead by plan)."""
        return reached(self.plan.end, body)

    def rest(
        self, sent: Params, body: Any, count: int, max_items: int | None
    ) -> Iterator[Params] | None:
        """Every remaining request, lazily, when the first answer tells how many there are.

        None when the plan cannot know (cursors, no totals, nothing planned), so the
        caller goes on one page at a time. The requests are made as they are taken, so
        that an announced total of 10^12 costs nothing until pages are fetched.
        """
        planned = self._planned(sent, body, count, max_items)
        if planned is None:
            return None
        first = next(planned, None)
        return None if first is None else itertools.chain([first], planned)

    def _planned(
        self, sent: Params, body: Any, count: int, max_items: int | None
    ) -> Iterator[Params] | None:
        plan = self.plan
        if reached(plan.end, body):
            return None
        if plan.style == "page" and plan.total_pages is not None:
            page = self._name("page")
            total = plan.total_pages.get(body)
            if page is None or not isinstance(total, int):
                return None
            last = total + plan.page_base - 1
            if max_items is not None and count:
                last = min(last, sent[page] + math.ceil(max(max_items - count, 0) / count))
            return ({**sent, page: n} for n in range(sent[page] + 1, last + 1))
        if plan.style == "offset":
            offset = self._name("offset")
            total = plan.total(body)
            if offset is None or total is None or count == 0:
                return None
            start = sent.get(offset, 0)
            # The step is what the provider really gave (it may cap the page size).
            nxt = self._next_offset(sent, body, count)
            if nxt.get(offset) != start + count:
                return None
            end = total if max_items is None else min(total, start + max_items)
            return ({**nxt, offset: o} for o in range(start + count, end, count))
        return None
