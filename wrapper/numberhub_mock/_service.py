"""One provider's operation, served from its spec: security, validation, filters, paging."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import os
import re
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numberhub_spec
import orjson

from numberhub_mock._credentials import scheme_value
from numberhub_mock._dataset import Dataset
from numberhub_mock._errors import ErrorBuilder
from numberhub_mock._filters import Selection, filters_of
from numberhub_mock._paging import CursorError, Pager, set_path
from numberhub_mock._request import BodySpec, Param, Problem, body_spec, operation_params
from numberhub_mock._schemas import Validator, compile_schema, resolve
from numberhub_mock._specdoc import load_spec, operation

__all__ = ["Reply", "Request", "Service"]

_ITEMS = "\x00items\x00"


def _dumps(value: Any) -> bytes:
    """JSON bytes; integers past 64 bits (a client may send page=2**64) need the stdlib."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


_ITEMS_JSON = orjson.dumps(_ITEMS)


@dataclass(slots=True)
class Request:
    """What the service needs of an HTTP request."""

    method: str
    path: str
    path_params: dict[str, str]
    query: list[tuple[str, str]]
    headers: dict[str, str]  # lower-case names
    body: bytes = b""


@dataclass(slots=True)
class Reply:
    """An HTTP response: status, extra headers and a JSON body."""

    status: int
    body: bytes
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)


