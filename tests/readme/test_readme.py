"""Every code block of README.md runs against the mock.

``python`` blocks run in-process with each provider's environment variables set to the
mock's credentials and each spec's default server pointed at the mock, so the quickstarts
run exactly as written (``numberhub.Plivo()`` with no arguments) and really list numbers.
Blocks defining ``test_*`` functions run through pytest with the numberhub plugin. ``sh``
blocks: ``numberhub`` commands that need no account (``--mock``, ``providers``, ``demo``,
``mock --credentials``) run; the others are parsed with ``--help`` appended, which fails
on an unknown command or option; ``scripts/...`` must exist and be executable.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from numberhub.cli import main
from numberhub.cli._catalog import provider_info
from numberhub.mock import MockServer
from numberhub_spec import SPECS_DIR_ENV, load, provider_names, specs_dir
from readme_blocks import GENERATED_README, README, Block, blocks, commands

ROOT = README.parent
PYTHON = [b for b in blocks() if b.lang == "python" and not b.is_test_module]
TESTS = [b for b in blocks() if b.lang == "python" and b.is_test_module]
SHELL = [b for b in blocks() if b.lang == "sh"]
RUNNING_MOCK = "http://127.0.0.1:4010"


@pytest.fixture
def pointed_at_mock(
    numberhub_mock: MockServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> MockServer:
    """Credentials in the environment and default servers at the mock, for this test.

    The specs are copied with their first server at the mock, and read from the copy
    (``$NUMBERHUB_SPECS_DIR``), so the quickstarts run as written.
    """
    for name in provider_names():
        for cred in provider_info(name).credentials:
            monkeypatch.setenv(cred.env, numberhub_mock.credentials[name][cred.name])
        doc = yaml.safe_load((specs_dir() / f"{name}.yaml").read_text())
        doc["servers"][0]["url"] = numberhub_mock.base_url
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True))
    monkeypatch.setenv(SPECS_DIR_ENV, str(tmp_path))
    return numberhub_mock


def test_the_two_commands_come_first() -> None:
    first = blocks()[0]
    assert first.lang == "sh"
    assert [c.split()[0] for c in commands(first)] == ["scripts/demo", "scripts/test"]
    text = README.read_text()
    assert text.index("scripts/demo") < text.index("## Quickstart")


def test_the_readme_has_runnable_blocks() -> None:
    assert len(PYTHON) >= 8
    assert len(TESTS) >= 1
    assert all(b.lang in ("python", "sh", "yaml", "") for b in blocks())


@pytest.mark.parametrize("block", [b for b in blocks() if b.lang == "yaml"], ids=str)
def test_yaml_block_is_valid_extension_text(block: Block) -> None:
    from numberhub_spec._extensions import _vocabulary

    data = yaml.safe_load(block.code)
    _, validators = _vocabulary()
    for key, value in data.items():
        assert key.startswith("x-numberhub-"), f"{block}: {key}"
        errors = [
            e.message for e in validators[key.removeprefix("x-numberhub-")].iter_errors(value)
        ]
        assert errors == [], f"{block}: {errors}"


@pytest.mark.parametrize("block", PYTHON, ids=str)
def test_python_block_runs(
    block: Block, pointed_at_mock: MockServer, capsys: pytest.CaptureFixture[str]
) -> None:
    namespace = {"__name__": "__readme__"}
    code = block.code
    for name in provider_names():  # the generated clients' examples name the real servers
        for server in load(name, ROOT / "specs").servers:
            code = code.replace(f'"{server}"', repr(pointed_at_mock.base_url))
    exec(compile(code, str(block), "exec"), namespace)
    printed = capsys.readouterr().out
    if re.search(r"^\s*print\(", block.code, re.M):
        assert printed.strip(), f"{block} printed nothing"


@pytest.mark.parametrize("block", TESTS, ids=str)
def test_pytest_block_passes(block: Block, pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_readme_block=block.code)
    count = len(re.findall(r"^def test_", block.code, re.M))
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=count)


def _runs_without_account(args: list[str]) -> bool:
    return (
        "--mock" in args
        or args[:1] in (["providers"], ["demo"])
        or args[:2]
        == [
            "mock",
            "--credentials",
        ]
    )


@pytest.mark.parametrize("block", SHELL, ids=str)
def test_shell_block_commands_exist(block: Block, pointed_at_mock: MockServer) -> None:
    runner = CliRunner()
    checked = 0
    for command in commands(block):
        words = shlex.split(command)
        if words[0].startswith("scripts/"):
            assert os.access(ROOT / words[0], os.X_OK), f"{block}: {words[0]} is not executable"
            checked += 1
            continue
        if words[0] != "numberhub":
            continue
        args = []
        for word in words[1:]:
            if word in ("|", ">", ">>", "&"):
                break
            # "a running numberhub mock" on the README's port: the session's mock here
            args.append(word.replace(RUNNING_MOCK, pointed_at_mock.base_url))
        if not _runs_without_account(args):
            args.append("--help")
        result = runner.invoke(main, args)
        assert result.exit_code == 0, f"{block}: {command}\n{result.output}"
        assert result.stdout.strip()
        checked += 1
    assert checked, f"{block} has no command to check"


def test_readme_mentions_every_provider_class() -> None:
    import numberhub

    text = README.read_text()
    for name in provider_names():
        cls = provider_info(name).client_class
        assert f"numberhub.{cls.__name__}(" in text
        assert getattr(numberhub, cls.__name__) is cls


def test_generated_client_examples_are_those_of_generated_readme() -> None:
    def direct(source: list[Block]) -> list[str]:
        return [
            b.code for b in source if "_client.api.numbers import" in b.code and "while" in b.code
        ]

    ours = direct(blocks())
    assert len(ours) == len(provider_names())
    assert ours == direct(blocks(path=GENERATED_README))
