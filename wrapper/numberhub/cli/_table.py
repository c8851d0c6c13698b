"""The ``table`` format: rows laid out to fit the output's width.

The width is the terminal's, else ``COLUMNS`` when stdout is not a terminal, else 80.
A table that would be wider first lets ``capabilities`` wrap, then leaves out columns
from the least useful up; ``id`` and ``e164`` are always shown whole, even when they
alone are wider than the output.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

import attrs
from rich import box
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from numberhub._text import safe_text

__all__ = ["KEPT", "PRIORITY", "Layout", "cell", "fit_columns", "output_width", "rows_table"]

#: Columns in the order they are given up to fit the width (last given up first).
PRIORITY = (
    "id",
    "e164",
    "country",
    "type",
    "status",
    "monthly_price",
    "capabilities",
    "created_at",
    "ownership",
    "provider",
)
#: Columns never left out nor cut.
KEPT = frozenset({"id", "e164"})
_WRAPS = frozenset({"capabilities"})


def output_width(stream: TextIO) -> int:
    """Columns available on ``stream``: its terminal's, else ``$COLUMNS``, else 80."""
    try:
        if stream.isatty():
            return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):  # not a real file (CliRunner, a pipe)
        pass
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return 80


def cell(name: str, row: dict[str, Any]) -> str:
    """The text of one table cell (the price shows its currency; lists are spaced).

    Control characters and escape sequences from the provider are replaced by visible
    stand-ins (`safe_text`); `rows_table` prints the text as is, never as rich markup.
    """
    value = row.get(name)
    if value is None:
        return ""
    if name == "monthly_price":
        return safe_text(f"{value} {row.get('currency') or ''}".strip())
    if isinstance(value, list):
        return safe_text(" ".join(str(v) for v in value))
    return safe_text(str(value))


def _header(name: str) -> str:
    return name.replace("_", " ")


def _span(widths: Iterable[int]) -> int:
    """The width of a `rows_table` with columns of these widths (two spaces between)."""
    widths = list(widths)
    return sum(widths) + 2 * max(0, len(widths) - 1)


@attrs.frozen
class Layout:
    """How a table fits: the columns shown and left out, and the width to print at.

    ``left_out`` names the columns given up for the width; columns empty in every row
    are not shown either, and not named.

    ``width`` is the output's, or wider when ``id`` and ``e164`` alone need more (they
    are never cut).
    """

    columns: list[str]
    left_out: list[str]
    width: int


def fit_columns(rows: Sequence[dict[str, Any]], columns: Sequence[str], width: int) -> Layout:
    """The `Layout` of ``rows`` within ``width`` (shown columns keep ``columns`` order)."""
    least: dict[str, int] = {}
    for name in columns:
        texts = [cell(name, r) for r in rows]
        if name in _WRAPS:
            texts = [word for text in texts for word in text.split()]
        least[name] = max([cell_len(_header(name)), *map(cell_len, texts)])
    # a column with no value in any row says nothing (Rounded's status, Bird's created_at)
    empty = {c for c in columns if c not in KEPT and rows and not any(cell(c, r) for r in rows)}
    kept = [c for c in columns if c not in empty]
    order = [c for c in reversed(PRIORITY) if c in kept and c not in KEPT]
    order += [c for c in kept if c not in PRIORITY and c not in KEPT]
    while _span(least[c] for c in kept) > width and order:
        kept.remove(order.pop(0))
    need = _span(least[c] for c in kept)
    left_out = [c for c in columns if c not in kept and c not in empty]
    return Layout(kept, left_out, max(width, need))


def rows_table(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], *, title: str | None = None
) -> Table:
    """A rich table of ``rows`` showing ``columns`` (see `fit_columns` to choose them)."""
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
        title=title,
        title_justify="left",
        header_style="bold",
    )
    for name in columns:
        wraps = name in _WRAPS
        table.add_column(_header(name), no_wrap=not wraps, overflow="fold")
    for r in rows:
        table.add_row(*(Text(cell(name, r)) for name in columns))  # Text: never markup
    return table
