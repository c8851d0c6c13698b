"""The ASGI application: routes requests to the providers' services, adds latency and faults."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Iterable, Mapping, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

import numberhub_spec
import orjson

from ._credentials import Credentials, resolve_credentials
from ._dataset import Dataset, size_for
from ._faults import FAULT_HEADER, Fault, FaultError, FaultPlan, parse_fault
from ._http import Reply, Request
from ._service import Service

__all__ = ["MockApp", "create_app"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

_JSON = (b"content-type", b"application/json")
_STATUS_KIND = {
    401: "auth",
    403: "tenant",
    404: "not_found",
    405: "method",
    429: "rate",
    500: "server",
    502: "bad_gateway",
    503: "unavailable",
}


class MockApp:
    """The mock server as an ASGI 3 application (see ``create_app``).

    Attributes:
        services: The served providers, by key.
        credentials: The credentials each provider accepts.
        plan: Latency and random faults.
    """

    def __init__(
        self, services: Mapping[str, Service], plan: FaultPlan, credentials: Credentials
    ) -> None:
        self.services = dict(services)
        self.credentials = credentials
        self.plan = plan
        self._static = {s.template: s for s in services.values() if s.static}
        self._dynamic = [s for s in services.values() if not s.static]
        self._count = 0

    def warm(self) -> None:
        """Build what the first request would otherwise wait for (numbering blocks, places)."""
        for service in self.services.values():
            service.dataset.rows(range(min(1, service.dataset.size)))

    def route(self, path: str) -> tuple[Service | None, dict[str, str]]:
        """The service serving ``path`` and the path parameters, or ``(None, {})``."""
        service = self._static.get(path)
        if service is not None:
            return service, {}
        for service in self._dynamic:
            m = service.regex.match(path)
            if m:
                return service, m.groupdict()
        return None, {}

    def _nearest(self, path: str) -> Service | None:
        """The service whose path shares the longest first segments with ``path``."""
        best, score = None, 0
        parts = path.strip("/").split("/")
        for s in self.services.values():
            tparts = s.template.strip("/").split("/")
            n = 0
            for a, b in zip(parts, tparts, strict=False):
                if a != b and not b.startswith("{"):
                    break
                n += 1
            if n > score:
                best, score = s, n
        return best

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        path: str = scope["path"]
        service, path_params = self.route(path)
        body = b""
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = bool(message.get("more_body", False))
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        req = Request(scope["method"], path, path_params, query, headers, body)
        k = self._count
        self._count += 1
        target = service or self._nearest(path)
        fault: Fault | None
        try:
            raw_fault = headers.get(FAULT_HEADER)
            fault = (
                parse_fault(raw_fault, slow_ms=self.plan.slow_ms)
                if raw_fault is not None
                else self.plan.fault(k)
                if service is not None
                else None
            )
        except FaultError as exc:
            fault = None
            if target is not None:
                await _send(send, target.error(req, "invalid", status=400, message=str(exc)))
            else:
                await _send(send, Reply(400, orjson.dumps({"error": str(exc)})))
            return
        delay = self.plan.delay_ms(k) + (fault.delay_ms if fault else 0)
        if delay > 0:
            await asyncio.sleep(delay / 1000)
        if fault is not None and fault.drop:
            await _drop(send)
            return
        if fault is not None and fault.status is not None and target is not None:
            status = fault.status
            extra = []
            if status == 429:
                extra.append((b"retry-after", str(fault.retry_after or 1).encode()))
            kind = _STATUS_KIND.get(status, "server" if status >= 500 else "invalid")
            reply = target.error(req, kind, status=status, headers=extra)
        elif service is not None:
            reply = service.handle(req)
        elif target is not None:
            reply = target.error(req, "not_found", status=404)
        else:
            reply = Reply(404, orjson.dumps({"error": "not found"}))
        if fault is not None and fault.truncate:
            await _truncate(send, reply)
            return
        await _send(send, reply)


async def _send(send: Send, reply: Reply) -> None:
    headers = [_JSON, (b"content-length", str(len(reply.body)).encode()), *reply.headers]
    await send({"type": "http.response.start", "status": reply.status, "headers": headers})
    await send({"type": "http.response.body", "body": reply.body})


def _transport(send: Send) -> Any:
    """The socket transport behind uvicorn's ``send`` (None under other servers)."""
    return getattr(getattr(send, "__self__", None), "transport", None)


