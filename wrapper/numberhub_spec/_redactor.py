"""Taking a provider's credential values out of a request, by what its spec marks as one.

One rule for every place that shows a request: the mock's journal, numberhub's log lines
A credential is a path parameter, query parameter or body property whose value a
credential supplies (`Parameter.credential`, such as Plivo's ``auth_id``), or an ``apiKey``
scheme's query parameter; its value becomes ``REDACTED``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import orjson

from ._spec import Spec

__all__ = ["REDACTED", "Redactor"]

REDACTED = "REDACTED"
"""What stands for a credential value wherever a request is shown."""

_PATH_CACHE = 1024

Query = bytes | tuple[tuple[str, str], ...]
"""A query as kept: the raw string, or its pairs once a credential was replaced."""


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
