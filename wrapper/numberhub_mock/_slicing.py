"""Paging as the spec's `PagingPlan` says: a request's page, and its position in the body.

The mock pages by its own rules, from the plan alone: limit + offset, page numbers
(``page_base``), opaque cursors (signed page tokens), field cursors (the next page starts after
the last item's field value), and a cursor mode a boolean switches to (Rounded's
``use_cursor``). The end of the list is written as the plan's end signal says: ``null``
at a path (the next cursor, the next URL, or the next offset or page number), ``false``
at a path, or the current page against the page count.
"""

from __future__ import annotations

import base64
import bisect
import datetime as dt
import hashlib
import hmac
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote_plus, urlencode

from numberhub_spec import JsonPath, PagingPlan

__all__ = ["CursorError", "Slice", "Slicer"]

Pairs = Sequence[tuple[str, str]]
"""A query string's pairs, in order."""


class CursorError(ValueError):
    """A page token or cursor that this server did not issue (or for other filters)."""


@dataclass(slots=True)
class Slice:
    """One page of a selection: its items and its place in it.

    Attributes:
        indexes: The items on this page, in order.
        total: How many items the selection has.
        limit: The page size in force.
        offset: Position of the first item in the selection.
        next_offset: Position of the next page's first item, or None on the last page.
        plan: The plan the request paged by (the cursor mode's, when it set the switch).
        next_cursor: The field cursor of the next page (field cursors), or None.
    """

    indexes: Sequence[int]
    total: int
    limit: int
    offset: int
    next_offset: int | None
    plan: PagingPlan
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


def _start_after(
    selection: Sequence[int], get: Callable[[int], Any], cursor: Any, descending: bool
) -> int:
    """The position of the first item past ``cursor`` in a selection ordered by the field.

    Date-time fields are compared as instants (``Z`` and ``+00:00`` alike).

    Raises:
        CursorError: The field holds date-times and ``cursor`` is not one, or the cursor
            cannot be compared with the field's values.
    """
    instants = bool(selection) and _instant(get(selection[0])) is not None
    if instants:
        cursor = _instant(cursor)
        if cursor is None:
            raise CursorError("the cursor is not an ISO 8601 date-time")

    def past(i: int) -> bool:
        value = (_instant(get(i)) or _LOWEST) if instants else get(i)
        return bool(value < cursor if descending else value > cursor)

    try:
        return bisect.bisect_left(selection, True, key=past)
    except TypeError as exc:
        raise CursorError("the cursor is not a value of this field") from exc


