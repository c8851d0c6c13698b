"""The request journal: what the code under test sent, with every credential taken out.

Like WireMock's ``/__admin/requests``: each request the mock receives is recorded in
arrival order (``MockApp.requests``, ``MockServer.requests``, ``GET /_numberhub/requests``)
with its provider, method, path, query, JSON body, the status answered, the time, why
the mock refused it (``error``) and the fault it injected (``fault``).
Headers are not recorded at all, and credential values that travel elsewhere are
replaced by ``REDACTED``: a path segment that carries one (Plivo's ``auth_id``), a query
parameter that is a credential or an ``apiKey`` scheme's parameter, a body property that
is one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import orjson
from numberhub_spec import Spec

__all__ = ["REDACTED", "Entry", "RecordedRequest", "Redactor", "plain_query"]

REDACTED = "REDACTED"
"""What stands in the journal for a credential value."""


Entry = list[Any]
"""A journal entry while it is kept: ``RecordedRequest``'s fields, in order, in a list
(cheaper to make per request; the status is set when the answer is sent)."""

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

    def query(self, pairs: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
        """The query as ``{name: [values]}``, credential values replaced."""
        out: dict[str, list[str]] = {}
        names = self.query_names
        for k, v in pairs:
            out.setdefault(k, []).append(REDACTED if k in names else v)
        return out

    def body(self, raw: bytes) -> Any:
        """The JSON body, credential properties replaced (None when empty or not JSON)."""
        if not raw.strip():
            return None
        try:
            body = orjson.loads(raw)
        except orjson.JSONDecodeError:
            return None
        if self.body_names and isinstance(body, dict):
            for name in self.body_names & body.keys():
                body[name] = REDACTED
        return body


def plain_query(pairs: Sequence[tuple[str, str]], secrets: frozenset[str]) -> dict[str, list[str]]:
    """The query of a request no provider serves, any known credential value replaced."""
    out: dict[str, list[str]] = {}
    for k, v in pairs:
        out.setdefault(k, []).append(REDACTED if v in secrets else v)
    return out
