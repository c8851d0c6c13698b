"""The CLI's output: a table that fits the width, and documents that survive a failure."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from cli_helpers import PROVIDERS, SIZE, expected_rows, invoke, list_from, numbers, parse
from click.testing import CliRunner
from numberhub import APIConnectionError, AuthenticationError, PhoneNumber, ServerError
from numberhub.cli._catalog import provider_info
from numberhub.mock import MockServer


def lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


@pytest.mark.parametrize("width", [80, 100, 60])
@pytest.mark.parametrize("provider", PROVIDERS)
def test_the_table_fits_columns_and_shows_ids_and_numbers_whole(
    runner: CliRunner,
    server: MockServer,
    monkeypatch: pytest.MonkeyPatch,
    provider: str,
    width: int,
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = list_from(runner, server, monkeypatch, provider, "--max", "12")
    assert result.exit_code == 0, result.stderr
    shown = lines(result.stdout)
    assert max(len(line) for line in shown) <= width
    for number in numbers(provider)[:12]:
        line = next(line for line in shown if line.split()[:1] == [number.id])
        if number.e164:
            assert number.e164 in line.split()
    assert result.stderr.splitlines()[0] == "12 numbers from 1 provider"


def test_a_wide_output_shows_every_column_and_names_none_left_out(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    result = list_from(runner, server, monkeypatch, "plivo", "--max", "3")
    header = lines(result.stdout)[0].split()
    assert header == [
        "id", "e164", "country", "type", "status", "ownership", "capabilities", "monthly",
        "price", "created", "at",
    ]  # fmt: skip
    assert result.stderr == "3 numbers from 1 provider\n"


def test_a_narrow_output_names_the_columns_it_left_out(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = list_from(runner, server, monkeypatch, "bird", "--max", "3")
    header = lines(result.stdout)[0].split()
    assert header[:2] == ["id", "e164"]
    note = result.stderr.splitlines()[1]
    assert note.startswith("not shown at this width: ")
    assert "ownership" in note
    assert "status" not in note  # shown


def test_too_narrow_for_id_and_number_still_shows_them_whole(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "20")
    result = list_from(runner, server, monkeypatch, "bird", "--max", "2")
    for number in numbers("bird")[:2]:
        assert [number.id, number.e164] in [line.split() for line in lines(result.stdout)]


def test_one_number_is_singular(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = list_from(runner, server, monkeypatch, "butter", "--max", "1")
    assert result.stderr.splitlines()[0] == "1 number from 1 provider"


def test_providers_reads_at_80_columns_with_every_env_var_whole(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = invoke(runner, "providers")
    assert result.exit_code == 0
    shown = lines(result.stdout)
    assert max(len(line) for line in shown) <= 80
    words = result.stdout.split()
    for provider in PROVIDERS:
        info = provider_info(provider)
        assert f"{info.method} {info.path}" in " ".join(words)
        for env in info.env_vars:
            assert env in words


def _fails_after(rows: int, exc: BaseException) -> Any:
    def iterate(pager: Any, *args: Any, **kwargs: Any) -> Iterator[PhoneNumber]:
        for index, number in enumerate(pager):
            if index == rows:
                raise exc
            yield number

    return iterate


FAILURES = [
    (AuthenticationError("refused", status=401, headers={}, body=None, provider="p"), 3),
    (ServerError("down", status=503, headers={}, body=None, provider="p"), 4),
    (APIConnectionError("unreachable", provider="p"), 5),
]


@pytest.mark.parametrize(("exc", "code"), FAILURES, ids=["auth", "server", "network"])
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_a_failure_after_some_rows_closes_the_document_and_exits_with_its_code(
    runner: CliRunner,
    server: MockServer,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    exc: BaseException,
    code: int,
) -> None:
    monkeypatch.setattr("numberhub.cli.listing.iterate_with_progress", _fails_after(15, exc))
    result = list_from(runner, server, monkeypatch, "plivo", "--format", fmt, "--page-size", "10")
    assert result.exit_code == code
    assert parse(fmt, result.stdout) == expected_rows("plivo")[:15]
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("numberhub: ")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_ctrl_c_exits_130_with_valid_output_and_no_aborted(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setattr(
        "numberhub.cli.listing.iterate_with_progress", _fails_after(4, KeyboardInterrupt())
    )
    result = list_from(runner, server, monkeypatch, "rounded", "--format", fmt)
    assert result.exit_code == 130
    assert "Aborted" not in result.output
    assert result.stderr == "numberhub: interrupted\n"
    if fmt == "table":
        assert all(n.id in result.stdout for n in numbers("rounded")[:4])
    else:
        assert parse(fmt, result.stdout) == expected_rows("rounded")[:4]


def test_json_is_complete_when_nothing_fails(
    runner: CliRunner, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = list_from(runner, server, monkeypatch, "bird", "--format", "json")
    assert json.loads(result.stdout) == expected_rows("bird")
    assert len(expected_rows("bird")) == SIZE
