"""The smoke set of what users install, run by ``scripts/installed`` with the installed pytest.

``scripts/installed`` builds every wheel and sdist, installs them into fresh virtual
environments in a temporary folder outside the checkout, copies this file there as
``test_installed.py`` and runs it with the pytest of the ``wheels`` environment, from that
folder: nothing of the checkout is on ``sys.path``. It names the folders in
``NUMBERHUB_INSTALLED`` (``wheels/``, ``sdists/``, ``client-<provider>/``) and the checkout
in ``NUMBERHUB_CHECKOUT`` (only to assert that nothing is imported from it, and to read
the generated clients' README examples).

This file is not collected by the repository's own test run (its name has no ``test_``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numberhub
import numberhub_mock
import numberhub_spec
import pytest
from numberhub.mock import MockServer, dataset

INSTALLED = Path(os.environ["NUMBERHUB_INSTALLED"])
CHECKOUT = Path(os.environ["NUMBERHUB_CHECKOUT"])
PROVIDERS = ("bird", "butter", "duoplus", "plivo", "rounded")
BIN = Path(sys.prefix) / "bin"
# What a generated client may bring: its three dependencies and theirs, nothing of numberhub's.
CLIENT_DISTRIBUTIONS = {"attrs", "python-dateutil", "six", "httpx", "httpcore", "h11", "anyio",
                        "idna", "sniffio", "certifi", "typing-extensions", "tzdata"}  # fmt: skip
NOT_IN_A_CLIENT = ("numberhub", "click", "rich", "phonenumbers", "orjson", "jsonschema_rs", "yaml")


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    return subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**clean, **(env or {})},
        cwd=Path.cwd(),
    )


def outside_checkout(path: str | Path) -> bool:
    return CHECKOUT.resolve() not in Path(path).resolve().parents


def test_nothing_comes_from_the_checkout() -> None:
    assert all(outside_checkout(p) for p in sys.path if p), sys.path
    for module in (numberhub, numberhub_spec, numberhub_mock):
        assert Path(str(module.__file__)).is_relative_to(sys.prefix), module.__file__
    for name in PROVIDERS:
        client = __import__(f"{name}_client")
        assert Path(str(client.__file__)).is_relative_to(sys.prefix), client.__file__


def test_the_specs_are_read_from_the_installed_package() -> None:
    shipped = numberhub_spec.shipped_dir()
    assert shipped.is_relative_to(sys.prefix), shipped
    assert sorted(p.stem for p in shipped.glob("*.yaml")) == list(PROVIDERS)
    assert numberhub_spec.provider_names() == PROVIDERS


def test_numberhub_providers_names_all_five() -> None:
    done = run(BIN / "numberhub", "providers")
    assert done.returncode == 0, done.stderr
    for name in PROVIDERS:
        assert re.search(rf"^{name} \(", done.stdout, re.M), (name, done.stdout)


def test_python_m_numberhub() -> None:
    done = run(sys.executable, "-m", "numberhub", "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("numberhub, version ")


@pytest.mark.parametrize("name", PROVIDERS)
def test_numberhub_list_from_the_mock(name: str) -> None:
    done = run(BIN / "numberhub", "list", name, "--mock", "--format", "jsonl", "--max", "5")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == 5
    assert {row["provider"] for row in rows} == {name}
    assert all(row["id"] for row in rows)
    assert any((row["e164"] or "").startswith("+") for row in rows)


def test_numberhub_check_against_the_mock() -> None:
    done = run(BIN / "numberhub", "check", "--mock", "--max-pages", "1")
    assert done.returncode == 0, done.stdout + done.stderr
    for name in PROVIDERS:
        assert f"({name}): 1 page" in done.stdout, done.stdout


def test_a_specs_folder_of_yaml_alone_still_gets_the_extension_schema(tmp_path: Path) -> None:
    (tmp_path / "plivo.yaml").write_text((numberhub_spec.shipped_dir() / "plivo.yaml").read_text())
    done = run(BIN / "numberhub", "providers", env={"NUMBERHUB_SPECS_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert "plivo (Plivo)" in done.stdout
    assert "bird (" not in done.stdout


def test_a_listing_through_mock_server() -> None:
    with (
        MockServer(seed=3, size=30) as server,
        numberhub.Plivo(base_url=server.base_url, **server.credentials["plivo"]) as plivo,
    ):
        ids = [number.id for number in plivo.list_numbers()]
    assert ids == [item["number"] for item in dataset("plivo", seed=3, size=30)]


def test_the_pytest_plugin_is_registered(pytestconfig: pytest.Config) -> None:
    assert pytestconfig.pluginmanager.has_plugin("numberhub")


def test_the_pytest_plugins_mock(numberhub_mock: MockServer) -> None:
    creds = numberhub_mock.credentials["bird"]
    with numberhub.Bird(base_url=numberhub_mock.base_url, **creds) as bird:
        ids = [number.id for number in bird.list_numbers()]
    assert ids == [item["id"] for item in dataset("bird")]


def test_the_sdists_install_and_work() -> None:
    venv = INSTALLED / "sdists"
    done = run(venv / "bin" / "numberhub", "providers")
    assert done.returncode == 0, done.stderr
    assert all(f"{name} (" in done.stdout for name in PROVIDERS)
    done = run(venv / "bin" / "numberhub", "list", "rounded", "--mock", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 250
    probe = "import numberhub_spec; print(numberhub_spec.shipped_dir())"
    shipped = run(venv / "bin" / "python", "-c", probe).stdout.strip()
    assert Path(shipped).is_relative_to(venv), shipped


def _direct_use_example(name: str) -> str:
    """generated/README.md's example of ``name``'s client used alone (it pages by hand)."""
    text = (CHECKOUT / "generated" / "README.md").read_text()
    blocks = re.findall(r"^```python\n(.*?)^```", text, re.M | re.S)
    (block,) = [b for b in blocks if f"from {name}_client.api.numbers" in b and "while" in b]
    return str(block)


@pytest.mark.parametrize("name", PROVIDERS)
def test_each_client_installs_alone(name: str) -> None:
    python = INSTALLED / f"client-{name}" / "bin" / "python"
    probe = "import importlib.metadata as m; print(*(d.name for d in m.distributions()))"
    done = run(python, "-c", probe)
    assert done.returncode == 0, done.stderr
    names = {n.lower().replace("_", "-") for n in done.stdout.split()}
    assert f"numberhub-{name}-client" in names
    assert names - {f"numberhub-{name}-client"} <= CLIENT_DISTRIBUTIONS, names
    for module in NOT_IN_A_CLIENT:
        missing = run(python, "-c", f"import {module}")
        assert "ModuleNotFoundError" in missing.stderr, module


@pytest.mark.parametrize("name", PROVIDERS)
def test_each_client_alone_lists_from_the_mock(name: str, numberhub_mock: MockServer) -> None:
    """The README's example for the client, run in the client's own venv against the mock."""
    code = _direct_use_example(name)
    for server in numberhub_spec.load(name).servers:
        code = code.replace(f'"{server}"', repr(numberhub_mock.base_url))
    env = {
        cred.env: numberhub_mock.credentials[name][cred.name]  # type: ignore[literal-required]
        for cred in numberhub_spec.load(name).credentials
    }
    done = run(INSTALLED / f"client-{name}" / "bin" / "python", "-c", code, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{len(dataset(name))} "), done.stdout


FAULT_PROBE = """
import importlib, sys
from uuid import UUID
name, base = sys.argv[1], sys.argv[2]
package = importlib.import_module(f"{name}_client")
api = importlib.import_module(f"{name}_client.api.numbers.list_numbers")
errors = importlib.import_module(f"{name}_client.errors")
models = importlib.import_module(f"{name}_client.models")
required = {
    "plivo": {"auth_id": "MANUMBERHUBMOCK00001"},
    "bird": {"organization_id": UUID("6f1c2a9e-4b7d-4e2a-9c1f-3a5b7d9e0f12")},
    "duoplus": {"body": getattr(models, "NumberListRequest", None) and models.NumberListRequest()},
}.get(name, {})
for fault in ("status=500", "status=502", "status=429"):
    client = package.Client(base_url=base, headers={"X-Numberhub-Fault": fault},
                            raise_on_unexpected_status=True)
    with client:
        try:
            answer = api.sync_detailed(client=client, **required)
            print(fault, int(answer.status_code), type(answer.parsed).__name__)
        except errors.UnexpectedStatus as exc:
            print(fault, exc.status_code, "UnexpectedStatus")
"""


@pytest.mark.parametrize("name", PROVIDERS)
def test_each_client_alone_stays_typed_on_the_mocks_faults(
    name: str, numberhub_mock: MockServer
) -> None:
    python = INSTALLED / f"client-{name}" / "bin" / "python"
    done = run(python, "-c", FAULT_PROBE, name, numberhub_mock.base_url)
    assert done.returncode == 0, done.stderr
    lines = [line.split() for line in done.stdout.splitlines()]
    assert [line[0] for line in lines] == ["status=500", "status=502", "status=429"]
    for fault, status, parsed in lines:
        assert int(status) == int(fault.removeprefix("status=")), lines
        assert parsed not in ("NoneType", "dict"), lines  # an error model or UnexpectedStatus
