"""The parts of a spec diff that are numberhub's own: auth, limits and the item mapping."""

from __future__ import annotations

from typing import Any

import attrs

from ._diff_schema import Emit
from ._item import FieldRule, ItemMapping, Rules
from ._operation import RateLimitSpec, RetrySpec
from ._spec import Spec

__all__ = ["auth", "item_mapping", "rate_limit", "retries"]


def _fields(obj: Any) -> dict[str, Any]:
    return attrs.asdict(obj, recurse=False) if obj is not None else {}


def auth(emit: Emit, old: Spec, new: Spec, op: tuple[str, str]) -> None:
    """Security schemes, requirements and the credentials a client takes."""
    base = "/components/securitySchemes"
    for name in {**old.schemes, **new.schemes}:
        a, b = old.schemes.get(name), new.schemes.get(name)
        at = f"{base}/{name}"
        if b is None:
            emit("api-security-component-removed", f"security scheme `{name}` removed", at, base)
        elif a is None:
            emit("api-security-component-added", f"security scheme `{name}` added", base, at)
        elif (a.type, a.scheme) != (b.type, b.scheme):
            was, now = f"{a.type} {a.scheme or ''}".strip(), f"{b.type} {b.scheme or ''}".strip()
            emit(
                "api-security-component-type-changed",
                f"security scheme `{name}`: {was} -> {now}",
                at,
                at,
            )
        elif a != b:
            fa, fb = _fields(a), _fields(b)
            keys = [k for k in fa if fa[k] != fb[k]]
            if keys == ["description"]:
                emit(
                    "description-changed",
                    f"security scheme `{name}`: description",
                    at,
                    at,
                    side="auth",
                )
            else:
                shown = ", ".join(f"{k} {fa[k]!r} -> {fb[k]!r}" for k in keys if k != "description")
                emit("api-security-component-changed", f"security scheme `{name}`: {shown}", at, at)
    where = _security(old, op[0]), _security(new, op[1])
    ra, rb = set(old.operation.security), set(new.operation.security)
    for req in sorted(ra - rb):
        text = f"security requirement {' + '.join(req) or 'none'} removed"
        emit("api-security-removed", text, *where)
    for req in sorted(rb - ra):
        text = f"security requirement {' + '.join(req) or 'none'} added"
        emit("api-security-added", text, *where)
    ca, cb = {c.name: c for c in old.credentials}, {c.name: c for c in new.credentials}
    for name in {**ca, **cb}:
        x, y = ca.get(name), cb.get(name)
        if y is None:
            emit(
                "auth-credential-removed", f"credential `{name}` (${ca[name].env}) removed", *where
            )
        elif x is None:
            emit("auth-credential-added", f"credential `{name}` (${y.env}) now needed", *where)
        elif x != y:
            fa, fb = _fields(x), _fields(y)
            shown = ", ".join(f"{k} {fa[k]!r} -> {fb[k]!r}" for k in fa if fa[k] != fb[k])
            emit("auth-credential-changed", f"credential `{name}`: {shown}", *where)


def _security(spec: Spec, op: str) -> str:
    """Where the operation's security requirements are written: on it, or at the top."""
    path, method = spec.operation.path, spec.operation.method.lower()
    written = "security" in (spec.document["paths"][path].get(method) or {})
    return f"{op}/security" if written else "/security"


def rate_limit(
    emit: Emit, a: RateLimitSpec | None, b: RateLimitSpec | None, op: tuple[str, str]
) -> None:
    """``x-numberhub-rate-limit``."""
    where = f"{op[0]}/x-numberhub-rate-limit", f"{op[1]}/x-numberhub-rate-limit"
    if a == b:
        return
    if b is None:
        emit("rate-limit-removed", f"rate limit {_rate(a)} removed", where[0], op[1])
    elif a is None:
        emit("rate-limit-added", f"rate limit {_rate(b)} added", op[0], where[1])
    elif b.requests / b.per_seconds < a.requests / a.per_seconds:
        emit("rate-limit-decreased", f"rate limit {_rate(a)} -> {_rate(b)}", *where)
    elif b.requests / b.per_seconds > a.requests / a.per_seconds:
        emit("rate-limit-increased", f"rate limit {_rate(a)} -> {_rate(b)}", *where)
    else:
        fa, fb = _fields(a), _fields(b)
        shown = ", ".join(f"{k} {fa[k]!r} -> {fb[k]!r}" for k in fa if fa[k] != fb[k])
        emit("rate-limit-changed", f"rate limit: {shown}", *where)


def _rate(limit: RateLimitSpec | None) -> str:
    if limit is None:
        return "none"
    return f"{limit.requests} per {limit.per_seconds:g} s"


