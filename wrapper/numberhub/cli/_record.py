"""``numberhub check --record DIR`` and ``--corpus DIR``: keep the answers read, or read them again.

`ClientOpener` opens each provider's client for ``check``: as usual, recording every
answer into a corpus (`numberhub._corpus.Recorder`, masked unless ``--no-mask``), or
reading a recorded corpus instead of a provider (`numberhub._corpus.Corpus`), offline.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import click
import httpx
import numberhub_spec

import numberhub
from numberhub._client import SyncClient
from numberhub._client_options import DEFAULT_TIMEOUT
from numberhub._corpus import Corpus, Recorder
from numberhub.cli._catalog import ProviderInfo
from numberhub.cli._errors import EXIT_USAGE, CliError
from numberhub.cli._session import connect

if TYPE_CHECKING:
    from numberhub.mock import MockServer

__all__ = ["NO_MASK_WARNING", "ClientOpener", "open_corpus", "open_recorder"]

NO_MASK_WARNING = (
    "numberhub: warning: --no-mask keeps the answers as they came: the corpus holds real "
    "phone numbers, ids and account data. Keep it private, and never commit or upload it."
)


def open_recorder(directory: str | None, *, mask: bool) -> Recorder | None:
    """The recorder of ``--record DIR`` (None without it); warns on stderr when not masking.

    Raises:
        CliError: DIR is a file or a folder that is not empty (exit code 2).
    """
    if directory is None:
        if not mask:
            raise CliError("--no-mask only applies with --record DIR", EXIT_USAGE)
        return None
    if not mask:
        click.echo(NO_MASK_WARNING, err=True)
    try:
        return Recorder(directory, mask=mask)
    except ValueError as exc:
        raise CliError(f"--record: {exc}", EXIT_USAGE) from None


def open_corpus(directory: str | None) -> Corpus | None:
    """The corpus of ``--corpus DIR`` (None without it).

    Raises:
        CliError: DIR holds no corpus (exit code 2).
    """
    if directory is None:
        return None
    try:
        return Corpus(directory)
    except ValueError as exc:
        raise CliError(f"--corpus: {exc}", EXIT_USAGE) from None


def _secrets(info: ProviderInfo, server: MockServer | None) -> list[str]:
    """Every credential value the provider's client may send."""
    values = [os.environ.get(c.env, "") for c in info.credentials]
    if server is not None:
        from numberhub_mock._credentials import as_map

        values += list(as_map(server.credentials).get(info.name, {}).values())
    return [v for v in values if v]


class ClientOpener:
    """Opens the client ``check`` reads each provider through.

    Args:
        base_url: ``--base-url``.
        mock: ``--mock``.
        server: The running mock, with ``--mock``.
        recorder: With ``--record``: every answer read is kept there.
        corpus: With ``--corpus``: the answers are read from it, not from a provider.
        **options: Client options (``max_retries``, ``timeout``).
    """

    def __init__(
        self,
        *,
        base_url: str | None,
        mock: bool,
        server: MockServer | None,
        recorder: Recorder | None = None,
        corpus: Corpus | None = None,
        **options: Any,
    ) -> None:
        self.base_url = base_url
        self.mock = mock
        self.server = server
        self.recorder = recorder
        self.corpus = corpus
        self.options = options

    def max_pages(self, info: ProviderInfo, wanted: int) -> int:
        """The pages to read: ``wanted``, or with a corpus no more than it holds (2xx ones)."""
        if self.corpus is None:
            return wanted
        pages = [p for p in self.corpus.pages_of(info.name) if 200 <= p.status < 300]
        return max(1, min(wanted, len(pages)))

    @contextlib.contextmanager
    def open(
        self, info: ProviderInfo, *, http_client: httpx.Client | None = None
    ) -> Iterator[SyncClient[Any]]:
        """The client of ``info``'s provider, open for the block.

        Args:
            info: The provider.
            http_client: Send through this client (not with a recorder or a corpus).
        """
        timeout = self.options.get("timeout", DEFAULT_TIMEOUT)
        if self.corpus is not None:
            if not self.corpus.pages_of(info.name):
                raise CliError(f"the corpus holds no answer of {info.name}", EXIT_USAGE)
            from numberhub_mock._credentials import resolve_credentials

            # The mock's documented credentials: they have the shapes clients check, and
            # the corpus answers whatever is sent.
            creds = resolve_credentials((info.name,), environ={})[info.name]
            transport = self.corpus.transport(info.name)
            with (
                httpx.Client(transport=transport, timeout=timeout) as http,
                numberhub.client(
                    info.name,
                    **creds,
                    base_url="http://corpus.invalid",
                    http_client=http,
                    rate_limit=None,
                    max_retries=self.options.get("max_retries", 2),
                ) as client,
            ):
                yield client
            return
        extra: dict[str, Any] = {"http_client": http_client} if http_client is not None else {}
        with contextlib.ExitStack() as stack:
            if self.recorder is not None:
                spec = numberhub_spec.load(info.name)
                hook = self.recorder.hook(spec, _secrets(info, self.server))
                http = httpx.Client(timeout=timeout, event_hooks={"response": [hook]})
                extra["http_client"] = stack.enter_context(http)
            client = stack.enter_context(
                connect(
                    info,
                    base_url=self.base_url,
                    mock=self.mock,
                    server=self.server,
                    **self.options,
                    **extra,
                )
            )
            yield client
