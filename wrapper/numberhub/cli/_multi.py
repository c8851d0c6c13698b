"""``numberhub list P1 P2 ...`` and ``numberhub list --all``: several providers in one output.

The providers are listed concurrently, one thread each, every client keeping to its own
provider's rate limit, and written as one document (table, json, jsonl or csv, every row
with its ``provider``) in the order they were named; the first streams while the others
are fetched. A filter applies to the providers that have it; one that no provider of the
listing has is refused, as is a value that one of them refuses, before any request. One
line on stderr per failed provider; the exit code is 0 only when every one succeeded, else
the code of the first failure (in the order named).
"""

from __future__ import annotations

import contextlib
import os
import queue
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import click
from numberhub_spec import provider_names
from rich.console import Console

from numberhub._models import PhoneNumber
from numberhub.cli._catalog import ProviderInfo, provider_info, unknown_provider
from numberhub.cli._errors import EXIT_AUTH, CliError, from_exception, missing_credentials
from numberhub.cli._options import FilterCommand, filter_option, option_name
from numberhub.cli._rows import TABLE_COLUMNS, count_line, row, shortfall_note, write_rows
from numberhub.cli._session import connect
from numberhub.cli._table import fit_columns, output_width, rows_table

__all__ = ["ALL", "resolve_multi"]

ALL = "--all"
_EVERY = "every provider whose credentials are set (with --mock: all)"
_DONE = object()


Common = Callable[[ProviderInfo], list[click.Option]]


def resolve_multi(
    ctx: click.Context, args: list[str], common: Common
) -> tuple[str, click.Command, list[str]] | None:
    """The listing of several providers that ``args`` asks for, or None for one provider.

    Args:
        ctx: The ``numberhub list`` context.
        args: What follows ``numberhub list``.
        common: The options every listing has (``--format``, ``--mock``, ...), for a provider.

    Raises:
        click.UsageError: A name that is no provider's.
    """
    known = provider_names()
    names: list[str] = []
    rest = list(args)
    every = False
    while rest and (rest[0] == ALL or not rest[0].startswith("-")):
        word = rest.pop(0)
        if word == ALL:
            every = True
        elif word not in known:
            if ctx.resilient_parsing:  # shell completion: click resolves the words itself
                return None
            raise click.UsageError(unknown_provider(word, known), ctx)
        else:
            names.append(word)
    every = every or ALL in rest
    rest = [a for a in rest if a != ALL]
    if not every and len(dict.fromkeys(names)) < 2:
        return None
    if every and names:
        raise click.UsageError(f"{ALL} lists every provider: name none with it", ctx)
    chosen = list(dict.fromkeys(names)) or list(known)
    label = ALL if every else " ".join(chosen)
    return label, _command(label, [provider_info(n) for n in chosen], every, common), rest


def _command(label: str, infos: list[ProviderInfo], every: bool, common: Common) -> click.Command:
    filters: dict[str, list[ProviderInfo]] = {}
    for info in infos:
        for keyword in [*info.filters, *([info.mode_switch] if info.mode_switch else [])]:
            filters.setdefault(keyword, []).append(info)
    options = [_union_option(keyword, owners) for keyword, owners in filters.items()]
    shown = ", ".join(info.display_name for info in infos)
    shared = common(infos[0])
    for option in shared:
        if option.name == "page_size":
            option.help = "Numbers per request, for each provider (within its allowed range)."
        elif option.name == "max_items":
            option.help = "Stop after N numbers of each provider."

    def callback(**params: Any) -> None:
        _run(infos, every, filters, params)

    return FilterCommand(
        label,
        callback=callback,
        params=[*options, *shared],
        help=(
            f"List the numbers of {_EVERY if every else shown} in one output, with a "
            "provider column.\n\nThe providers are listed at once, each "
            "within its own rate limit. A filter applies to the providers that have it; "
            "--max and --page-size apply to each provider."
        ),
    )


