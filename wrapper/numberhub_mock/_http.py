"""What the mock reads of an HTTP request, the reply it sends, and how it sends it (ASGI)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

__all__ = [
    "Receive",
    "Reply",
    "Request",
    "Scope",
    "Send",
    "drop",
    "lifespan",
    "send_reply",
    "truncate",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

_JSON = (b"content-type", b"application/json")


@dataclass(slots=True)
class Request:
    """What a service needs of an HTTP request.

    Attributes:
        method: ``GET``, ``POST``...
        path: The URL path.
        path_params: The path template's parameters, by name.
        headers: The headers, by lower-case name.
        body: The raw body.
        query_string: The raw query string (its pairs are parsed when first read).
    """

    method: str
    path: str
    path_params: dict[str, str]
    headers: dict[str, str]
    body: bytes = b""
    query_string: bytes = b""
    _query: list[tuple[str, str]] | None = field(default=None, init=False, repr=False)

    @property
    def query(self) -> list[tuple[str, str]]:
        """The query string's pairs, in order (repeated keys repeated)."""
        if self._query is None:
            raw = self.query_string.decode("latin-1")
            self._query = parse_qsl(raw, keep_blank_values=True)
        return self._query


@dataclass(slots=True)
class Reply:
    """An HTTP response: status, extra headers, a JSON body, and why a refusal refuses."""

    status: int
    body: bytes
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    reason: str | None = None


def _start(reply: Reply) -> Message:
    headers = [_JSON, (b"content-length", str(len(reply.body)).encode()), *reply.headers]
    return {"type": "http.response.start", "status": reply.status, "headers": headers}


async def send_reply(send: Send, reply: Reply) -> None:
    await send(_start(reply))
    await send({"type": "http.response.body", "body": reply.body})


def _transport(send: Send, error: str) -> Any:
    """The socket transport behind uvicorn's ``send``.

    Under other servers (httpx.ASGITransport), where there is no socket to close, raise
    the ``httpx.RemoteProtocolError`` a client would get instead.
    """
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if transport is None:
        import httpx

        raise httpx.RemoteProtocolError(error)
    return transport


async def drop(send: Send) -> None:
    """Close the connection without a response."""
    _transport(send, "Server disconnected without sending a response.").abort()
    await asyncio.sleep(0)  # let the server see the connection is gone


async def truncate(send: Send, reply: Reply) -> None:
    """Promise the whole body, send half of it, then close the connection."""
    await send(_start(reply))
    half = reply.body[: len(reply.body) // 2]
    transport = _transport(
        send,
        "peer closed connection without sending complete message body "
        f"(received {len(half)} bytes, expected {len(reply.body)})",
    )
    await send({"type": "http.response.body", "body": half, "more_body": True})
    transport.close()
    await asyncio.sleep(0)


async def lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
