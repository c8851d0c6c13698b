"""``numberhub mock`` tells the truth: the port bound, the variables to set, a port in use."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from click.testing import CliRunner
from numberhub.cli import main

NUMBERHUB = [sys.executable, "-m", "numberhub"]
EXPECTED_NAMES = [  # written out: every variable the five clients read
    "BIRD_BASE_URL", "BIRD_ACCESS_KEY", "BIRD_ORGANIZATION_ID",
    "BUTTER_BASE_URL", "BUTTER_API_KEY", "BUTTER_ORGANIZATION_ID",
    "DUOPLUS_BASE_URL", "DUOPLUS_API_KEY",
    "PLIVO_BASE_URL", "PLIVO_AUTH_ID", "PLIVO_AUTH_TOKEN",
    "ROUNDED_BASE_URL", "ROUNDED_API_KEY",
]  # fmt: skip


@pytest.fixture(autouse=True)
def _no_credentials_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in EXPECTED_NAMES:
        monkeypatch.delenv(name, raising=False)


def _pairs(text: str, prefix: str) -> dict[str, str]:
    lines = text.splitlines()
    assert all(line.startswith(prefix) for line in lines), text
    return dict(line.removeprefix(prefix).split("=", 1) for line in lines)


def test_env_prints_an_export_for_every_variable_the_clients_read() -> None:
    result = CliRunner().invoke(main, ["mock", "--env", "--port", "4010"])
    assert result.exit_code == 0, result.output
    pairs = _pairs(result.stdout, "export ")
    assert list(pairs) == EXPECTED_NAMES
    assert {pairs[n] for n in pairs if n.endswith("_BASE_URL")} == {"http://127.0.0.1:4010"}
    assert pairs["PLIVO_AUTH_ID"] == "MANUMBERHUBMOCK00001"
    assert pairs["ROUNDED_API_KEY"] == "nhmock-rounded-api-key"


def test_env_as_a_dotenv_file_for_some_providers() -> None:
    result = CliRunner().invoke(
        main, ["mock", "--env", "--format", "dotenv", "--provider", "bird", "--port", "5000"]
    )
    assert result.exit_code == 0, result.output
    assert _pairs(result.stdout, "") == {
        "BIRD_BASE_URL": "http://127.0.0.1:5000",
        "BIRD_ACCESS_KEY": "nhmock-bird-access-key",
        "BIRD_ORGANIZATION_ID": "6f1c2a9e-4b7d-4e2a-9c1f-3a5b7d9e0f12",
    }


def test_env_values_are_quoted_for_the_shell(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLIVO_AUTH_TOKEN", "it's $HOME; rm -rf x")
    script = 'eval "$("$@" mock --env --port 4010)"; printf %s "$PLIVO_AUTH_TOKEN|$PLIVO_BASE_URL"'
    done = subprocess.run(
        ["bash", "-c", script, "bash", *NUMBERHUB],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout == "it's $HOME; rm -rf x|http://127.0.0.1:4010"


@pytest.fixture
def running() -> Iterator[tuple[dict[str, str], subprocess.Popen[str]]]:
    """``numberhub mock --port 0 --env``, its export lines read once the port is bound."""
    proc = subprocess.Popen(
        [*NUMBERHUB, "mock", "--port", "0", "--env", "--size", "7"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in EXPECTED_NAMES]
        yield _pairs("".join(lines), "export "), proc
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_port_0_shows_the_port_bound_in_env_and_banner(
    running: tuple[dict[str, str], subprocess.Popen[str]],
) -> None:
    pairs, proc = running
    base = pairs["ROUNDED_BASE_URL"]
    port = int(base.rpartition(":")[2])
    assert port > 0
    answer = httpx.get(
        base + "/v1/phone-numbers", headers={"X-Api-Key": pairs["ROUNDED_API_KEY"]}, timeout=30
    )
    assert answer.status_code == 200
    assert len(answer.json()["data"]) == 7
    proc.terminate()
    _, banner = proc.communicate(timeout=30)
    assert f"numberhub mock on http://127.0.0.1:{port} " in banner
    assert ":0" not in banner.replace(f":{port}", "")
    assert max(len(line) for line in banner.splitlines()) <= 100


def test_the_banner_fits_100_columns_with_workers_and_a_5_digit_port() -> None:
    from numberhub.cli._mock_banner import banner
    from numberhub_mock import create_app

    text = banner(create_app(size=3), "http://127.0.0.1:65535", 0, 4, {})
    assert len(text.splitlines()) > 10
    assert max(len(line) for line in text.splitlines()) <= 100, text


def test_a_port_in_use_fails_before_the_banner_with_exit_9() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [*NUMBERHUB, "mock", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 9
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"numberhub: cannot serve on 127.0.0.1:{port}: address already in use"
    ]
