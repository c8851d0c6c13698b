"""Error bodies in each provider's own shape, built from the spec's error responses.

The spec's example for a status is the template: its message is replaced, its status-like
integers follow the status, its ``details`` are rebuilt from the problems found (a map of
``.location.name`` to messages for Bird, ``[{field, message}]`` for Rounded), and its
``code`` string is kept when the response is dedicated to that status or renamed in the
example's own style otherwise.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from numberhub_spec import Spec

from ._schemas import types
from ._validation import Problem

__all__ = ["ErrorBuilder", "kind_for"]

# Error kinds -> (PascalCase code, snake_case code, default message, status)
_KINDS: Mapping[str, tuple[str, str, str, int]] = {
    "invalid": ("InvalidPayload", "invalid_request", "Request payload failed validation", 400),
    "cursor": ("InvalidPageToken", "invalid_cursor", "The page token is invalid", 400),
    "auth": ("Unauthorized", "unauthorized", "Authentication failed", 401),
    "tenant": ("Forbidden", "forbidden", "Access to this account is denied", 403),
    "rate": ("TooManyRequests", "rate_limited", "Too many requests", 429),
    "not_found": ("NotFound", "not_found", "not found", 404),
    "method": ("MethodNotAllowed", "method_not_allowed", "Method Not Allowed", 405),
    "server": ("InternalServerError", "internal_error", "Internal server error", 500),
    "bad_gateway": ("BadGateway", "bad_gateway", "Bad gateway", 502),
    "unavailable": ("ServiceUnavailable", "service_unavailable", "Service unavailable", 503),
}


def kind_for(status: int) -> str:
    """The error kind a status stands for (``server`` or ``invalid`` where none does)."""
    fallback = "server" if status >= 500 else "invalid"
    return next((kind for kind, row in _KINDS.items() if row[3] == status), fallback)


@dataclass(frozen=True, slots=True)
class _Template:
    example: Any
    schema: Mapping[str, Any]
    dedicated: bool  # the response object serves this status alone


def _example(media: Mapping[str, Any]) -> Any:
    if "example" in media:
        return media["example"]
    for ex in (media.get("examples") or {}).values():
        if isinstance(ex, Mapping) and "value" in ex:
            return ex["value"]
    return None


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


class ErrorBuilder:
    """Makes a provider's error bodies.

    Args:
        spec: The provider's spec.
    """

    def __init__(self, spec: Spec) -> None:
        self.resolve: Callable[[Any], Any] = spec.resolve
        op = spec.operation
        # The spec model's ResponseSpec has no example, nor which statuses share one
        # response object: those two are read from the document (through Spec.resolve).
        raw: Mapping[str, Any] = spec.document["paths"][op.path][op.method.lower()]["responses"]
        shared = Counter(str(response.get("$ref", status)) for status, response in raw.items())
        self._templates: dict[int, _Template] = {}
        for status, response in raw.items():
            if not str(status).isdigit() or int(status) < 400:
                continue
            media = (spec.resolve(response).get("content") or {}).get("application/json") or {}
            dedicated = shared[str(response.get("$ref", status))] == 1
            template = _Template(_example(media), media.get("schema") or {}, dedicated)
            self._templates[int(status)] = template

    def status_for(self, kind: str) -> int:
        """The status a kind of error gets from this provider."""
        if kind == "invalid":
            return 422 if 422 in self._templates and self._templates[422].dedicated else 400
        if kind == "tenant":
            return 403 if 403 in self._templates else 401
        return _KINDS[kind][3] if kind in _KINDS else 400

    def _template(self, status: int) -> _Template:
        if status in self._templates:
            return self._templates[status]
        fallback = 500 if status >= 500 else 400
        for candidate in (fallback, 400, 500, *sorted(self._templates)):
            if candidate in self._templates:
                return replace(self._templates[candidate], dedicated=False)
        return _Template({"error": ""}, {}, dedicated=False)

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
        template = self._template(status)
        pascal, snake, default_message, _ = _KINDS.get(kind, _KINDS["invalid"])
        body = copy.deepcopy(template.example) if isinstance(template.example, dict) else {}
        if message is None:
            message = (_message_of(body) if template.dedicated else None) or default_message
        filler = _Filler(
            self.resolve, status, message, problems, (pascal, snake), template.dedicated, request_id
        )
        filler.fill(body, template.schema)
        return body


@dataclass(frozen=True, slots=True)
class _Filler:
    """Writes one error's status, message, code and details into a body, by its schema."""

    resolve: Callable[[Any], Any]
    status: int
    message: str
    problems: Sequence[Problem]
    code: tuple[str, str]
    keep_code: bool
    request_id: str

    def allows(self, schema: Any, type_name: str) -> bool:
        schema = self.resolve(schema)
        if not isinstance(schema, Mapping):
            return False
        variants = [*schema.get("anyOf", ()), *schema.get("oneOf", ())]
        return type_name in types(schema) or any(self.allows(s, type_name) for s in variants)

    def details(self, schema: Any) -> Any:
        if self.allows(schema, "object") and not self.allows(schema, "array"):
            out: dict[str, list[str]] = {}
            for p in self.problems:
                key = f".{p.location}.{p.name}" if p.name else f".{p.location}"
                out.setdefault(key, []).append(p.message)
            return out
        return [{"field": p.name or p.location, "message": p.message} for p in self.problems]

    def fill(self, body: dict[str, Any], schema: Any) -> None:
        schema = self.resolve(schema)
        props = schema.get("properties", {}) if isinstance(schema, Mapping) else {}
        for key, sub in props.items():
            if key == "message" and self.allows(sub, "string"):
                body[key] = self.message
            elif key == "error":
                if self.allows(sub, "string") and not isinstance(body.get(key), dict):
                    body[key] = self.message
                elif self.allows(sub, "object"):
                    if not isinstance(body.get(key), dict):
                        body[key] = {}
                    self.fill(body[key], sub)
            elif key in ("code", "status") and self.allows(sub, "integer"):
                body[key] = self.status
            elif key == "code" and self.allows(sub, "string"):
                current = body.get(key)
                if not (self.keep_code and isinstance(current, str)):
                    lower = isinstance(current, str) and current.islower()
                    body[key] = self.code[1] if lower else self.code[0]
            elif key == "details":
                if self.problems:
                    body[key] = self.details(sub)
                elif self.allows(sub, "array") or not self.resolve(sub):
                    body[key] = []
                else:
                    body.pop(key, None)
            elif key == "api_id" and key in body:
                body[key] = self.request_id
            elif key == "success" and key in body:
                body[key] = False
            elif key == "data" and key in body:
                body[key] = None
