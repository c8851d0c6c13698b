"""``numberhub providers``: what each provider's endpoint lists, how it authenticates and pages."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from numberhub.cli._catalog import ProviderInfo, all_providers

__all__ = ["describe", "providers"]


def describe(info: ProviderInfo) -> dict[str, Any]:
    """One provider's row, as ``--format json`` prints it."""
    size = info.page_size
    return {
        "name": info.name,
        "display_name": info.display_name,
        "lists": info.lists,
        "endpoint": f"{info.method} {info.path}",
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


def _table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title="numberhub providers", title_justify="left", header_style="bold")
    for name in ("provider", "lists", "auth env vars", "paging", "page size", "rate limit"):
        table.add_column(name)
    for r in rows:
        lists = "owned numbers" if r["lists"] == "owned" else "numbers to buy"
        table.add_row(
            f"{r['name']}\n[dim]{r['display_name']}[/dim]",
            f"{lists}\n[dim]{r['endpoint']}[/dim]",
            "\n".join(r["env_vars"]),
            r["paging_detail"],
            "-" if r["page_size_max"] is None else f"<= {r['page_size_max']}",
            r["rate_limit_text"],
        )
    return table


@click.command("providers")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")  # fmt: skip
def providers(fmt: str) -> None:
    """The providers numberhub knows, read from their specs.

    For each: what its endpoint lists (numbers the account owns, or numbers available to
    buy), the environment variables holding its credentials, how it pages, the largest
    page it serves and its documented rate limit.
    """
    rows = [describe(info) for info in all_providers()]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    Console(file=sys.stdout, width=None if sys.stdout.isatty() else 160).print(_table(rows))
