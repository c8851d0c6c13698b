"""``numberhub list P1 P2 ...`` and ``--all``: several providers in one document."""

from __future__ import annotations

import csv
import io
import json

import pytest
from cli_helpers import PROVIDERS, SEED, SIZE, all_env_vars, use_credentials
from click.testing import CliRunner
from numberhub.cli import main
from numberhub.mock import MockServer, dataset

ID_FIELD = {"bird": "id", "butter": "phone_number_id", "duoplus": "id", "plivo": "number",
            "rounded": "id"}  # fmt: skip


@pytest.fixture(autouse=True)
def _no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in all_env_vars():
        monkeypatch.delenv(var, raising=False)
    for name in PROVIDERS:
        monkeypatch.delenv(f"{name.upper()}_BASE_URL", raising=False)


def run(*args: str) -> object:
    return CliRunner().invoke(main, ["list", *args], env={"COLUMNS": "200"})


def jsonl(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def ids(name: str, size: int = 250, seed: int = 0) -> list[str]:
    """The mock's ids for ``name``, in server order (the ground truth)."""
    return [str(item[ID_FIELD[name]]) for item in dataset(name, seed=seed, size=size)]


def test_two_providers_in_one_document_in_the_order_named() -> None:
    result = run("rounded", "plivo", "--mock", "--format", "jsonl", "--max", "4")
    assert result.exit_code == 0, result.output
    rows = jsonl(result.stdout)
    assert [(r["provider"], r["id"]) for r in rows] == [
        *(("rounded", i) for i in ids("rounded")[:4]),
        *(("plivo", i) for i in ids("plivo")[:4]),
    ]


def test_all_with_the_mock_lists_every_provider_as_csv() -> None:
    result = run("--all", "--mock", "--format", "csv", "--max", "3")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["provider"] for r in rows] == [name for name in PROVIDERS for _ in range(3)]
    assert [r["id"] for r in rows] == [i for name in PROVIDERS for i in ids(name)[:3]]


def test_the_table_has_a_provider_column_and_the_count_line() -> None:
    result = run("plivo", "bird", "--mock", "--max", "2")
    assert result.exit_code == 0, result.output
    assert result.stdout.split()[0] == "provider"
    assert result.stderr.splitlines()[-1] == "4 numbers from 2 providers"


def test_a_filter_applies_only_where_a_provider_has_it() -> None:
    result = run("plivo", "butter", "--mock", "--status", "free", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = jsonl(result.stdout)
    free = [str(i["phone_number_id"]) for i in dataset("butter") if i["status"] == "free"]
    assert 0 < len(free) < 250
    assert [r["id"] for r in rows if r["provider"] == "butter"] == free
    assert [r["id"] for r in rows if r["provider"] == "plivo"] == ids("plivo")


def test_a_filter_no_named_provider_has_is_refused() -> None:
    result = run("plivo", "butter", "--mock", "--country-codes", "US")
    assert result.exit_code == 2
    assert "--country-codes" in result.stderr
    assert result.stdout == ""


def test_a_value_one_provider_refuses_is_refused_before_any_request() -> None:
    result = run("butter", "duoplus", "--mock", "--status", "nope")
    assert result.exit_code == 2, result.output
    assert "--status" in result.stderr
    assert result.stdout == ""


def test_all_names_none_with_it_and_needs_credentials() -> None:
    assert run("--all", "plivo").exit_code == 2
    result = run("--all")
    assert result.exit_code == 3  # missing credentials, as in every command
    assert "nothing to list" in result.stderr


def test_one_failed_provider_is_one_line_and_the_others_are_listed(
    server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_credentials(monkeypatch, "plivo", dict(server.credentials["plivo"]))
    use_credentials(monkeypatch, "bird", {**server.credentials["bird"], "access_key": "wrong"})
    monkeypatch.setenv("PLIVO_BASE_URL", server.base_url)
    monkeypatch.setenv("BIRD_BASE_URL", server.base_url)
    result = run("bird", "plivo", "--format", "jsonl", "--max-retries", "0")
    assert result.exit_code == 3, result.output
    rows = jsonl(result.stdout)
    assert [r["id"] for r in rows] == ids("plivo", size=SIZE, seed=SEED)
    failed = [line for line in result.stderr.splitlines() if line.startswith("numberhub: bird:")]
    assert len(failed) == 1
    assert "authentication failed" in failed[0]
    assert "wrong" not in result.stderr


def test_all_lists_the_providers_whose_credentials_are_set(
    server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_credentials(monkeypatch, "rounded", dict(server.credentials["rounded"]))
    monkeypatch.setenv("ROUNDED_BASE_URL", server.base_url)
    result = run("--all", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert {r["provider"] for r in jsonl(result.stdout)} == {"rounded"}
    assert "skipping plivo: PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN not set" in result.stderr


def test_one_provider_still_lists_as_before() -> None:
    result = run("plivo", "--mock", "--format", "jsonl", "--max", "2")
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in jsonl(result.stdout)] == ids("plivo")[:2]
