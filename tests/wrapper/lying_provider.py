"""A provider that lies, for each paging style: scripted pages, served in-process or on a socket.

`Liar` answers each provider's list request with the page of a script: which items, whether
more follow, where the next position points, what total it announces. Repeats, cycles,
shortfalls, pages with nothing new, growing totals and oversized pages are all one script
away. `Liar.http()` serves it through ``httpx.MockTransport``; `LiarServer` serves it on
127.0.0.1 over a real socket, and adds what only a socket can do: a body that drips one
byte at a time, a gzip bomb, an error envelope in an HTTP 200.
"""

from __future__ import annotations

import base64
import gzip
import http.server
import json
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import attrs
import httpx
import numberhub
from wrapper_fakes import CREDENTIALS, ITEM_BUILDERS, PLIVO_AUTH_ID, item_id

BASE = "https://liar.test"

#: The paging style of each provider (Rounded in its page-number mode).
STYLES = {
    "plivo": "offset",
    "bird": "cursor",
    "butter": "cursor",
    "rounded": "page",
    "duoplus": "page",
}
#: The providers whose answers announce a total.
WITH_TOTALS = ("plivo", "butter", "rounded", "duoplus")
CURSORS = ("bird", "butter")


@attrs.define
class Script:
    """One page the liar serves.

    Attributes:
        ids: The items on it (indexes into the provider's item builder).
        more: Whether it says more pages follow.
        next: The page its next position points to (default: the following one).
        total: The total it announces (default: the liar's ``total``).
        total_pages: The page count it announces (default: the number of pages).
    """

    ids: list[int]
    more: bool | None = None
    next: int | None = None
    total: int | None = None
    total_pages: int | None = None


def token(index: int) -> str:
    """An opaque position (what Bird's page tokens and Butter's cursors look like)."""
    return base64.urlsafe_b64encode(f"page:{index}".encode()).decode()


def untoken(value: str) -> int:
    return int(base64.urlsafe_b64decode(value.encode()).decode().split(":")[1])


class Liar:
    """Serves ``pages`` as ``provider``'s answers (past the script: an empty last page).

    Args:
        provider: The provider whose answers to imitate.
        pages: The script.
        total: The total every page announces unless its script says otherwise
            (default: the distinct ids in the script).
        token_of: How a cursor is made from a page index (to plant values in cursors).
    """

    def __init__(
        self,
        provider: str,
        pages: list[Script],
        *,
        total: int | None = None,
        token_of: Callable[[int], str] = token,
    ) -> None:
        self.provider = provider
        self.pages = pages
        distinct = {i for page in pages for i in page.ids}
        self.total = len(distinct) if total is None else total
        self.token_of = token_of
        self.requests: list[httpx.Request] = []
        self._tokens: dict[str, int] = {}

    # --- which page was asked for ------------------------------------------------------
    def _index(self, params: dict[str, Any]) -> tuple[int, int]:
        """The page index asked for, and the page size."""
        style = STYLES[self.provider]
        if self.provider == "plivo":
            limit = int(params.get("limit", 20))
            return int(params.get("offset", 0)) // limit, limit
        if self.provider == "duoplus":
            return int(params.get("page", 1)) - 1, int(params.get("pagesize", 10))
        if style == "page":
            return int(params.get("page", 1)) - 1, int(params.get("limit", 50))
        name = "pageToken" if self.provider == "bird" else "cursor"
        size = int(params.get("limit", 10))
        if name not in params:
            return 0, size
        return self._tokens[params[name]], size

    def _token(self, index: int) -> str:
        value = self.token_of(index)
        self._tokens[value] = index
        return value

    def answer(self, method: str, url: str, content: bytes) -> tuple[int, bytes]:
        """The status and JSON body for one request."""
        if method == "POST":
            params = dict(json.loads(content or b"{}"))
        else:
            params = dict(parse_qsl(urlsplit(url).query))
        index, size = self._index(params)
        script = self.pages[index] if index < len(self.pages) else Script([], more=False)
        nxt = index + 1 if script.next is None else script.next
        more = script.more if script.more is not None else nxt < len(self.pages)
        total = self.total if script.total is None else script.total
        total_pages = len(self.pages) if script.total_pages is None else script.total_pages
        items = [ITEM_BUILDERS[self.provider](i) for i in script.ids]
        body = self._body(items, index, size, nxt, more, total, total_pages)
        return 200, json.dumps(body).encode()

    def _body(
        self,
        items: list[dict[str, Any]],
        index: int,
        size: int,
        nxt: int,
        more: bool,
        total: int,
        total_pages: int,
    ) -> dict[str, Any]:
        p = self.provider
        if p == "plivo":
            path = f"/v1/Account/{PLIVO_AUTH_ID}/Number/"
            return {
                "api_id": "liar",
                "meta": {
                    "limit": size,
                    "offset": index * size,
                    "total_count": total,
                    "next": f"{path}?limit={size}&offset={nxt * size}" if more else None,
                    "previous": None,
                },
                "objects": items,
            }
        if p == "bird":
            body: dict[str, Any] = {"results": items}
            if more:
                body["nextPageToken"] = self._token(nxt)
            return body
        if p == "butter":
            return {
                "success": True,
                "data": items,
                "pagination": {
                    "next_cursor": self._token(nxt) if more else None,
                    "has_more": more,
                    "page_size": len(items),
                    "total_count": total,
                },
            }
        page = index + 1
        if not more:
            total_pages = min(total_pages, page)
        elif total_pages <= page:
            total_pages = page + 1
        if p == "rounded":
            return {
                "data": items,
                "message": "ok",
                "error": None,
                "status": 200,
                "current_page": page,
                "total_pages": total_pages,
                "total_items": total,
            }
        return {
            "code": 200,
            "message": "Success",
            "data": {
                "list": items,
                "page": page,
                "pagesize": size,
                "total": total,
                "total_page": total_pages,
            },
        }

    # --- serving -----------------------------------------------------------------------
    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        status, body = self.answer(request.method, str(request.url), request.content)
        return httpx.Response(status, content=body, headers={"content-type": "application/json"})

    def http(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self))

    def async_http(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(self))

    def client(self, **kwargs: Any) -> Any:
        kwargs.setdefault("http_client", self.http())
        kwargs.setdefault("base_url", BASE)
        kwargs.setdefault("rate_limit", None)
        return numberhub.client(self.provider, **CREDENTIALS[self.provider], **kwargs)

    def async_client(self, **kwargs: Any) -> Any:
        kwargs.setdefault("http_client", self.async_http())
        kwargs.setdefault("base_url", BASE)
        kwargs.setdefault("rate_limit", None)
        return numberhub.async_client(self.provider, **CREDENTIALS[self.provider], **kwargs)