class _RateLimit:
    """A fixed window of ``requests`` per ``per_seconds``, from ``x-numberhub-rate-limit``."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.requests = int(spec["requests"])
        self.per = float(spec["per_seconds"])
        self._windows: dict[str, tuple[float, int]] = {}

    def retry_after(self, key: str) -> int | None:
        """None when the request may pass; else the seconds until the window ends."""
        now = time.monotonic()
        start, count = self._windows.get(key, (now, 0))
        if now - start >= self.per:
            start, count = now, 0
        if count >= self.requests:
            return max(1, math.ceil(start + self.per - now))
        self._windows[key] = (start, count + 1)
        return None


def _path_regex(template: str) -> re.Pattern[str]:
    out = "^"
    for part in re.split(r"(\{[^}]+\})", template):
        if part.startswith("{"):
            out += f"(?P<{part[1:-1]}>[^/]+)"
        else:
            out += re.escape(part)
    return re.compile(out + "$")


class Service:
    """The mock of one provider's list operation.

    Args:
        provider: The provider key.
        dataset: Its items.
        credentials: The credentials it accepts.
        rate_limit: Whether to enforce the spec's ``x-numberhub-rate-limit``.
        check_responses: Validate every body against the spec before sending it (tests).
        specs_dir: Where the spec is (default ``numberhub._specs.specs_dir()``).
    """

    def __init__(
        self,
        provider: str,
        dataset: Dataset,
        credentials: Mapping[str, str],
        *,
        rate_limit: bool = False,
        check_responses: bool = False,
        specs_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        self.provider = provider
        self.model = numberhub_spec.load(provider, specs_dir)
        self.tenant_credentials = {
            p.name: p.credential for p in self.model.operation.parameters if p.credential
        }
        self.doc = load_spec(provider, specs_dir)
        self.op = operation(provider, specs_dir)
        spec = self.op.spec
        self.template = self.op.path
        self.method = self.op.method.upper()
        self.regex = _path_regex(self.template)
        self.static = "{" not in self.template
        self.credentials = dict(credentials)
        self.dataset = dataset
        self.errors = ErrorBuilder(self.doc, spec)
        self.params: list[Param] = operation_params(self.doc, spec)
        self.body: BodySpec | None = body_spec(self.doc, spec)
        self.schemes: Mapping[str, Any] = self.doc.get("components", {}).get("securitySchemes", {})
        self.security: list[dict[str, Any]] = spec.get("security", self.doc.get("security", []))
        self.variant_header = dataset.profile.variant_header
        declared = [(p.name, p.location, p.extensions) for p in self.params]
        if self.body is not None:
            declared += [(k, "body", v) for k, v in self.body.properties.items()]
        self.selection = Selection(dataset, filters_of(declared), spec.get("x-numberhub-order"))
        defaults = {p.name: p.default for p in self.params}
        if self.body is not None:
            defaults.update({k: v.get("default") for k, v in self.body.properties.items()})
        secret = hashlib.sha256(f"numberhub-mock/{provider}/{dataset.seed}".encode()).digest()
        ok_schema = resolve(
            self.doc, spec["responses"]["200"]["content"]["application/json"]["schema"]
        )
        absent = dataset.profile.absent_at_end
        self.pager = Pager(
            spec, defaults, secret, lambda path: path not in absent and _nullable(ok_schema, path)
        )
        self.envelope = dataset.profile.envelope
        self._wants_request_id = "{request_id}" in repr(self.envelope)
        self._selection_keys: dict[tuple[Any, ...], str] = {}
        limit = spec.get("x-numberhub-rate-limit")
        self.rate_limit = _RateLimit(limit) if rate_limit and limit else None
        self.check_responses = check_responses
        self.validators: dict[int, Validator] = {}
        for status, resp in spec.get("responses", {}).items():
            media = resolve(self.doc, resp).get("content", {}).get("application/json")
            if status.isdigit() and media and "schema" in media:
                self.validators[int(status)] = compile_schema(self.doc, media["schema"])
        self._api_ids = 0

    # -- helpers ----------------------------------------------------------------------------
    def request_id(self, req: Request) -> str:
        """A request id, reproducible for the same request to the same seed."""
        self._api_ids += 1
        text = f"{self.dataset.seed}|{req.method}|{req.path}|{req.query}|{self._api_ids}"
        return str(uuid.UUID(bytes=hashlib.md5(text.encode()).digest(), version=1))

    def error(
        self,
        req: Request,
        kind: str,
        *,
        status: int | None = None,
        message: str | None = None,
        problems: Sequence[Problem] = (),
        headers: list[tuple[bytes, bytes]] | None = None,
    ) -> Reply:
        """A reply carrying the provider's own error body."""
        status = status or self.errors.status_for(kind)
        body = self.errors.body(status, kind, message, problems, self.request_id(req))
        reply = Reply(status, _dumps(body), headers or [])
        self._check(reply)
        return reply

    def _check(self, reply: Reply) -> None:
        if not self.check_responses:
            return
        validator = self.validators.get(reply.status)
        if validator is None:
            return
        problems = validator.errors(orjson.loads(reply.body))
        if problems:
            raise AssertionError(
                f"{self.provider} {reply.status} body breaks its schema: "
                f"{problems}: {reply.body[:500]!r}"
            )

    # -- security ---------------------------------------------------------------------------
    def _scheme_ok(self, name: str, req: Request) -> bool:
        scheme = self.schemes.get(name, {})
        model = self.model.schemes.get(name)
        expected = None if model is None else scheme_value(model, self.credentials)
        if expected is None:
            return False
        kind = scheme.get("type")
        if kind == "http":
            word, _, value = req.headers.get("authorization", "").strip().partition(" ")
            if word.lower() != str(scheme.get("scheme", "")).lower():
                return False
            if word.lower() == "basic":
                try:
                    return base64.b64decode(value.strip(), validate=True) == base64.b64decode(
                        expected
                    )
                except (binascii.Error, ValueError):
                    return False
            return value.strip() == expected
        if kind == "apiKey":
            where, key = scheme.get("in"), str(scheme.get("name", ""))
            if where == "header":
                got = " ".join(req.headers.get(key.lower(), "").split())
            elif where == "query":
                got = next((v for k, v in req.query if k == key), "")
            else:
                got = ""
            return got == " ".join(expected.split())
        return False

    def authorize(self, req: Request) -> Reply | None:
        """None when the credentials (and tenant) are right; else the refusal."""
        passed = tenant_failure = False
        for requirement in self.security or [{}]:
            failing = [name for name in requirement if not self._scheme_ok(name, req)]
            if not failing:
                passed = True
                break
            # Only schemes naming the tenant of a scheme that passed are failing.
            owners = [self.schemes.get(n, {}).get("x-numberhub-tenant-of") for n in failing]
            if all(o in requirement and o not in failing for o in owners):
                tenant_failure = True
        if not passed:
            if tenant_failure:
                return self.error(
                    req,
                    "tenant",
                    status=401,
                    message="The organization is not the one of this API key",
                )
            return self.error(req, "auth")
        for p in self.params:
            owner = p.extensions.get("x-numberhub-tenant-of")
            if owner is None:
                continue
            expected = self.credentials.get(self.tenant_credentials.get(p.name, ""), None)
            got = (
                req.path_params.get(p.name)
                if p.location == "path"
                else req.headers.get(p.name.lower())
            )
            if expected is None or got is None or got.lower() != expected.lower():
                return self.error(
                    req, "tenant", message=f"{p.name} {got!r} does not belong to these credentials"
                )
        return None

    # -- parameters -------------------------------------------------------------------------
    def arguments(self, req: Request) -> tuple[dict[str, Any], list[Problem]]:
        """The typed parameters (and body properties) of a request, and their problems."""
        args: dict[str, Any] = {}
        problems: list[Problem] = []
        raw_query: dict[str, list[str]] = {}
        for k, v in req.query:
            raw_query.setdefault(k, []).append(v)
        for p in self.params:
            if p.location == "query":
                raw = raw_query.get(p.name)
            elif p.location == "path":
                raw = [req.path_params[p.name]] if p.name in req.path_params else None
            elif p.location == "header":
                value = req.headers.get(p.name.lower())
                raw = [value] if value is not None else None
            else:
                continue
            if raw is None:
                if p.required:
                    problems.append(Problem(p.location, p.name, "is required"))
                continue
            value = p.coerce(raw)
            errs = p.check(value)
            if errs:
                problems += errs
            else:
                args[p.name] = value
        if self.body is not None:
            body, errs = self._parse_body(req)
            problems += errs
            if isinstance(body, dict) and not errs:
                args.update(body)
        return args, problems

    def _parse_body(self, req: Request) -> tuple[Any, list[Problem]]:
        assert self.body is not None
        if not req.body.strip():
            if self.body.required:
                return None, [Problem("body", "", "a JSON request body is required")]
            return {}, []
        ctype = req.headers.get("content-type", "application/json").split(";")[0].strip().lower()
        if ctype != "application/json" and not ctype.endswith("+json"):
            return None, [
                Problem("body", "", f"Content-Type must be application/json, not {ctype}")
            ]
        try:
            body = orjson.loads(req.body)
        except orjson.JSONDecodeError:
            return None, [Problem("body", "", "the request body is not valid JSON")]
        return body, self.body.check(body)

    # -- the operation ----------------------------------------------------------------------
    def handle(self, req: Request) -> Reply:
        """Answer one request to this provider's operation path."""
        if req.method != self.method:
            allow = [(b"allow", self.method.encode())]
            return self.error(req, "method", status=405, headers=allow)
        refused = self.authorize(req)
        if refused is not None:
            return refused
        if self.rate_limit is not None:
            wait = self.rate_limit.retry_after(self.provider)
            if wait is not None:
                return self.error(
                    req, "rate", status=429, headers=[(b"retry-after", str(wait).encode())]
                )
        args, problems = self.arguments(req)
        problems += self.selection.requirements(args) if not problems else []
        if problems:
            message = "; ".join(f"invalid {p.name or p.location}: {p.message}" for p in problems)
            return self.error(req, "invalid", message=message, problems=problems)
        selected = self.selection.select(args)
        frozen = self.selection.key(args)
        key = self._selection_keys.get(frozen)
        if key is None:
            if len(self._selection_keys) > 4096:
                self._selection_keys.clear()
            key = hashlib.sha256(repr(frozen).encode()).hexdigest()[:16]
            self._selection_keys[frozen] = key
        try:
            page = self.pager.page(selected, args, key, self.dataset.getter)
        except CursorError as exc:
            return self.error(
                req,
                "cursor",
                status=400,
                message=str(exc),
                problems=[Problem("query", self.pager.inputs.get("cursor", ""), str(exc))],
            )
        variant = req.headers.get(self.variant_header.lower()) if self.variant_header else None
        rows = self.dataset.rows(page.indexes, variant)
        return self._page_reply(req, page, rows, key)

    def _page_reply(self, req: Request, page: Any, rows: list[bytes], key: str) -> Reply:
        ctx = {
            "limit": page.limit,
            "offset": page.offset,
            "page": page.offset // page.limit + self.pager.page_base if page.limit else 1,
            "previous_url": self.pager.url(
                req.path, req.query, max(page.offset - page.limit, 0), page.limit
            )
            if page.offset > 0
            else None,
            "request_id": self.request_id(req) if self._wants_request_id else "",
        }
        body = _fill(self.envelope, ctx)
        self.pager.write(body, page, selection_key=key, path=req.path, query=req.query)
        set_path(body, self.pager.results_path, _ITEMS)
        out = _dumps(body).replace(_ITEMS_JSON, b"[" + b",".join(rows) + b"]", 1)
        reply = Reply(200, out)
        self._check(reply)
        return reply


def _fill(template: Any, ctx: Mapping[str, Any]) -> Any:
    if isinstance(template, dict):
        return {k: _fill(v, ctx) for k, v in template.items()}
    if isinstance(template, str) and template.startswith("{") and template.endswith("}"):
        return ctx.get(template[1:-1])
    return template


def _nullable(schema: Mapping[str, Any], path: str) -> bool:
    node: Any = schema
    for part in path.removeprefix("$.").split("."):
        node = (node.get("properties") or {}).get(part) if isinstance(node, dict) else None
        if node is None:
            return False
    t = node.get("type")
    if t == "null" or (isinstance(t, list) and "null" in t):
        return True
    return any(s.get("type") == "null" for s in node.get("anyOf", []) + node.get("oneOf", []))
