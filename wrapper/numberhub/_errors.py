"""The exceptions numberhub raises: one hierarchy for every provider."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ._drift import Finding

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "IncompleteListingError",
    "InvalidParameterError",
    "MissingCredentialsError",
    "NotFoundError",
    "NumberhubError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseValidationError",
    "ServerError",
    "error_for_status",
]


class NumberhubError(Exception):
    """Base class of every error numberhub raises."""


class MissingCredentialsError(NumberhubError):
    """A credential was neither passed nor found in its environment variable."""


class InvalidParameterError(NumberhubError, ValueError):
    """An argument failed validation before any request was sent.

    Attributes:
        parameter: The keyword argument at fault, as the caller spelled it.
    """

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter


class ClientClosedError(NumberhubError, RuntimeError):
    """The client was used after it was closed (after its ``with`` block).

    Open a new client, or list inside the block. Raised before any request is sent.
    """


class PaginationError(NumberhubError):
    """The provider's paging made no progress, so the listing stopped.

    A cursor, page token or offset seen before in the listing, pages that bring no new
    number several times in a row, or empty pages that keep saying more follow. The
    message names the kind of position (cursor, page token, offset, page), never its
    value: providers put account ids and phone numbers in cursors.
    """


class APIConnectionError(NumberhubError):
    """The request never got an HTTP answer (DNS, refused connection, broken stream)."""

    def __init__(self, message: str, *, provider: str) -> None:
        super().__init__(message)
        self.provider = provider


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class ResponseValidationError(NumberhubError):
    """An answer that does not fit the provider's spec.

    Raised when a page's structure breaks (paging cannot go on safely), for any drift
    under ``strict=True``, and by ``.raw`` of an item that differs from its schema.

    Attributes:
        provider: The provider's name.
        status: The HTTP status of the answer.
        body: The raw body, as bytes.
        errors: What did not fit, one message per problem (never a value from the body).
        findings: The same as `Finding` objects (path, rule, expected, seen).
        headers: The answer's headers (empty when there was no single answer).
        response: The `httpx.Response`, or None.
    """

    def __init__(
        self,
        message: str,
        *,
        provider: str,
        status: int,
        body: bytes,
        errors: Iterable[str] = (),
        findings: Iterable[Finding] = (),
        headers: Mapping[str, str] | None = None,
        response: Any = None,
    ) -> None:
        super().__init__(message)
        self.provider = provider
        self.status = status
        self.body = body
        self.errors = tuple(errors)
        self.findings = tuple(findings)
        self.headers: Mapping[str, str] = headers if headers is not None else {}
        self.response = response


class IncompleteListingError(ResponseValidationError):
    """A listing ended with another count of numbers than the provider announced.

    Raised under ``strict=True`` once the last page is in (every number was handed out
    before); without it, the same shortfall or surplus is a ``total`` finding in
    ``pager.drift`` and ``pager.report``.

    Attributes:
        announced: The total the provider's answers gave.
        delivered: The distinct numbers the listing delivered.
    """

    def __init__(self, message: str, *, announced: int, delivered: int, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.announced = announced
        self.delivered = delivered


class APIError(NumberhubError):
    """The provider answered with an error.

    ``str(exc)`` names the provider and the status, with the provider's own explanation
    where its body has one (digit runs that could be phone numbers masked, secrets
    removed); ``body`` keeps the answer as it came.

    Attributes:
        status: The HTTP status the error means (for DuoPlus's errors inside an HTTP 200,
            the status its envelope code maps to).
        headers: The answer's headers.
        body: The decoded JSON body, or the text when it is not JSON.
        provider: The provider's name.
        message: The same text as ``str(exc)``.
        response: The `httpx.Response` (None for an error made without one).
    """

    def __init__(
        self,
        message: str,
        *,
        status: int,
        headers: Mapping[str, str],
        body: Any,
        provider: str,
        response: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.headers = headers
        self.body = body
        self.provider = provider
        self.response = response


class BadRequestError(APIError):
    """400 or 422: the provider refused a parameter."""


class AuthenticationError(APIError):
    """401: missing or invalid credentials."""


class PermissionDeniedError(APIError):
    """403: the credentials may not do this."""


class NotFoundError(APIError):
    """404: the account or path does not exist."""


class RateLimitError(APIError):
    """429: too many requests."""


class ServerError(APIError):
    """5xx: the provider failed."""


_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    422: BadRequestError,
    429: RateLimitError,
}


def error_for_status(status: int) -> type[APIError]:
    """The most specific `APIError` subclass for an HTTP status."""
    if status >= 500:
        return ServerError
    return _BY_STATUS.get(status, APIError)
