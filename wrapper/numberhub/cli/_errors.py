"""How the CLI reports failures: one line on stderr and an exit code per kind of failure.

=====  ==========================================================================
code   meaning
=====  ==========================================================================
0      success
1      an unexpected internal error (``--debug`` shows the traceback)
2      usage or bad input: an unknown option, a filter value the spec refuses
3      authentication: missing, invalid or refused credentials
4      the provider answered with an error (rate limit exhausted, 5xx, a body
       that does not fit the spec, paging that does not advance)
5      network: the provider could not be reached or timed out
6      drift: ``numberhub check`` found answers that differ from the spec
7      incomplete listing: with ``--strict``, fewer (or more) numbers than the
       provider announced
8      breaking spec change: ``numberhub spec diff`` found a change that breaks a
       caller
9      could not serve: ``numberhub mock`` could not bind its address or port
130    interrupted (Ctrl-C); json, jsonl and csv output is still a valid document
=====  ==========================================================================

When a listing fails after some rows, the rows so far are closed into a valid document
on stdout, then the failure's line and code follow.
"""

from __future__ import annotations

from typing import IO, Any

import click
import httpx

from numberhub._errors import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    IncompleteListingError,
    InvalidParameterError,
    MissingCredentialsError,
    NumberhubError,
    PermissionDeniedError,
    RateLimitError,
)

__all__ = [
    "EXIT_API",
    "EXIT_AUTH",
    "EXIT_BREAKING",
    "EXIT_DRIFT",
    "EXIT_INCOMPLETE",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_NETWORK",
    "EXIT_UNSERVED",
    "EXIT_USAGE",
    "CliError",
    "from_exception",
    "missing_credentials",
]

EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_API = 4
EXIT_NETWORK = 5
EXIT_DRIFT = 6
EXIT_INCOMPLETE = 7
EXIT_BREAKING = 8
EXIT_UNSERVED = 9
EXIT_INTERRUPTED = 130


class CliError(click.ClickException):
    """A failure shown as one line, ``numberhub: <message>``, with its own exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        # click declares exit_code a ClassVar; each CliError carries its own.
        self.exit_code = exit_code  # type: ignore[misc]

    def show(self, file: IO[Any] | None = None) -> None:
        """Write the message to stderr (or ``file``)."""
        click.echo(f"numberhub: {self.format_message()}", file=file, err=file is None)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _tried(exc: BaseException) -> str:
    """`` (tried HOST:PORT)`` for a failure below HTTP, from the httpx error behind it.

    Only the host and port: never the path or query, where a tenant id or a key may be.
    """
    seen: BaseException | None = exc
    for _ in range(8):
        seen = seen.__cause__ or seen.__context__ if seen is not None else None
        if isinstance(seen, httpx.RequestError):
            try:
                url = seen.request.url
            except RuntimeError:  # an error raised without its request
                return ""
            port = url.port or {"http": 80, "https": 443}.get(url.scheme)
            host = f"[{url.host}]" if ":" in url.host else url.host
            return f" (tried {host}:{port})" if port else f" (tried {host})"
    return ""


def _from_environment(exc: InvalidParameterError) -> bool:
    """Whether the bad value was read from an environment variable (``PLIVO_BASE_URL``)."""
    return exc.parameter.isupper()


def from_exception(exc: BaseException) -> CliError:
    """The `CliError` for an exception raised by a command."""
    if isinstance(exc, click.UsageError):
        hint = ""
        if exc.ctx is not None:
            hint = f" (see '{exc.ctx.command_path} --help')"
        return CliError(_one_line(exc.format_message()) + hint, EXIT_USAGE)
    if isinstance(exc, InvalidParameterError):
        detail = _one_line(str(exc)).removeprefix(f"{exc.parameter}: ")
        if _from_environment(exc):
            return CliError(
                f"invalid value in the environment variable {exc.parameter}: {detail}",
                EXIT_USAGE,
            )
        option = "--" + exc.parameter.replace("_", "-")
        return CliError(f"invalid value for {option}: {detail}", EXIT_USAGE)
    if isinstance(exc, MissingCredentialsError):
        return CliError(_one_line(str(exc)), EXIT_AUTH)
    if isinstance(exc, AuthenticationError | PermissionDeniedError):
        return CliError(
            f"authentication failed: {_one_line(str(exc))}. Check the credentials in the "
            "environment (see 'numberhub providers').",
            EXIT_AUTH,
        )
    if isinstance(exc, RateLimitError):
        return CliError(
            f"rate limit exhausted: {_one_line(str(exc))} (retries used up; try again later "
            "or raise --max-retries)",
            EXIT_API,
        )
    if isinstance(exc, IncompleteListingError):  # --strict, after the rows so far
        return CliError(f"incomplete listing: {_one_line(str(exc))}", EXIT_INCOMPLETE)
    if isinstance(exc, APIConnectionError):
        return CliError(f"network error: {_one_line(str(exc))}{_tried(exc)}", EXIT_NETWORK)
    if isinstance(exc, APIError | NumberhubError):
        return CliError(f"provider error: {_one_line(str(exc))}", EXIT_API)
    name = type(exc).__name__
    return CliError(
        f"internal error: {name}: {_one_line(str(exc))} (run 'numberhub --debug ...' for the "
        "traceback)",
        EXIT_INTERNAL,
    )


def missing_credentials(
    display_name: str, env_vars: tuple[str, ...], missing: list[str]
) -> CliError:
    """The one-paragraph error for credentials found neither in options nor the environment."""
    exports = " ".join(f"{var}=..." for var in env_vars)
    return CliError(
        f"no credentials for {display_name}: set the environment variable"
        f"{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
        f"(e.g. export {exports}), or add --mock to list from numberhub's built-in mock "
        "server instead, which needs no account.",
        EXIT_AUTH,
    )
