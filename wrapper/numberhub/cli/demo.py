"""``numberhub demo``: every provider listed through the wrapper from the built-in mock.

The mock starts in-process on a free loopback port; each provider is listed with its own
client (its auth, paging and documented rate limit, as against the real API) at the
largest page size it allows. Per provider the demo shows the count, a few rows and a
breakdown by country and type.
"""

from __future__ import annotations

import concurrent.futures
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import attrs
import click
from numberhub_spec import provider_names
from rich.console import Console, Group
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

import numberhub
from numberhub.cli._catalog import ProviderInfo, provider_info
from numberhub.cli._rows import Row, row
from numberhub.cli._session import stderr_console
from numberhub.cli._table import fit_columns, output_width, rows_table

__all__ = ["Listing", "breakdown", "demo", "list_all"]

_TOP_COUNTRIES = 6
_SAMPLE_COLUMNS = (
    "e164",
    "country",
    "type",
    "status",
    "capabilities",
    "monthly_price",
    "created_at",
)


@attrs.frozen
class Listing:
    """One provider's complete listing, as the demo reports it."""

    info: ProviderInfo
    rows: list[Row]
    pages: int
    seconds: float

    def summary(self, sample: int) -> dict[str, Any]:
        """The listing as ``--format json`` prints it."""
        countries, types, cross = breakdown(self.rows)
        return {
            "name": self.info.name,
            "display_name": self.info.display_name,
            "lists": self.info.lists,
            "count": len(self.rows),
            "pages": self.pages,
            "seconds": round(self.seconds, 3),
            "rate_limit": self.info.rate_limit_summary(),
            "by_country": countries,
            "by_type": types,
            "by_country_type": cross,
            "sample": self.sample(sample),
        }

    def sample(self, count: int) -> list[Row]:
        """The first ``count`` rows, those with an e164 first.

        (DuoPlus's numbers still being generated have none yet.)
        """
        return sorted(self.rows, key=lambda r: r["e164"] is None)[:count]


def breakdown(
    rows: Sequence[Row],
) -> tuple[dict[str, int], dict[str, int], dict[str, dict[str, int]]]:
    """Counts by country, by type, and by country then type (``"unknown"`` for None)."""
    countries: Counter[str] = Counter()
    types: Counter[str] = Counter()
    cross: dict[str, Counter[str]] = {}
    for r in rows:
        country = r["country"] or "unknown"
        countries[country] += 1
        types[r["type"]] += 1
        cross.setdefault(country, Counter())[r["type"]] += 1
    return (
        dict(countries.most_common()),
        dict(types.most_common()),
        {c: dict(cross[c].most_common()) for c in dict(countries.most_common())},
    )


def _list_one(
    info: ProviderInfo, base_url: str, credentials: dict[str, str], progress: Callable[..., None]
) -> Listing:
    started = time.perf_counter()
    rows: list[Row] = []
    pages = 0
    with numberhub.client(info.name, base_url=base_url, **credentials) as client:
        pager = client.list_numbers()
        for page in pager.pages():
            if pages == 0:
                progress(info.name, total=pager.total)
            pages += 1
            rows.extend(row(n) for n in page.items)
            progress(info.name, advance=len(page.items))
    return Listing(info, rows, pages, time.perf_counter() - started)


