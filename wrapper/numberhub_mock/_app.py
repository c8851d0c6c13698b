"""The ASGI application: routes requests to the providers' services, adds latency and faults."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Mapping
from itertools import takewhile
from typing import Any, cast

import orjson

from ._churn import Churn
from ._credentials import CredentialMap, Credentials
from ._drift_fault import drift_reply
from ._error_bodies import kind_for
from ._faults import FAULT_HEADER, Fault, FaultError, FaultPlan, parse_fault
from ._http import Receive, Reply, Request, Scope, Send, drop, lifespan, send_reply, truncate
from ._journal import REDACTED, Entry, Redactor, plain_query
from ._service import Service
from ._state import Journal, LocalState, State

__all__ = ["DEFAULT_SLOW_MS", "JOURNAL_PATH", "MockApp"]

JOURNAL_PATH = "/_numberhub/requests"
"""GET: the journal as a JSON list; DELETE: clear it. Never journaled or faulted."""
DEFAULT_SLOW_MS = 60_000
"""A ``slow`` fault's wait: twice numberhub's default client timeout (30 s), so that it is
reliably a timeout and never a late answer."""


class MockApp:
    """The mock server as an ASGI 3 application (see ``create_app``).

    Attributes:
        services: The served providers, by key.
        credentials: The credentials each provider accepts.
        plan: Latency and random faults.
        max_consecutive_faults: The longest run of random faults one request (the same
            method, path, query and body, retried) gets; None for no limit.
        state: The arrival count, rate-limit windows, fault runs and journal (in memory,
            or shared by worker processes).
        drift: How the items served differ from their item schema, per provider
            (``allow_drift``, ``replay``); empty when every item fits.
    """

    def __init__(
        self,
        services: Mapping[str, Service],
        plan: FaultPlan,
        credentials: CredentialMap,
        *,
        max_consecutive_faults: int | None = None,
    ) -> None:
        self.services = dict(services)
        self.credentials: Credentials = cast(Credentials, credentials)
        self.plan = plan
        self.max_consecutive_faults = max_consecutive_faults
        self.state: State = LocalState()
        self._static = {s.template: s for s in services.values() if "{" not in s.template}
        self._dynamic = [s for s in services.values() if s.template not in self._static]
        self._redactors = {name: Redactor(s.spec) for name, s in services.items()}
        self.drift: dict[str, list[str]] = {}
        self._secrets = frozenset(v for c in credentials.values() for v in c.values())
        self._released: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.churn: Churn | None = None

    def use_state(self, state: State) -> None:
        """Keep the count, limits, fault runs and journal in ``state`` from now on."""
        self.state = state

    @property
    def requests(self) -> Journal:
        """The requests received, in arrival order, without any credential (``.clear()``)."""
        return Journal(self.state)

    def dataset(self, provider: str, variant: str | None = None) -> list[dict[str, Any]]:
        """The items served for ``provider`` (a team's own, or generated), in server order."""
        return self.services[provider].dataset.items(variant)

    def release(self) -> None:
        """End every wait in progress (a ``slow`` fault, latency) so that a shutdown is prompt.

        Safe to call from any thread; the requests waiting are dropped.
        """
        loop, event = self._loop, self._released
        if loop is not None and event is not None and not loop.is_closed():
            loop.call_soon_threadsafe(event.set)

    async def _wait(self, seconds: float) -> bool:
        """Sleep ``seconds``; False when ``release`` cut the wait short."""
        if self._released is None or self._loop is not asyncio.get_running_loop():
            self._loop, self._released = asyncio.get_running_loop(), asyncio.Event()
        try:  # already released: the wait ends at once
            await asyncio.wait_for(self._released.wait(), seconds)
        except TimeoutError:
            return True
        return False

    def warm(self) -> None:
        """Build what the first requests would otherwise wait for.

        The numbering blocks, places and the first page's rows: the first requests are
        then as fast as the rest.
        """
        for service in self.services.values():
            service.warm()

    def route(self, path: str) -> tuple[Service | None, dict[str, str]]:
        """The service serving ``path`` and the path parameters, or ``(None, {})``."""
        service = self._static.get(path)
        if service is not None:
            return service, {}
        for service in self._dynamic:
            if m := service.regex.match(path):
                return service, m.groupdict()
        return None, {}

    def _nearest(self, path: str) -> Service | None:
        """The service whose path shares the longest first segments with ``path``."""
        parts = path.strip("/").split("/")

        def shared(s: Service) -> int:
            pairs = zip(parts, s.template.strip("/").split("/"), strict=False)
            return len(list(takewhile(lambda p: p[0] == p[1] or p[1].startswith("{"), pairs)))

        best = max(self.services.values(), key=shared, default=None)
        return best if best is not None and shared(best) else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                await lifespan(receive, send)
            return
        path: str = scope["path"]
        if path == JOURNAL_PATH:
            await send_reply(send, self._journal_reply(scope["method"]))
            return
        service, path_params = self.route(path)
        message = await receive()
        body = message.get("body", b"")
        while message.get("more_body", False):
            message = await receive()
            body += message.get("body", b"")
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        query: bytes = scope.get("query_string", b"")
        req = Request(scope["method"], path, path_params, headers, body, query)
        target = service or self._nearest(path)
        k = self.state.arrive(self._record(req, service, target))
        if self.churn is not None and service is not None:  # recorded as sent, served shifted
            req = self.churn.shift(service.spec, req)
        status: int | None = None
        try:
            status = await self._answer(req, service, target, k, send)
        finally:
            self.state.answered(k, status)

    def _journal_reply(self, method: str) -> Reply:
        if method == "GET":
            return Reply(200, orjson.dumps(self.requests.to_list()))
        if method == "DELETE":
            self.requests.clear()
            return Reply(200, b"[]")
        return Reply(405, b'{"error":"use GET or DELETE"}', [(b"allow", b"GET, DELETE")])

    def _record(self, req: Request, service: Service | None, target: Service | None) -> Entry:
        """The journal's record of ``req``, every credential value taken out."""
        if service is not None:
            red = self._redactors[service.provider]
            path = red.path(req.path, req.path_params)
            query = red.query(req.query_string, lambda: req.query)
            return (service.provider, req.method, path, query, red.body(req.body), time.time())
        near = self._redactors[target.provider] if target is not None else None
        path = near.path(req.path, {}) if near is not None else req.path
        for secret in filter(None, self._secrets):
            path = path.replace(secret, REDACTED)
        body = near.body(req.body) if near is not None else None
        return (None, req.method, path, plain_query(req.query, self._secrets), body, time.time())

    def _random_fault(self, req: Request, k: int) -> Fault | None:
        """Request ``k``'s seeded fault, unless the same request just had enough in a row."""
        fault = self.plan.fault(k)
        cap = self.max_consecutive_faults
        if cap is None or not self.plan.fault_rate or (fault is not None and fault.drift):
            return fault  # a drifted answer is read, not retried: no run to cap
        key = hashlib.blake2b(
            f"{req.method} {req.path}?{req.query}".encode() + req.body, digest_size=12
        ).hexdigest()
        if fault is None:
            self.state.passed(key)
            return None
        return fault if self.state.may_fault(key, cap) else None

    async def _answer(
        self, req: Request, service: Service | None, target: Service | None, k: int, send: Send
    ) -> int | None:
        """Send the answer to request ``k``; the status sent (None: dropped)."""
        raw_fault = req.headers.get(FAULT_HEADER)
        try:
            fault = None if raw_fault is None else parse_fault(raw_fault, slow_ms=self.plan.slow_ms)
        except FaultError as exc:
            self.state.explain(k, str(exc), None)
            if target is not None:
                reply = target.error(req, "invalid", status=400, message=str(exc))
            else:
                reply = Reply(400, orjson.dumps({"error": str(exc)}))
            await send_reply(send, reply)
            return reply.status
        if raw_fault is None and service is not None:
            fault = self._random_fault(req, k)
        if fault is not None:
            self.state.explain(k, None, fault.label)
        delay = self.plan.delay_ms(k) + (fault.delay_ms if fault else 0)
        released = delay > 0 and not await self._wait(delay / 1000)
        if released or (fault is not None and fault.drop):
            await drop(send)  # a drop fault, or released: the server is shutting down
            return None
        if fault is not None and fault.status is not None and target is not None:
            status = fault.status
            wait = [(b"retry-after", str(fault.retry_after or 1).encode())] if status == 429 else []
            reply = target.error(req, kind_for(status), status=status, headers=wait)
        elif service is not None:
            reply = service.handle(req, self.state)
            if fault is not None and fault.drift:
                reply = drift_reply(service.spec, reply)
        elif target is not None:
            reply = target.error(req, "not_found", status=404)
        else:
            reply = Reply(404, orjson.dumps({"error": "not found"}), reason="not_found")
        if reply.reason is not None and fault is None:
            self.state.explain(k, reply.reason, None)
        sender = truncate if fault is not None and fault.truncate else send_reply
        await sender(send, reply)
        return reply.status