def _union_option(keyword: str, owners: list[ProviderInfo]) -> click.Option:
    """One option for a filter several providers may have, its values checked per provider."""
    first = owners[0]
    param = first.filters.get(keyword)
    names = ", ".join(info.name for info in owners)
    if param is None:  # a paging-mode switch (Rounded's use_cursor)
        return click.Option(
            [option_name(keyword), keyword], is_flag=True, default=None,
            help=f"Page with the cursor mode ({names}).",
        )  # fmt: skip
    single = filter_option(keyword, param)
    if single.is_flag:
        return click.Option(
            [f"{option_name(keyword)}/--no-{option_name(keyword)[2:]}", keyword],
            default=None,
            help=f"{single.help} ({names})",
        )
    return click.Option(
        [option_name(keyword), keyword],
        multiple=any(o.filters[keyword].is_array for o in owners),
        default=None,
        metavar="VALUE",
        help=f"{single.help} ({names})"
        if len(owners) == 1
        else f"Only for {names}; each checks the value against its own spec.",
    )


@attrs.frozen
class _Failure:
    info: ProviderInfo
    error: CliError


def _chosen(infos: list[ProviderInfo], every: bool, mock: bool) -> list[ProviderInfo]:
    """With ``--all`` and no ``--mock``: only the providers whose credentials are set."""
    if mock or not every:
        return infos
    chosen = [i for i in infos if all(os.environ.get(env) for env in i.env_vars)]
    if not chosen:
        needs = "; ".join(f"{info.name}: {', '.join(info.env_vars)}" for info in infos)
        raise CliError(
            f"nothing to list: no provider's credentials are set ({needs}). Set one "
            "provider's variables, or add --mock to list from numberhub's built-in mock.",
            EXIT_AUTH,
        )
    for info in infos:
        if info not in chosen:
            missing = [env for env in info.env_vars if not os.environ.get(env)]
            click.echo(f"numberhub: skipping {info.name}: {', '.join(missing)} not set", err=True)
    return chosen


def _filters_for(info: ProviderInfo, given: dict[str, Any], ctx: click.Context) -> dict[str, Any]:
    """The filters ``info`` has among those given, converted and checked by its spec."""
    out: dict[str, Any] = {}
    for keyword, raw in given.items():
        if keyword == info.mode_switch:
            out[keyword] = bool(raw)
            continue
        param = info.filters.get(keyword)
        if param is None:
            continue
        option = filter_option(keyword, param)
        if option.multiple and not isinstance(raw, tuple):
            raw = (raw,)
        elif not option.multiple and isinstance(raw, tuple):
            if len(raw) > 1:
                raise click.UsageError(
                    f"{option_name(keyword)}: {info.display_name} takes one value"
                )
            raw = raw[0]
        try:
            value = option.process_value(ctx, raw)
        except click.BadParameter as exc:
            raise click.UsageError(
                f"{option_name(keyword)} for {info.display_name}: {exc.message}"
            ) from None
        if value is not None:
            out[keyword] = value
    return out


