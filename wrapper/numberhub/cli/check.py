"""``numberhub check [PROVIDER ...]``: does each provider still answer as its spec says?

For each provider it reads up to ``--max-pages`` pages of the list operation (only reads,
within the provider's rate limit, with the client's retries) through `numberhub.probe`'s
conformance mode, and reports every difference from the spec once per path and rule,
with its count. A report holds no value from any answer (answers carry phone numbers)
and no secret, so it can be printed, logged or uploaded as it is.

Exit codes are those of ``numberhub list``, plus `EXIT_DRIFT` (6) when any answer
differs from its spec. When several providers are checked, a failure of one (refused
credentials, network) is reported on stderr and the others are still checked; the exit
code is then the first failure's.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import warnings
from collections.abc import Iterator
from typing import Any

import click
from numberhub_spec import provider_names
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from numberhub._conformance import Conformance, probe
from numberhub._drift import DriftWarning
from numberhub._errors import NumberhubError
from numberhub.cli._catalog import ProviderInfo, provider_info
from numberhub.cli._errors import EXIT_AUTH, EXIT_DRIFT, EXIT_USAGE, CliError, from_exception
from numberhub.cli._options import check_base_url
from numberhub.cli._record import ClientOpener, open_corpus, open_recorder
from numberhub.cli._replay import replay_journal

__all__ = ["check", "report", "write_text"]

# Seven or more digits in a row, allowing one separator between them: what a phone
# number looks like in free text. A provider's error message could echo one back.
_NUMBER_LIKE = re.compile(r"\+?\d(?:[\s().-]?\d){6,}")


def _redacted(text: str) -> str:
    """``text`` with anything that could be a phone number replaced by ``<number>``."""
    return _NUMBER_LIKE.sub("<number>", text)


def report(result: Conformance) -> dict[str, Any]:
    """One provider's report, as ``--format json`` prints it.

    ``{"provider", "pages", "items", "findings": [{"path", "rule", "expected", "seen",
    "status", "count"}], "stopped"}``; ``stopped`` says why reading ended early (a page
    whose structure broke), or is null.
    """
    return {**result.to_dict(), "stopped": result.stopped}


def _summary(info: ProviderInfo, result: Conformance) -> str:
    pages = f"{result.pages} page{'s' if result.pages != 1 else ''}"
    items = f"{result.items} item{'s' if result.items != 1 else ''}"
    head = f"{info.display_name} ({info.name}): {pages}, {items} read"
    if result.conforms:
        return f"{head}; every answer fits its spec."
    count = len(result.findings)
    return f"{head}; {count} difference{'s' if count != 1 else ''} from its spec:"


def write_text(info: ProviderInfo, result: Conformance, console: Console) -> None:
    """One provider's report as a short table a maintainer reads to fix the spec."""
    console.print(Text(_summary(info, result)))
    if result.findings:
        table = Table(box=box.SIMPLE, header_style="bold", pad_edge=False, show_edge=False)
        for name in ("path", "rule", "expected", "seen"):
            table.add_column(name, overflow="fold")
        table.add_column("count", justify="right")
        for f in result.findings:
            path = f.path if f.status == 200 else f"{f.path} (HTTP {f.status})"
            cells = (path, f.rule, f.expected, f.seen, str(f.count))
            table.add_row(*(Text(cell) for cell in cells))
        console.print(table)
    if result.stopped:
        console.print(Text(f"Stopped after page {result.pages}: {result.stopped}."))


def _chosen(names: tuple[str, ...], mock: bool) -> list[ProviderInfo]:
    """The providers to check: those named, else (``--mock``) all, else those with credentials.

    Raises:
        CliError: None was named and no provider's credentials are set (exit code 3, as
            for missing credentials in every command).
    """
    if names:
        return [provider_info(name) for name in dict.fromkeys(names)]
    every = [provider_info(name) for name in provider_names()]
    if mock:
        return every
    chosen, skipped = [], []
    for info in every:
        missing = [env for env in info.env_vars if not os.environ.get(env)]
        if missing:
            skipped.append((info, missing))
        else:
            chosen.append(info)
    if not chosen:
        needs = "; ".join(f"{info.name}: {', '.join(info.env_vars)}" for info in every)
        raise CliError(
            f"nothing to check: no provider's credentials are set ({needs}). Set one "
            "provider's variables, or add --mock to check numberhub's built-in mock.",
            EXIT_AUTH,
        )
    for info, missing in skipped:
        click.echo(f"numberhub: skipping {info.name}: {', '.join(missing)} not set", err=True)
    return chosen


@contextlib.contextmanager
def _mock_server(infos: list[ProviderInfo], mock: bool) -> Iterator[Any]:
    """One built-in mock serving every provider to check (with ``--mock``), else None."""
    if not mock:
        yield None
        return
    from numberhub.mock import MockServer

    with MockServer(providers=[info.name for info in infos]) as server:
        yield server


