"""Every python block of README.md and generated/README.md passes ``mypy --strict``.

The blocks are what users copy: the typed clients, the typed mock credentials
(``**server.credentials["rounded"]``) and the generated clients' models must type-check
as written.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from readme_blocks import GENERATED_README, README, blocks

PYTHON = [b for path in (README, GENERATED_README) for b in blocks(path=path) if b.lang == "python"]


def test_every_python_block_passes_mypy_strict(tmp_path: Path) -> None:
    names = {}
    for number, block in enumerate(PYTHON):
        name = f"readme_block_{number:02d}.py"
        (tmp_path / name).write_text(block.code)
        names[name] = str(block)
    done = subprocess.run(
        [
            sys.executable, "-m", "mypy", "--strict", "--no-error-summary",
            "--cache-dir", str(README.parent / ".mypy_cache" / "readme"),
            *sorted(names),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip
    report = done.stdout
    for name, where in names.items():
        report = report.replace(name, where)
    assert done.returncode == 0, report
    assert len(names) >= 15
