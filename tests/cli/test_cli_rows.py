from __future__ import annotations

import csv
import io
from decimal import Decimal

from cli_helpers import numbers
from numberhub.cli._rows import FIELDS, from_csv, row, write_rows
from rich.console import Console


def test_a_row_has_every_field_in_json_ready_form() -> None:
    bird = next(n for n in numbers("bird") if n.monthly_price is not None)
    r = row(bird)
    assert list(r) == list(FIELDS)
    assert r["e164"] == bird.e164
    assert r["monthly_price"] is not None
    assert bird.monthly_price is not None
    assert Decimal(r["monthly_price"]) == bird.monthly_price.amount
    assert r["currency"] == bird.monthly_price.currency
    caps = bird.capabilities
    assert r["capabilities"] == [
        name for name in ("voice", "sms", "mms") if getattr(caps, name).enabled
    ]


def test_created_at_keeps_its_offset() -> None:
    duoplus = next(n for n in numbers("duoplus") if n.created_at is not None)
    assert duoplus.created_at is not None
    assert row(duoplus)["created_at"] == duoplus.created_at.isoformat()
    assert row(duoplus)["created_at"].endswith("+08:00")


def test_csv_round_trip_gives_the_json_row() -> None:
    items = numbers("plivo")[:10] + numbers("duoplus")[:10]
    out = io.StringIO()
    assert write_rows(iter(items), "csv", out, Console(file=io.StringIO())) == 20
    back = [from_csv(rec) for rec in csv.DictReader(io.StringIO(out.getvalue()))]
    assert back == [row(n) for n in items]


def test_empty_listing_writes_valid_empty_outputs() -> None:
    for fmt, expected in (("json", "[]\n"), ("jsonl", ""), ("csv", ",".join(FIELDS) + "\n")):
        out = io.StringIO()
        assert write_rows(iter([]), fmt, out, Console(file=io.StringIO())) == 0
        assert out.getvalue() == expected
