"""Opening a provider's client for a command, and iterating a listing with progress.

The client gets real credentials from the environment, or those of the built-in mock.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

import numberhub
from numberhub._client import SyncClient
from numberhub._errors import InvalidParameterError
from numberhub._models import PhoneNumber
from numberhub._pagers import SyncPager
from numberhub.cli._catalog import ProviderInfo
from numberhub.cli._errors import EXIT_AUTH, CliError, missing_credentials

if TYPE_CHECKING:
    from numberhub.mock import MockServer

__all__ = ["connect", "iterate_with_progress", "stderr_console"]


def stderr_console() -> Console:
    """A console on stderr; rich decides whether it is a terminal."""
    return Console(stderr=True)


@contextlib.contextmanager
def connect(
    info: ProviderInfo,
    *,
    base_url: str | None,
    mock: bool,
    server: MockServer | None = None,
    **options: Any,
) -> Iterator[SyncClient[Any]]:
    """The provider's sync client, open for the duration of the block.

    Args:
        info: The provider.
        base_url: Where to send requests (default: the spec's server, or the mock).
        mock: Start the built-in mock in-process on a free loopback port and use the
            credentials it accepts.
        server: With ``mock``, a running mock to use instead of starting one (so that a
            command checking several providers starts one mock for all).
        **options: Other `numberhub.SyncOptions` (``max_retries``, ``timeout``).

    Raises:
        CliError: Credentials are missing from the environment, or one there is not of
            the form the spec allows (exit code 3, naming the variable, never its value).
    """
    with contextlib.ExitStack() as stack:
        credentials: dict[str, str] = {}
        if mock:
            if server is None:
                from numberhub.mock import MockServer

                server = stack.enter_context(MockServer(providers=[info.name]))
            from numberhub_mock._credentials import of_provider

            credentials = dict(of_provider(server.credentials, info.name))
            base_url = base_url or server.base_url
        else:
            missing = [c.env for c in info.credentials if not os.environ.get(c.env)]
            if missing:
                raise missing_credentials(info.display_name, info.env_vars, missing)
        if base_url:
            options["base_url"] = base_url
        try:
            client = numberhub.client(info.name, **credentials, **options)
        except InvalidParameterError as exc:
            raise _bad_credential(info, exc) or exc from None
        stack.enter_context(client)
        yield client


def _bad_credential(info: ProviderInfo, exc: InvalidParameterError) -> CliError | None:
    """The error naming the environment variable of a refused credential, if it is one."""
    cred = next((c for c in info.credentials if c.name == exc.parameter), None)
    if cred is None:
        return None
    problem = str(exc).rpartition(" is invalid: ")[2] or "it is not of the allowed form"
    return CliError(
        f"invalid value in the environment variable {cred.env} ({info.display_name}'s "
        f"{cred.name}): {problem}",
        EXIT_AUTH,
    )


def iterate_with_progress(
    pager: SyncPager[Any],
    info: ProviderInfo,
    console: Console,
    *,
    max_items: int | None = None,
) -> Iterator[PhoneNumber]:
    """Every number of ``pager``, with a progress bar on ``console``.

    The bar shows only when ``console`` is a terminal and the first page announces the
    total (`SyncPager.total`, capped by ``max_items``).
    """
    show = console.is_terminal
    with contextlib.ExitStack() as stack:
        progress: Progress | None = None
        task = None
        for page in pager.pages():
            if show and progress is None:
                total = pager.total
                if total is not None:
                    if max_items is not None:
                        total = min(total, max_items)
                    progress = stack.enter_context(
                        Progress(
                            TextColumn(f"{info.display_name}"),
                            BarColumn(),
                            MofNCompleteColumn(),
                            TimeElapsedColumn(),
                            console=console,
                            transient=True,
                        )
                    )
                    task = progress.add_task("list", total=total)
                show = progress is not None
            yield from page.items
            if progress is not None and task is not None:
                progress.advance(task, len(page.items))
