"""The shape of a page body around its items: envelope, last page, variant header.

Paging (`Slicer`) writes the items and the page's position at the `PagingPlan`'s paths;
the envelope holds the rest of the page schema: its required fields with plain valid
values, and well-known counters (``limit``, ``page_size``, ``offset``, ``page``,
``request_id``...) that follow the request, as ``{placeholders}`` the service fills.
Where a provider prints more than its schema requires, or other words, ``SHAPES`` says
so in a small table read beside the spec.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from numberhub_spec import Spec

from ._generate import known_values
from ._schemas import Resolve, merge_all_of, object_of, types

__all__ = ["SHAPES", "PageShape", "envelope_of", "shape_of"]


@dataclass(frozen=True, slots=True)
class PageShape:
    """How one provider's page body looks around its items.

    Attributes:
        envelope: The body's fields that paging does not write, with ``{placeholders}``
            (``limit``, ``offset``, ``page``, ``previous_url``, ``request_id``); None: made
            from the page schema (``envelope_of``).
        absent_at_end: Paging fields (JSONPaths) the provider leaves out on the last page,
            where the spec also takes null: the mock leaves them out too.
        variant_header: A request header that changes the items' text (its value is
            passed to the data as the variant).
    """

    envelope: Mapping[str, Any] | None = None
    absent_at_end: tuple[str, ...] = ()
    variant_header: str | None = None


SHAPES: Mapping[str, PageShape] = {
    "duoplus": PageShape(
        envelope={
            "code": 200,
            "message": "Success",
            "data": {"page": "{page}", "pagesize": "{limit}"},
        },
        variant_header="Lang",
    ),
    # Bird's reference ends the list by leaving the token out; the spec takes null too.
    "bird": PageShape(absent_at_end=("$.nextPageToken",)),
    "plivo": PageShape(
        envelope={
            "api_id": "{request_id}",
            "meta": {"limit": "{limit}", "offset": "{offset}", "previous": "{previous_url}"},
        }
    ),
    "rounded": PageShape(
        envelope={"message": "Phone numbers retrieved successfully", "error": None, "status": 200}
    ),
}
"""What each provider prints beyond its page schema (every other provider: the schema)."""


def shape_of(spec: Spec) -> PageShape:
    """The page shape of ``spec``'s provider, its envelope made from the schema if not given."""
    shape = SHAPES.get(spec.name, PageShape())
    return shape if shape.envelope is not None else replace(shape, envelope=envelope_of(spec))


_PLACEHOLDERS = {
    **dict.fromkeys(("limit", "page_size", "pagesize", "per_page"), "{limit}"),
    **dict.fromkeys(("page", "current_page"), "{page}"),
    **dict.fromkeys(("request_id", "api_id"), "{request_id}"),
    "offset": "{offset}",
}
"""Envelope fields that follow the request, by name: the placeholder the service fills."""


def envelope_of(spec: Spec) -> dict[str, Any]:
    """The page body's fields that paging does not write: required ones and known counters."""
    written: set[str] = set()  # every body field a plan writes (dotted)
    for plan in spec.plans.values():
        paths = [plan.results, plan.end.path, plan.end.total_pages, plan.next_url]
        paths += [plan.next_cursor, plan.total_items, plan.total_pages]
        written |= {p.dotted for p in paths if p is not None}
    resolve = spec.resolve

    def build(schema: Any, prefix: str) -> dict[str, Any]:
        schema = object_of(resolve, schema)
        required = set(schema.get("required", []))
        out: dict[str, Any] = {}
        for name, sub in (schema.get("properties") or {}).items():
            path = f"{prefix}{name}"
            if path in written:
                continue
            resolved = object_of(resolve, sub)
            if any(w.startswith(path + ".") for w in written):
                out[name] = build(sub, path + ".")
            elif name in _PLACEHOLDERS and set(types(resolved)) & {"integer", "string"}:
                out[name] = _PLACEHOLDERS[name]
            elif name in required:
                out[name] = _static(resolve, resolved)
        return out

    return build(spec.page_schema, "")


def _static(resolve: Resolve, schema: Mapping[str, Any]) -> Any:
    """A plain valid value for a required envelope field."""
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    kinds = types(schema)
    if "boolean" in kinds:
        return True
    if "integer" in kinds or "number" in kinds:
        return schema.get("minimum", 200 if "integer" in kinds else 0)
    if "null" in kinds:
        return None
    if "string" in kinds:
        known = known_values(schema.get("description"))
        return known[0] if known else "OK"
    if "array" in kinds:
        return []
    if "object" in kinds or "properties" in schema:
        required = set(schema.get("required", []))
        return {
            k: _static(resolve, merge_all_of(resolve, v))
            for k, v in (schema.get("properties") or {}).items()
            if k in required
        }
    return None
