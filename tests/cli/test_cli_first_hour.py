"""The CLI a person keeps: help that reads, errors that name what to fix, one code per kind."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import click
import pytest
from cli_helpers import PROVIDERS, all_env_vars
from click.testing import CliRunner
from numberhub.cli import main
from numberhub.cli.listing import build_command

KNOWN = "Known: bird, butter, duoplus, plivo, rounded"


@pytest.fixture(autouse=True)
def _no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in all_env_vars():
        monkeypatch.delenv(var, raising=False)
    for name in PROVIDERS:
        monkeypatch.delenv(f"{name.upper()}_BASE_URL", raising=False)


def run(*args: str, **env: str) -> click.testing.Result:
    return CliRunner().invoke(main, list(args), env={"COLUMNS": "80", **env})


@pytest.mark.parametrize("name", PROVIDERS)
def test_help_lines_are_whole_words_within_80_columns(name: str) -> None:
    result = run("list", name, "--help")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80, result.stdout
    command = build_command(name)
    with click.Context(command, info_name=name) as ctx:
        records = [p.get_help_record(ctx) for p in command.get_params(ctx)]
    source = {word for r in records if r for part in r for word in part.split()}
    options_part = result.stdout.split("Options:", 1)[1]
    cut = [word for word in options_part.split() if word not in source]
    assert cut == [], cut


def test_help_shows_the_first_sentence_and_the_allowed_values() -> None:
    text = " ".join(run("list", "plivo", "--help").stdout.split())
    status = "--tendlc-registration-status CHOICE 10DLC registration status of US local numbers."
    assert status in text
    values = "unregistered, in_progress, registered, UNREGISTERED, PROCESSING, COMPLETED."
    assert f"One of: {values}" in text
    assert "--type [local|mobile|fixed|national|tollfree] The type of number." in text
    assert "https://" not in text
    assert "plivo-node" not in text  # the research notes stay in the spec


@pytest.mark.parametrize("command", [["list"], ["check"], ["mock", "--provider"]])
def test_an_unknown_provider_lists_the_known_and_suggests_the_closest(
    command: list[str],
) -> None:
    result = run(*command, "twilio")
    assert result.exit_code == 2, result.output
    if command != ["check"]:  # check's argument lists the choices in click's own words
        assert "unknown provider 'twilio'; did you mean 'plivo'?" in result.stderr
        assert KNOWN in result.stderr
    for name in PROVIDERS:
        assert name in result.stderr


def test_a_near_miss_is_suggested() -> None:
    assert "did you mean 'rounded'?" in run("list", "rouned").stderr


@pytest.mark.parametrize("command", ["list", "check"])
def test_a_bad_credential_in_the_environment_is_named_as_the_variable(command: str) -> None:
    result = run(command, "bird", BIRD_ACCESS_KEY="k", BIRD_ORGANIZATION_ID="not-a-uuid-at-all")
    assert result.exit_code == 3, result.output
    assert "invalid value in the environment variable BIRD_ORGANIZATION_ID" in result.stderr
    assert "--organization-id" not in result.stderr
    assert "not-a-uuid-at-all" not in result.stderr


@pytest.mark.parametrize("command", ["list", "check"])
def test_a_bad_base_url_in_the_environment_is_named_as_the_variable(command: str) -> None:
    result = run(command, "rounded", "--mock", ROUNDED_BASE_URL="127.0.0.1:4010")
    # --mock gives the mock's URL as the argument: the variable is not read
    assert result.exit_code == 0, result.output
    result = run(command, "rounded", ROUNDED_API_KEY="k", ROUNDED_BASE_URL="127.0.0.1:4010")
    assert result.exit_code == 2, result.output
    assert "invalid value in the environment variable ROUNDED_BASE_URL" in result.stderr


@pytest.mark.parametrize("command", ["list", "check"])
def test_missing_credentials_exit_3_in_every_command(command: str) -> None:
    result = run(command, "plivo")
    assert result.exit_code == 3, result.output
    assert "PLIVO_AUTH_ID" in result.stderr


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("command", ["list", "check"])
def test_a_network_error_names_host_and_port_never_a_credential(
    command: str, closed_port: int
) -> None:
    secret, auth_id = "s3cr3t-token-value", "MANUMBERHUBSECRET001"
    result = run(
        command, "plivo", "--max-retries", "0",
        PLIVO_AUTH_ID=auth_id, PLIVO_AUTH_TOKEN=secret,
        PLIVO_BASE_URL=f"http://127.0.0.1:{closed_port}",
    )  # fmt: skip
    assert result.exit_code == 5, result.output
    assert f"(tried 127.0.0.1:{closed_port})" in result.stderr
    assert secret not in result.output
    assert auth_id not in result.output


def test_python_m_numberhub() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COLUMNS")}
    done = subprocess.run(
        [sys.executable, "-m", "numberhub", "--help"],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Usage: numberhub ")


def _complete(words: str, **env: str) -> list[str]:
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    done = subprocess.run(
        [sys.executable, "-m", "numberhub"],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "_NUMBERHUB_COMPLETE": "bash_complete", "COMP_WORDS": words,
             "COMP_CWORD": str(cword), **env},
    )  # fmt: skip
    return [line.split(",", 1)[1] for line in done.stdout.splitlines()]


def test_completion_of_providers_and_allowed_values() -> None:
    assert _complete("numberhub list pl") == ["plivo"]
    assert _complete("numberhub list plivo --type to") == ["tollfree"]


@pytest.mark.parametrize(("shell", "marker"), [("bash", "complete -o"), ("zsh", "#compdef"),
                                                ("fish", "complete --no-files")])  # fmt: skip
def test_completion_scripts_for_the_documented_shells(shell: str, marker: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "numberhub"],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "_NUMBERHUB_COMPLETE": f"{shell}_source"},
    )  # fmt: skip
    assert done.returncode == 0
    assert marker in done.stdout
    assert "_NUMBERHUB_COMPLETE" in done.stdout


def test_providers_names_each_base_url_and_its_variable() -> None:
    import json

    rows = {r["name"]: r for r in json.loads(run("providers", "--format", "json").stdout)}
    assert rows["plivo"]["base_url"] == "https://api.plivo.com"
    assert {name: rows[name]["base_url_env"] for name in PROVIDERS} == {
        "bird": "BIRD_BASE_URL", "butter": "BUTTER_BASE_URL", "duoplus": "DUOPLUS_BASE_URL",
        "plivo": "PLIVO_BASE_URL", "rounded": "ROUNDED_BASE_URL",
    }  # fmt: skip
    assert "https://api.plivo.com (or $PLIVO_BASE_URL)" in run("providers").stdout


def test_completion_after_an_unknown_provider_offers_nothing_and_fails_nothing() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "numberhub"],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "_NUMBERHUB_COMPLETE": "bash_complete",
             "COMP_WORDS": "numberhub list twilio --ty", "COMP_CWORD": "3"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