CHECK_HELP = """Check providers' answers against their specs (conformance probe).

Reads up to --max-pages pages of each provider's list of numbers (only reads, within the
provider's documented rate limit) and checks every answer against the spec: status,
Content-Type and body, including fields the spec does not list. Each difference is
reported once per path and rule: the JSON path (item indexes collapsed), the rule, what
the spec expects, the JSON type seen (never a value) and how often.

With no PROVIDER, checks every provider whose credentials are set in the environment
(and says on stderr which it skipped), or with --mock every provider. A provider that
fails (refused credentials, unreachable) is reported on stderr and the others are still
checked. --format json prints one object when one PROVIDER is named, else a list.

--record DIR keeps every answer read in DIR, masked (no phone number, id or credential
of the answers; --no-mask keeps them as they came); --corpus DIR checks those answers
again, offline. --replay JOURNAL sends each distinct list request of a mock's journal
to the provider instead, and reports whether it accepts each one and whether the
answers fit the spec (exit 4 when it refused one).

\b
Examples:
  numberhub check plivo --mock
  numberhub check --format json > conformance.json
  numberhub check bird --max-pages 2
  numberhub check plivo --record plivo-corpus
  numberhub check plivo --corpus plivo-corpus
  numberhub check --replay journal.json --mock

Exits 0 when every answer fits its spec, 6 when any differs (a page whose structure
broke included); other failures exit as 'numberhub list' does.
"""


class _ProviderName(click.Choice):  # type: ignore[type-arg]  # generic only since click 8.2
    """A provider's name, among the specs found when the command runs (not when imported)."""

    def __init__(self) -> None:
        super().__init__(())

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        self.choices = provider_names()
        return super().convert(value, param, ctx)


@click.command("check", help=CHECK_HELP)
@click.argument("names", nargs=-1, metavar="[PROVIDER]...", type=_ProviderName())
@click.option(
    "--base-url",
    default=None,
    metavar="URL",
    callback=check_base_url,
    help="Send requests here instead of the provider's server (a proxy, or a "
    "running 'numberhub mock').",
)
@click.option(
    "--mock",
    is_flag=True,
    help="Check the built-in mock, started in-process, with the credentials it "
    "accepts (no account needed).",
)
@click.option(
    "--max-pages",
    type=click.IntRange(1),
    default=5,
    show_default=True,
    metavar="N",
    help="Read at most N pages per provider.",
)
@click.option(
    "--max-retries",
    type=click.IntRange(0),
    default=2,
    show_default=True,
    metavar="N",
    help="Retries of a failed request.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Per-request timeout (default 30, connect 5).",
)
@click.option(
    "--record",
    "record_dir",
    default=None,
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Keep every answer read in DIR (one JSON file per page and an index), "
    "masked: no phone number, id or credential of the answers.",
)
@click.option(
    "--no-mask",
    "no_mask",
    is_flag=True,
    help="With --record: keep the answers unmasked (prints a warning).",
)
@click.option(
    "--corpus",
    "corpus_dir",
    default=None,
    metavar="DIR",
    type=click.Path(file_okay=False, exists=True),
    help="Check the answers recorded in DIR (by --record) instead of a provider, offline.",
)
@click.option(
    "--replay",
    "replay_file",
    default=None,
    metavar="JOURNAL",
    type=click.Path(dir_okay=False, exists=True, allow_dash=True),
    help="Send each distinct list request of a mock's journal (GET /_numberhub/requests, "
    "or server.requests saved as JSON) to the provider and report its answer.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Report format (on stdout).",
)
def check(
    names: tuple[str, ...],
    base_url: str | None,
    mock: bool,
    max_pages: int,
    max_retries: int,
    timeout: float | None,
    record_dir: str | None,
    no_mask: bool,
    corpus_dir: str | None,
    replay_file: str | None,
    fmt: str,
) -> None:
    """The ``numberhub check`` command (see ``CHECK_HELP``)."""
    options: dict[str, Any] = {"max_retries": max_retries}
    if timeout is not None:
        options["timeout"] = timeout
    if replay_file is not None:
        if record_dir or corpus_dir:
            raise CliError("--replay reads a journal: not with --record or --corpus", EXIT_USAGE)
        replay_journal(replay_file, names, base_url=base_url, mock=mock, fmt=fmt, **options)
        return
    if corpus_dir and record_dir:
        raise CliError("--corpus reads recorded answers: not with --record", EXIT_USAGE)
    corpus = open_corpus(corpus_dir)
    infos = _chosen(names or tuple(corpus.providers), False) if corpus else _chosen(names, mock)
    recorder = open_recorder(record_dir, mask=not no_mask)
    out = Console(file=sys.stdout, width=None if sys.stdout.isatty() else 160)
    results: list[Conformance] = []
    failures: list[int] = []
    # The findings are the report: the DriftWarning of each is not repeated on stderr.
    with warnings.catch_warnings(), _mock_server(infos, mock and not corpus) as server:
        warnings.simplefilter("ignore", DriftWarning)
        opener = ClientOpener(
            base_url=base_url, mock=mock, server=server, recorder=recorder, corpus=corpus,
            **options,
        )  # fmt: skip
        for info in infos:
            try:
                with opener.open(info) as client:
                    result = probe(client, max_pages=opener.max_pages(info, max_pages))
            except (NumberhubError, CliError) as exc:
                error = exc if isinstance(exc, CliError) else from_exception(exc)
                message = _redacted(error.format_message())
                click.echo(f"numberhub: {info.name}: {message}", err=True)
                failures.append(error.exit_code)
                continue
            if fmt == "text":
                if results:
                    out.print()
                write_text(info, result, out)
            results.append(result)
    if fmt == "json" and (results or len(names) != 1):
        reports = [report(r) for r in results]
        single = len(names) == 1
        click.echo(json.dumps(reports[0] if single else reports, indent=2))
    drifted = [r.provider for r in results if not r.conforms]
    if drifted and fmt == "json":
        click.echo(f"numberhub: drift found in {', '.join(drifted)} (exit 6)", err=True)
    if failures:
        raise click.exceptions.Exit(failures[0])
    if drifted:
        raise click.exceptions.Exit(EXIT_DRIFT)
