"""Who may call: the credentials each security scheme wants, and the tenants they own.

The spec model gives the security schemes, the requirements and the tenant parameters
(``x-numberhub-tenant-of``); this module decides, for one request, whether it carries the
credentials the mock accepts and names their own tenant.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass

from numberhub_spec import SecurityScheme, Spec

from ._credentials import scheme_value
from ._http import Request

__all__ = ["Access", "Refusal"]

_SEEN_LIMIT = 1024


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a request is refused: an error kind, and a message (None: the provider's own)."""

    kind: str
    status: int | None = None
    message: str | None = None


def _carried(scheme: SecurityScheme, request: Request) -> str | None:
    """What the request sends for ``scheme`` (after the scheme word for HTTP schemes)."""
    if scheme.type == "http":
        word, _, value = request.headers.get("authorization", "").strip().partition(" ")
        return value.strip() if word.lower() == (scheme.scheme or "") else None
    if scheme.type == "apiKey":
        name = scheme.parameter or ""
        if scheme.location == "header":
            return " ".join(request.headers.get(name.lower(), "").split())
        if scheme.location == "query":
            return next((v for k, v in request.query if k == name), "")
    return None


class Access:
    """The security of one provider's operation.

    Args:
        spec: The provider's spec.
        credentials: The credentials the mock accepts for it.
    """

    def __init__(self, spec: Spec, credentials: Mapping[str, str]) -> None:
        self.schemes = spec.schemes
        self.requirements = spec.operation.security or ((),)
        self.credentials = dict(credentials)
        self.tenants = [p for p in spec.operation.parameters if p.tenant_of is not None]
        # What a refusal depends on, to remember the answer for the same credentials.
        used = [self.schemes[n] for r in self.requirements for n in r if n in self.schemes]
        reads = {("header", "authorization") for s in used if s.type == "http"}
        reads |= {(s.location or "", s.parameter or "") for s in used if s.type == "apiKey"}
        reads |= {(p.location, p.name) for p in self.tenants}
        self._headers = tuple(sorted({n.lower() for where, n in reads if where == "header"}))
        self._query = tuple(sorted(n for where, n in reads if where == "query"))
        self._path = tuple(sorted(n for where, n in reads if where == "path"))
        self._seen: dict[tuple[object, ...], Refusal | None] = {}

    def _passes(self, name: str, request: Request) -> bool:
        scheme = self.schemes.get(name)
        if scheme is None:
            return False
        expected, got = scheme_value(scheme, self.credentials), _carried(scheme, request)
        if expected is None or got is None:
            return False
        if scheme.is_basic:
            try:
                return base64.b64decode(got, validate=True) == base64.b64decode(expected)
            except ValueError:  # binascii.Error too
                return False
        if scheme.type == "apiKey":
            return got == " ".join(expected.split())
        return got == expected

    def refusal(self, request: Request) -> Refusal | None:
        """None when the credentials (and tenant) are right; else why not."""
        headers, params = request.headers, request.path_params
        key: tuple[object, ...] = (
            *[headers.get(h) for h in self._headers],
            *[params.get(p) for p in self._path],
        )
        if self._query:
            query = request.query
            key += tuple(next((v for k, v in query if k == q), None) for q in self._query)
        if key not in self._seen:
            if len(self._seen) >= _SEEN_LIMIT:
                self._seen.clear()
            self._seen[key] = self._refusal(request)
        return self._seen[key]

    def _refusal(self, request: Request) -> Refusal | None:
        tenant_failure = False
        for requirement in self.requirements:
            failing = [name for name in requirement if not self._passes(name, request)]
            if not failing:
                break
            # Only schemes naming the tenant of a scheme that passed are failing.
            owners = [getattr(self.schemes.get(n), "tenant_of", None) for n in failing]
            tenant_failure |= all(o in requirement and o not in failing for o in owners)
        else:
            if tenant_failure:
                message = "The organization is not the one of this API key"
                return Refusal("tenant", status=401, message=message)
            return Refusal("auth")
        for p in self.tenants:
            expected = self.credentials.get(p.credential or "")
            path = p.location == "path"
            got = request.path_params.get(p.name) if path else request.headers.get(p.name.lower())
            if expected is None or got is None or got.lower() != expected.lower():
                message = f"{p.name} {got!r} does not belong to these credentials"
                return Refusal("tenant", message=message)
        return None
