"""`diff`: what changed between two versions of a provider's spec, classified for its users.

It compares the two spec models (`Spec`: parameters, filters, paging plans, retries,
rate limit, security, item mapping) and the schemas they point to, resolved, never the
YAML text: a reformatted or reordered file has no changes. Each change is a `Change`
with a rule id, a level, a side, a sentence and a JSON pointer (and line) in each file.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from . import _diff_facets as facets
from ._diff_locate import Loc, line_of, lines
from ._diff_paging import paging
from ._diff_rules import RULES, Change, Level, Side
from ._diff_schema import inline, request_schema, response_schema, stripped
from ._load import escape
from ._params import Parameter
from ._spec import Spec

__all__ = ["diff"]


def diff(
    old: Spec, new: Spec, *, old_text: str | None = None, new_text: str | None = None
) -> tuple[Change, ...]:
    """Every change from ``old`` to ``new``, in the order of the new file's lines.

    Args:
        old: The spec before.
        new: The spec after.
        old_text: The YAML of ``old`` (default: its file), for line numbers only.
        new_text: Likewise for ``new``.
    """
    differ = _Differ(old, new)
    differ.run()
    ta = lines(old_text if old_text is not None else old.file.read_text(encoding="utf-8"))
    tb = lines(new_text if new_text is not None else new.file.read_text(encoding="utf-8"))
    found = [
        attrs.evolve(c, old_line=line_of(ta, c.old), new_line=line_of(tb, c.new))
        for c in differ.changes
    ]
    return tuple(sorted(found, key=_position))


def _position(change: Change) -> tuple[int, int]:
    """Where a reader of the new file meets the change (then of the old one)."""
    return (change.new_line or 0, change.old_line or 0)


def _op_loc(spec: Spec) -> Loc:
    return Loc.root(spec.document).at("paths", spec.operation.path, spec.operation.method.lower())


def _param_locs(spec: Spec) -> dict[str, Loc]:
    """Each parameter's schema, by name, where it is written."""
    root, op = Loc.root(spec.document), _op_loc(spec)
    out: dict[str, Loc] = {}
    for holder in (root.at("paths", spec.operation.path), op):
        for index, raw in enumerate(holder.get("parameters") or ()):
            loc = holder.at("parameters", index)
            name = loc.get("name", raw.get("name") if isinstance(raw, Mapping) else None)
            out[str(name)] = loc
    body = op.at("requestBody", "content", "application/json", "schema")
    for name in body.get("properties") or {}:
        out.setdefault(str(name), body.at("properties", name))
    return out


def _side(spec: Spec, param: Parameter) -> Side:
    if param.name in spec.paging_names:
        return "paging"
    return "auth" if param.tenant_of else "request"


def _where(param: Parameter) -> str:
    return "body property" if param.location == "body" else f"{param.location} parameter"


def _item_loc(spec: Spec, page: Loc) -> Loc:
    loc = page
    for key in spec.plans[False].results.keys:
        found = loc.at("properties", key)
        for combinator in ("allOf", "anyOf", "oneOf"):
            for index, _ in enumerate(loc.get(combinator) or ()):
                if not found.exists:
                    found = loc.at(combinator, index, "properties", key)
        loc = found
    return loc.at("items")


def _paging_reads(spec: Spec) -> set[str]:
    paths = []
    for plan in spec.plans.values():
        paths += [plan.results, plan.end.path, plan.end.total_pages, plan.next_url]
        paths += [plan.next_cursor, plan.total_items, plan.total_pages]
    if spec.envelope is not None:
        paths += [spec.envelope.code, spec.envelope.message]
    return {p.dotted for p in paths if p is not None}


def _item_reads(spec: Spec) -> set[str]:
    reads = {f for fields in spec.item.fields.values() for f in fields} | {spec.item.id_field}
    return reads | {p.cursor_field for p in spec.plans.values() if p.cursor_field}