class Slicer:
    """The paging of one operation.

    Args:
        plans: The spec's plans: ``plans[False]``, and ``plans[True]`` for a cursor mode.
        defaults: The default value of every parameter / body property.
        secret: Key for signing page tokens (one per provider and seed).
        nullable: Whether a path of the page body may hold null (else it is left out).
        field_of: The getter of an item field's values, by item index (field cursors).
    """

    def __init__(
        self,
        plans: Mapping[bool, PagingPlan],
        defaults: Mapping[str, Any],
        secret: bytes,
        nullable: Callable[[JsonPath], bool],
        field_of: Callable[[str], Callable[[int], Any]],
    ) -> None:
        self.plan = plan = plans[False]
        self.cursor_plan = plans.get(True)
        self.defaults = defaults
        self._secret = secret
        self.nullable = nullable
        self.field_of = field_of
        self._url_names = (plan.name_of("limit") or "limit", plan.name_of("offset") or "offset")
        self._url_quoted = tuple(map(quote_plus, self._url_names))

    def plan_for(self, args: Mapping[str, Any]) -> PagingPlan:
        """The plan a request pages by: the cursor mode's when it sets the switch."""
        mode = self.cursor_plan
        return mode if mode is not None and args.get(mode.switch or "") is True else self.plan

    def limit_of(self, plan: PagingPlan, args: Mapping[str, Any]) -> int:
        """The page size a request asks for (the parameter's default, else 20)."""
        name = plan.name_of("limit")
        value = args.get(name) if name else None
        if value is None:
            value = self.defaults.get(name or "", 20) or 20
        return int(value)

    # -- one page ---------------------------------------------------------------------------
    def page(self, selection: Sequence[int], args: Mapping[str, Any], selection_key: str) -> Slice:
        """The page the request asks for.

        Raises:
            CursorError: The request carries a token or cursor this server cannot honour.
        """
        plan = self.plan_for(args)
        limit = self.limit_of(plan, args)
        cursor = args.get(plan.name_of("cursor") or "")
        get = None
        if plan.cursor_field is not None and plan.cursor is not None:
            get = self.field_of(plan.cursor_field)
            desc = plan.cursor.direction == "desc"
            offset = _start_after(selection, get, cursor, desc) if cursor not in (None, "") else 0
        elif plan.style == "cursor":
            offset = self._offset_of(str(cursor), selection_key) if cursor else 0
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
        more = end < len(selection)
        chunk = selection[offset:end]
        following = get(chunk[-1]) if get is not None and chunk and more else None
        return Slice(chunk, len(selection), limit, offset, end if more else None, plan, following)

    # -- the body ---------------------------------------------------------------------------
    def write(
        self, body: dict[str, Any], page: Slice, selection_key: str, path: str, query: Pairs
    ) -> None:
        """Write the page's position into ``body`` at the paths the plan names."""
        plan, nxt, end = page.plan, page.next_offset, page.plan.end
        token = page.next_cursor
        if nxt is not None and plan.style == "cursor" and plan.cursor_field is None:
            token = self._token(nxt, selection_key)
        self._set(body, plan.next_cursor, token)
        self._set(body, plan.total_items, page.total)
        pages = math.ceil(page.total / page.limit) if page.limit else 0
        self._set(body, plan.total_pages, pages)
        number = page.offset // page.limit + plan.page_base if page.limit else plan.page_base
        if end.kind == "false":
            end.path.set(body, nxt is not None)
        elif end.kind == "last_page" and end.total_pages is not None:
            end.path.set(body, number)
            end.total_pages.set(body, pages)
        url = self.url(path, query, nxt, page.limit) if nxt is not None and plan.next_url else None
        self._set(body, plan.next_url, url)
        if end.kind == "null" and end.path not in (plan.next_cursor, plan.next_url):
            following = {"offset": nxt, "page": number + 1}.get(plan.style, token)
            self._set(body, end.path, following if nxt is not None else None)

    def url(self, path: str, query: Pairs, offset: int, limit: int) -> str:
        """A relative URL of the page at ``offset`` with the same filters (offset paging)."""
        rest = [(k, v) for k, v in query if k not in self._url_names]
        tail = "&" + urlencode(rest) if rest else ""
        limit_name, offset_name = self._url_quoted
        return f"{path}?{limit_name}={limit}&{offset_name}={offset}{tail}"

    def _set(self, body: dict[str, Any], path: JsonPath | None, value: Any) -> None:
        """Write ``value`` at ``path`` if the plan has it; a null the schema refuses is left out."""
        if path is not None and (value is not None or self.nullable(path)):
            path.set(body, value)

    # -- page tokens ------------------------------------------------------------------------
    # An offset and the selection it belongs to, HMAC-signed: a forged, corrupted or foreign
    # token is a client error (`CursorError`), and a token for some filters fails with others.
    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self._secret, payload, hashlib.sha256).digest()[:12]

    def _token(self, offset: int, selection_key: str) -> str:
        """The token of the page at ``offset`` of the selection ``selection_key``."""
        payload = f"{offset}:{selection_key}".encode()
        return base64.urlsafe_b64encode(payload + b"|" + self._sign(payload)).decode().rstrip("=")

    def _offset_of(self, token: str, selection_key: str) -> int:
        """The offset ``token`` stands for.

        Raises:
            CursorError: The token was not issued here, or for another selection.
        """
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            payload, sig = raw[:-13], raw[-12:]
            if raw[-13:-12] != b"|" or not hmac.compare_digest(sig, self._sign(payload)):
                raise CursorError("the page token is invalid")
            offset_text, key = payload.decode().split(":", 1)
            offset = int(offset_text)
        except ValueError as exc:  # UnicodeDecodeError too
            raise CursorError("the page token is invalid") from exc
        if key != selection_key or offset < 0:
            raise CursorError("the page token does not belong to these filters")
        return offset