def retries(emit: Emit, a: RetrySpec, b: RetrySpec, op: tuple[str, str]) -> None:
    """``x-speakeasy-retries``."""
    where = f"{op[0]}/x-speakeasy-retries", f"{op[1]}/x-speakeasy-retries"
    if gone := [s for s in a.status_codes if s not in b.status_codes]:
        emit("retry-status-removed", f"no longer retried: {', '.join(gone)}", *where)
    if added := [s for s in b.status_codes if s not in a.status_codes]:
        emit("retry-status-added", f"now retried: {', '.join(added)}", *where)
    if a.connection_errors != b.connection_errors:
        now = "retried" if b.connection_errors else "no longer retried"
        emit("retry-connection-errors-changed", f"connection errors {now}", *where)
    fa, fb = _fields(a), _fields(b)
    keys = [k for k in fa if k not in ("status_codes", "connection_errors") and fa[k] != fb[k]]
    if keys or (not gone and not added and a.status_codes != b.status_codes):
        shown = ", ".join(f"{k} {fa[k]!r} -> {fb[k]!r}" for k in keys) or "status order"
        emit("retry-backoff-changed", f"retries: {shown}", *where)


def _slots(mapping: ItemMapping) -> dict[str, tuple[str, Rules]]:
    """Each mapped ``PhoneNumber`` field: (its key under x-numberhub-item, its rules)."""
    out: dict[str, tuple[str, Rules]] = {}
    for name in ("id", "number", "country", "type", "status", "created_at"):
        if rules := getattr(mapping, name):
            out[name] = (name, rules)
    for name, cap in mapping.capabilities.items():
        for part in ("enabled", "inbound", "outbound"):
            if rules := getattr(cap, part):
                key = f"capabilities/{name}" + ("" if part == "enabled" else f"/{part}")
                label = f"capabilities.{name}" + ("" if part == "enabled" else f".{part}")
                out[label] = (key, rules)
    if mapping.monthly_price is not None:
        for part in ("amount", "currency", "exponent"):
            if rules := getattr(mapping.monthly_price, part):
                out[f"monthly_price.{part}"] = (f"monthly_price/{part}", rules)
    return out


def _sources(rules: Rules) -> list[str]:
    return [p.text for rule in rules for p in rule.paths] + [
        src for rule in rules for src in _sources(rule.region)
    ]


def _values(rules: Rules) -> dict[str, str]:
    return {k: v for rule in rules for k, v in (rule.values or {}).items()}


def _shape(rule: FieldRule) -> tuple[Any, ...]:
    return (repr(rule.literal), rule.timezone, rule.form, rule.values is None)


def _how(ra: Rules, rb: Rules) -> str:
    """What differs in how the rules read, besides their sources and values."""
    shown = []
    for key in ("literal", "timezone", "form"):
        was = {repr(getattr(r, key)) for r in ra} - {"MISSING", "None"}
        now = {repr(getattr(r, key)) for r in rb} - {"MISSING", "None"}
        if was != now:
            shown.append(
                f"{key} {', '.join(sorted(was)) or 'none'} -> {', '.join(sorted(now)) or 'none'}"
            )
    return "; ".join(shown) or "its rules changed"


def item_mapping(emit: Emit, a: ItemMapping, b: ItemMapping, op: tuple[str, str]) -> None:
    """``x-numberhub-item``, field by ``PhoneNumber`` field."""
    sa, sb = _slots(a), _slots(b)
    base = "x-numberhub-item"
    for label in {**sa, **sb}:
        if label not in sb:
            emit(
                "item-mapping-field-removed",
                f"PhoneNumber.{label} is no longer read",
                f"{op[0]}/{base}/{sa[label][0]}",
                f"{op[1]}/{base}",
            )
            continue
        if label not in sa:
            emit(
                "item-mapping-field-added",
                f"PhoneNumber.{label} is now read from the item",
                f"{op[0]}/{base}",
                f"{op[1]}/{base}/{sb[label][0]}",
            )
            continue
        (key_a, ra), (key_b, rb) = sa[label], sb[label]
        if ra == rb:
            continue
        where = f"{op[0]}/{base}/{key_a}", f"{op[1]}/{base}/{key_b}"
        fired = False
        xa, xb = _sources(ra), _sources(rb)
        if gone := [s for s in xa if s not in xb]:
            emit(
                "item-mapping-source-removed",
                f"PhoneNumber.{label} is no longer read from {', '.join(gone)}",
                *where,
            )
            fired = True
        if added := [s for s in xb if s not in xa]:
            emit(
                "item-mapping-source-added",
                f"PhoneNumber.{label} is also read from {', '.join(added)}",
                *where,
            )
            fired = True
        va, vb = _values(ra), _values(rb)
        if lost := [k for k in va if k not in vb]:
            emit(
                "item-mapping-value-removed",
                f"PhoneNumber.{label}: {', '.join(map(repr, lost))} no longer translated",
                *where,
            )
            fired = True
        if new := [k for k in vb if k not in va]:
            emit(
                "item-mapping-value-added",
                f"PhoneNumber.{label}: {', '.join(map(repr, new))} now translated",
                *where,
            )
            fired = True
        if moved := [k for k in va if k in vb and va[k] != vb[k]]:
            shown = ", ".join(f"{k!r} -> {va[k]!r} became {vb[k]!r}" for k in moved)
            emit("item-mapping-value-changed", f"PhoneNumber.{label}: {shown}", *where)
            fired = True
        if not fired or {_shape(r) for r in ra} != {_shape(r) for r in rb}:
            text = f"PhoneNumber.{label} is read another way ({_how(ra, rb)})"
            emit("item-mapping-changed", text, *where)
