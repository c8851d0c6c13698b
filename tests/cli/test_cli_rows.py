from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from decimal import Decimal

import pytest
from cli_helpers import numbers
from numberhub import PhoneNumber, RateLimitError
from numberhub.cli._rows import FIELDS, count_line, from_csv, row, write_rows


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
    assert write_rows(iter(items), "csv", out, width=80).count == 20
    back = [from_csv(rec) for rec in csv.DictReader(io.StringIO(out.getvalue()))]
    assert back == [row(n) for n in items]


def test_empty_listing_writes_valid_empty_outputs() -> None:
    for fmt, expected in (("json", "[]\n"), ("jsonl", ""), ("csv", ",".join(FIELDS) + "\n")):
        out = io.StringIO()
        assert write_rows(iter([]), fmt, out, width=80).count == 0
        assert out.getvalue() == expected


def test_a_row_is_the_numbers_to_dict() -> None:
    for number in numbers("plivo")[:3] + numbers("bird")[:3]:
        assert row(number) == number.to_dict()


def _failing(items: list[PhoneNumber], exc: BaseException) -> Iterator[PhoneNumber]:
    yield from items
    raise exc


def _parse(fmt: str, text: str) -> list[dict[str, object]]:
    if fmt == "json":
        data: list[dict[str, object]] = json.loads(text)
        return data
    if fmt == "jsonl":
        return [json.loads(line) for line in text.splitlines()]
    return [from_csv(rec) for rec in csv.DictReader(io.StringIO(text))]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
@pytest.mark.parametrize(
    "exc",
    [
        RateLimitError("too many", status=429, headers={}, body=None, provider="plivo"),
        KeyboardInterrupt(),
    ],
    ids=["failure", "ctrl-c"],
)
@pytest.mark.parametrize("before", [0, 1, 7])
def test_a_listing_that_stops_leaves_a_valid_document_of_the_rows_so_far(
    fmt: str, exc: BaseException, before: int
) -> None:
    items = numbers("plivo")[:before]
    out = io.StringIO()
    with pytest.raises(type(exc)):
        write_rows(_failing(items, exc), fmt, out, width=80)
    assert _parse(fmt, out.getvalue()) == [row(n) for n in items]


def test_a_failed_table_still_shows_the_rows_so_far() -> None:
    items = numbers("plivo")[:3]
    out = io.StringIO()
    exc = RateLimitError("x", status=429, headers={}, body=None, provider="plivo")
    with pytest.raises(RateLimitError):
        write_rows(_failing(items, exc), "table", out, width=80)
    for number in items:
        assert number.id in out.getvalue()


@pytest.mark.parametrize(
    ("count", "providers", "line"),
    [
        (250, 1, "250 numbers from 1 provider"),
        (1, 1, "1 number from 1 provider"),
        (0, 1, "0 numbers from 1 provider"),
        (12, 5, "12 numbers from 5 providers"),
    ],
)
def test_the_count_line_minds_the_plural(count: int, providers: int, line: str) -> None:
    assert count_line(count, providers) == line
