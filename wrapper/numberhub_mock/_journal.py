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
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import parse_qsl

import orjson
from numberhub_spec import Spec

__all__ = [
    "REDACTED",
    "Entry",
    "Query",
    "RecordedRequest",
    "Redactor",
    "plain_query",
    "recorded",
]

REDACTED = "REDACTED"
"""What stands in the journal for a credential value."""


Query = bytes | tuple[tuple[str, str], ...]
"""A kept query: the raw query string, or its pairs once a credential was replaced."""
Entry = tuple[str | None, str, str, Query, bytes | None, float]
"""A journal entry while it is kept: provider, method, path, query, JSON body (bytes) and
arrival time (the status is kept beside it, set when the answer is sent)."""

_PATH_CACHE = 1024


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
        out = asdict(self)
        out["time"] = dt.datetime.fromtimestamp(self.time, dt.UTC).isoformat()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RecordedRequest:
        """The record of ``to_dict``'s output (or a stored row)."""
        when = data["time"]
        if isinstance(when, str):
            when = dt.datetime.fromisoformat(when).timestamp()
        return cls(
            data["provider"],
            data["method"],
            data["path"],
            {k: list(v) for k, v in data["query"].items()},
            data["body"],
            data["status"],
            float(when),
            data.get("error"),
            data.get("fault"),
        )


class Redactor:
    """Takes one provider's credential values out of a request's path, query and body.

    Args:
        spec: The provider's spec (it says which parameters are credentials).
    """

    def __init__(self, spec: Spec) -> None:
        params = spec.operation.parameters
        self.path_names = {p.name for p in params if p.location == "path" and p.credential}
        self.query_names = {p.name for p in params if p.location == "query" and p.credential}
        self.query_names |= {
            s.parameter for s in spec.schemes.values() if s.location == "query" and s.parameter
        }
        self.body_names = {p.name for p in params if p.location == "body" and p.credential}
        self.template = spec.operation.path
        self._paths: dict[str, str] = {}

    def path(self, path: str, path_params: dict[str, str]) -> str:
        """``path`` with the credential path parameters' segments replaced."""
        if not self.path_names:
            return path
        done = self._paths.get(path)
        if done is not None:
            return done
        if len(self._paths) >= _PATH_CACHE:
            self._paths.clear()
        done = self._paths[path] = self._redact_path(path, path_params)
        return done

    def _redact_path(self, path: str, path_params: dict[str, str]) -> str:
        if path_params:
            out = self.template
            for name, value in path_params.items():
                out = out.replace("{" + name + "}", REDACTED if name in self.path_names else value)
            return out
        # Not routed (a near miss): redact segment by segment against the template.
        parts, tparts = path.split("/"), self.template.split("/")
        for k, (a, b) in enumerate(zip(parts, tparts, strict=False)):
            if b.startswith("{") and b[1:-1] in self.path_names:
                parts[k] = REDACTED
            elif a != b and not b.startswith("{"):
                break
        return "/".join(parts)

    def query(self, raw: bytes, pairs: Callable[[], Sequence[tuple[str, str]]]) -> Query:
        """The query to keep: ``raw`` as it is, unless a credential parameter is in it."""
        names = self.query_names
        if not names:
            return raw
        return tuple((k, REDACTED if k in names else v) for k, v in pairs())

    def body(self, raw: bytes) -> bytes | None:
        """The body to keep: credential properties replaced (None when empty)."""
        if not raw.strip():
            return None
        if not self.body_names:
            return raw
        try:
            body = orjson.loads(raw)
        except orjson.JSONDecodeError:
            return None
        if isinstance(body, dict):
            for name in self.body_names & body.keys():
                body[name] = REDACTED
        return orjson.dumps(body)


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
    pairs = (
        parse_qsl(query.decode("latin-1"), keep_blank_values=True)
        if isinstance(query, bytes)
        else query
    )
    out: dict[str, list[str]] = {}
    for k, v in pairs:
        out.setdefault(k, []).append(v)
    body = None
    if raw is not None:
        with contextlib.suppress(orjson.JSONDecodeError):
            body = orjson.loads(raw)
    return RecordedRequest(provider, method, path, out, body, status, when, error, fault)
