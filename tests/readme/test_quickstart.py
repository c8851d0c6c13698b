"""Every python block of the README's Quickstart runs unchanged against a running mock.

The Quickstart says to start ``numberhub mock`` and ``eval "$(numberhub mock --env --port
4010)"``. Here the mock runs as ``numberhub mock --port 0 --env`` (a free port), and each
block runs in a fresh Python whose only numberhub settings come from a shell that did
exactly that ``eval``: no credential, base URL or specs folder of the test's own. A block
that needs anything else fails.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from readme_blocks import README, Block, blocks

SECTION = re.search(r"^## Quickstart\n(.*?)^## ", README.read_text(), re.M | re.S)
assert SECTION is not None
START = README.read_text().count("\n", 0, SECTION.start(1))
QUICKSTART = [
    Block(b.lang, b.code, b.line + START) for b in blocks(SECTION.group(1)) if b.lang == "python"
]
# Variables a test run may have set that would help a block: none may reach it.
_OURS = re.compile(r"^(BIRD|BUTTER|DUOPLUS|PLIVO|ROUNDED)_|^NUMBERHUB_|^PYTHON|^VIRTUAL_ENV")


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not _OURS.match(k)}


@pytest.fixture(scope="module")
def mock_port() -> Iterator[int]:
    """``numberhub mock --port 0 --env`` running; the port it bound."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "numberhub", "mock", "--port", "0", "--env"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=_clean_env(),
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        found = re.match(r"export \w+_BASE_URL=http://127\.0\.0\.1:(\d+)$", first.strip())
        assert found, first
        yield int(found[1])
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_the_quickstart_starts_the_mock_and_evals_its_env() -> None:
    text = SECTION.group(1)
    assert "numberhub mock --port 4010 &" in text
    assert 'eval "$(numberhub mock --env --port 4010)"' in text
    assert len(QUICKSTART) >= 6


@pytest.mark.parametrize("block", QUICKSTART, ids=str)
def test_quickstart_block_runs_as_written(block: Block, mock_port: int, tmp_path: Path) -> None:
    script = 'eval "$("$0" -m numberhub mock --env --port "$1")" && exec "$0" -'
    done = subprocess.run(
        ["bash", "-c", script, sys.executable, str(mock_port)],
        input=block.code,
        capture_output=True,
        text=True,
        timeout=300,
        env=_clean_env(),
        cwd=tmp_path,  # not the checkout
    )
    assert done.returncode == 0, f"{block}\n{done.stderr[-3000:]}"
    if re.search(r"^\s*print\(", block.code, re.M):
        assert done.stdout.strip(), f"{block} printed nothing"
