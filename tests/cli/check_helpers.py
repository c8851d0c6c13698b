"""A drifting provider for the ``numberhub check`` tests: a real HTTP server in front of the mock.

`DriftingProxy` forwards every request to the mock (which checks the provider's auth and
pages its dataset the way the provider does) and makes the answers drift from the spec
in the ways a real provider might: items with wrong types, without a field, with a field
the spec does not list, a page with the wrong Content-Type, a page whose structure broke.
It remembers every phone number it served, so a test can assert none is ever printed.
"""

from __future__ import annotations

import http.server
import json
import re
import threading
from collections.abc import Iterator
from typing import Any

import httpx
from numberhub.cli._catalog import provider_info

#: How each provider's items drift: fields given another JSON type, a field removed
#: (required by the spec for Bird, Butter and DuoPlus, optional for Plivo and Rounded),
#: and a field the spec does not list. Never the item's id: without it the page breaks.
RETYPED: dict[str, dict[str, Any]] = {
    "plivo": {"monthly_rental_rate": 0.8, "active": "yes"},
    "bird": {"countryCode": 1, "backOrderRequired": "no"},
    "butter": {"provider": 7, "supports_inbound": "yes"},
    "rounded": {"name": 7, "redirect": "no"},
    "duoplus": {"region_name": 1, "renewal_status": "0"},
}
DROPPED = {
    "plivo": "alias",
    "bird": "numberString",
    "butter": "phone_number",
    "rounded": "number",
    "duoplus": "phone_number",
}
UNDOCUMENTED = "numberhub_extra"

_DIGITS = re.compile(r"\d{7,}")


class DriftingProxy:
    """A loopback HTTP server that serves the mock's answers, drifted.

    Args:
        upstream: The mock's base URL.
        provider: The provider whose answers to drift.
        items: Drift the items of pages whose number (1-based) is in this set.
        wrong_type_on: Serve these pages as ``text/plain``.
        broken_on: Replace the item list of these pages by an object (paging cannot go on).
        fail_with: Answer every request with this status and JSON body instead.

    Attributes:
        url: The proxy's base URL, for ``--base-url``.
        pages: How many pages (2xx answers) it served.
        numbers: Every phone number (and other digit string) in the items it served.
    """

    def __init__(
        self,
        upstream: str,
        provider: str,
        *,
        items: set[int] | frozenset[int] = frozenset(),
        wrong_type_on: set[int] | frozenset[int] = frozenset(),
        broken_on: set[int] | frozenset[int] = frozenset(),
        fail_with: tuple[int, Any] | None = None,
    ) -> None:
        self.provider = provider
        self.results = provider_info(provider).plan.results
        self.drift_items, self.wrong_type_on, self.broken_on = items, wrong_type_on, broken_on
        self.fail_with = fail_with
        self.pages = 0
        self.numbers: set[str] = set()
        self._upstream = httpx.Client(base_url=upstream, timeout=10)
        self._lock = threading.Lock()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                proxy._forward(self)

            do_POST = do_GET

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        host, port = self._server.server_address[:2]
        self.url = f"http://{host!s}:{port}"
        # A short poll interval: shutdown() waits for the serving loop's next poll.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self) -> DriftingProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
        self._upstream.close()

    def _forward(self, handler: http.server.BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("content-length") or 0)
        if self.fail_with is not None:
            handler.rfile.read(length)
            status, error = self.fail_with
            self._send(handler, status, json.dumps(error).encode(), "application/json")
            return
        skip = {"host", "content-length", "accept-encoding", "connection"}
        answer = self._upstream.request(
            handler.command,
            handler.path,
            headers={k: v for k, v in handler.headers.items() if k.lower() not in skip},
            content=handler.rfile.read(length) if length else None,
        )
        content, media = answer.content, answer.headers.get("content-type", "application/json")
        body = json.loads(content) if content else None
        items = self.results.get(body) if isinstance(body, dict) else None
        if 200 <= answer.status_code < 300 and isinstance(items, list):
            with self._lock:
                self.pages += 1
                page = self.pages
                self.numbers.update(_digit_strings(items))
            content, media = self._drift(body, items, page, media)
        self._send(handler, answer.status_code, content, media)

    @staticmethod
    def _send(
        handler: http.server.BaseHTTPRequestHandler, status: int, content: bytes, media: str
    ) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", media)
        handler.send_header("Content-Length", str(len(content)))
        handler.end_headers()
        handler.wfile.write(content)

    def _drift(self, body: Any, items: list[Any], page: int, media: str) -> tuple[bytes, str]:
        if page in self.drift_items:
            for item in items:
                item.update(RETYPED[self.provider])
                item.pop(DROPPED[self.provider], None)
                item[UNDOCUMENTED] = "added by the provider"
        if page in self.broken_on:
            *parents, last = self.results.text.removeprefix("$.").split(".")
            container = body
            for key in parents:
                container = container[key]
            container[last] = {"numbers": "moved"}
        if page in self.wrong_type_on:
            media = "text/plain; charset=utf-8"
        return json.dumps(body).encode(), media


def _digit_strings(node: Any) -> Iterator[str]:
    """Every string below ``node`` holding 7 or more digits in a row (phone numbers...)."""
    if isinstance(node, dict):
        node = list(node.values())
    if isinstance(node, list):
        for child in node:
            yield from _digit_strings(child)
    elif isinstance(node, str) and _DIGITS.search(node):
        yield node
        yield node.lstrip("+")
