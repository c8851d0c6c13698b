from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numberhub
import pytest
import yaml
from cli_helpers import PROVIDERS, invoke
from click.testing import CliRunner

SPECS = Path(__file__).resolve().parents[2] / "specs"


def spec(provider: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((SPECS / f"{provider}.yaml").read_text())
    return data


def list_operation(provider: str) -> dict[str, Any]:
    for item in spec(provider)["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == "list_numbers":
                return op
    raise AssertionError(provider)


@pytest.fixture(scope="module")
def described() -> dict[str, dict[str, Any]]:
    result = invoke(CliRunner(), "providers", "--format", "json")
    assert result.exit_code == 0
    return {row["name"]: row for row in json.loads(result.stdout)}


def test_every_spec_is_a_provider(described: dict[str, dict[str, Any]]) -> None:
    assert sorted(described) == sorted(p.stem for p in SPECS.glob("*.yaml"))


@pytest.mark.parametrize("provider", PROVIDERS)
def test_rows_come_from_the_spec(described: dict[str, dict[str, Any]], provider: str) -> None:
    row = described[provider]
    info = spec(provider)["info"]["x-numberhub-provider"]
    op = list_operation(provider)
    assert row["display_name"] == info["display_name"]
    assert row["lists"] == info["lists"]
    limit = op.get("x-numberhub-rate-limit")
    if limit:
        assert row["rate_limit"] == {k: limit[k] for k in ("requests", "per_seconds", "scope")}
    else:
        assert row["rate_limit"] is None
        assert row["rate_limit_text"] == "not published"
    limit_input = next(
        i["name"] for i in op["x-speakeasy-pagination"]["inputs"] if i["type"] == "limit"
    )
    params = {p["name"]: p for p in op.get("parameters", []) if "name" in p}
    if limit_input in params:
        assert row["page_size_max"] == params[limit_input]["schema"]["maximum"]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_env_vars_are_those_the_clients_read(
    described: dict[str, dict[str, Any]], provider: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from numberhub.mock import credentials

    creds = credentials([provider])[provider]
    env_vars = described[provider]["env_vars"]
    assert len(env_vars) == len(creds)
    for env, value in zip(env_vars, creds.values(), strict=True):
        monkeypatch.setenv(env, value)
    numberhub.client(provider).close()  # constructs from the environment alone


def test_documented_facts(described: dict[str, dict[str, Any]]) -> None:
    assert described["bird"]["lists"] == "available"
    assert described["plivo"]["page_size_max"] == 20
    assert described["duoplus"]["rate_limit"] == {
        "requests": 1, "per_seconds": 1, "scope": "endpoint",
    }  # fmt: skip
    assert described["plivo"]["env_vars"] == ["PLIVO_AUTH_ID", "PLIVO_AUTH_TOKEN"]
    assert described["rounded"]["paging"] == "page"
    assert "use_cursor" in described["rounded"]["paging_detail"]


def test_table_names_every_provider_and_its_env_vars(
    runner: CliRunner, described: dict[str, dict[str, Any]]
) -> None:
    result = invoke(runner, "providers")
    assert result.exit_code == 0
    for row in described.values():
        assert row["name"] in result.stdout
        for env in row["env_vars"]:
            assert env in result.stdout
        assert row["rate_limit_text"].split(" (")[0] in " ".join(result.stdout.split())
