"""The CLI knows a provider from its YAML alone: providers, list, demo and check."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_helpers import invoke
from click.testing import CliRunner
from numberhub_spec import SPECS_DIR_ENV, specs_dir

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "specs"
NEW = ("dialbase", "telora")


@pytest.fixture(autouse=True)
def specs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for spec in specs_dir().glob("*.yaml"):
        shutil.copy(spec, tmp_path)
    for name in NEW:
        shutil.copy(FIXTURES / f"{name}.yaml", tmp_path)
    monkeypatch.setenv(SPECS_DIR_ENV, str(tmp_path))
    return tmp_path


def test_providers_lists_them_from_their_specs() -> None:
    result = invoke(CliRunner(), "providers", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert {"dialbase", "telora"} <= set(rows)
    assert rows["telora"]["env_vars"] == ["TELORA_API_KEY"]
    assert rows["dialbase"]["env_vars"] == ["DIALBASE_API_TOKEN", "DIALBASE_ACCOUNT_ID"]
    assert rows["telora"]["paging"] == "offset"
    assert rows["dialbase"]["paging"] == "page"
    assert rows["dialbase"]["lists"] == "available"
    assert rows["telora"]["filters"] == ["country", "kind", "sms"]


def test_list_offers_their_filters_as_options() -> None:
    result = invoke(CliRunner(), "list", "telora", "--help")
    assert result.exit_code == 0, result.output
    assert "--kind [landline|mobile|tollfree]" in result.stdout
    assert "--sms" in result.stdout
    assert "TELORA_API_KEY" in result.stdout


def test_a_bad_filter_value_is_refused_before_any_request() -> None:
    # no credentials, no server: the value is refused first, exit 2
    result = invoke(CliRunner(), "list", "dialbase", "--category", "fax")
    assert result.exit_code == 2
    assert "fax" in result.stderr
    assert "geographic" in result.stderr


def test_missing_credentials_name_their_variables() -> None:
    result = invoke(CliRunner(), "list", "dialbase")
    assert result.exit_code == 3
    assert "DIALBASE_API_TOKEN" in result.stderr
    assert "DIALBASE_ACCOUNT_ID" in result.stderr


@pytest.mark.parametrize("provider", NEW)
def test_list_from_the_mock(provider: str) -> None:
    result = invoke(CliRunner(), "list", provider, "--mock", "--format", "json", "--max", "30")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 30
    assert len({row["id"] for row in rows}) == 30
    assert all(row["provider"] == provider for row in rows)
    assert all(row["e164"] and row["e164"].startswith("+") for row in rows)
    assert all(row["country"] for row in rows)


def test_filtered_listing_from_the_mock() -> None:
    result = invoke(
        CliRunner(), "list", "telora", "--mock", "--kind", "tollfree", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows
    assert {row["type"] for row in rows} == {"toll_free"}


def test_demo_includes_them() -> None:
    result = invoke(CliRunner(), "demo", "--format", "json", "--size", "25", "--rows", "2")
    assert result.exit_code == 0, result.output
    counts = {p["name"]: p["count"] for p in json.loads(result.stdout)["providers"]}
    assert counts["telora"] == 25
    assert counts["dialbase"] == 25


@pytest.mark.parametrize("provider", NEW)
def test_check_finds_the_mock_conforming(provider: str) -> None:
    result = invoke(CliRunner(), "check", provider, "--mock", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["findings"] == []
    assert report["items"] > 0