class _Differ:
    def __init__(self, old: Spec, new: Spec) -> None:
        self.old, self.new = old, new
        self.ops = _op_loc(old), _op_loc(new)
        self.at = self.ops[0].pointer, self.ops[1].pointer
        self.changes: list[Change] = []

    def emit(
        self,
        rule: str,
        message: str,
        old: str | None,
        new: str | None,
        level: Level | None = None,
        side: Side | None = None,
    ) -> None:
        known = RULES[rule]
        self.changes.append(
            Change(rule, level or known.level, side or known.side, message, old, new)
        )

    def run(self) -> None:
        self.provider()
        self.parameters()
        self.responses()
        paging(self.emit, self.old.plans, self.new.plans, self.at)
        facets.auth(self.emit, self.old, self.new, self.at)
        facets.rate_limit(self.emit, self.old.rate_limit, self.new.rate_limit, self.at)
        facets.retries(self.emit, self.old.retries, self.new.retries, self.at)
        facets.item_mapping(self.emit, self.old.item, self.new.item, self.at)

    def provider(self) -> None:
        a, b = self.old, self.new
        about = "/info/x-numberhub-provider"
        if a.lists != b.lists:
            self.emit(
                "provider-changed",
                f"lists {a.lists} numbers, not {b.lists}",
                f"{about}/lists",
                f"{about}/lists",
            )
        for field, pointer in (("display_name", f"{about}/display_name"), ("title", "/info/title")):
            if getattr(a, field) != getattr(b, field):
                text = f"{field} {getattr(a, field)!r} -> {getattr(b, field)!r}"
                self.emit("provider-description-changed", text, pointer, pointer)
        if a.servers[:1] != b.servers[:1]:
            text = f"default server {a.servers[:1] or 'none'} -> {b.servers[:1] or 'none'}"
            self.emit("api-server-changed", text, "/servers", "/servers")
        elif a.servers != b.servers:
            text = "other servers listed"
            self.emit("description-changed", text, "/servers", "/servers", side="request")
        oa, ob = a.operation, b.operation
        if (oa.method, oa.path) != (ob.method, ob.path):
            text = f"{oa.method} {oa.path} -> {ob.method} {ob.path}"
            self.emit("api-path-changed", text, self.at[0], self.at[1])
        for field in ("summary", "description"):
            if getattr(oa, field) != getattr(ob, field):
                where = f"{self.at[0]}/{field}", f"{self.at[1]}/{field}"
                text = f"the operation's {field}"
                self.emit("description-changed", text, *where, side="request")
        if oa.body_required != ob.body_required:
            rule = "request-body-became-" + ("required" if ob.body_required else "optional")
            where = f"{self.at[0]}/requestBody", f"{self.at[1]}/requestBody"
            self.emit(rule, f"the request body is {rule.rsplit('-', 1)[1]}", *where)
        if a.order != b.order:
            where = f"{self.at[0]}/x-numberhub-order", f"{self.at[1]}/x-numberhub-order"
            self.emit("response-order-changed", f"item order {a.order} -> {b.order}", *where)
        if a.envelope != b.envelope:
            where = f"{self.at[0]}/x-numberhub-envelope", f"{self.at[1]}/x-numberhub-envelope"
            self.emit(
                "response-envelope-changed", "errors in 200 answers are read differently", *where
            )

    def parameters(self) -> None:
        a = {p.name: p for p in self.old.operation.parameters}
        b = {p.name: p for p in self.new.operation.parameters}
        la, lb = _param_locs(self.old), _param_locs(self.new)
        holder = f"{self.at[1]}/parameters"
        for name in {**a, **b}:
            pa, pb = a.get(name), b.get(name)
            if pb is None:
                assert pa is not None
                level: Level = "warning" if pa.deprecated else "breaking"
                text = f"the {_where(pa)} `{name}` removed" + (" (deprecated)" * pa.deprecated)
                self.emit(
                    "request-parameter-removed",
                    text,
                    la[name].pointer,
                    holder,
                    level=level,
                    side=_side(self.old, pa),
                )
            elif pa is None:
                rule = "new-" + ("required" if pb.required else "optional") + "-request-parameter"
                self.emit(
                    rule,
                    f"the {_where(pb)} `{name}` added",
                    holder,
                    lb[name].pointer,
                    side=_side(self.new, pb),
                )
            else:
                self.parameter(pa, pb, la[name], lb[name])

    def parameter(self, pa: Parameter, pb: Parameter, la: Loc, lb: Loc) -> None:
        side = _side(self.new, pb)
        subject = f"the {_where(pb)} `{pb.name}`"
        count = len(self.changes)

        def emit(
            rule: str,
            message: str,
            old: str | None,
            new: str | None,
            level: Level | None = None,
            side: Side | None = side,
        ) -> None:
            self.emit(rule, message, old, new, level, side)

        if pa.location != pb.location:
            text = f"{subject} moved from the {pa.location} to the {pb.location}"
            emit("request-parameter-location-changed", text, la.pointer, lb.pointer)
        if pa.required != pb.required:
            rule = "request-parameter-became-" + ("required" if pb.required else "optional")
            emit(rule, f"{subject} is now {rule.rsplit('-', 1)[1]}", la.pointer, lb.pointer)
        if pa.deprecated != pb.deprecated:
            rule = "request-parameter-" + ("deprecated" if pb.deprecated else "reactivated")
            emit(
                rule,
                f"{subject} is {'now' if pb.deprecated else 'no longer'} deprecated",
                la.pointer,
                lb.pointer,
            )
        sa = la if pa.location == "body" else la.at("schema")
        sb = lb if pb.location == "body" else lb.at("schema")
        request_schema(emit, subject, sa, sb)
        if pa.filter != pb.filter:
            text = f"{subject} selects items differently ({_filter_change(pa, pb)})"
            where = f"{la.pointer}/x-numberhub-filter", f"{lb.pointer}/x-numberhub-filter"
            emit("request-parameter-filter-changed", text, *where)
        if (pa.style, pa.explode) != (pb.style, pb.explode):
            text = f"{subject}: style/explode {pa.style}/{pa.explode} -> {pb.style}/{pb.explode}"
            emit("request-parameter-serialization-updated", text, la.pointer, lb.pointer)
        if (pa.tenant_of, pa.credential) != (pb.tenant_of, pb.credential):
            was, now = f"{pa.tenant_of} ({pa.credential})", f"{pb.tenant_of} ({pb.credential})"
            text = f"{subject}: tenant of {was} -> {now}"
            emit("request-parameter-schema-changed", text, la.pointer, lb.pointer, side="auth")
        if len(self.changes) > count:
            return
        ia = inline(self.old.document, pa.schema)
        ib = inline(self.new.document, pb.schema)
        if pa == pb and ia == ib:
            return
        prose_only = attrs.evolve(pa, schema=stripped(ia), description="") == attrs.evolve(
            pb, schema=stripped(ib), description=""
        )
        rule = "request-parameter-" + ("description" if prose_only else "schema") + "-changed"
        text = f"{subject}: {'description' if prose_only else 'another change'}"
        emit(rule, text, la.pointer, lb.pointer)

    def responses(self) -> None:
        ra, rb = self.old.operation.responses, self.new.operation.responses
        base = f"{self.at[0]}/responses", f"{self.at[1]}/responses"
        for status in {**ra, **rb}:
            kind = "success" if status.startswith("2") else "non-success"
            where = f"{base[0]}/{escape(status)}", f"{base[1]}/{escape(status)}"
            a, b = ra.get(status), rb.get(status)
            if b is None:
                self.emit(
                    f"response-{kind}-status-removed",
                    f"HTTP {status} no longer documented",
                    where[0],
                    base[1],
                )
            elif a is None:
                self.emit(
                    f"response-{kind}-status-added",
                    f"HTTP {status} now documented",
                    base[0],
                    where[1],
                )
            else:
                for media in a.media_types:
                    if media not in b.media_types:
                        self.emit(
                            "response-media-type-removed", f"HTTP {status}: no more {media}", *where
                        )
                for media in b.media_types:
                    if media not in a.media_types:
                        self.emit(
                            "response-media-type-added", f"HTTP {status}: also {media}", *where
                        )
                if a.description != b.description:
                    self.emit("description-changed", f"HTTP {status}: description", *where)
                if a.headers != b.headers:
                    self.emit(
                        "response-property-schema-changed",
                        f"HTTP {status}: headers {a.headers} -> {b.headers}",
                        *where,
                    )
                body_a = stripped(inline(self.old.document, a.schema))
                if status[:1] != "2" and body_a != stripped(inline(self.new.document, b.schema)):
                    self.emit(
                        "response-property-schema-changed",
                        f"HTTP {status}: another error body schema",
                        *where,
                    )
        pa, pb = self._page(self.old), self._page(self.new)
        response_schema(
            self.emit,
            "the page",
            pa,
            pb,
            _paging_reads(self.new) | _paging_reads(self.old),
            "paging",
            skip=self.new.plans[False].results.dotted,
        )
        reads = _item_reads(self.new) | _item_reads(self.old)
        ia, ib = _item_loc(self.old, pa), _item_loc(self.new, pb)
        response_schema(self.emit, "the item", ia, ib, reads, "response")

    def _page(self, spec: Spec) -> Loc:
        status = next((s for s in sorted(spec.operation.responses) if s.startswith("2")), "200")
        content = _op_loc(spec).at("responses", status, "content")
        media = next(
            (m for m in content.node or {} if "json" in str(m).lower()), "application/json"
        )
        return content.at(media, "schema")


def _filter_change(a: Parameter, b: Parameter) -> str:
    fa, fb = a.filter, b.filter
    if fa is None or fb is None:
        return "no longer a filter" if fb is None else "now a filter"
    shown = [
        f"{key} {getattr(fa, key)!r} -> {getattr(fb, key)!r}"
        for key in ("op", "field", "separator", "requires", "hidden")
        if getattr(fa, key) != getattr(fb, key)
    ]
    for key in ("values", "flags"):
        x, y = getattr(fa, key) or {}, getattr(fb, key) or {}
        if gone := [k for k in x if k not in y]:
            shown.append(f"{key} no longer for {', '.join(map(repr, gone))}")
        if new := [k for k in y if k not in x]:
            shown.append(f"{key} now for {', '.join(map(repr, new))}")
        if moved := [k for k in x if k in y and x[k] != y[k]]:
            shown.append(f"{key} changed for {', '.join(map(repr, moved))}")
    return "; ".join(shown) or "its rule changed"
