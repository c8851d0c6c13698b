"""Comparing two JSON schemas the way a request sender and a tolerant reader see them.

`request_schema` asks what a caller could send before and can no longer send (fewer
types, enum values, a narrower range or pattern); `response_schema` asks which fields a
reader may now miss or see in another shape, and how much that matters to what
``PhoneNumber`` and paging read (``read``: their dotted paths).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

from ._diff_locate import Loc
from ._diff_rules import Level, Side

__all__ = ["ANNOTATIONS", "Emit", "inline", "request_schema", "response_schema", "stripped"]

Emit = Callable[..., None]
"""``emit(rule, message, old_pointer, new_pointer, level=None, side=None)``."""

ANNOTATIONS = frozenset(
    {"description", "title", "summary", "example", "examples", "$comment", "externalDocs"}
)
"""Schema keys that describe and never constrain."""

_BOUNDS = (
    # key, larger is narrower?, rule stem, what it is
    ("maximum", False, "max", "maximum"),
    ("exclusiveMaximum", False, "max", "exclusive maximum"),
    ("minimum", True, "min", "minimum"),
    ("exclusiveMinimum", True, "min", "exclusive minimum"),
    ("maxLength", False, "max-length", "maxLength"),
    ("minLength", True, "min-length", "minLength"),
    ("maxItems", False, "max-items", "maxItems"),
    ("minItems", True, "min-items", "minItems"),
)
_HANDLED = frozenset(
    {"type", "format", "enum", "const", "pattern", "default", "items", "properties", "required"}
    | {key for key, *_ in _BOUNDS}
    | ANNOTATIONS
)


def inline(document: Mapping[str, Any], node: Any, depth: int = 0) -> Any:
    """``node`` with every local ``$ref`` in it replaced by its target (cycles cut at 16)."""
    loc = Loc(document, "", node).follow() if depth < 16 else Loc(document, "", node)
    node = loc.node
    if isinstance(node, Mapping):
        return {k: inline(document, v, depth + 1) for k, v in node.items() if k != "$ref"}
    if isinstance(node, list):
        return [inline(document, v, depth + 1) for v in node]
    return node


def stripped(node: Any) -> Any:
    """``node`` without annotations and ``x-`` keys, at every depth (``properties`` kept)."""
    if isinstance(node, Mapping):
        return {
            k: (
                {name: stripped(sub) for name, sub in v.items()}
                if k == "properties" and isinstance(v, Mapping)
                else stripped(v)
            )
            for k, v in node.items()
            if k not in ANNOTATIONS and not str(k).startswith("x-")
        }
    if isinstance(node, list):
        return [stripped(v) for v in node]
    return node


def _types(node: Mapping[str, Any]) -> set[str] | None:
    kind = node.get("type")
    if kind is None:
        return None
    found = {str(t) for t in (kind if isinstance(kind, list) else [kind])}
    return found | {"integer"} if "number" in found else found


def _values(node: Mapping[str, Any]) -> list[Any] | None:
    if "enum" in node:
        return list(node["enum"] or ())
    if "const" in node:
        return [node["const"]]
    return None


def _show(values: Iterable[Any]) -> str:
    return ", ".join(repr(v) for v in values)


def _node(loc: Loc) -> Mapping[str, Any]:
    node = loc.follow().node
    return node if isinstance(node, Mapping) else {}


def request_schema(emit: Emit, subject: str, old: Loc, new: Loc) -> None:
    """Every change of what ``subject`` (``the query parameter `type```) accepts."""
    old, new = old.follow(), new.follow()
    a, b = _node(old), _node(new)

    def say(rule: str, text: str, key: str | None = None, level: Level | None = None) -> None:
        old_at = f"{old.pointer}/{key}" if key and key in a else old.pointer
        new_at = f"{new.pointer}/{key}" if key and key in b else new.pointer
        emit(rule, f"{subject}: {text}", old_at, new_at, level=level)

    ta, tb = _types(a), _types(b)
    if ta != tb:
        if tb is not None and (ta is None or ta - tb):
            lost = "any type" if ta is None else _show(sorted(ta - tb))
            say("request-parameter-type-changed", f"narrowed: {lost} no longer accepted", "type")
        else:
            gained = "any type" if tb is None else _show(sorted(tb - (ta or set())))
            say("request-parameter-type-generalized", f"now also accepts {gained}", "type")
    if a.get("format") != b.get("format"):
        level: Level = "info" if b.get("format") is None else "breaking"
        text = f"format {a.get('format')!r} -> {b.get('format')!r}"
        say("request-parameter-format-changed", text, "format", level)
    va, vb = _values(a), _values(b)
    key = "enum" if "enum" in b or "enum" in a else "const"
    if va is not None and vb is None:
        say("request-parameter-became-not-enum", f"any value now, not only {_show(va)}", key)
    elif va is None and vb is not None:
        say("request-parameter-became-enum", f"restricted to {_show(vb)}", key)
    elif va is not None and vb is not None:
        if gone := [v for v in va if v not in vb]:
            say("request-parameter-enum-value-removed", f"no longer accepts {_show(gone)}", key)
        if added := [v for v in vb if v not in va]:
            say("request-parameter-enum-value-added", f"now accepts {_show(added)}", key)
    for bound, larger_narrows, stem, what in _BOUNDS:
        x, y = a.get(bound), b.get(bound)
        if x == y:
            continue
        if not all(v is None or _number(v) for v in (x, y)):
            say("request-parameter-schema-changed", f"{what} {x!r} -> {y!r}", bound)
        elif x is None:
            say(f"request-parameter-{stem}-set", f"{what} set to {y}", bound)
        else:
            narrowed = y is not None and (y > x if larger_narrows else y < x)
            way = "increased" if narrowed == larger_narrows else "decreased"
            say(f"request-parameter-{stem}-{way}", f"{what} {x} -> {_show_bound(y)}", bound)
    if a.get("pattern") != b.get("pattern"):
        if a.get("pattern") is None:
            say("request-parameter-pattern-added", f"pattern {b['pattern']!r} added", "pattern")
        elif b.get("pattern") is None:
            say("request-parameter-pattern-removed", "pattern removed", "pattern")
        else:
            text = f"pattern {a['pattern']!r} -> {b['pattern']!r}"
            say("request-parameter-pattern-changed", text, "pattern")
    if a.get("default") != b.get("default"):
        text = f"default {a.get('default')!r} -> {b.get('default')!r}"
        say("request-parameter-default-value-changed", text, "default")
    if "items" in a and "items" in b:
        request_schema(emit, f"{subject} (items)", old.at("items"), new.at("items"))
    pa, pb = a.get("properties") or {}, b.get("properties") or {}
    for name in pa:
        sub = f"{subject}, property `{name}`"
        if name in pb:
            request_schema(emit, sub, old.at("properties", name), new.at("properties", name))
        else:
            say("request-parameter-schema-changed", f"property `{name}` removed", "properties")
    rest = _others(a, b, _HANDLED)
    rest += [f"property `{name}` added" for name in pb if name not in pa]
    if set(a.get("required") or ()) != set(b.get("required") or ()):
        rest.append("required properties changed")
    if rest:
        say("request-parameter-schema-changed", "; ".join(rest))


def _others(a: Mapping[str, Any], b: Mapping[str, Any], handled: Collection[str]) -> list[str]:
    """The other keys that differ, each with its old and new value when they are short."""
    out = []
    for key in sorted({*a, *b} - set(handled)):
        x, y = stripped(a.get(key)), stripped(b.get(key))
        if str(key).startswith("x-") or x == y:
            continue
        short = all(not isinstance(v, Mapping | list) and len(repr(v)) <= 40 for v in (x, y))
        out.append(f"{key} {x!r} -> {y!r}" if short else f"{key} changed")
    return out


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _show_bound(value: Any) -> str:
    return "none" if value is None else str(value)


def _read(read: Collection[str], path: str) -> bool:
    return any(r == path or r.startswith(path + ".") for r in read)


def response_schema(
    emit: Emit,
    label: str,
    old: Loc,
    new: Loc,
    read: Collection[str],
    side: Side,
    prefix: str = "",
    skip: str | None = None,
) -> None:
    """Every change a reader of ``label`` (``the item``) meets, field by field.

    ``skip`` is a dotted path whose insides are compared elsewhere (a page's items).
    """
    old, new = old.follow(), new.follow()
    a, b = _node(old), _node(new)
    pa, pb = a.get("properties") or {}, b.get("properties") or {}
    ra, rb = set(a.get("required") or ()), set(b.get("required") or ())
    for name in {**pa, **pb}:
        path = f"{prefix}{name}"
        field = f"{label} field `{path}`"
        used = _read(read, path)
        reader = f" ({'paging' if side == 'paging' else 'PhoneNumber'} reads it)" if used else ""
        o, n = old.at("properties", name), new.at("properties", name)
        if name not in pb:
            kind = "required" if name in ra else "optional"
            level: Level = "breaking" if used else "warning"
            emit(
                f"response-{kind}-property-removed",
                f"{field} removed{reader}",
                o.pointer,
                new.at("properties").pointer,
                level=level,
                side=side,
            )
            continue
        if name not in pa:
            kind = "required" if name in rb else "optional"
            emit(
                f"response-{kind}-property-added",
                f"{field} added",
                old.at("properties").pointer,
                n.pointer,
                side=side,
            )
            continue
        if name in ra and name not in rb:
            level = "breaking" if used else "warning"
            emit(
                "response-property-became-optional",
                f"{field} may now be missing{reader}",
                o.pointer,
                n.pointer,
                level=level,
                side=side,
            )
        elif name in rb and name not in ra:
            emit(
                "response-property-became-required",
                f"{field} is now always present",
                o.pointer,
                n.pointer,
                side=side,
            )
        _field(emit, field, o, n, used, side, reader)
        if path == skip:
            continue
        response_schema(emit, label, o, n, read, side, f"{path}.", skip)
        if "items" in _node(o) or "items" in _node(n):
            items = o.at("items"), n.at("items")
            response_schema(emit, label, *items, read, side, f"{path}[].", skip)


def _field(emit: Emit, field: str, old: Loc, new: Loc, used: bool, side: Side, reader: str) -> None:
    a, b = _node(old), _node(new)
    ta, tb = _types(a), _types(b)
    if ta != tb:
        if ta is not None and (tb is None or tb - ta):
            gained = "any type" if tb is None else _show(sorted(tb - ta))
            level: Level = "warning" if used else "info"
            if used and side == "paging" and (tb is None or tb - ta != {"null"}):
                level = "breaking"  # a null where paging reads its end is read as the end
            emit(
                "response-property-type-changed",
                f"{field} may now be {gained}{reader}",
                old.pointer,
                new.pointer,
                level=level,
                side=side,
            )
        else:
            emit(
                "response-property-type-specialized",
                f"{field} holds fewer types",
                old.pointer,
                new.pointer,
                side=side,
            )
    va, vb = _values(a), _values(b)
    if va is not None and (vb is None or any(v not in va for v in vb)):
        added = "any value" if vb is None else _show(v for v in vb if v not in va)
        emit(
            "response-property-enum-value-added",
            f"{field} may now be {added}",
            old.pointer,
            new.pointer,
            side=side,
        )
    elif vb is not None and (va is None or any(v not in vb for v in va)):
        gone = "any other value" if va is None else _show(v for v in va if v not in vb)
        emit(
            "response-property-enum-value-removed",
            f"{field} no longer comes as {gone}",
            old.pointer,
            new.pointer,
            side=side,
        )
    keys = {"type", "enum", "const", "properties", "required", "items", *ANNOTATIONS}
    if rest := _others(a, b, keys):
        emit(
            "response-property-schema-changed",
            f"{field}: {'; '.join(rest)}",
            old.pointer,
            new.pointer,
            side=side,
        )
