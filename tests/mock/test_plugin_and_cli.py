"""The pytest fixtures (in a pytest subprocess) and the ``numberhub mock`` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from numberhub.cli import main
from numberhub_mock import DEFAULT_CREDENTIALS


def test_fixtures_serve_a_users_contract_tests(tmp_path: Path) -> None:
    (tmp_path / "test_user.py").write_text(
        textwrap.dedent(
            """
        import httpx

        def test_session_mock(numberhub_mock):
            key = numberhub_mock.credentials["rounded"]["api_key"]
            r = httpx.get(numberhub_mock.base_url + "/v1/phone-numbers",
                          headers={"X-Api-Key": key}, params={"limit": 1000})
            assert r.status_code == 200
            assert len(r.json()["data"]) == 250

        def test_factory(numberhub_mock_factory):
            server = numberhub_mock_factory(providers=["butter"], size=3, seed=5)
            creds = server.credentials["butter"]
            r = httpx.get(server.base_url + "/api/phone-numbers",
                          headers={"X-API-Key": creds["api_key"],
                                   "X-Organization-Id": creds["organization_id"]})
            assert r.json()["pagination"]["total_count"] == 3
        """
        )
    )
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "--rootdir",
            str(tmp_path),
            str(tmp_path / "test_user.py"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 passed" in run.stdout


HEAVY = ("numberhub", "httpx", "uvicorn", "numberhub_spec", "phonenumbers", "yaml", "orjson")


def test_the_plugin_module_imports_nothing_heavy() -> None:
    # pytest imports the plugin (by its entry point) in every session of every project
    # where numberhub is installed: it must cost nothing until a fixture is used.
    code = (
        "import sys, importlib.metadata as md; "
        "[ep] = [e for e in md.entry_points(group='pytest11') if e.name == 'numberhub']; "
        "plugin = ep.load(); "
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules)); "
        "print(sorted(n for n in dir(plugin) if n.startswith('numberhub_mock')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == [
        "[]",
        "['numberhub_mock', 'numberhub_mock_factory']",
    ], out.stdout + out.stderr


def test_the_check_of_heavy_imports_can_fail() -> None:
    code = (
        "import sys, numberhub_mock.pytest_plugin, numberhub_mock; numberhub_mock.MockServer; "
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "numberhub_spec" in out.stdout  # using the mock loads it; importing it does not


def test_credentials_flag_prints_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUTTER_API_KEY", "env-key")
    result = CliRunner().invoke(main, ["mock", "--credentials"])
    assert result.exit_code == 0, result.output
    creds = json.loads(result.output)
    assert creds["butter"]["api_key"] == "env-key"
    assert creds["plivo"] == dict(DEFAULT_CREDENTIALS["plivo"])
    one = json.loads(
        CliRunner().invoke(main, ["mock", "--credentials", "--provider", "bird"]).output
    )
    assert list(one) == ["bird"]


def test_help_lists_the_mock_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "mock" in result.output
    assert "--fault-rate" in CliRunner().invoke(main, ["mock", "--help"]).output


def test_bad_options_are_usage_errors() -> None:
    assert CliRunner().invoke(main, ["mock", "--fault-rate", "2"]).exit_code == 2


def test_the_command_serves_on_a_real_socket() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "ROUNDED_API_KEY": "cli-key"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "numberhub.cli",
            "mock",
            "--port",
            str(port),
            "--size",
            "12",
            "--provider",
            "rounded",
            "--seed",
            "4",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        banner = [proc.stdout.readline() for _ in range(8)]
        assert f"http://127.0.0.1:{port}" in banner[0]
        assert "api_key from $ROUNDED_API_KEY" in "".join(banner)
        assert "cli-key" not in "".join(banner), "the banner printed a secret"
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.get(
                    f"http://127.0.0.1:{port}/v1/phone-numbers", headers={"X-Api-Key": "cli-key"}
                )
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.05)
        assert r.status_code == 200
        assert r.json()["total_items"] == 12
        assert httpx.get(f"http://127.0.0.1:{port}/api/phone-numbers").status_code == 404
    finally:
        proc.terminate()
        proc.wait(timeout=10)
