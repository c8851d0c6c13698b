"""The six distributions: what each declares and what its wheel and sdist carry.

The smoke set of the installed packages (``scripts/installed``, which scripts/test runs)
installs them into fresh venvs; these checks read the metadata and the archives only.
"""

from __future__ import annotations

import subprocess
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UV = ROOT / ".venv-uv" / "bin" / "uv"
PROVIDERS = ("bird", "butter", "duoplus", "plivo", "rounded")


def _names(sdist: Path) -> list[str]:
    with tarfile.open(sdist) as archive:
        return archive.getnames()


def _project(path: Path) -> dict:
    return tomllib.loads(path.read_text())["project"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [str(UV), "build", "--quiet", "--all-packages", "--out-dir", str(out)],
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    return out


def test_numberhub_depends_on_the_five_clients_at_its_own_version() -> None:
    root = _project(ROOT / "pyproject.toml")
    pins = {d for d in root["dependencies"] if d.startswith("numberhub-")}
    assert pins == {f"numberhub-{name}-client=={root['version']}" for name in PROVIDERS}


@pytest.mark.parametrize("name", PROVIDERS)
def test_each_client_depends_only_on_httpx_attrs_and_dateutil(name: str) -> None:
    client = _project(ROOT / "generated" / f"{name}_client" / "pyproject.toml")
    assert client["name"] == f"numberhub-{name}-client"
    assert client["version"] == _project(ROOT / "pyproject.toml")["version"]
    bare = {d.split(">")[0].split("=")[0].split("<")[0] for d in client["dependencies"]}
    assert bare == {"httpx", "attrs", "python-dateutil"}


def test_the_workspace_has_the_five_clients() -> None:
    workspace = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["uv"]
    members = {p for g in workspace["workspace"]["members"] for p in ROOT.glob(g)}
    assert members == {ROOT / "generated" / f"{name}_client" for name in PROVIDERS}
    assert set(workspace["sources"]) == {f"numberhub-{name}-client" for name in PROVIDERS}


def test_the_numberhub_wheel_carries_the_specs_and_no_client(built: Path) -> None:
    (wheel,) = built.glob("numberhub-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {f"numberhub_spec/_specs/{n}.yaml" for n in PROVIDERS} <= set(names)
    assert "numberhub_spec/_specs/numberhub-extensions.schema.json" in names
    assert "numberhub/__main__.py" in names
    assert "numberhub_mock/pytest_plugin.py" in names
    assert not [n for n in names if n.split("/")[0].endswith("_client")]


def test_the_numberhub_sdist_holds_only_the_package_sources(built: Path) -> None:
    (sdist,) = built.glob("numberhub-*.tar.gz")
    names = _names(sdist)
    tops = {n.split("/", 2)[1] for n in names if n.count("/") >= 1}
    assert tops <= {"wrapper", "specs", "pyproject.toml", "README.md", "PKG-INFO", ".gitignore"}
    assert any(n.endswith("specs/plivo.yaml") for n in names)


@pytest.mark.parametrize("name", PROVIDERS)
def test_each_client_wheel_is_its_typed_package_alone(built: Path, name: str) -> None:
    (wheel,) = built.glob(f"numberhub_{name}_client-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert f"{name}_client/py.typed" in names
    assert f"{name}_client/api/numbers/list_numbers.py" in names
    assert {n.split("/")[0] for n in names} == {
        f"{name}_client",
        *(n.split("/")[0] for n in names if n.split("/")[0].endswith(".dist-info")),
    }
    (sdist,) = built.glob(f"numberhub_{name}_client-*.tar.gz")
    assert any(n.endswith("/pyproject.toml") for n in _names(sdist))
