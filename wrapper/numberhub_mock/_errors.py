"""Error bodies in each provider's own shape, built from the spec's error responses.

The spec's example for a status is the template: its message is replaced, its status-like
integers follow the status, its ``details`` are rebuilt from the problems found (a map of
``.location.name`` to messages for Bird, ``[{field, message}]`` for Rounded), and its
``code`` string is kept when the response is dedicated to that status or renamed in the
example's own style otherwise.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from numberhub_mock._request import Problem
from numberhub_mock._schemas import resolve

__all__ = ["ErrorBuilder"]

# Error kinds -> (PascalCase code, snake_case code, default message)
_KINDS: Mapping[str, tuple[str, str, str]] = {
    "invalid": ("InvalidPayload", "invalid_request", "Request payload failed validation"),
    "cursor": ("InvalidPageToken", "invalid_cursor", "The page token is invalid"),
    "auth": ("Unauthorized", "unauthorized", "Authentication failed"),
    "tenant": ("Forbidden", "forbidden", "Access to this account is denied"),
    "rate": ("TooManyRequests", "rate_limited", "Too many requests"),
    "not_found": ("NotFound", "not_found", "not found"),
    "method": ("MethodNotAllowed", "method_not_allowed", "Method Not Allowed"),
    "server": ("InternalServerError", "internal_error", "Internal server error"),
    "bad_gateway": ("BadGateway", "bad_gateway", "Bad gateway"),
    "unavailable": ("ServiceUnavailable", "service_unavailable", "Service unavailable"),
}
_STATUS_KIND = {
    400: "invalid",
    401: "auth",
    403: "tenant",
    404: "not_found",
    405: "method",
    422: "invalid",
    429: "rate",
    500: "server",
    502: "bad_gateway",
    503: "unavailable",
}


def _example(media: Mapping[str, Any]) -> Any:
    if "example" in media:
        return media["example"]
    examples = media.get("examples") or {}
    for ex in examples.values():
        if isinstance(ex, Mapping) and "value" in ex:
            return ex["value"]
    return None


class ErrorBuilder:
    """Makes a provider's error bodies.

    Args:
        doc: The provider's spec.
        op: The operation object.
    """

    def __init__(self, doc: Mapping[str, Any], op: Mapping[str, Any]) -> None:
        self.doc = doc
        responses: Mapping[str, Any] = op.get("responses", {})
        refs: dict[str, list[str]] = {}
        for status, resp in responses.items():
            refs.setdefault(resp.get("$ref", status), []).append(status)
        self.documented = {int(s) for s in responses if s.isdigit()}
        self._templates: dict[int, tuple[Any, dict[str, Any], bool]] = {}
        for status, resp in responses.items():
            if not status.isdigit() or int(status) < 400:
                continue
            full = resolve(doc, resp)
            # resolve() drops OpenAPI annotations, so read the example from the raw target.
            raw = doc_target(doc, resp)
            media_raw = raw.get("content", {}).get("application/json", {})
            schema = full.get("content", {}).get("application/json", {}).get("schema", {})
            dedicated = len(refs[resp.get("$ref", status)]) == 1
            self._templates[int(status)] = (_example(media_raw), schema, dedicated)

    def status_for(self, kind: str) -> int:
        """The status a kind of error gets from this provider."""
        if kind == "invalid":
            if 422 in self._templates and self._templates[422][2]:
                return 422
            return 400
        if kind == "tenant":
            return 403 if 403 in self.documented else 401
        for status, k in _STATUS_KIND.items():
            if k == kind:
                return status
        return 400

    def schema_for(self, status: int) -> dict[str, Any] | None:
        """The documented schema of an error status, or None."""
        t = self._templates.get(status)
        return t[1] if t else None

    def _template(self, status: int) -> tuple[Any, dict[str, Any], bool]:
        if status in self._templates:
            return self._templates[status]
        fallback = 500 if status >= 500 else 400
        for candidate in (fallback, 400, 500, *sorted(self._templates)):
            if candidate in self._templates:
                example, schema, _ = self._templates[candidate]
                return example, schema, False
        return {"error": ""}, {}, False

    def body(
        self,
        status: int,
        kind: str,
        message: str | None = None,
        problems: Sequence[Problem] = (),
        request_id: str = "",
    ) -> Any:
        """The error body for ``status``.

        Args:
            status: The HTTP status being answered.
            kind: One of the error kinds (``invalid``, ``cursor``, ``auth``, ``tenant``,
                ``rate``, ``not_found``, ``method``, ``server``, ...).
            message: What went wrong; the example's message (dedicated responses) or a
                generic one when None.
            problems: The validation problems, for ``details``.
            request_id: A request id, for bodies that carry one.
        """
        example, schema, dedicated = self._template(status)
        pascal, snake, default_message = _KINDS.get(kind, _KINDS["invalid"])
        body = copy.deepcopy(example) if isinstance(example, dict) else {}
        if message is None:
            message = (_message_of(body) if dedicated else None) or default_message
        _fill(
            body,
            schema,
            status=status,
            message=message,
            problems=problems,
            code=(pascal, snake),
            keep_code=dedicated,
            request_id=request_id,
        )
        return body


def doc_target(doc: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    """Follow ``$ref`` chains of a response object without resolving its insides."""
    seen = 0
    while "$ref" in node and seen < 10:
        ref = str(node["$ref"])
        target: Any = doc
        for part in ref[2:].split("/"):
            target = target[part]
        node = target
        seen += 1
    return node


def _message_of(body: Mapping[str, Any]) -> str | None:
    for key in ("message", "error"):
        value = body.get(key)
        if isinstance(value, str):
            return value
        if isinstance(value, dict):
            inner = _message_of(value)
            if inner:
                return inner
    return None


def _allows(schema: Mapping[str, Any], type_name: str) -> bool:
    t = schema.get("type")
    if t == type_name or (isinstance(t, list) and type_name in t):
        return True
    return any(_allows(s, type_name) for s in schema.get("anyOf", []) + schema.get("oneOf", []))


def _details(schema: Mapping[str, Any], problems: Sequence[Problem]) -> Any:
    if _allows(schema, "object") and not _allows(schema, "array"):
        out: dict[str, list[str]] = {}
        for p in problems:
            out.setdefault(f".{p.location}.{p.name}" if p.name else f".{p.location}", []).append(
                p.message
            )
        return out
    return [{"field": p.name or p.location, "message": p.message} for p in problems]


def _fill(
    body: dict[str, Any],
    schema: Mapping[str, Any],
    *,
    status: int,
    message: str,
    problems: Sequence[Problem],
    code: tuple[str, str],
    keep_code: bool,
    request_id: str,
) -> None:
    props: Mapping[str, Any] = schema.get("properties", {})
    for key, sub in props.items():
        if key == "message" and _allows(sub, "string"):
            body[key] = message
        elif key == "error":
            if _allows(sub, "string") and not isinstance(body.get(key), dict):
                body[key] = message
            elif _allows(sub, "object"):
                current = body.get(key)
                inner: dict[str, Any] = current if isinstance(current, dict) else {}
                _fill(
                    inner,
                    sub,
                    status=status,
                    message=message,
                    problems=problems,
                    code=code,
                    keep_code=keep_code,
                    request_id=request_id,
                )
                body[key] = inner
        elif key in ("code", "status") and _allows(sub, "integer"):
            body[key] = status
        elif key == "code" and _allows(sub, "string"):
            current = body.get(key)
            if not (keep_code and isinstance(current, str)):
                styled = code[1] if isinstance(current, str) and current.islower() else code[0]
                body[key] = styled
        elif key == "details":
            if problems:
                body[key] = _details(sub, problems)
            elif _allows(sub, "array") or not sub:
                body[key] = []
            else:
                body.pop(key, None)
        elif key == "api_id" and key in body:
            body[key] = request_id
        elif key == "success" and key in body:
            body[key] = False
        elif key == "data" and key in body:
            body[key] = None
