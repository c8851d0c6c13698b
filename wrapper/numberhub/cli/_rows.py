"""One flat row per `PhoneNumber`, and the writers of ``--format json|jsonl|csv|table``.

A row has the same fields in every format:

``provider, id, e164, country, type, status, ownership, capabilities, monthly_price,
currency, created_at``

* ``capabilities``: the enabled ones among ``voice``, ``sms`` and ``mms``, in that order
  (a JSON list; comma-separated in CSV).
* ``monthly_price``: a decimal string (``"0.80000"``) so that no precision is lost, with
  its ISO 4217 ``currency``.
* ``created_at``: ISO 8601 with its offset.
* Unknown values are ``null`` in JSON and empty in CSV.

json and csv output of the same listing parse back to the same rows (see `from_csv`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from numberhub._models import PhoneNumber

__all__ = ["FIELDS", "FORMATS", "TABLE_COLUMNS", "from_csv", "row", "rows_table", "write_rows"]

FIELDS = (
    "provider",
    "id",
    "e164",
    "country",
    "type",
    "status",
    "ownership",
    "capabilities",
    "monthly_price",
    "currency",
    "created_at",
)
FORMATS = ("table", "json", "jsonl", "csv")
CAPABILITIES = ("voice", "sms", "mms")
Row = dict[str, Any]


def row(number: PhoneNumber) -> Row:
    """``number`` as a flat, JSON-ready row."""
    price = number.monthly_price
    created = number.created_at
    caps = number.capabilities
    return {
        "provider": number.provider,
        "id": number.id,
        "e164": number.e164,
        "country": number.country,
        "type": number.type,
        "status": number.status,
        "ownership": number.ownership,
        "capabilities": [c for c in CAPABILITIES if getattr(caps, c).enabled],
        "monthly_price": None if price is None else str(price.amount),
        "currency": None if price is None else price.currency,
        "created_at": None if created is None else created.isoformat(),
    }


def from_csv(record: Mapping[str, str]) -> Row:
    """A row read back from CSV (``csv.DictReader``), typed like the JSON row."""
    out: Row = {k: (v if v != "" else None) for k, v in record.items()}
    out["capabilities"] = [c for c in (record.get("capabilities") or "").split(",") if c]
    return out


def _csv_line(values: Iterable[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(value)
    return str(value)


#: The columns of the ``table`` format (the price cell shows its currency).
TABLE_COLUMNS = tuple(f for f in FIELDS if f not in ("provider", "currency"))


def rows_table(
    rows: Iterable[Row], *, title: str | None = None, columns: Iterable[str] = TABLE_COLUMNS
) -> Table:
    """A rich table of rows (the ``table`` format and the demo's samples)."""
    table = Table(title=title, title_justify="left", header_style="bold")
    columns = list(columns)
    for name in columns:
        table.add_column(name.replace("_", " "), no_wrap=name in ("e164", "id", "created_at"))
    for r in rows:
        cells = []
        for name in columns:
            value = r[name]
            if name == "monthly_price" and value is not None:
                value = f"{value} {r['currency']}"
            cells.append("" if value is None else _csv_value(value))
        table.add_row(*cells)
    return table


def write_rows(numbers: Iterator[PhoneNumber], fmt: str, out: TextIO, console: Console) -> int:
    """Write every number in format ``fmt``; returns how many.

    json, jsonl and csv stream: each row is written as soon as its page arrives.
    """
    count = 0
    if fmt == "table":
        rows = [row(n) for n in numbers]
        console.print(rows_table(rows))
        return len(rows)
    if fmt == "csv":
        out.write(_csv_line(FIELDS))
    elif fmt == "json":
        out.write("[")
    for number in numbers:
        r = row(number)
        if fmt == "csv":
            out.write(_csv_line(_csv_value(r[f]) for f in FIELDS))
        elif fmt == "jsonl":
            out.write(json.dumps(r) + "\n")
        else:
            out.write(("\n  " if count == 0 else ",\n  ") + json.dumps(r))
        count += 1
    if fmt == "json":
        out.write("\n]\n" if count else "]\n")
    out.flush()
    return count
