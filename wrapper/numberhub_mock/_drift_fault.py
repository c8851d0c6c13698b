"""The ``drift`` fault: a page whose items differ from the spec as real answers do.

Each item of the page gets the same four differences, chosen from the item schema (never
the item's id, so that paging and listing go on):

- another type: the first boolean field becomes a string (``"yes"``/``"no"``), else an
  integer becomes its digits, else a string becomes an integer;
- a new enum value: the first field the spec enumerates (``enum``, or an open enum's
  "Known values") gets ``numberhub-drift``;
- a missing optional field: the first field the schema does not require is left out;
- an undocumented field: ``numberhub_drift`` is added.

Tolerant reading must absorb all four: the listing completes, and the differences are
reported as drift (``pager.drift``, ``numberhub check``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from numberhub_spec import Spec

from ._http import Reply
from ._schemas import types

__all__ = ["NEW_ENUM_VALUE", "UNDOCUMENTED_FIELD", "ItemDrift", "drift_reply"]

NEW_ENUM_VALUE = "numberhub-drift"
UNDOCUMENTED_FIELD = "numberhub_drift"
_cache: dict[tuple[str, int], ItemDrift] = {}


def _properties(spec: Spec, schema: Any) -> tuple[dict[str, Any], set[str]]:
    """The item's properties (every branch of a ``oneOf``/``anyOf``/``allOf``) and required."""
    props: dict[str, Any] = {}
    required: set[str] = set()
    todo = [schema]
    while todo:
        node = spec.resolve(todo.pop(0))
        if not isinstance(node, Mapping):
            continue
        for name, sub in (node.get("properties") or {}).items():
            props.setdefault(name, spec.resolve(sub))
        required.update(node.get("required") or ())
        for key in ("allOf", "oneOf", "anyOf"):
            todo.extend(node.get(key) or ())
    return props, required


def _enumerated(schema: Mapping[str, Any]) -> bool:
    """Whether the spec lists a field's values (``enum``, or an open enum's "Known values")."""
    return bool(schema.get("enum")) or "Known values:" in str(schema.get("description", ""))


class ItemDrift:
    """The four differences of one provider's items (see the module docstring)."""

    def __init__(self, spec: Spec) -> None:
        props, required = _properties(spec, spec.item_schema)
        protected = {spec.item.id_field.split(".")[0]}
        candidates = {n: s for n, s in props.items() if n not in protected}
        self.retyped: str | None = None
        for wanted in ("boolean", "integer", "string"):
            self.retyped = next((n for n, s in candidates.items() if wanted in types(s)), None)
            if self.retyped is not None:
                break
        self.enumerated = next(
            (n for n, s in candidates.items() if n != self.retyped and _enumerated(s)), None
        )
        used = {self.retyped, self.enumerated}
        self.dropped = next((n for n in candidates if n not in required and n not in used), None)
        self.results = [plan.results for plan in spec.plans.values()]

    def item(self, item: Any) -> Any:
        """``item`` with the differences (a copy; a non-object is left as it is)."""
        if not isinstance(item, dict):
            return item
        out = dict(item)
        if self.retyped is not None and self.retyped in out:
            value = out[self.retyped]
            if isinstance(value, bool):
                out[self.retyped] = "yes" if value else "no"
            elif isinstance(value, int | float):
                out[self.retyped] = str(value)
            else:
                out[self.retyped] = len(str(value or ""))
        if self.enumerated is not None and self.enumerated in out:
            out[self.enumerated] = NEW_ENUM_VALUE
        if self.dropped is not None:
            out.pop(self.dropped, None)
        out[UNDOCUMENTED_FIELD] = "a field the spec does not list"
        return out

    def page(self, body: Any) -> Any:
        """A decoded page with every item drifted (unchanged when it has no item list)."""
        for results in self.results:
            items = results.get(body)
            if isinstance(items, list) and isinstance(body, dict):
                results.set(body, [self.item(i) for i in items])
                break
        return body


def drift_reply(spec: Spec, reply: Reply) -> Reply:
    """``reply`` with its items drifted, when it is a 2xx JSON page; else ``reply``."""
    if not 200 <= reply.status < 300:
        return reply
    key = (spec.name, id(spec))
    if key not in _cache:
        _cache[key] = ItemDrift(spec)
    try:
        body = orjson.loads(reply.body)
    except orjson.JSONDecodeError:
        return reply
    return Reply(reply.status, orjson.dumps(_cache[key].page(body)), reply.headers, reply.reason)
