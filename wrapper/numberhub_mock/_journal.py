"""The request journal: what the code under test sent, with every credential taken out.

Like WireMock's ``/__admin/requests``: each request the mock receives is recorded in
arrival order (``MockApp.requests``, ``MockServer.requests``, ``GET /_numberhub/requests``)
with its provider, method, path, query, JSON body, the status answered, the time, why
the mock refused it (``error``) and the fault it injected (``fault``).
Headers are not recorded at all, and credential values that travel elsewhere are
replaced by ``REDACTED``: a path segment that carries one (Plivo's ``auth_id``), a query
parameter that is a credential or an ``apiKey`` scheme's parameter, a body property that
is one.

A kept entry is a tuple of atomic values (strings, bytes, a float): the garbage collector
stops tracking such tuples, so that a full journal adds nothing to a collection's work.
The query and body are kept as received (or, when a credential was taken out, as
redacted pairs and JSON bytes) and parsed when the journal is read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import parse_qsl

import orjson
from numberhub_spec import REDACTED, Redactor

__all__ = [
    "REDACTED",
    "Entry",
    "Query",
    "RecordedRequest",
    "Redactor",
    "plain_query",
    "recorded",
]


Query = bytes | tuple[tuple[str, str], ...]
"""A kept query: the raw query string, or its pairs once a credential was replaced."""
Entry = tuple[str | None, str, str, Query, bytes | None, float]
"""A journal entry while it is kept: provider, method, path, query, JSON body (bytes) and
arrival time (the status is kept beside it, set when the answer is sent)."""


@dataclass(slots=True)
class RecordedRequest:
    """One request the mock received.

    Attributes:
        provider: The provider it was routed to (None for an unknown path).
        method: ``GET``, ``POST``...
        path: The URL path, credential segments replaced by ``REDACTED``.
        query: The query parameters, each name with its values in order.
        body: The JSON body (None when empty or not JSON).
        status: The status answered (None while in flight, or when the connection was
            dropped without an answer).
        time: When it arrived, in seconds since the epoch.
        error: Why the mock refused it (the validation error, the refused credential,
            the rate limit...), None when it was served or faulted.
        fault: The fault the mock injected (``status=503``, ``drop``, ``drift``...), or None.
    """

    provider: str | None
    method: str
    path: str
    query: dict[str, list[str]]
    body: Any
    status: int | None
    time: float
    error: str | None = None
    fault: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-ready values; ``time`` as ISO 8601 UTC."""
        return {**asdict(self), "time": dt.datetime.fromtimestamp(self.time, dt.UTC).isoformat()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RecordedRequest:
        """The record of ``to_dict``'s output (or a stored row)."""
        when = data["time"]
        when = dt.datetime.fromisoformat(when).timestamp() if isinstance(when, str) else when
        return cls(**{**data, "time": float(when)})


def plain_query(
    pairs: Sequence[tuple[str, str]], secrets: frozenset[str]
) -> tuple[tuple[str, str], ...]:
    """The query of a request no provider serves, any known credential value replaced."""
    return tuple((k, REDACTED if v in secrets else v) for k, v in pairs)


def recorded(
    entry: Entry, status: int | None, error: str | None = None, fault: str | None = None
) -> RecordedRequest:
    """The record of a kept entry, its query and body parsed."""
    provider, method, path, query, raw, when = entry
    if isinstance(query, bytes):
        query = tuple(parse_qsl(query.decode("latin-1"), keep_blank_values=True))
    out: dict[str, list[str]] = {}
    for k, v in query:
        out.setdefault(k, []).append(v)
    body = None
    if raw is not None:
        with contextlib.suppress(orjson.JSONDecodeError):
            body = orjson.loads(raw)
    return RecordedRequest(provider, method, path, out, body, status, when, error, fault)