def ids_of(provider: str, indexes: list[int]) -> list[str]:
    """The ids the items at ``indexes`` carry (the oracle, from the item builders)."""
    return [item_id(provider, ITEM_BUILDERS[provider](i)) for i in indexes]


def pages_of(ids: list[int], size: int) -> list[Script]:
    """An honest script: ``ids`` cut into pages of ``size``."""
    return [Script(ids[k : k + size]) for k in range(0, len(ids), size)]


# --- a real socket ------------------------------------------------------------------------

Mode = Callable[["_Handler"], bool]


class _Handler(http.server.BaseHTTPRequestHandler):
    server: LiarServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the tests read what was sent from the server's counters."""

    def _serve(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        content = self.rfile.read(length) if length else b""
        self.server.hits += 1
        mode = self.server.mode
        if mode is not None and mode(self):
            return
        status, body = self.server.liar.answer(self.command, self.path, content)
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = _serve
    do_POST = _serve


class LiarServer(http.server.ThreadingHTTPServer):
    """A `Liar` on 127.0.0.1; ``mode`` answers a request its own way (returns True)."""

    daemon_threads = True

    def __init__(self, liar: Liar, mode: Mode | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.liar = liar
        self.mode = mode
        self.hits = 0
        self.stop = threading.Event()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> LiarServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=10)


def drip(handler: _Handler) -> bool:
    """A JSON body sent one byte every 50 ms, for ever (until the client hangs up)."""
    handler.send_response(200)
    handler.send_header("content-type", "application/json")
    handler.send_header("content-length", "100000000")
    handler.end_headers()
    try:
        while not handler.server.stop.wait(0.05):
            handler.wfile.write(b" ")
            handler.wfile.flush()
    except OSError:  # the client gave up
        pass
    return True


def gzip_bomb(megabytes: int) -> Mode:
    """A small gzip body that expands to ``megabytes`` MiB of spaces."""
    payload = gzip.compress(b" " * (megabytes * 2**20), compresslevel=9)

    def mode(handler: _Handler) -> bool:
        handler.send_response(200)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-encoding", "gzip")
        handler.send_header("content-length", str(len(payload)))
        handler.end_headers()
        handler.wfile.write(payload)
        return True

    return mode


def raw(status: int, body: bytes, headers: dict[str, str] | None = None) -> Mode:
    """Every answer: this status, body and headers."""

    def mode(handler: _Handler) -> bool:
        handler.send_response(status)
        for key, value in {"content-type": "application/json", **(headers or {})}.items():
            handler.send_header(key, value)
        handler.send_header("content-length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
        return True

    return mode


def wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Poll ``condition`` (a safety net only: the tests do not time anything)."""
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        time.sleep(0.01)
