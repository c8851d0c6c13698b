"""One `httpx.Auth` per security scheme the providers use.

Each keeps its secret out of ``repr``/``str`` and hands it only to the request's headers.
"""

from __future__ import annotations

import base64
from collections.abc import Generator, Mapping

import httpx
from numberhub_spec import Spec

__all__ = ["AccessKeyAuth", "ApiKeyAuth", "BasicAuth", "SecretAuth", "auth_for"]


def _mask(value: str) -> str:
    return "***" if value else "''"


class SecretAuth(httpx.Auth):
    """Sets fixed headers and query parameters, and knows which strings are secret.

    Args:
        headers: Header name -> value.
        secrets: The secret strings among the values (never shown).
        params: Query parameter name -> value (an API key in the query).
    """

    def __init__(
        self,
        headers: Mapping[str, str],
        secrets: tuple[str, ...],
        params: Mapping[str, str] | None = None,
    ) -> None:
        self._headers = dict(headers)
        self._params = dict(params or {})
        self._secrets = tuple(s for s in secrets if s)

    @property
    def secrets(self) -> tuple[str, ...]:
        """The secret strings, so that error text can be scrubbed of them."""
        return self._secrets

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Set the scheme's headers (and query parameters) and send the request once."""
        request.headers.update(self._headers)
        if self._params:
            request.url = request.url.copy_merge_params(self._params)
        yield request

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={_mask(value)}"
            if any(secret in value for secret in self._secrets)
            else f"{name}={value!r}"
            for name, value in {**self._headers, **self._params}.items()
        )
        return f"{type(self).__name__}({shown})"

    __str__ = __repr__


class BasicAuth(SecretAuth):
    """HTTP Basic (Plivo: the Auth ID as user, the Auth Token as password)."""

    def __init__(self, username: str, password: str) -> None:
        token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
        super().__init__({"Authorization": f"Basic {token}"}, (password, token))
        self._username = username

    def __repr__(self) -> str:
        return f"BasicAuth(username={self._username!r}, password=***)"

    __str__ = __repr__


class AccessKeyAuth(SecretAuth):
    """``Authorization: AccessKey <key>`` (Bird)."""

    def __init__(self, access_key: str) -> None:
        super().__init__({"Authorization": f"AccessKey {access_key}"}, (access_key,))


class ApiKeyAuth(SecretAuth):
    """API keys in named headers (Butter, Rounded, DuoPlus).

    Args:
        secret_headers: Header name to secret value (the key itself).
        plain_headers: Header name to a value that is not secret but belongs to the
            scheme (Butter's ``X-Organization-Id``).
    """

    def __init__(
        self, secret_headers: Mapping[str, str], plain_headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(
            {**secret_headers, **(plain_headers or {})}, tuple(secret_headers.values())
        )
        self._plain = dict(plain_headers or {})

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={value!r}" if name in self._plain else f"{name}=***"
            for name, value in self._headers.items()
        )
        return f"ApiKeyAuth({shown})"

    __str__ = __repr__


def auth_for(spec: Spec, creds: Mapping[str, str]) -> SecretAuth:
    """The auth the schemes of ``spec``'s first security requirement ask for.

    HTTP Basic and bearer go into ``Authorization``; an API key into its header, query
    parameter or cookie, after the scheme's prefix (Bird's ``AccessKey ``). Several
    schemes at once (Butter's key and organization) all apply. Values of schemes that
    are tenant ids are not secret.

    Raises:
        ValueError: A scheme numberhub cannot send (OAuth 2, OpenID Connect).
    """
    requirement = spec.operation.security[0] if spec.operation.security else ()
    schemes = [spec.schemes[name] for name in requirement]
    if len(schemes) == 1 and schemes[0].is_basic:
        scheme = schemes[0]
        return BasicAuth(creds[scheme.username or "username"], creds[scheme.credential])
    headers: dict[str, str] = {}
    params: dict[str, str] = {}
    cookies: list[str] = []
    secrets: list[str] = []
    for scheme in schemes:
        if scheme.is_basic:
            user, password = creds[scheme.username or "username"], creds[scheme.credential]
            token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
            headers["Authorization"] = f"Basic {token}"
            secrets += [password, token]
            continue
        value = creds[scheme.credential]
        if scheme.tenant_of is None:
            secrets.append(value)
        if scheme.is_bearer:
            headers["Authorization"] = f"Bearer {value}"
        elif scheme.type == "apiKey" and scheme.parameter:
            sent = scheme.prefix + value
            if scheme.location == "query":
                params[scheme.parameter] = sent
            elif scheme.location == "cookie":
                cookies.append(f"{scheme.parameter}={sent}")
            else:
                headers[scheme.parameter] = sent
            if scheme.tenant_of is None and scheme.prefix:
                secrets.append(sent)
        else:
            raise ValueError(
                f"{spec.display_name}: security scheme {scheme.name!r} is not supported"
            )
    if cookies:
        headers["Cookie"] = "; ".join(cookies)
    return SecretAuth(headers, tuple(secrets), params)
