"""One provider's operation, served from its spec: security, validation, filters, paging.

A page is made once per distinct request (path, query, the headers that are parameters,
body) and kept as bytes: the same request again is answered from them, with only its
request id new, after its credentials and rate limit are checked as always (the items
never change once served).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import orjson
from numberhub_spec import JsonPath, Spec

from ._access import Access
from ._dataset import Dataset
from ._error_bodies import ErrorBuilder
from ._filters import Selection, filters_of
from ._http import Reply, Request
from ._page_shape import shape_of
from ._schemas import types
from ._slicing import CursorError, Slicer
from ._state import State
from ._validation import BodyCheck, ParamCheck, Problem, Validator

__all__ = ["Service"]

_ITEMS = "\x00items\x00"
_ITEMS_JSON = orjson.dumps(_ITEMS)
_REQUEST_ID = "\x00request-id\x00"
_REQUEST_ID_JSON = orjson.dumps(_REQUEST_ID)[1:-1]
_PAGES_BYTES = 8 << 20
"""At most this many bytes of pages kept ready to send (then they are dropped, and kept
again as they are asked for)."""


def _dumps(value: Any) -> bytes:
    """JSON bytes; integers past 64 bits (a client may send page=2**64) need the stdlib."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


@functools.lru_cache(maxsize=4096)
def _selection_key(frozen: tuple[Any, ...]) -> str:
    """A short stable name of a selection (what its page tokens are signed for)."""
    return hashlib.sha256(repr(frozen).encode()).hexdigest()[:16]


def _fill(template: Any, ctx: Mapping[str, Any]) -> Any:
    if isinstance(template, dict):
        return {k: _fill(v, ctx) for k, v in template.items()}
    if isinstance(template, str) and template.startswith("{") and template.endswith("}"):
        return ctx.get(template[1:-1])
    return template


class Throttle(NamedTuple):
    """A rate limit enforced: at most ``requests`` requests per ``per`` seconds."""

    requests: int
    per: float


