"""What the mock reads of an HTTP request, and the reply it sends."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Reply", "Request"]


@dataclass(slots=True)
class Request:
    """What a service needs of an HTTP request.

    Attributes:
        method: ``GET``, ``POST``...
        path: The URL path.
        path_params: The path template's parameters, by name.
        query: The query string's pairs, in order (repeated keys repeated).
        headers: The headers, by lower-case name.
        body: The raw body.
    """

    method: str
    path: str
    path_params: dict[str, str]
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes = b""


@dataclass(slots=True)
class Reply:
    """An HTTP response: status, extra headers and a JSON body."""

    status: int
    body: bytes
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