def _run(
    infos: list[ProviderInfo],
    every: bool,
    filters: dict[str, list[ProviderInfo]],
    params: dict[str, Any],
) -> None:
    ctx = click.get_current_context()
    fmt, mock = params.pop("fmt"), params.pop("mock")
    listing = {"max_items": params.pop("max_items"), "page_size": params.pop("page_size"),
               "concurrency": params.pop("concurrency")}  # fmt: skip
    base_url, csv_raw = params.pop("base_url"), params.pop("csv_raw")
    options: dict[str, Any] = {"max_retries": params.pop("max_retries"),
                               "strict": params.pop("strict")}  # fmt: skip
    if params.get("timeout") is not None:
        options["timeout"] = params["timeout"]
    params.pop("timeout", None)
    given = {k: v for k, v in params.items() if v is not None and v != ()}
    infos = _chosen(infos, every, mock)
    unknown = [k for k in given if not any(k in (*i.filters, i.mode_switch) for i in infos)]
    if unknown:
        owners = {k: ", ".join(i.name for i in filters[k]) for k in unknown}
        raise click.UsageError(
            "; ".join(f"{option_name(k)} is a filter of {owners[k]} only" for k in unknown)
        )
    for info in infos:
        if not mock and any(not os.environ.get(env) for env in info.env_vars):
            missing = [env for env in info.env_vars if not os.environ.get(env)]
            raise missing_credentials(info.display_name, info.env_vars, missing)
    with contextlib.ExitStack() as stack:
        server = None
        if mock:
            from numberhub.mock import MockServer

            server = stack.enter_context(MockServer(providers=[i.name for i in infos]))
        pagers = []
        for info in infos:  # every call checked before any request
            client = stack.enter_context(
                connect(info, base_url=base_url, mock=mock, server=server, **options)
            )
            pagers.append(client.list_numbers(**_filters_for(info, given, ctx), **listing))
        failures: list[_Failure] = []
        stop = threading.Event()
        feeds = [_start(pager, stop) for pager in pagers]
        try:
            numbers = _in_order(infos, feeds, failures)
            out = sys.stdout
            if fmt == "table":
                count, left_out = _table(numbers, out)
            else:
                written = write_rows(numbers, fmt, out, width=output_width(out), csv_raw=csv_raw)
                count, left_out = written.count, []
        finally:
            stop.set()
    for failure in failures:
        click.echo(f"numberhub: {failure.info.name}: {failure.error.format_message()}", err=True)
    failed = {failure.info.name for failure in failures}
    shortfall = "".join(
        shortfall_note(info.display_name, pager.report)
        for info, pager in zip(infos, pagers, strict=True)
        if info.name not in failed
    )
    if fmt == "table":
        click.echo(count_line(count, len(infos) - len(failures)) + shortfall, err=True)
        if left_out:
            click.echo(f"not shown at this width: {', '.join(left_out)}", err=True)
    elif shortfall:
        click.echo(f"numberhub: {count} numbers listed{shortfall}", err=True)
    if failures:
        raise click.exceptions.Exit(failures[0].error.exit_code)


def _start(pager: Any, stop: threading.Event) -> queue.Queue[Any]:
    """A daemon thread iterating ``pager`` into a queue: numbers, then `_DONE` or the error."""
    feed: queue.Queue[Any] = queue.Queue()

    def work() -> None:
        try:
            for page in pager.pages():
                for number in page.items:
                    feed.put(number)
                if stop.is_set():
                    return
            feed.put(_DONE)
        except BaseException as exc:  # handed to the writer, which reports it
            feed.put(exc)

    threading.Thread(target=work, name="numberhub-list", daemon=True).start()
    return feed


def _in_order(
    infos: list[ProviderInfo], feeds: list[queue.Queue[Any]], failures: list[_Failure]
) -> Iterator[PhoneNumber]:
    """Every provider's numbers in the order named; a failure is noted, the others go on."""
    for info, feed in zip(infos, feeds, strict=True):
        while True:
            got = feed.get()
            if got is _DONE:
                break
            if isinstance(got, BaseException):
                if isinstance(got, KeyboardInterrupt):
                    raise got
                error = got if isinstance(got, CliError) else from_exception(got)
                failures.append(_Failure(info, error))
                break
            yield got


def _table(numbers: Iterator[PhoneNumber], out: Any) -> tuple[int, list[str]]:
    """One table of every provider's rows; the provider column is never the one given up."""
    rows = [row(n) for n in numbers]
    provider = max([len("provider"), *(len(str(r["provider"])) for r in rows)]) + 2
    layout = fit_columns(rows, TABLE_COLUMNS, output_width(out) - provider)
    table = rows_table(rows, ["provider", *layout.columns])
    Console(file=out, width=layout.width + provider).print(table)
    return len(rows), layout.left_out
