"""How an operation pages: ``x-speakeasy-pagination`` and ``x-numberhub-pagination`` as plans."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import attrs

from ._jsonpath import MISSING, JsonPath

__all__ = ["CursorSpec", "PageEnd", "PagingInput", "PagingPlan", "plans_of"]

Style = Literal["offset", "page", "cursor"]


@attrs.frozen
class PageEnd:
    """The provider's end-of-list signal.

    Attributes:
        kind: ``null`` (ends when ``path`` is null or absent), ``false`` (when it is false
            or absent) or ``last_page`` (when ``path`` >= ``total_pages``).
        path: Where the signal is.
        total_pages: For ``last_page``, where the page count is.
    """

    kind: Literal["null", "false", "last_page"]
    path: JsonPath
    total_pages: JsonPath | None = None

    @classmethod
    def of(cls, spec: Mapping[str, Any]) -> PageEnd:
        """Read ``{"null": PATH}``, ``{"false": PATH}`` or ``{last_page, total_pages}``."""
        if "null" in spec:
            return cls("null", JsonPath(spec["null"]))
        if "false" in spec:
            return cls("false", JsonPath(spec["false"]))
        return cls("last_page", JsonPath(spec["last_page"]), JsonPath(spec["total_pages"]))


@attrs.frozen
class CursorSpec:
    """What a cursor is: ``opaque`` (passed back unchanged) or an item ``field``.

    Attributes:
        kind: ``opaque`` or ``field``.
        field: For ``field`` cursors, the item field (the next page starts after it).
        direction: The order of that field along the listing.
    """

    kind: Literal["opaque", "field"]
    field: str | None = None
    direction: Literal["asc", "desc"] = "asc"

    @classmethod
    def of(cls, spec: Mapping[str, Any] | None) -> CursorSpec | None:
        """Read ``{kind, field?, direction?}``."""
        if not spec:
            return None
        return cls(spec["kind"], spec.get("field"), spec.get("direction", "asc"))


@attrs.frozen
class PagingInput:
    """One paging parameter: its kind (``limit``, ``offset``, ``page``, ``cursor``)."""

    kind: str
    name: str
    location: Literal["query", "body"]


@attrs.frozen
class PagingPlan:
    """How the operation pages in one mode.

    Attributes:
        style: ``offset`` (limit + offset), ``page`` (page number + size) or ``cursor``.
        results: Where a page's items are.
        end: The end-of-list signal.
        inputs: The paging parameters, by kind.
        next_url: Where a relative next-page URL is (Plivo), if any.
        next_cursor: Where the next cursor is, for the cursor style.
        total_items: Where the total item count is, if the first page gives it.
        total_pages: Where the total page count is, if the first page gives it.
        page_base: The number of the first page.
        cursor: What the cursor is, for the cursor style.
        switch: A boolean parameter sent as true to select this mode (Rounded's
            ``use_cursor``), if any.
    """

    style: Style
    results: JsonPath
    end: PageEnd
    inputs: Mapping[str, PagingInput]
    next_url: JsonPath | None = None
    next_cursor: JsonPath | None = None
    total_items: JsonPath | None = None
    total_pages: JsonPath | None = None
    page_base: int = 1
    cursor: CursorSpec | None = None
    switch: str | None = None

    @property
    def cursor_field(self) -> str | None:
        """For field cursors, the item field the cursor is."""
        return (
            self.cursor.field if self.cursor is not None and self.cursor.kind == "field" else None
        )

    def input_names(self) -> set[str]:
        """Names of every paging parameter (never a filter), the mode switch included."""
        return {i.name for i in self.inputs.values()} | ({self.switch} if self.switch else set())

    def name_of(self, kind: str) -> str | None:
        """The name of the paging parameter of ``kind``, if the plan has one."""
        found = self.inputs.get(kind)
        return found.name if found else None

    def total(self, body: Any) -> int | None:
        """The total item count ``body`` announces, or None where this plan has none."""
        value = self.total_items.get(body) if self.total_items is not None else MISSING
        return value if isinstance(value, int) and not isinstance(value, bool) else None


def _location(where: str) -> Literal["query", "body"]:
    return "body" if where == "requestBody" else "query"


def plans_of(operation: Mapping[str, Any]) -> dict[bool, PagingPlan]:
    """The operation's plans by cursor mode: ``False``, and ``True`` when it has a cursor mode.

    Raises:
        KeyError: The operation lacks ``x-speakeasy-pagination`` or its ``results``.
    """
    speakeasy = operation["x-speakeasy-pagination"]
    ours = operation.get("x-numberhub-pagination") or {}
    inputs = {
        i["type"]: PagingInput(i["type"], i["name"], _location(i.get("in", "parameters")))
        for i in speakeasy.get("inputs", ())
    }
    results = JsonPath(speakeasy["outputs"]["results"])
    style: Style = (
        "cursor" if speakeasy["type"] == "cursor" else "page" if "page" in inputs else "offset"
    )
    next_cursor = speakeasy["outputs"].get("nextCursor")
    end = ours.get("end")
    if end is None:  # a spec without our extension: the Speakeasy cursor's absence ends it
        end = {"null": next_cursor} if next_cursor else {"false": "$.__no_end_signal__"}
    plans = {
        False: PagingPlan(
            style=style,
            results=results,
            end=PageEnd.of(end),
            inputs=inputs,
            next_url=JsonPath(ours["next_url"]) if "next_url" in ours else None,
            next_cursor=JsonPath(next_cursor) if next_cursor else None,
            total_items=JsonPath(ours["total_items"]) if "total_items" in ours else None,
            total_pages=JsonPath(ours["total_pages"]) if "total_pages" in ours else None,
            page_base=int(ours.get("page_base", 1)),
            cursor=CursorSpec.of(ours.get("cursor")),
        )
    }
    mode = ours.get("cursor_mode")
    if mode:
        kept = {k: v for k, v in inputs.items() if k == "limit"}
        location = kept["limit"].location if "limit" in kept else "query"
        plans[True] = PagingPlan(
            style="cursor",
            results=results,
            end=PageEnd.of(mode["end"]),
            inputs={**kept, "cursor": PagingInput("cursor", mode["input"], location)},
            next_cursor=JsonPath(mode["next_cursor"]),
            cursor=CursorSpec.of(mode["cursor"]),
            switch=mode["switch"],
        )
    return plans