def list_all(
    names: Sequence[str], base_url: str, credentials: dict[str, dict[str, str]], console: Console
) -> list[Listing]:
    """List every provider in ``names`` concurrently (one thread each), in ``names`` order."""
    bar = Progress(
        TextColumn("{task.description:<8}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    tasks = {name: bar.add_task(name, total=None) for name in names}

    def progress(name: str, **update: Any) -> None:
        bar.update(tasks[name], **update)

    with bar, concurrent.futures.ThreadPoolExecutor(max(1, len(names))) as pool:
        futures = [
            pool.submit(_list_one, provider_info(n), base_url, credentials[n], progress)
            for n in names
        ]
        return [f.result() for f in futures]


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _breakdown_table(listing: Listing) -> Table:
    countries, types, cross = breakdown(listing.rows)
    table = Table(title="by country and type", title_justify="left", header_style="bold")
    table.add_column("country")
    for t in types:
        table.add_column(t, justify="right")
    table.add_column("total", justify="right", style="bold")
    shown = list(countries)[:_TOP_COUNTRIES]
    for c in shown:
        table.add_row(c, *(str(cross[c].get(t, 0) or "") for t in types), str(countries[c]))
    rest = list(countries)[_TOP_COUNTRIES:]
    if rest:
        cells = [str(sum(cross[c].get(t, 0) for c in rest) or "") for t in types]
        total = sum(countries[c] for c in rest)
        table.add_row(
            f"{_plural(len(rest), 'other country', 'other countries')}", *cells, str(total)
        )
    table.add_row("all", *(str(types[t]) for t in types), str(len(listing.rows)), style="bold")
    return table


def _panel(listing: Listing, sample: int, width: int) -> Panel:
    info = listing.info
    what = "owned" if info.lists == "owned" else "available to buy"
    title = (
        f"[bold]{info.display_name}[/bold]: {len(listing.rows)} numbers {what}, "
        f"{_plural(listing.pages, 'page')} in {listing.seconds:.1f} s"
    )
    rows = listing.sample(sample)
    layout = fit_columns(rows, _SAMPLE_COLUMNS, width - 4)  # inside the panel's border
    samples = rows_table(rows, layout.columns, title=f"first {sample}")
    return Panel(Group(samples, _breakdown_table(listing)), title=title, title_align="left")


def _summary(listings: list[Listing]) -> Table:
    table = Table(title="summary", title_justify="left", header_style="bold")
    for name in ("provider", "lists", "numbers", "pages", "seconds", "documented rate limit"):
        table.add_column(
            name, justify="right" if name in ("numbers", "pages", "seconds") else "left"
        )
    for listing in listings:
        info = listing.info
        table.add_row(
            info.display_name, info.lists, str(len(listing.rows)), str(listing.pages),
            f"{listing.seconds:.1f}", info.rate_limit_summary(),
        )  # fmt: skip
    return table


def _rate_notes(listings: list[Listing]) -> list[str]:
    notes = []
    for listing in listings:
        limit = listing.info.rate_limit
        if limit and listing.pages > limit.requests:
            notes.append(
                f"{listing.info.display_name} documents {listing.info.rate_limit_summary()}; "
                f"the client keeps to it, so its {_plural(listing.pages, 'page')} took "
                f"{listing.seconds:.1f} s (the wrapper applies the same limit against the "
                "real API)."
            )
    return notes


@click.command("demo")
@click.option(
    "--size",
    type=click.IntRange(0, 100_000),
    default=250,
    show_default=True,
    help="Numbers per provider in the mock's dataset.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="The mock's dataset seed.")
@click.option(
    "--rows",
    "sample",
    type=click.IntRange(0),
    default=3,
    show_default=True,
    help="Rows shown per provider.",
)
@click.option(
    "--provider",
    "providers",
    multiple=True,
    metavar="NAME",
    type=click.Choice(provider_names()),
    help="Only this provider (repeatable; default all).",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")  # fmt: skip
def demo(size: int, seed: int, sample: int, providers: tuple[str, ...], fmt: str) -> None:
    """List every provider's numbers from the built-in mock, through the wrapper.

    Starts the mock on a free loopback port, lists each provider with its own client
    (auth, paging, retries and documented rate limit, exactly as against the real API),
    then shows per provider the count, a few rows and a breakdown by country and type.
    """
    from numberhub_mock._credentials import as_map

    from numberhub.mock import MockServer

    names = list(providers or provider_names())
    out = Console(file=sys.stdout, width=output_width(sys.stdout))
    with MockServer(seed=seed, size=size, providers=names) as server:
        if fmt == "table":
            out.print(
                f"numberhub demo: listing {_plural(len(names), 'provider')} through the "
                "wrapper from the "
                f"built-in mock at {server.base_url} (seed {seed}, {size} numbers each)\n"
            )
        listings = list_all(names, server.base_url, as_map(server.credentials), stderr_console())
        base_url = server.base_url
    if fmt == "json":
        data = {
            "base_url": base_url,
            "seed": seed,
            "size": size,
            "providers": [listing.summary(sample) for listing in listings],
        }
        click.echo(json.dumps(data, indent=2))
        return
    for listing in listings:
        out.print(_panel(listing, sample, out.width))
    out.print(_summary(listings))
    for note in _rate_notes(listings):
        out.print(f"[dim]{note}[/dim]")
