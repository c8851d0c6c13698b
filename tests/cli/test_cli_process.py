"""The installed ``numberhub`` console script, in real processes (pipes and exit codes)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from cli_helpers import all_env_vars, expected_rows

SCRIPT = str(Path(sys.executable).parent / "numberhub")


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in all_env_vars()}


def test_a_closed_pipe_ends_the_listing_quietly() -> None:
    proc = subprocess.run(
        f"'{SCRIPT}' list plivo --mock --format jsonl | head -n 2",
        shell=True, capture_output=True, text=True, timeout=120, env=clean_env(), check=False,
    )  # fmt: skip
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert rows == expected_rows("plivo", seed=0, size=250)[:2]
    assert "Traceback" not in proc.stderr
    assert "BrokenPipe" not in proc.stderr


def test_exit_code_and_single_line_in_a_real_process() -> None:
    proc = subprocess.run(
        [SCRIPT, "list", "butter"], capture_output=True, text=True, timeout=60,
        env=clean_env(), check=False,
    )  # fmt: skip
    assert proc.returncode == 3
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1
    assert "BUTTER_API_KEY" in proc.stderr


def test_stdout_is_clean_json_when_stderr_is_a_pipe() -> None:
    proc = subprocess.run(
        [SCRIPT, "list", "bird", "--mock", "--format", "json", "--max", "120"],
        capture_output=True, text=True, timeout=120, env=clean_env(), check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == expected_rows("bird", seed=0, size=250)[:120]
    assert proc.stderr == ""


def test_ctrl_c_in_a_real_process_exits_130_with_valid_json() -> None:
    # DuoPlus keeps to 1 request per second: one number per page makes a listing of
    # minutes, so the interrupt always lands in the middle of it.
    # A run started in the background (`nohup`, `cmd &`) inherits SIGINT ignored, and
    # Python then never raises KeyboardInterrupt; a user's terminal has the default.
    proc = subprocess.Popen(
        [SCRIPT, "list", "duoplus", "--mock", "--format", "json", "--page-size", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=clean_env(),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    assert proc.stdout is not None
    head = proc.stdout.readline() + proc.stdout.readline()  # "[" and the first row
    proc.send_signal(signal.SIGINT)
    assert proc.stderr is not None
    rest = proc.stdout.read()  # not communicate(): it would skip what readline buffered
    err = proc.stderr.read()
    proc.wait(timeout=120)
    assert proc.returncode == 130, err
    rows = json.loads(head + rest)
    assert rows == expected_rows("duoplus", seed=0, size=250)[: len(rows)]
    assert len(rows) >= 1
    assert "Aborted" not in err
    assert err.strip().endswith("numberhub: interrupted")
