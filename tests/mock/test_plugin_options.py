"""The pytest fixtures take every option (a team's data included) and tear down cleanly."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from numberhub_mock import dataset


def _run_pytest(folder: Path, code: str, *extra: str) -> subprocess.CompletedProcess[str]:
    (folder / "test_user.py").write_text(textwrap.dedent(code))
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-s",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            *extra,
            "--rootdir",
            str(folder),
            str(folder / "test_user.py"),
        ],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=120,
    )


def test_the_factory_takes_a_teams_data_and_every_option(tmp_path: Path) -> None:
    items = dataset("butter", seed=4, size=3)
    (tmp_path / "ours.json").write_text(json.dumps(items))
    run = _run_pytest(
        tmp_path,
        """
        import json
        from pathlib import Path

        import numberhub

        def test_ours(numberhub_mock_factory):
            ours = json.loads((Path(__file__).parent / "ours.json").read_text())
            server = numberhub_mock_factory(
                providers=["butter"], data={"butter": ours}, seed=2, latency_ms=1,
                jitter_ms=1, fault_rate=0.5, faults=["503"], max_consecutive_faults=2,
                slow_ms=5, rate_limit=True, check_responses=True,
            )
            creds = server.credentials["butter"]
            with numberhub.Butter(base_url=server.base_url, **creds) as butter:
                assert [n.data for n in butter.list_numbers(status="free")] == [
                    i for i in ours if i["status"] == "free"
                ]
            assert server.dataset("butter") == ours
            assert server.requests[-1].query["status"] == ["free"]
        """,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed" in run.stdout


def test_teardown_after_a_slow_fault_prints_no_traceback(tmp_path: Path) -> None:
    run = _run_pytest(
        tmp_path,
        """
        import httpx
        import pytest

        def test_slow(numberhub_mock_factory):
            server = numberhub_mock_factory(providers=["rounded"])
            headers = {
                "X-Api-Key": server.credentials["rounded"]["api_key"],
                "X-Numberhub-Fault": "slow",
            }
            with pytest.raises(httpx.ReadTimeout):
                httpx.get(server.base_url + "/v1/phone-numbers", headers=headers, timeout=0.2)
            assert server.requests[-1].status is None  # still waiting when the test ends

        def test_session_slow(numberhub_mock):
            headers = {
                "X-Api-Key": numberhub_mock.credentials["rounded"]["api_key"],
                "X-Numberhub-Fault": "slow",
            }
            with pytest.raises(httpx.ReadTimeout):
                httpx.get(numberhub_mock.base_url + "/v1/phone-numbers", headers=headers,
                          timeout=0.2)
        """,
        "-p",
        "no:logging",
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    assert "2 passed" in run.stdout
    assert "Traceback" not in output, output
    assert "CancelledError" not in output, output
    assert "Cancel " not in output, output
