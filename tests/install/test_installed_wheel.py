"""The built wheel, installed into a fresh venv outside the checkout, finds its specs.

An editable install reads ``specs/`` from the source tree; a wheel must carry them where
the spec loader looks. This builds the wheel, installs it with its locked dependencies'
floors as pip would pick them, and runs the CLI from a folder that is not the checkout.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UV = ROOT / ".venv-uv" / "bin" / "uv"
PROVIDERS = ("bird", "butter", "duoplus", "plivo", "rounded")


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    return {**env, **extra}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv outside the checkout with the built numberhub wheel (and its mock extra)."""
    where = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [str(UV), "build", "--wheel", "--quiet", "-o", str(where / "dist"), str(ROOT)],
        check=True,
        env=_clean_env(),
    )
    (wheel,) = (where / "dist").glob("numberhub-*.whl")
    venv = where / "venv"
    subprocess.run([str(UV), "venv", "--quiet", "--python", sys.executable, str(venv)], check=True)
    subprocess.run(
        [
            str(UV),
            "pip",
            "install",
            "--quiet",
            "--python",
            str(venv / "bin" / "python"),
            f"{wheel}[mock]",
        ],
        check=True,
        env=_clean_env(),
    )
    return venv


def _run(venv: Path, *args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(venv / "bin" / "numberhub"), *args],
        cwd=cwd,
        env=_clean_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_installed_cli_knows_every_provider(installed: Path, tmp_path: Path) -> None:
    done = _run(installed, "providers", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    for name in PROVIDERS:
        assert f"{name} (" in done.stdout


def test_the_installed_package_reads_its_specs_from_the_wheel(
    installed: Path, tmp_path: Path
) -> None:
    probe = "import numberhub_spec; print(numberhub_spec.shipped_dir())"
    done = subprocess.run(
        [str(installed / "bin" / "python"), "-c", probe],
        cwd=tmp_path,
        env=_clean_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    shipped = Path(done.stdout.strip())
    assert (shipped / "plivo.yaml").is_file()
    assert installed in shipped.parents
    assert ROOT not in shipped.parents


def test_a_specs_folder_of_yaml_alone_still_gets_the_extension_schema(
    installed: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "specs"
    folder.mkdir()
    (folder / "plivo.yaml").write_text((ROOT / "specs" / "plivo.yaml").read_text())
    done = _run(installed, "providers", cwd=tmp_path, NUMBERHUB_SPECS_DIR=str(folder))
    assert done.returncode == 0, done.stderr
    assert "plivo (Plivo)" in done.stdout
    assert "bird (" not in done.stdout


def test_the_installed_cli_lists_from_its_mock(installed: Path, tmp_path: Path) -> None:
    done = _run(installed, "list", "plivo", "--mock", "--format", "jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) > 0
