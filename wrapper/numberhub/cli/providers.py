"""``numberhub providers``: what each provider's endpoint lists, how it authenticates and pages."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
import numberhub_spec
from rich.console import Console
from rich.table import Table

from numberhub._client_options import base_url_env
from numberhub.cli._catalog import ProviderInfo, all_providers
from numberhub.cli._table import output_width

__all__ = ["describe", "providers"]


def describe(info: ProviderInfo) -> dict[str, Any]:
    """One provider's row, as ``--format json`` prints it."""
    size = info.page_size
    return {
        "name": info.name,
        "display_name": info.display_name,
        "lists": info.lists,
        "endpoint": f"{info.method} {info.path}",
        "base_url": numberhub_spec.load(info.name).servers[0],
        "base_url_env": base_url_env(info.name),
        "env_vars": list(info.env_vars),
        "paging": info.plan.style,
        "paging_detail": info.paging_summary(),
        "page_size_max": size[2] if size else None,
        "rate_limit": (
            None
            if not info.rate_limit
            else {
                "requests": info.rate_limit.requests,
                "per_seconds": info.rate_limit.per_seconds,
                "scope": info.rate_limit.scope,
            }
        ),
        "rate_limit_text": info.rate_limit_summary(),
        "filters": list(info.filters),
    }


def _block(r: dict[str, Any]) -> Table:
    """One provider as a label/value grid: readable at 80 columns, env var names whole."""
    lists = "the account's numbers" if r["lists"] == "owned" else "numbers available to buy"
    size = "" if r["page_size_max"] is None else f"; pages of up to {r['page_size_max']}"
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row("endpoint", r["endpoint"])
    grid.add_row("base URL", f"{r['base_url']} (or ${r['base_url_env']})")
    grid.add_row("env vars", "\n".join(r["env_vars"]) or "-")
    grid.add_row("paging", r["paging_detail"] + size)
    grid.add_row("rate limit", r["rate_limit_text"])
    grid.title = f"[bold]{r['name']}[/bold] ({r['display_name']}): {lists}"
    grid.title_justify = "left"
    return grid


@click.command("providers")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")  # fmt: skip
def providers(fmt: str) -> None:
    """The providers numberhub knows, read from their specs.

    For each: what its endpoint lists (numbers the account owns, or numbers available to
    buy), its server and the variable that points it elsewhere (<PROVIDER>_BASE_URL), the
    environment variables holding its credentials, how it pages, the largest page it
    serves and its documented rate limit.
    """
    rows = [describe(info) for info in all_providers()]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    out = Console(file=sys.stdout, width=output_width(sys.stdout))
    for index, r in enumerate(rows):
        if index:
            out.print()
        out.print(_block(r))
