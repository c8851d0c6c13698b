from __future__ import annotations

import io
import json
from typing import Any

import numberhub
import pytest
from cli_helpers import (
    PROVIDERS,
    SIZE,
    expected_rows,
    invoke,
    list_from,
    numbers,
    parse,
)
from click.testing import CliRunner
from numberhub.cli._catalog import provider_info
from numberhub.cli._rows import FIELDS
from numberhub.cli._session import iterate_with_progress
from numberhub.mock import MockServer, dataset
from rich.console import Console

# DuoPlus allows one request per second, and the client keeps to it: give it one page.
SMALL_PAGES = {"duoplus": []}


def page_args(provider: str) -> list[str]:
    return SMALL_PAGES.get(provider, ["--page-size", "10"])


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_format_parses_back_to_the_mocks_numbers(
    runner: CliRunner,
    server: MockServer,
    monkeypatch: pytest.MonkeyPatch,
    provider: str,
    fmt: str,
) -> None:
    result = list_from(runner, server, monkeypatch, provider, "--format", fmt, *page_args(provider))
    assert result.exit_code == 0, result.stderr
    rows = parse(fmt, result.stdout)
    assert rows == expected_rows(provider)
    assert [r["id"] for r in rows] == [n.id for n in numbers(provider)]
    assert len({r["id"] for r in rows}) == SIZE


@pytest.mark.parametrize("provider", ["plivo", "bird"])
def test_json_and_csv_of_one_listing_are_the_same_rows(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch, provider: str
) -> None:
    as_json = list_from(runner, server, monkeypatch, provider, "--format", "json")
    as_csv = list_from(runner, server, monkeypatch, provider, "--format", "csv")
    json_rows, csv_rows = parse("json", as_json.stdout), parse("csv", as_csv.stdout)
    assert json_rows == csv_rows
    assert any(r["monthly_price"] for r in json_rows)  # prices and capabilities survive csv
    assert any(len(r["capabilities"]) > 1 for r in json_rows)


