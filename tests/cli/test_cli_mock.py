from __future__ import annotations

import json

from cli_helpers import invoke
from click.testing import CliRunner
from numberhub.mock import credentials


def test_mock_credentials_prints_what_the_mock_accepts(runner: CliRunner) -> None:
    result = invoke(runner, "mock", "--credentials")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == credentials()


def test_mock_credentials_of_one_provider(runner: CliRunner) -> None:
    result = invoke(runner, "mock", "--credentials", "--provider", "plivo")
    assert json.loads(result.stdout) == {"plivo": credentials(["plivo"])["plivo"]}


def test_every_command_is_listed(runner: CliRunner) -> None:
    result = invoke(runner, "--help")
    assert result.exit_code == 0
    for command in ("demo", "list", "mock", "providers"):
        assert f"  {command} " in result.stdout
    assert "Exit codes" in result.stdout
