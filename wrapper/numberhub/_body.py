"""Reading an answer's body as a stream, within a size cap and a deadline.

A page is read chunk by chunk and decompressed here (gzip and deflate, the encodings the
clients accept), at most ``max_page_bytes`` at a time, so a compressed bomb is refused
once its output passes the cap, before it is expanded any further. The decoded bytes
become ``response.content``; the caller turns them into a page.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import AsyncIterator, Iterator
from typing import Final

import httpx

__all__ = [
    "ACCEPT_ENCODING",
    "DEFAULT_MAX_PAGE_BYTES",
    "BodyTooLarge",
    "DeadlinePassed",
    "aread_body",
    "read_body",
]

#: The largest page body (after decompression) a client reads unless told otherwise:
#: 32 MiB, over a hundred times the largest page any of the providers sends.
DEFAULT_MAX_PAGE_BYTES: Final = 32 * 2**20

#: What the clients send as ``Accept-Encoding``: the encodings `read_body` decodes.
ACCEPT_ENCODING: Final = "gzip, deflate"


class BodyTooLarge(Exception):
    """The body passed the cap (the caller raises the typed error)."""


class DeadlinePassed(Exception):
    """The attempt's deadline passed while the body was arriving."""


class _Decoder:
    """Bounded decoding of one body: ``feed`` raw chunks, then ``result``."""

    def __init__(self, encoding: str | None, cap: int) -> None:
        name = (encoding or "identity").strip().lower()
        self._cap = cap
        self._parts: list[bytes] = []
        self._size = 0
        self._raw_fallback = name == "deflate"
        self._zlib = None
        if name in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif name == "deflate":
            self._zlib = zlib.decompressobj()

    def _add(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self._cap:
            raise BodyTooLarge
        if data:
            self._parts.append(data)

    def feed(self, chunk: bytes) -> None:
        if self._zlib is None:
            self._add(chunk)
            return
        data = chunk
        while data:
            try:
                piece = self._zlib.decompress(data, self._cap - self._size + 1)
            except zlib.error:
                if not self._raw_fallback:
                    raise
                # "deflate" sent without its zlib header, as some servers do
                self._raw_fallback = False
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                continue
            self._raw_fallback = False
            self._add(piece)
            data = self._zlib.unconsumed_tail

    def result(self) -> bytes:
        if self._zlib is not None:
            self._add(self._zlib.flush())
        return b"".join(self._parts)


def _deadline_check(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise DeadlinePassed


def _check_read(response: httpx.Response, cap: int) -> None:
    if len(response.content) > cap:
        raise BodyTooLarge


def _finish(response: httpx.Response, decoder: _Decoder) -> None:
    try:
        content = decoder.result()
    except zlib.error as exc:
        raise httpx.DecodingError(str(exc), request=response.request) from None
    response._content = content  # the decoded body, where httpx's own read() puts it


def read_body(response: httpx.Response, cap: int, deadline: float | None) -> None:
    """Read ``response``'s body (opened with ``stream=True``) into ``response.content``.

    Raises:
        BodyTooLarge: More than ``cap`` bytes once decoded.
        DeadlinePassed: ``deadline`` (a ``time.monotonic()`` value) passed meanwhile.
        httpx.DecodingError: A body that its encoding cannot decode.
    """
    if response.is_stream_consumed:  # read already (a transport that reads, in tests)
        _check_read(response, cap)
        return
    decoder = _Decoder(response.headers.get("content-encoding"), cap)
    chunks: Iterator[bytes] = response.iter_raw()
    try:
        for chunk in chunks:
            decoder.feed(chunk)
            _deadline_check(deadline)
    except zlib.error as exc:
        raise httpx.DecodingError(str(exc), request=response.request) from None
    _finish(response, decoder)


async def aread_body(response: httpx.Response, cap: int) -> None:
    """`read_body` for an async response (its deadline is the caller's cancel scope)."""
    if response.is_stream_consumed:
        _check_read(response, cap)
        return
    decoder = _Decoder(response.headers.get("content-encoding"), cap)
    chunks: AsyncIterator[bytes] = response.aiter_raw()
    try:
        async for chunk in chunks:
            decoder.feed(chunk)
    except zlib.error as exc:
        raise httpx.DecodingError(str(exc), request=response.request) from None
    _finish(response, decoder)