def test_csv_has_the_row_fields_as_header(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = list_from(runner, server, monkeypatch, "butter", "--format", "csv", "--max", "1")
    assert result.stdout.splitlines()[0].split(",") == list(FIELDS)


def test_table_shows_every_number(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = list_from(runner, server, monkeypatch, "plivo", "--max", "8")
    assert result.exit_code == 0
    assert "e164" in result.stdout
    for n in numbers("plivo")[:8]:
        assert n.e164 in result.stdout
    assert numbers("plivo")[8].e164 not in result.stdout


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("limit", [0, 1, 13])
def test_max_stops_after_n_numbers(
    runner: CliRunner,
    server: MockServer,
    monkeypatch: pytest.MonkeyPatch,
    provider: str,
    limit: int,
) -> None:
    result = list_from(
        runner, server, monkeypatch, provider, "--format", "json", "--max", str(limit)
    )
    assert parse("json", result.stdout) == expected_rows(provider)[:limit]


def test_concurrency_keeps_order_and_completeness(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = list_from(
        runner, server, monkeypatch, "plivo", "--format", "jsonl", "--concurrency", "4",
        "--page-size", "4",
    )  # fmt: skip
    assert parse("jsonl", result.stdout) == expected_rows("plivo")


def _ids(result: Any) -> list[str]:
    assert result.exit_code == 0, result.stderr
    return [r["id"] for r in parse("json", result.stdout)]


def test_plivo_type_and_services_filter(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = _ids(list_from(
        runner, server, monkeypatch, "plivo", "--format", "json",
        "--type", "local", "--services", "voice,sms",
    ))  # fmt: skip
    want = [
        item["number"]
        for item in dataset("plivo", seed=7, size=SIZE)
        if item["number_type"].lower() == "local" and item["voice_enabled"] and item["sms_enabled"]
    ]
    assert want, "the dataset should hold local voice+sms numbers"
    assert got == want


def test_array_filters_repeat_or_take_commas(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    repeated = _ids(list_from(
        runner, server, monkeypatch, "bird", "--format", "json",
        "--country-codes", "US", "--country-codes", "GB",
    ))  # fmt: skip
    commas = _ids(
        list_from(
            runner, server, monkeypatch, "bird", "--format", "json", "--country-codes", "US,GB"
        )
    )
    want = [i["id"] for i in dataset("bird", seed=7, size=SIZE) if i["countryCode"] in ("US", "GB")]
    assert want
    assert repeated == commas == want


def test_integer_enum_filters_in_the_json_body(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = _ids(list_from(
        runner, server, monkeypatch, "duoplus", "--format", "json",
        "--status", "1", "--type-ids", "2", "--region-ids", "US,GB",
    ))  # fmt: skip
    want = [
        i["id"]
        for i in dataset("duoplus", seed=7, size=SIZE)
        if i["status"] == 1 and i["type_id"] == 2 and i["region_id"] in ("US", "GB")
    ]
    assert want
    assert got == want


def test_butter_status_filter(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = _ids(
        list_from(runner, server, monkeypatch, "butter", "--format", "json", "--status", "free")
    )
    want = [
        i["phone_number_id"] for i in dataset("butter", seed=7, size=SIZE) if i["status"] == "free"
    ]
    assert want
    assert got == want


def test_rounded_cursor_mode_lists_the_same_numbers(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    paged = _ids(list_from(runner, server, monkeypatch, "rounded", "--format", "json"))
    cursor = _ids(list_from(
        runner, server, monkeypatch, "rounded", "--format", "json", "--use-cursor",
        "--page-size", "10",
    ))  # fmt: skip
    assert sorted(cursor) == sorted(paged)
    assert len(cursor) == SIZE


def test_mock_flag_needs_no_credentials(runner: CliRunner) -> None:
    result = invoke(runner, "list", "bird", "--mock", "--format", "json", "--max", "5")
    assert result.exit_code == 0, result.stderr
    assert parse("json", result.stdout) == expected_rows("bird", seed=0, size=250)[:5]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_help_shows_every_filter_and_its_allowed_values(runner: CliRunner, provider: str) -> None:
    result = invoke(runner, "list", provider, "--help")
    assert result.exit_code == 0
    help_text = " ".join(result.stdout.split())
    filters = provider_info(provider).filters
    assert filters or provider == "rounded"  # Rounded documents no filters
    for keyword, param in filters.items():
        assert "--" + keyword.replace("_", "-") in help_text
        items = param.schema.get("items", param.schema)
        for value in items.get("enum", ()):
            assert str(value) in help_text


@pytest.mark.parametrize("args", [["list", "--help"], ["list"]])
def test_help_lists_every_provider(runner: CliRunner, args: list[str]) -> None:
    result = invoke(runner, *args)
    assert "Commands:" in result.output
    assert "numberhub:" not in result.output  # the help, not an error line
    for provider in PROVIDERS:
        assert f"  {provider} " in result.output


def _listed(server: MockServer, provider: str, console: Console, **kwargs: Any) -> list[str]:
    """The ids ``iterate_with_progress`` yields for a real listing from the mock."""
    creds = server.credentials[provider]
    with numberhub.client(provider, base_url=server.base_url, **creds) as client:
        pager = client.list_numbers(page_size=10, **kwargs)
        listed = iterate_with_progress(
            pager, provider_info(provider), console, max_items=kwargs.get("max_items")
        )
        return [n.id for n in listed]


def test_progress_bar_only_on_a_terminal_and_with_a_total(server: MockServer) -> None:
    expected = [n.id for n in numbers("plivo")]

    terminal = io.StringIO()
    console = Console(file=terminal, force_terminal=True, width=80)
    assert _listed(server, "plivo", console) == expected
    assert f"{SIZE}/{SIZE}" in terminal.getvalue()

    plain = io.StringIO()
    console = Console(file=plain, force_terminal=False)
    assert _listed(server, "plivo", console) == expected
    assert plain.getvalue() == ""

    unknown = io.StringIO()  # Bird does not tell its total
    console = Console(file=unknown, force_terminal=True, width=80)
    assert _listed(server, "bird", console) == [n.id for n in numbers("bird")]
    assert str(SIZE) not in unknown.getvalue()


def test_progress_total_is_capped_by_max(server: MockServer) -> None:
    terminal = io.StringIO()
    console = Console(file=terminal, force_terminal=True, width=80)
    assert len(_listed(server, "butter", console, max_items=3)) == 3
    assert "3/3" in terminal.getvalue()
    assert f"/{SIZE}" not in terminal.getvalue()


def test_results_go_to_stdout_and_nothing_else(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = list_from(runner, server, monkeypatch, "plivo", "--format", "json")
    assert result.stderr == ""
    json.loads(result.stdout)
