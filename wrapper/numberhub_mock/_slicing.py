"""Paging as the spec's `PagingPlan` says: a request's page, and its position in the body.

The mock pages by its own rules, from the plan alone: limit + offset, page numbers
(``page_base``), opaque cursors (`PageTokens`), field cursors (the next page starts after
the last item's field value), and a cursor mode a boolean switches to (Rounded's
``use_cursor``). The end of the list is written as the plan's end signal says: ``null``
at a path (the next cursor, the next URL, or the next offset or page number), ``false``
at a path, or the current page against the page count.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote_plus, urlencode

from numberhub_spec import JsonPath, PagingPlan

from ._page_tokens import CursorError, PageTokens

__all__ = ["CursorError", "Slice", "Slicer", "drop_path"]


def drop_path(body: dict[str, Any], path: JsonPath) -> None:
    """Remove the key at ``path`` from ``body``, if it is there."""
    node: Any = body
    for key in path.keys[:-1]:
        node = node.get(key) if isinstance(node, dict) else None
    if isinstance(node, dict):
        node.pop(path.keys[-1], None)


@dataclass(slots=True)
class Slice:
    """One page of a selection: its items and its place in it.

    Attributes:
        indexes: The items on this page, in order.
        total: How many items the selection has.
        limit: The page size in force.
        offset: Position of the first item in the selection.
        next_offset: Position of the next page's first item, or None on the last page.
        cursor_mode: Whether the request used the plan's cursor mode (Rounded).
        next_cursor: The field cursor of the next page (field cursors), or None.
    """

    indexes: Sequence[int]
    total: int
    limit: int
    offset: int
    next_offset: int | None
    cursor_mode: bool = False
    next_cursor: Any = None


def _instant(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


_LOWEST = dt.datetime.min.replace(tzinfo=dt.UTC)


def _as_instant(value: Any) -> Any:
    return _instant(value) or _LOWEST


def _as_is(value: Any) -> Any:
    return value


def _start_after(
    selection: Sequence[int], get: Callable[[int], Any], cursor: Any, descending: bool
) -> int:
    """The position of the first item past ``cursor`` in a selection ordered by the field.

    Date-time fields are compared as instants (``Z`` and ``+00:00`` alike).

    Raises:
        CursorError: The field holds date-times and ``cursor`` is not one, or the cursor
            cannot be compared with the field's values.
    """
    key: Callable[[Any], Any] = _as_is
    if selection and _instant(get(selection[0])) is not None:
        cursor, key = _instant(cursor), _as_instant
        if cursor is None:
            raise CursorError("the cursor is not an ISO 8601 date-time")
    lo, hi = 0, len(selection)
    try:
        while lo < hi:
            mid = (lo + hi) // 2
            value = key(get(selection[mid]))
            if (value < cursor) if descending else (value > cursor):
                hi = mid
            else:
                lo = mid + 1
    except TypeError as exc:
        raise CursorError("the cursor is not a value of this field") from exc
    return lo


class Slicer:
    """The paging of one operation.

    Args:
        plans: The spec's plans: ``plans[False]``, and ``plans[True]`` for a cursor mode.
        defaults: The default value of every parameter / body property.
        secret: Key for signing opaque cursors.
        nullable: Whether a path of the page body may hold null (else it is left out).
    """

    def __init__(
        self,
        plans: Mapping[bool, PagingPlan],
        defaults: Mapping[str, Any],
        secret: bytes,
        nullable: Callable[[JsonPath], bool],
    ) -> None:
        self.plan = plans[False]
        self.cursor_plan = plans.get(True)
        self.defaults = defaults
        self.tokens = PageTokens(secret)
        self.nullable = nullable
        limit_name = self.plan.name_of("limit") or "limit"
        offset_name = self.plan.name_of("offset") or "offset"
        self._url_names = (
            limit_name,
            offset_name,
            (quote_plus(limit_name), quote_plus(offset_name)),
        )

    @property
    def results(self) -> JsonPath:
        """Where the items go."""
        return self.plan.results

    @property
    def page_base(self) -> int:
        """The number of the first page."""
        return self.plan.page_base

    def plan_for(self, args: Mapping[str, Any]) -> PagingPlan:
        """The plan a request pages by: the cursor mode's when it sets the switch."""
        mode = self.cursor_plan
        return mode if mode is not None and args.get(mode.switch or "") is True else self.plan

    def cursor_name(self, args: Mapping[str, Any]) -> str:
        """The cursor parameter of the request's plan (for error messages)."""
        return self.plan_for(args).name_of("cursor") or ""

    def limit_of(self, plan: PagingPlan, args: Mapping[str, Any]) -> int:
        """The page size a request asks for (the parameter's default, else 20)."""
        name = plan.name_of("limit")
        value = args.get(name) if name else None
        if value is None:
            value = self.defaults.get(name or "", 20) or 20
        return int(value)

    # -- one page ---------------------------------------------------------------------------
    def page(
        self,
        selection: Sequence[int],
        args: Mapping[str, Any],
        selection_key: str,
        field_of: Callable[[str], Callable[[int], Any]],
    ) -> Slice:
        """The page the request asks for.

        Raises:
            CursorError: The request carries a token or cursor this server cannot honour.
        """
        plan = self.plan_for(args)
        limit = self.limit_of(plan, args)
        mode = plan is not self.plan
        field = plan.cursor_field
        if field is not None and plan.cursor is not None:
            cursor = args.get(plan.name_of("cursor") or "")
            get = field_of(field)
            desc = plan.cursor.direction == "desc"
            start = _start_after(selection, get, cursor, desc) if cursor not in (None, "") else 0
            chunk = selection[start : start + limit]
            more = start + limit < len(selection)
            nxt = get(chunk[-1]) if chunk and more else None
            end = start + limit if more else None
            return Slice(chunk, len(selection), limit, start, end, mode, nxt)
        if plan.style == "cursor":
            token = args.get(plan.name_of("cursor") or "")
            offset = self.tokens.decode(str(token), selection_key) if token else 0
        elif "offset" in plan.inputs:
            offset = int(args.get(plan.inputs["offset"].name) or 0)
        elif "page" in plan.inputs:
            name = plan.inputs["page"].name
            number = args.get(name)
            if number is None:
                number = self.defaults.get(name, plan.page_base)
            offset = (int(number) - plan.page_base) * limit
        else:
            offset = 0
        end = offset + limit
        total = len(selection)
        return Slice(
            selection[offset:end], total, limit, offset, end if end < total else None, mode
        )

    # -- the body ---------------------------------------------------------------------------
    def write(
        self,
        body: dict[str, Any],
        page: Slice,
        *,
        selection_key: str,
        path: str,
        query: Sequence[tuple[str, str]],
    ) -> None:
        """Write the page's position into ``body`` at the paths the plan names."""
        plan = self.cursor_plan if page.cursor_mode and self.cursor_plan else self.plan
        more = page.next_offset is not None
        token: Any = None
        if more and plan.cursor_field is not None:
            token = page.next_cursor
        elif more and plan.style == "cursor" and page.next_offset is not None:
            token = self.tokens.encode(page.next_offset, selection_key)
        written: set[JsonPath] = set()
        if plan.next_cursor is not None:
            self._set(body, plan.next_cursor, token)
            written.add(plan.next_cursor)
        if plan.total_items is not None:
            plan.total_items.set(body, page.total)
        pages = math.ceil(page.total / page.limit) if page.limit else 0
        if plan.total_pages is not None:
            plan.total_pages.set(body, pages)
        end = plan.end
        number = page.offset // page.limit + plan.page_base if page.limit else plan.page_base
        if end.kind == "false":
            end.path.set(body, more)
        elif end.kind == "last_page" and end.total_pages is not None:
            end.path.set(body, number)
            end.total_pages.set(body, pages)
        if plan.next_url is not None:
            url = self.url(path, query, page.next_offset, page.limit) if more else None
            self._set(body, plan.next_url, url)
            written.add(plan.next_url)
        if end.kind == "null" and end.path not in written:
            following = {"offset": page.next_offset, "page": number + 1}.get(plan.style, token)
            self._set(body, end.path, following if more else None)

    def url(
        self, path: str, query: Sequence[tuple[str, str]], offset: int | None, limit: int
    ) -> str | None:
        """A relative URL of the page at ``offset`` with the same filters (offset paging)."""
        if offset is None:
            return None
        limit_name, offset_name, head = self._url_names
        rest = [(k, v) for k, v in query if k != limit_name and k != offset_name]
        tail = "&" + urlencode(rest) if rest else ""
        return f"{path}?{head[0]}={limit}&{head[1]}={offset}{tail}"

    def _set(self, body: dict[str, Any], path: JsonPath, value: Any) -> None:
        if value is None and not self.nullable(path):
            drop_path(body, path)
        else:
            path.set(body, value)
