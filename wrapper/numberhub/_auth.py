"""One `httpx.Auth` per security scheme the providers use.

Each keeps its secret out of ``repr``/``str`` and hands it only to the request's headers.
"""

from __future__ import annotations

import base64
from collections.abc import Generator, Mapping

import httpx

__all__ = ["AccessKeyAuth", "ApiKeyAuth", "BasicAuth", "SecretAuth"]


def _mask(value: str) -> str:
    return "***" if value else "''"


class SecretAuth(httpx.Auth):
    """Base of the schemes below: sets fixed headers, and knows which strings are secret."""

    def __init__(self, headers: Mapping[str, str], secrets: tuple[str, ...]) -> None:
        self._headers = dict(headers)
        self._secrets = tuple(s for s in secrets if s)

    @property
    def secrets(self) -> tuple[str, ...]:
        """The secret strings, so that error text can be scrubbed of them."""
        return self._secrets

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Set the scheme's headers and send the request once."""
        request.headers.update(self._headers)
        yield request

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={_mask(value)}" for name, value in self._headers.items())
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
