from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from cli_helpers import PROVIDERS, expected_rows, invoke
from click.testing import CliRunner

DEMO_SIZE = 40
DEMO_SEED = 3


@pytest.fixture(scope="module")
def report() -> dict[str, dict[str, object]]:
    result = invoke(
        CliRunner(), "demo", "--format", "json", "--size", str(DEMO_SIZE), "--seed",
        str(DEMO_SEED), "--rows", "4",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["size"] == DEMO_SIZE
    return {p["name"]: p for p in data["providers"]}


def test_demo_lists_every_provider(report: dict[str, dict[str, object]]) -> None:
    assert list(report) == list(PROVIDERS)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_demo_counts_and_breakdowns_match_the_dataset(
    report: dict[str, dict[str, object]], provider: str
) -> None:
    rows = expected_rows(provider, seed=DEMO_SEED, size=DEMO_SIZE)
    got = report[provider]
    assert got["count"] == len(rows) == DEMO_SIZE
    with_e164 = [r for r in rows if r["e164"] is not None]
    assert got["sample"] == (with_e164 + [r for r in rows if r["e164"] is None])[:4]
    assert got["by_country"] == dict(Counter(r["country"] or "unknown" for r in rows))
    assert got["by_type"] == dict(Counter(r["type"] for r in rows))
    cross = got["by_country_type"]
    assert isinstance(cross, dict)
    assert sum(sum(types.values()) for types in cross.values()) == DEMO_SIZE
    for country, types in cross.items():
        assert types == dict(
            Counter(r["type"] for r in rows if (r["country"] or "unknown") == country)
        )


def test_demo_table_names_every_provider_with_its_count(runner: CliRunner) -> None:
    result = invoke(runner, "demo", "--size", "30", "--provider", "plivo", "--provider", "rounded")
    assert result.exit_code == 0, result.stderr
    assert "Plivo: 30 numbers owned" in result.stdout
    assert "Rounded: 30 numbers owned" in result.stdout
    assert "by country and type" in result.stdout
    assert "Bird" not in result.stdout


def test_demo_shows_numbers_with_an_e164_first(report: dict[str, dict[str, object]]) -> None:
    rounded = expected_rows("rounded", seed=DEMO_SEED, size=DEMO_SIZE)
    assert rounded[0]["e164"] is None  # the dataset starts with a SIP number: the case at hand
    for provider in PROVIDERS:
        sample = report[provider]["sample"]
        assert isinstance(sample, list)
        assert all(r["e164"] for r in sample), provider


def test_demo_says_provider_in_the_singular_for_one(runner: CliRunner) -> None:
    result = invoke(runner, "demo", "--size", "5", "--provider", "plivo")
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert "listing 1 provider through" in text
    assert "1 providers" not in text


def test_demo_explains_duoplus_rate_limit(runner: CliRunner) -> None:
    result = invoke(runner, "demo", "--size", "150", "--provider", "duoplus")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "DuoPlus: 150 numbers owned, 2 pages" in text
    assert "1 per second per endpoint" in text


def test_demo_console_script_runs_in_a_fresh_process() -> None:
    script = Path(sys.executable).parent / "numberhub"
    env = {k: v for k, v in os.environ.items() if not k.endswith(("_API_KEY", "_AUTH_TOKEN"))}
    proc = subprocess.run(
        [str(script), "demo", "--size", "25", "--rows", "1"],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    for name in ("Bird", "Butter AI", "DuoPlus", "Plivo", "Rounded"):
        assert f"{name}: 25 numbers" in proc.stdout
