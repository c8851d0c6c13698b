"""The benchmark reaches into the wrapper's answer path; a refactor must not leave it broken."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wrapper_cpu_benchmark_runs_against_the_current_code() -> None:
    run = subprocess.run(
        [sys.executable, "scripts/bench_wrapper.py", "--quick", "--section", "cpu"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    # Only that it runs: whether a target is met depends on the machine, so that is the
    # benchmark's own verdict, not this test's.
    assert "Traceback" not in run.stderr, run.stderr
    assert "numberhub answer path (lazy)" in run.stdout
    assert "numberhub list_numbers via MockTransport" in run.stdout


def test_the_mock_benchmark_runs_against_the_current_code() -> None:
    run = subprocess.run(
        [sys.executable, "scripts/bench_mock.py", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in run.stderr, run.stderr
    for row in ("numberhub mock  first", "numberhub mock  full", "bare asgi       full"):
        assert row in run.stdout, run.stdout
    assert "mock first 200 after" in run.stdout