class Service:
    """The mock of one provider's list operation.

    Args:
        spec: The provider's spec.
        dataset: Its items.
        credentials: The credentials it accepts.
        rate_limit: Whether to enforce the spec's documented rate limit.
        check_responses: Validate every body against the spec before sending it (tests).
    """

    def __init__(
        self,
        spec: Spec,
        dataset: Dataset,
        credentials: Mapping[str, str],
        *,
        rate_limit: bool = False,
        check_responses: bool = False,
    ) -> None:
        op = spec.operation
        self.spec = spec
        self.provider = spec.name
        self.template = op.path
        self.method = op.method
        # The operation's paths: each ``{name}`` of the template one segment of that name.
        segments = re.sub(r"\\\{([^}]+)\\\}", r"(?P<\1>[^/]+)", re.escape(self.template))
        self.regex = re.compile(f"^{segments}$")
        self.dataset = dataset
        self.access = Access(spec, credentials)
        self.errors = ErrorBuilder(spec)
        places = ("path", "query", "header")  # not the body's properties, nor cookies
        self.params = [ParamCheck(spec, p) for p in op.parameters if p.location in places]
        self.body = BodyCheck(spec) if op.has_body else None
        shape = shape_of(spec)
        self.variant_header = shape.variant_header
        self.selection = Selection(
            dataset, filters_of(op.parameters), spec.order, presorted=dataset.given is None
        )
        defaults = {p.name: spec.resolve(p.schema).get("default") for p in op.parameters}
        secret = hashlib.sha256(f"numberhub-mock/{spec.name}/{dataset.seed}".encode()).digest()
        self._absent = {JsonPath(p) for p in shape.absent_at_end}
        self.slicer = Slicer(spec.plans, defaults, secret, self._nullable, dataset.getter)
        self.envelope = shape.envelope or {}
        limit = spec.rate_limit if rate_limit else None
        self.throttle = None if limit is None else Throttle(limit.requests, limit.per_seconds)
        self.check_responses = check_responses
        self.validators = {  # only when checking responses
            int(status): Validator(spec, response.schema)
            for status, response in op.responses.items()
            if check_responses and status.isdigit() and response.schema is not None
        }
        self._api_ids = 0
        self._header_params = tuple(p.name.lower() for p in self.params if p.location == "header")
        if self.body is not None:  # a body is read only as JSON
            self._header_params += ("content-type",)
        self._pages: dict[tuple[Any, ...], tuple[bytes, ...]] = {}
        self._pages_bytes = 0

    def _nullable(self, path: JsonPath) -> bool:
        """Whether ``path`` may be null: the page schema lets it, and the provider writes it."""
        node: Any = self.spec.resolve(self.spec.page_schema)
        for key in path.keys:
            props = node.get("properties") if isinstance(node, Mapping) else None
            node = self.spec.resolve((props or {}).get(key))
            if not isinstance(node, Mapping):
                return False
        variants = [node, *node.get("anyOf", ()), *node.get("oneOf", ())]
        nulls = any("null" in types(self.spec.resolve(v)) for v in variants)
        return nulls and path not in self._absent

    def warm(self) -> None:
        """Make the unfiltered first page's rows (and what they are made of) now."""
        first = self.selection.select({})
        self.dataset.rows(first[: self.slicer.limit_of(self.slicer.plan, {})])

    # -- helpers ----------------------------------------------------------------------------
    def request_id(self, req: Request) -> str:
        """A request id (a version-1 UUID), reproducible for the same requests to the same seed."""
        self._api_ids += 1
        text = b"%d|%s|%s|%s|%d" % (
            self.dataset.seed,
            req.method.encode(),
            req.path.encode("utf-8", "replace"),
            req.query_string,
            self._api_ids,
        )
        h = bytearray(hashlib.md5(text).digest())
        h[6] = (h[6] & 0x0F) | 0x10  # version 1
        h[8] = (h[8] & 0x3F) | 0x80  # RFC 4122 variant
        x = h.hex()
        return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"

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
        # Why the journal says it was refused: never a credential sent (auth, tenant).
        plain = message is None or kind in ("auth", "tenant")
        reason = kind if plain else f"{kind}: {message}"
        reply = Reply(status, _dumps(body), headers or [], reason=reason)
        self._check(reply)
        return reply

    def _check(self, reply: Reply) -> None:
        validator = self.validators.get(reply.status)
        problems = validator.errors(orjson.loads(reply.body)) if validator is not None else ()
        if problems:
            raise AssertionError(
                f"{self.provider} {reply.status} body breaks its schema: "
                f"{problems}: {reply.body[:500]!r}"
            )

    # -- parameters -------------------------------------------------------------------------
    def arguments(self, req: Request) -> tuple[dict[str, Any], list[Problem]]:
        """The typed parameters (and body properties) of a request, and their problems."""
        args: dict[str, Any] = {}
        problems: list[Problem] = []
        for p in self.params:
            if p.location == "query":
                raw = [v for k, v in req.query if k == p.name]
            elif p.location == "path":
                raw = [req.path_params[p.name]] if p.name in req.path_params else []
            else:
                raw = [req.headers[p.name.lower()]] if p.name.lower() in req.headers else []
            if not raw:
                if p.required:
                    problems.append(Problem(p.location, p.name, "is required"))
                continue
            value = p.coerce(raw)
            errs = p.check(value)
            problems += errs
            if not errs:
                args[p.name] = value
        if self.body is not None:
            body, errs = self._parse_body(self.body, req)
            problems += errs
            if isinstance(body, dict) and not errs:
                args.update(body)
        return args, problems

    def _parse_body(self, check: BodyCheck, req: Request) -> tuple[Any, list[Problem]]:
        if not req.body.strip():
            if check.required:
                return None, [Problem("body", "", "a JSON request body is required")]
            return {}, []
        ctype = req.headers.get("content-type", "application/json").split(";")[0].strip().lower()
        if ctype != "application/json" and not ctype.endswith("+json"):
            message = f"Content-Type must be application/json, not {ctype}"
            return None, [Problem("body", "", message)]
        try:
            body = orjson.loads(req.body)
        except orjson.JSONDecodeError:
            return None, [Problem("body", "", "the request body is not valid JSON")]
        return body, check.check(body)

    # -- the operation ----------------------------------------------------------------------
    def handle(self, req: Request, state: State) -> Reply:
        """Answer one request to the operation path, counting its rate limit in ``state``."""
        if req.method != self.method:
            allow = [(b"allow", self.method.encode())]
            return self.error(req, "method", status=405, headers=allow)
        refusal = self.access.refusal(req)
        if refusal is not None:
            return self.error(req, refusal.kind, status=refusal.status, message=refusal.message)
        throttle = self.throttle
        if throttle is not None:
            wait = state.retry_after(self.provider, throttle.requests, throttle.per)
            if wait is not None:
                retry = [(b"retry-after", str(wait).encode())]
                return self.error(req, "rate", status=429, headers=retry)
        variant = req.headers.get(self.variant_header.lower()) if self.variant_header else None
        # The same request (path, query, parameter headers, body) gets the same page: kept
        # as bytes, only the request id (when the body carries one) is new each time.
        key = (
            req.path,
            req.query_string,
            variant,
            *[req.headers.get(h) for h in self._header_params],
            req.body,
        )
        kept = self._pages.get(key)
        if kept is None:
            reply = self._page(req, variant)
            if reply.status != 200:
                return reply
            if self._pages_bytes + len(reply.body) > _PAGES_BYTES:
                self._pages.clear()
                self._pages_bytes = 0
            self._pages_bytes += len(reply.body)
            kept = self._pages[key] = tuple(reply.body.split(_REQUEST_ID_JSON))
        reply = Reply(200, self.request_id(req).encode().join(kept) if len(kept) > 1 else kept[0])
        self._check(reply)
        return reply

    def _page(self, req: Request, variant: str | None) -> Reply:
        """The page a request asks for (its request id a placeholder), or the error."""
        args, problems = self.arguments(req)
        problems += self.selection.requirements(args) if not problems else []
        if problems:
            message = "; ".join(f"invalid {p.name or p.location}: {p.message}" for p in problems)
            return self.error(req, "invalid", message=message, problems=problems)
        frozen = self.selection.key(args)
        selected = self.selection.select(args, frozen)
        key = _selection_key(frozen)
        try:
            page = self.slicer.page(selected, args, key)
        except CursorError as exc:
            name = self.slicer.plan_for(args).name_of("cursor") or ""
            problem = Problem("query", name, str(exc))
            return self.error(req, "cursor", status=400, message=str(exc), problems=[problem])
        rows = self.dataset.rows(page.indexes, variant)
        back = max(page.offset - page.limit, 0)
        previous = (
            self.slicer.url(req.path, req.query, back, page.limit) if page.offset > 0 else None
        )
        ctx = {
            "limit": page.limit,
            "offset": page.offset,
            "page": page.offset // page.limit + self.slicer.plan.page_base if page.limit else 1,
            "previous_url": previous,
            "request_id": _REQUEST_ID,
        }
        body = _fill(self.envelope, ctx)
        self.slicer.write(body, page, key, req.path, req.query)
        self.slicer.plan.results.set(body, _ITEMS)
        return Reply(200, _dumps(body).replace(_ITEMS_JSON, b"[" + b",".join(rows) + b"]", 1))
