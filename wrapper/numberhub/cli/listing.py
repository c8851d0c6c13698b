"""``numberhub list PROVIDER``: one subcommand per provider, its options made from its spec."""

from __future__ import annotations

import sys
from typing import Any

import click
from numberhub_spec import provider_names

from numberhub.cli._catalog import ProviderInfo, provider_info
from numberhub.cli._multi import resolve_multi
from numberhub.cli._options import FilterCommand, check_base_url, filter_option, option_name
from numberhub.cli._rows import FORMATS, count_line, shortfall_note, write_rows
from numberhub.cli._session import connect, iterate_with_progress, stderr_console
from numberhub.cli._table import output_width

__all__ = ["build_command", "list_numbers"]

# The options every provider's command has; a filter whose option would clash with one
# of these is offered as --filter-<name> instead.
_COMMON = {"format", "max", "page_size", "base_url", "mock", "max_retries", "timeout",
           "concurrency", "strict", "csv_raw", "help"}  # fmt: skip


class _Concurrency(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.3
    """``auto`` or a whole number from 1 to 32."""

    name = "N|auto"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value == "auto":
            return value
        return click.IntRange(1, 32).convert(value, param, ctx)


def _keyword(name: str) -> str:
    """The filter keyword behind a click parameter name (undoing the clash prefix)."""
    bare = name.removeprefix("filter_")
    return bare if bare in _COMMON else name


def _common_options(info: ProviderInfo) -> list[click.Option]:
    size = ""
    if info.page_size is not None:
        _, low, high = info.page_size
        size = f" ({low}..{high}; default {high}, the largest {info.display_name} allows)"
    return [
        click.Option(["--format", "fmt"], type=click.Choice(FORMATS), default="table",
                     show_default=True, help="Output format (results go to stdout)."),
        click.Option(["--max", "max_items"], type=click.IntRange(0), default=None,
                     metavar="N", help="Stop after N numbers."),
        click.Option(["--page-size"], type=int, default=None, metavar="N",
                     help=f"Numbers per request{size}."),
        click.Option(["--base-url"], default=None, metavar="URL", callback=check_base_url,
                     help="Send requests here instead of the provider's server (a proxy, "
                     "or a running 'numberhub mock')."),
        click.Option(["--mock"], is_flag=True,
                     help="Start the built-in mock in-process and list from it with the "
                     "credentials it accepts (no account needed)."),
        click.Option(["--max-retries"], type=click.IntRange(0), default=2, show_default=True,
                     metavar="N", help="Retries of a failed request."),
        click.Option(["--timeout"], type=click.FloatRange(0, min_open=True), default=None,
                     metavar="SECONDS", help="Per-request timeout (default 30, connect 5)."),
        click.Option(["--concurrency"], type=_Concurrency(), default="auto",
                     show_default=True, metavar="N|auto",
                     help="Fetch up to N pages at once when the first page tells the total "
                     "(auto: as many as the provider's rate limit allows, at most 8)."),
        click.Option(["--strict"], is_flag=True,
                     help="Refuse any answer that differs from the provider's spec (exit 4), "
                     "and a listing that ends short of the total the provider announced "
                     "(exit 7, after the rows). By default numbers whose fields drift from "
                     "the spec are listed, each difference is reported once on stderr, "
                     "repeated numbers are listed once and a shortfall is reported."),
        click.Option(["--csv-raw"], is_flag=True,
                     help="Write CSV cells as they are: without it, a cell a spreadsheet "
                     "would run as a formula (=, @, +, - ...) starts with '."),
    ]  # fmt: skip


def _filter_options(info: ProviderInfo) -> list[click.Option]:
    by_spec = {param.name: keyword for keyword, param in info.filters.items()}
    options = []
    for keyword, param in info.filters.items():
        name = f"filter_{keyword}" if keyword in _COMMON else keyword
        requires = [by_spec.get(r, r) for r in param.requires]
        option = filter_option(name, param, requires)
        option.expose_value = True
        options.append(option)
    if info.mode_switch:
        switch = info.mode_switch
        options.append(click.Option(
            [option_name(switch), switch], is_flag=True, default=False,
            help="Page with the provider's cursor mode instead of page numbers.",
        ))  # fmt: skip
    return options


def _run(info: ProviderInfo, params: dict[str, Any]) -> None:
    fmt = params.pop("fmt")
    max_items = params.pop("max_items")
    page_size = params.pop("page_size")
    base_url = params.pop("base_url")
    mock = params.pop("mock")
    concurrency = params.pop("concurrency")
    csv_raw = params.pop("csv_raw")
    options = {"max_retries": params.pop("max_retries"), "strict": params.pop("strict")}
    timeout = params.pop("timeout")
    if timeout is not None:
        options["timeout"] = timeout
    cursor_mode = bool(info.mode_switch and params.pop(info.mode_switch))
    filters: dict[str, Any] = {
        _keyword(name): value for name, value in params.items() if value is not None
    }
    _check_requires(info, filters)
    if cursor_mode:
        filters[str(info.mode_switch)] = True
    err = stderr_console()
    with connect(info, base_url=base_url, mock=mock, **options) as client:
        pager = client.list_numbers(
            **filters, max_items=max_items, page_size=page_size, concurrency=concurrency
        )
        numbers = iterate_with_progress(pager, info, err, max_items=max_items)
        written = write_rows(
            numbers, fmt, sys.stdout, width=output_width(sys.stdout), csv_raw=csv_raw
        )
    shortfall = shortfall_note(info.display_name, pager.report)
    if fmt == "table":
        click.echo(count_line(written.count, 1) + shortfall, err=True)
        if written.left_out:
            click.echo(
                f"not shown at this width: {', '.join(written.left_out)} "
                "(a wider COLUMNS, or --format csv or json, shows every field)",
                err=True,
            )
    elif shortfall:
        click.echo(f"numberhub: {written.count} numbers listed{shortfall}", err=True)


def _check_requires(info: ProviderInfo, filters: dict[str, Any]) -> None:
    """Refuse a filter given without the filters it needs (Bird's prefix), before any request."""
    by_spec = {param.name: keyword for keyword, param in info.filters.items()}
    for keyword in filters:
        for needed in info.filters[keyword].requires:
            if by_spec.get(needed, needed) not in filters:
                raise click.UsageError(
                    f"{option_name(keyword)} is accepted only together with "
                    f"{option_name(by_spec.get(needed, needed))}"
                )


def build_command(name: str) -> click.Command:
    """The ``numberhub list <name>`` command, its filters read from the provider's spec."""
    info = provider_info(name)
    env = ", ".join(info.env_vars)

    def callback(**params: Any) -> None:
        _run(info, params)

    return FilterCommand(
        name,
        callback=callback,
        params=[*_filter_options(info), *_common_options(info)],
        help=(
            f"List {info.display_name}'s numbers ("
            + ("the account's own" if info.lists == "owned" else "available to buy")
            + f") through the numberhub wrapper.\n\nCredentials come from {env}; "
            "--mock needs none. Filter options are generated from the provider's spec; "
            "invalid values are refused before any request."
        ),
        short_help=f"{info.display_name}: "
        + ("the account's numbers" if info.lists == "owned" else "numbers available to buy")
        + f" ({info.method} {info.path}).",
        no_args_is_help=False,
    )


class ProviderCommands(click.Group):
    """A group with one subcommand per provider spec, built on first use.

    Several providers, or ``--all``, make one listing of them all (`resolve_multi`).
    """

    ignore_unknown_options = True  # --all, and the options that follow it

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(provider_names())

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in provider_names():
            return None
        return build_command(cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        multi = resolve_multi(ctx, args, _common_options)
        if multi is not None:
            return multi
        if args and args[0].startswith("-"):
            raise click.NoSuchOption(args[0], ctx=ctx)
        return super().resolve_command(ctx, args)


LIST_HELP = """List a provider's numbers: table, json, jsonl or csv on stdout.

Name several providers, or --all, for one listing of them all.

\b
Examples:
  numberhub list plivo --mock --type local --services voice,sms
  numberhub list plivo bird --mock --format csv > numbers.csv
  numberhub list --all --format jsonl
  numberhub list bird --country-codes US --country-codes GB --format csv > stock.csv
  numberhub list duoplus --region-ids US,CA --format jsonl --max 100
"""


@click.group("list", cls=ProviderCommands, help=LIST_HELP)
def list_numbers() -> None:
    """The ``numberhub list`` group: one subcommand per provider (see ``LIST_HELP``)."""
