"""The list operation: its answers, retries, rate limit, error envelope and item order."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import attrs

from ._jsonpath import JsonPath
from ._params import Parameter

__all__ = [
    "EnvelopeSpec",
    "Operation",
    "OrderSpec",
    "RateLimitSpec",
    "ResponseSpec",
    "RetrySpec",
]


@attrs.frozen
class ResponseSpec:
    """One documented answer.

    Attributes:
        status: ``"200"``, ``"4XX"``, ``"default"``...
        description: The spec's description.
        media_types: The documented media types of its body (lower case).
        schema: Its JSON body's schema (``$ref`` into the components), or None.
        headers: The documented header names (lower case).
    """

    status: str
    description: str = ""
    media_types: tuple[str, ...] = ()
    schema: Mapping[str, Any] | None = attrs.field(default=None, repr=False)
    headers: tuple[str, ...] = ()


@attrs.frozen
class RateLimitSpec:
    """``x-numberhub-rate-limit``: at most ``requests`` in any ``per_seconds`` seconds."""

    requests: int
    per_seconds: float
    scope: str = ""
    documented: bool = True
    note: str = ""

    @classmethod
    def of(cls, ext: Mapping[str, Any] | None) -> RateLimitSpec | None:
        """Read the extension, or None when the spec has none."""
        if not ext:
            return None
        return cls(
            int(ext["requests"]),
            float(ext["per_seconds"]),
            str(ext.get("scope", "")),
            bool(ext.get("documented", True)),
            str(ext.get("note", "")),
        )


@attrs.frozen
class RetrySpec:
    """``x-speakeasy-retries``: which failures to retry and how long to back off.

    Attributes:
        initial_interval: Seconds before the first retry.
        max_interval: The longest wait between two tries, in seconds.
        max_elapsed: Seconds after which to stop retrying.
        exponent: The backoff's growth factor.
        status_codes: Statuses to retry (``"429"``, ``"5XX"``).
        connection_errors: Whether to retry when no answer came.
    """

    initial_interval: float = 0.5
    max_interval: float = 8.0
    max_elapsed: float = 60.0
    exponent: float = 2.0
    status_codes: tuple[str, ...] = ("408", "409", "429", "5XX")
    connection_errors: bool = True

    @classmethod
    def of(cls, ext: Mapping[str, Any] | None) -> RetrySpec:
        """Read the extension; the defaults where the spec has none."""
        if not ext:
            return cls()
        backoff = ext.get("backoff") or {}
        return cls(
            initial_interval=float(backoff.get("initialInterval", 500)) / 1000,
            max_interval=float(backoff.get("maxInterval", 8000)) / 1000,
            max_elapsed=float(backoff.get("maxElapsedTime", 60000)) / 1000,
            exponent=float(backoff.get("exponent", 2)),
            status_codes=tuple(str(c) for c in ext.get("statusCodes", cls.status_codes)),
            connection_errors=bool(ext.get("retryConnectionErrors", True)),
        )

    def retries_status(self, status: int) -> bool:
        """Whether an answer with ``status`` is retried."""
        text = str(status)
        return any(
            code == text or (code.upper().endswith("XX") and code[0] == text[0])
            for code in self.status_codes
        )


@attrs.frozen
class EnvelopeSpec:
    """``x-numberhub-envelope``: errors reported inside an HTTP 200 body (DuoPlus).

    Attributes:
        code: Where the envelope's code is.
        message: Where its message is, if anywhere.
        success: The code that means success.
        codes: Envelope code -> the HTTP status it means.
    """

    code: JsonPath
    success: Any
    message: JsonPath | None = None
    codes: Mapping[str, int] = attrs.field(factory=dict)

    @classmethod
    def of(cls, ext: Mapping[str, Any] | None) -> EnvelopeSpec | None:
        """Read the extension, or None when the spec has none."""
        if not ext:
            return None
        return cls(
            JsonPath(ext["code"]),
            ext["success"],
            JsonPath(ext["message"]) if ext.get("message") else None,
            {str(k): int(v) for k, v in (ext.get("codes") or {}).items()},
        )


@attrs.frozen
class OrderSpec:
    """``x-numberhub-order``: the order items come in when no sort is asked for."""

    by: str
    direction: Literal["asc", "desc"] = "asc"

    @classmethod
    def of(cls, ext: Mapping[str, Any] | None) -> OrderSpec | None:
        """Read the extension, or None when the spec has none."""
        return cls(ext["by"], ext.get("direction", "asc")) if ext else None


@attrs.frozen
class Operation:
    """The spec's one ``list_numbers`` operation.

    Attributes:
        method: ``GET``, ``POST``...
        path: The path template (``/v1/Account/{auth_id}/Number/``).
        parameters: Every parameter: query, header and path ones, then the JSON body's
            properties (``location == "body"``).
        responses: The documented answers, by status.
        security: The security requirements (alternatives, each a tuple of scheme names).
        body_required: Whether the JSON body is required.
        body_schema: The JSON body's schema, when the operation takes one.
        summary: The spec's summary.
        description: The spec's description.
        extensions: Its ``x-`` keys, as written.
    """

    method: str
    path: str
    parameters: tuple[Parameter, ...]
    responses: Mapping[str, ResponseSpec]
    security: tuple[tuple[str, ...], ...] = ()
    body_required: bool = False
    body_schema: Mapping[str, Any] | None = attrs.field(default=None, repr=False)
    summary: str = ""
    description: str = ""
    extensions: Mapping[str, Any] = attrs.field(factory=dict, repr=False)

    @property
    def has_body(self) -> bool:
        """Whether the request carries a JSON body."""
        return self.body_schema is not None

    def parameter(self, name: str) -> Parameter:
        """The parameter whose spec name is ``name``.

        Raises:
            KeyError: There is none.
        """
        for param in self.parameters:
            if param.name == name:
                return param
        raise KeyError(name)

    @property
    def success(self) -> ResponseSpec:
        """The first documented 2xx answer."""
        return next(r for s, r in sorted(self.responses.items()) if s.startswith("2"))
