"""Paging as each spec declares it (``x-speakeasy-pagination`` + ``x-numberhub-pagination``).

The pager turns a selection (indexes of matching items) and the request's paging inputs
into one page, and writes the page's position into the response body at the JSONPaths
the extensions name. Opaque cursors are HMAC-signed, so a forged or corrupted one is a
client error, never a server error.
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
from urllib.parse import urlencode

__all__ = ["CursorError", "Page", "Pager", "set_path"]


class CursorError(ValueError):
    """A page token or cursor that this server did not issue (or for other filters)."""


def set_path(body: dict[str, Any], path: str, value: Any) -> None:
    """Set ``$.a.b`` in ``body``, creating objects on the way."""
    parts = path.removeprefix("$.").split(".")
    node = body
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def _drop_path(body: dict[str, Any], path: str) -> None:
    parts = path.removeprefix("$.").split(".")
    node: Any = body
    for part in parts[:-1]:
        node = node.get(part) if isinstance(node, dict) else None
    if isinstance(node, dict):
        node.pop(parts[-1], None)


@dataclass(slots=True)
class Page:
    """One page of a selection.

    Attributes:
        indexes: The items on this page, in order.
        total: How many items the selection has.
        limit: The page size in force.
        offset: Position of the first item in the selection.
        next_offset: Position of the next page's first item, or None on the last page.
        cursor_mode: Whether the request used the field-cursor mode (Rounded).
        next_cursor: The cursor of the next page (cursor modes), or None.
    """

    indexes: Sequence[int]
    total: int
    limit: int
    offset: int
    next_offset: int | None
    cursor_mode: bool = False
    next_cursor: str | None = None


def _parse_instant(text: str) -> dt.datetime | None:
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


class Pager:
    """The paging rules of one operation.

    Args:
        op: The operation object of the spec.
        defaults: The default value of every parameter / body property.
        secret: Key for signing opaque cursors.
        nullable: Whether a JSONPath of the 200 body may hold null (else it is left out).
    """

    def __init__(
        self,
        op: Mapping[str, Any],
        defaults: Mapping[str, Any],
        secret: bytes,
        nullable: Callable[[str], bool],
    ) -> None:
        sp = op.get("x-speakeasy-pagination", {})
        self.nh: Mapping[str, Any] = op.get("x-numberhub-pagination", {})
        self.type = sp.get("type")
        self.inputs = {i["type"]: i["name"] for i in sp.get("inputs", [])}
        self.outputs: Mapping[str, str] = sp.get("outputs", {})
        self.defaults = defaults
        self.secret = secret
        self.nullable = nullable
        self.page_base = int(self.nh.get("page_base", 1))
        self.cursor_mode: Mapping[str, Any] | None = self.nh.get("cursor_mode")

    @property
    def results_path(self) -> str:
        """Where the items go."""
        return str(self.outputs.get("results", "$.data"))

    def limit_of(self, args: Mapping[str, Any]) -> int:
        name = self.inputs.get("limit")
        value = args.get(name) if name else None
        if value is None:
            value = self.defaults.get(name or "", 20) or 20
        return int(value)

    def in_cursor_mode(self, args: Mapping[str, Any]) -> bool:
        return bool(self.cursor_mode and args.get(self.cursor_mode["switch"]) is True)

    # -- opaque tokens ----------------------------------------------------------------------
    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self.secret, payload, hashlib.sha256).digest()[:12]

    def encode(self, offset: int, selection_key: str) -> str:
        payload = f"{offset}:{selection_key}".encode()
        return base64.urlsafe_b64encode(payload + b"|" + self._sign(payload)).decode().rstrip("=")

    def decode(self, token: str, selection_key: str) -> int:
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            payload, sig = raw[:-13], raw[-12:]
            if raw[-13:-12] != b"|" or not hmac.compare_digest(sig, self._sign(payload)):
                raise CursorError("the page token is invalid")
            offset_text, key = payload.decode().split(":", 1)
            offset = int(offset_text)
        except (ValueError, UnicodeDecodeError) as exc:
            raise CursorError("the page token is invalid") from exc
        if key != selection_key or offset < 0:
            raise CursorError("the page token does not belong to these filters")
        return offset

    # -- one page ---------------------------------------------------------------------------
    def page(
        self,
        selection: Sequence[int],
        args: Mapping[str, Any],
        selection_key: str,
        field_of: Callable[[str], Callable[[int], Any]],
    ) -> Page:
        """The page the request asks for.

        Raises:
            CursorError: The request carries a token or cursor this server cannot honour.
        """
        limit = self.limit_of(args)
        total = len(selection)
        if self.in_cursor_mode(args):
            return self._field_cursor_page(selection, args, limit, field_of)
        if self.type == "cursor":
            token = args.get(self.inputs.get("cursor", ""))
            offset = self.decode(token, selection_key) if token else 0
        elif "offset" in self.inputs:
            offset = int(args.get(self.inputs["offset"]) or 0)
        elif "page" in self.inputs:
            page_no = args.get(self.inputs["page"])
            if page_no is None:
                page_no = self.defaults.get(self.inputs["page"], self.page_base)
            offset = (int(page_no) - self.page_base) * limit
        else:
            offset = 0
        end = offset + limit
        return Page(selection[offset:end], total, limit, offset, end if end < total else None)

    def _field_cursor_page(
        self,
        selection: Sequence[int],
        args: Mapping[str, Any],
        limit: int,
        field_of: Callable[[str], Callable[[int], Any]],
    ) -> Page:
        assert self.cursor_mode is not None
        spec = self.cursor_mode["cursor"]
        get = field_of(spec["field"])
        cursor = args.get(self.cursor_mode["input"])
        start = 0
        if cursor:
            after = _parse_instant(str(cursor))
            if after is None:
                raise CursorError("the cursor is not an ISO 8601 date-time")
            keys = _Keys(selection, get)
            start = bisect.bisect_right(keys, after)
        chunk = selection[start : start + limit]
        more = start + limit < len(selection)
        next_cursor = str(get(chunk[-1])) if chunk and more else None
        return Page(
            chunk,
            len(selection),
            limit,
            start,
            start + limit if more else None,
            cursor_mode=True,
            next_cursor=next_cursor,
        )

    # -- the body ---------------------------------------------------------------------------
    def write(
        self,
        body: dict[str, Any],
        page: Page,
        *,
        selection_key: str,
        path: str,
        query: Sequence[tuple[str, str]],
    ) -> None:
        """Write the page's position into ``body`` at the paths the extensions name."""
        nh = self.nh
        if page.cursor_mode and self.cursor_mode is not None:
            self._set(body, self.cursor_mode["next_cursor"], page.next_cursor)
            return
        more = page.next_offset is not None
        next_token = (
            self.encode(page.next_offset, selection_key)
            if more and self.type == "cursor" and page.next_offset is not None
            else None
        )
        if "nextCursor" in self.outputs:
            self._set(body, self.outputs["nextCursor"], next_token)
        if "numberOfRecords" in self.outputs:
            set_path(body, self.outputs["numberOfRecords"], page.total)
        for key in ("total_items",):
            if key in nh:
                set_path(body, nh[key], page.total)
        pages = math.ceil(page.total / page.limit) if page.limit else 0
        if "total_pages" in nh:
            set_path(body, nh["total_pages"], pages)
        end = nh.get("end", {})
        if "false" in end:
            set_path(body, end["false"], more)
        if "last_page" in end:
            set_path(body, end["last_page"], page.offset // page.limit + self.page_base)
            set_path(body, end["total_pages"], pages)
        if "next_url" in nh:
            self._set(
                body,
                nh["next_url"],
                self.url(path, query, page.next_offset, page.limit) if more else None,
            )

    def url(
        self, path: str, query: Sequence[tuple[str, str]], offset: int | None, limit: int
    ) -> str | None:
        """A relative URL of the page at ``offset`` with the same filters (offset paging)."""
        if offset is None:
            return None
        names = {self.inputs.get("offset"), self.inputs.get("limit")}
        rest = [(k, v) for k, v in query if k not in names]
        params = [
            (self.inputs.get("limit", "limit"), str(limit)),
            (self.inputs.get("offset", "offset"), str(offset)),
            *rest,
        ]
        return f"{path}?{urlencode(params)}"

    def _set(self, body: dict[str, Any], path: str, value: Any) -> None:
        if value is None and not self.nullable(path):
            _drop_path(body, path)
        else:
            set_path(body, path, value)


class _Keys(Sequence[dt.datetime]):
    """A selection seen as the sorted instants of one field, for ``bisect``."""

    def __init__(self, selection: Sequence[int], get: Callable[[int], Any]) -> None:
        self._selection = selection
        self._get = get

    def __len__(self) -> int:
        return len(self._selection)

    def __getitem__(self, k: Any) -> Any:
        value = _parse_instant(str(self._get(self._selection[k])))
        return value or dt.datetime.min.replace(tzinfo=dt.UTC)
