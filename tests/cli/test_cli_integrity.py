"""The CLI against a provider that lies: shortfalls told, exit 7, safe CSV and table cells.

A small server on 127.0.0.1 answers every request with one fixed page.
"""

from __future__ import annotations

import csv
import http.server
import io
import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from cli_helpers import SIZE
from click.testing import CliRunner
from numberhub.cli import main
from numberhub.cli._spreadsheet import formula_safe, unquoted
from numberhub.mock import MockServer

BUTTER_ENV = {"BUTTER_API_KEY": "butter-key-s3cr3t", "BUTTER_ORGANIZATION_ID": "org_1"}


def _butter_item(number_id: str, phone: str) -> dict[str, Any]:
    return {
        "phone_number_id": number_id,
        "phone_number": phone,
        "provider": "twilio",
        "status": "free",
        "supports_inbound": True,
        "supports_outbound": False,
        "assigned_agent_id": None,
        "created_at": "2024-01-15T10:30:00Z",
    }


def _page(items: list[dict[str, Any]], total: int) -> bytes:
    pagination = {"next_cursor": None, "has_more": False, "page_size": 20, "total_count": total}
    return json.dumps({"success": True, "data": items, "pagination": pagination}).encode()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    body = b""


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(self.server.body)))
        self.end_headers()
        self.wfile.write(self.server.body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


@pytest.fixture
def serve(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Server]:
    for key, value in BUTTER_ENV.items():
        monkeypatch.setenv(key, value)
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def _list(server: _Server, *args: str) -> Any:
    url = f"http://127.0.0.1:{server.server_address[1]}"
    return CliRunner().invoke(main, ["list", "butter", "--base-url", url, *args])


ITEMS = [
    _butter_item("phon_000000000001", "+14155550101"),
    _butter_item("phon_000000000002", "+14155550102"),
]


def test_a_shortfall_is_told_with_the_count_line(serve: _Server) -> None:
    serve.body = _page(ITEMS, total=5)
    result = _list(serve)
    assert result.exit_code == 0, result.output
    assert "2 numbers from 1 provider; Butter AI announced 5 (3 missing)" in result.stderr


def test_strict_exits_7_with_the_rows_as_a_valid_document(serve: _Server) -> None:
    serve.body = _page(ITEMS, total=5)
    result = _list(serve, "--strict", "--format", "json")
    assert result.exit_code == 7, result.output
    assert [r["id"] for r in json.loads(result.stdout)] == [
        "phon_000000000001",
        "phon_000000000002",
    ]
    assert "incomplete listing" in result.stderr
    assert "3 missing" in result.stderr


def test_an_honest_listing_says_nothing_more(serve: _Server) -> None:
    serve.body = _page(ITEMS, total=2)
    result = _list(serve, "--strict")
    assert result.exit_code == 0, result.output
    assert "missing" not in result.stderr


FORMULAS = ["=cmd|' /C calc'!A0", "@SUM(1+1)", "+SUM(1)", "-2+3", "\tx", "\rx"]


def test_csv_cells_that_would_run_as_formulas_start_with_a_quote(serve: _Server) -> None:
    serve.body = _page(
        [_butter_item(f, f"+1415555010{k}") for k, f in enumerate(FORMULAS)], total=6
    )
    result = _list(serve, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["'" + f for f in FORMULAS]
    assert [r["e164"] for r in rows] == [f"+1415555010{k}" for k in range(6)]  # unquoted


def test_csv_raw_writes_them_as_they_are(serve: _Server) -> None:
    serve.body = _page([_butter_item("=1+1", "+14155550101")], total=1)
    result = _list(serve, "--format", "csv", "--csv-raw")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["id"] == "=1+1"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("+14155550100", "+14155550100"),
        ("-1.5", "-1.5"),
        ("0.80", "0.80"),
        ("+1 415", "'+1 415"),
        ("-", "'-"),
        ("=A1", "'=A1"),
        ("plain", "plain"),
    ],
)
def test_formula_safe_and_back(value: str, written: str) -> None:
    assert formula_safe(value) == written
    assert unquoted(written) == value


def test_escape_sequences_and_markup_never_reach_the_terminal(serve: _Server) -> None:
    evil = "phon_\x1b]0;owned\x07\x1b[2J[bold red]x[/]\x9b"
    serve.body = _page([_butter_item(evil, "+14155550101")], total=1)
    result = _list(serve, "--format", "table")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout
    assert "\x07" not in result.stdout
    assert "\x9b" not in result.stdout
    assert "␛]0;owned␇␛[2J[bold red]x[/]\\u009b" in result.stdout


# Several providers at once: a lying Butter beside an honest Plivo served by the mock.
def _butter_and_plivo(
    serve: _Server, server: MockServer, monkeypatch: pytest.MonkeyPatch, *args: str
) -> Any:
    monkeypatch.setenv("BUTTER_BASE_URL", f"http://127.0.0.1:{serve.server_address[1]}")
    monkeypatch.setenv("PLIVO_BASE_URL", server.base_url)
    for name, value in server.credentials["plivo"].items():
        monkeypatch.setenv(f"PLIVO_{name.upper()}", value)
    return CliRunner().invoke(main, ["list", "butter", "plivo", *args])


def test_several_providers_tell_the_shortfall_of_the_one_that_fell_short(
    serve: _Server, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve.body = _page(ITEMS, total=5)
    result = _butter_and_plivo(serve, server, monkeypatch, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["provider"] for r in rows].count("butter") == 2
    assert [r["provider"] for r in rows].count("plivo") == SIZE
    assert "Butter AI announced 5 (3 missing)" in result.stderr
    assert "Plivo announced" not in result.stderr


def test_several_providers_strict_exits_7_after_every_row(
    serve: _Server, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve.body = _page(ITEMS, total=5)
    result = _butter_and_plivo(serve, server, monkeypatch, "--strict", "--format", "json")
    assert result.exit_code == 7, result.output
    rows = json.loads(result.stdout)
    assert [r["provider"] for r in rows].count("plivo") == SIZE
    assert "incomplete listing" in result.stderr


def test_several_providers_take_csv_raw(
    serve: _Server, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve.body = _page([_butter_item("=cmd|' /C calc'!A0", "+14155550101")], total=1)
    quoted = _butter_and_plivo(serve, server, monkeypatch, "--format", "csv")
    raw = _butter_and_plivo(serve, server, monkeypatch, "--format", "csv", "--csv-raw")
    assert quoted.exit_code == 0, quoted.output
    assert raw.exit_code == 0, raw.output
    ids = [r["id"] for r in csv.DictReader(io.StringIO(raw.stdout)) if r["provider"] == "butter"]
    assert ids == ["=cmd|' /C calc'!A0"]
    assert "'=cmd|' /C calc'!A0" in quoted.stdout
