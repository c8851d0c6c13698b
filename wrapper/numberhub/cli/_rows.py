"""One flat row per `PhoneNumber`, and the writers of ``--format json|jsonl|csv|table``.

A row is `PhoneNumber.to_dict`, with the same fields in every format:

``provider, id, e164, country, type, status, ownership, capabilities, monthly_price,
currency, created_at``

* ``capabilities``: the enabled ones among ``voice``, ``sms`` and ``mms``, in that order
  (a JSON list; comma-separated in CSV).
* ``monthly_price``: a decimal string with the provider's significant digits and at
  least two decimals (``"0.80"``, ``"0.0085"``), with its ISO 4217 ``currency``.
* ``created_at``: ISO 8601 with its offset.
* Unknown values are ``null`` in JSON and empty in CSV.
* CSV cells a spreadsheet would run as a formula get a leading ``'``
  (`numberhub.cli._spreadsheet`), unless ``csv_raw``.

json and csv output of the same listing parse back to the same rows (see `from_csv`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO

import attrs
from rich.console import Console

from numberhub._integrity import ListingReport
from numberhub._models import FIELDS, PhoneNumber
from numberhub.cli._spreadsheet import formula_safe, unquoted
from numberhub.cli._table import fit_columns, rows_table

__all__ = [
    "FIELDS",
    "FORMATS",
    "TABLE_COLUMNS",
    "Written",
    "count_line",
    "from_csv",
    "row",
    "write_rows",
]

FORMATS = ("table", "json", "jsonl", "csv")
Row = dict[str, Any]


def row(number: PhoneNumber) -> Row:
    """``number`` as a flat, JSON-ready row: `PhoneNumber.to_dict`."""
    return number.to_dict()


def count_line(count: int, providers: int) -> str:
    """``250 numbers from 1 provider``, singular where it is one."""
    numbers = "number" if count == 1 else "numbers"
    return f"{count} {numbers} from {providers} provider{'' if providers == 1 else 's'}"


def shortfall_note(display_name: str, report: ListingReport) -> str:
    """``; Plivo announced 252 (2 missing)`` after a count line, or ``""`` when none is missing.

    Args:
        display_name: The provider's name as shown.
        report: The listing's report (``pager.report``).
    """
    if not report.missing:
        return ""
    return f"; {display_name} announced {report.announced} ({report.missing} missing)"


def from_csv(record: Mapping[str, str]) -> Row:
    """A row read back from CSV (``csv.DictReader``), typed like the JSON row."""
    out: Row = {k: (unquoted(v) if v != "" else None) for k, v in record.items()}
    out["capabilities"] = [c for c in (record.get("capabilities") or "").split(",") if c]
    return out


def _csv_line(values: Iterable[Any]) -> str:
    cells = list(values)
    # a lone CR is no line terminator to the writer, yet ends a record for readers: quote
    buffer = io.StringIO()
    if any("\r" in str(c) for c in cells):
        csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL).writerow(cells)
    else:
        csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue()


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(value)
    return str(value)


#: The columns of the ``table`` format (the price cell shows its currency).
TABLE_COLUMNS = tuple(f for f in FIELDS if f not in ("provider", "currency"))


@attrs.frozen
class Written:
    """What `write_rows` wrote: how many rows, and the table columns left out to fit."""

    count: int
    left_out: list[str] = attrs.field(factory=list)


def _print_table(rows: list[Row], out: TextIO, width: int) -> list[str]:
    layout = fit_columns(rows, TABLE_COLUMNS, width)
    Console(file=out, width=layout.width).print(rows_table(rows, layout.columns))
    return layout.left_out


def write_rows(
    numbers: Iterator[PhoneNumber], fmt: str, out: TextIO, *, width: int, csv_raw: bool = False
) -> Written:
    """Write every number in format ``fmt`` to ``out``.

    json, jsonl and csv stream: each row is written as soon as its page arrives, and the
    document is always complete: when the listing fails or is interrupted after some
    rows, the rows so far are closed into a valid document (the JSON array ends) before
    the exception goes on. A table is laid out to ``width`` once every row is in (on a
    failure, with the rows so far). CSV cells that a spreadsheet would run as formulas
    are written with a leading ``'`` unless ``csv_raw``.
    """
    cell = str if csv_raw else formula_safe
    rows: list[Row] = []
    if fmt == "table":
        try:
            rows.extend(row(n) for n in numbers)
        except BaseException:
            if rows:
                _print_table(rows, out, width)
            raise
        return Written(len(rows), _print_table(rows, out, width))
    count = 0
    if fmt == "csv":
        out.write(_csv_line(FIELDS))
    elif fmt == "json":
        out.write("[")
    try:
        for number in numbers:
            r = row(number)
            if fmt == "csv":
                out.write(_csv_line(cell(_csv_value(r[f])) for f in FIELDS))
            elif fmt == "jsonl":
                out.write(json.dumps(r) + "\n")
            else:
                out.write(("\n  " if count == 0 else ",\n  ") + json.dumps(r))
            out.flush()  # a reader downstream (a pipe) sees each row as it arrives
            count += 1
    finally:
        if fmt == "json":
            out.write("\n]\n" if count else "]\n")
        out.flush()
    return Written(count)