async def _drop(send: Send) -> None:
    """Close the connection without a response."""
    transport = _transport(send)
    if transport is None:
        import httpx  # only under httpx.ASGITransport, where there is no socket to close

        raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
    transport.abort()
    await asyncio.sleep(0)  # let the server see the connection is gone


async def _truncate(send: Send, reply: Reply) -> None:
    """Promise the whole body, send half of it, then close the connection."""
    headers = [_JSON, (b"content-length", str(len(reply.body)).encode()), *reply.headers]
    await send({"type": "http.response.start", "status": reply.status, "headers": headers})
    transport = _transport(send)
    half = reply.body[: len(reply.body) // 2]
    if transport is None:
        import httpx  # only under httpx.ASGITransport, where there is no socket to close

        raise httpx.RemoteProtocolError(
            "peer closed connection without sending complete message body "
            f"(received {len(half)} bytes, expected {len(reply.body)})"
        )
    await send({"type": "http.response.body", "body": half, "more_body": True})
    transport.close()
    await asyncio.sleep(0)


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


def create_app(
    *,
    seed: int = 0,
    size: int | Mapping[str, int] | None = None,
    providers: Iterable[str] | None = None,
    latency_ms: float = 0,
    jitter_ms: float = 0,
    fault_rate: float = 0.0,
    rate_limit: bool = False,
    credentials: Mapping[str, Mapping[str, str]] | None = None,
    faults: Iterable[str] | None = None,
    slow_ms: int = 30_000,
    check_responses: bool = False,
    specs_dir: str | os.PathLike[str] | None = None,
) -> MockApp:
    """Build the mock of every provider (or some) as one ASGI application.

    Args:
        seed: Makes the datasets, ids, latency jitter and random faults reproducible.
        size: Items per provider: an int for all, a ``{provider: n}`` mapping, or None for
            ``DEFAULT_SIZE`` (250).
        providers: The providers to serve (default: every spec in the specs folder).
        latency_ms: Added to every response.
        jitter_ms: Up to this much more per response, drawn from the seed.
        fault_rate: Share of requests (0..1) that get a random fault from ``faults``.
        rate_limit: Enforce each spec's ``x-numberhub-rate-limit`` with 429 + Retry-After.
        credentials: Per-provider overrides of the accepted credentials (else the
            environment variables, else the documented defaults).
        faults: The faults ``fault_rate`` draws from: any of ``FAULT_KINDS``
            (``429 500 502 503 drop truncate slow``; default all).
        slow_ms: How long a ``slow`` fault waits before answering.
        check_responses: Validate every body against the spec before sending it (raises
            on a mismatch; for tests).
        specs_dir: The folder of ``<provider>.yaml`` specs to serve (default
            ``$NUMBERHUB_SPECS_DIR``, else the shipped specs). A spec without a
            hand-written data profile gets one made from its schema.

    Returns:
        The ASGI app; ``app.credentials`` holds the credentials it accepts.
    """
    known = numberhub_spec.provider_names(specs_dir)
    names = tuple(providers) if providers is not None else known
    unknown = [p for p in names if p not in known]
    if unknown:
        raise LookupError(f"unknown providers {unknown}; known: {', '.join(known)}")
    creds = resolve_credentials(names, credentials, specs_dir=specs_dir)
    services = {
        name: Service(
            numberhub_spec.load(name, specs_dir),
            Dataset(name, seed, size_for(name, size), creds[name], specs_dir),
            creds[name],
            rate_limit=rate_limit,
            check_responses=check_responses,
        )
        for name in names
    }
    plan = FaultPlan(seed, latency_ms, jitter_ms, fault_rate, tuple(faults or ()), slow_ms)
    return MockApp(services, plan, creds)
