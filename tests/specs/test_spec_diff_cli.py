"""``numberhub spec diff`` from the command line: sources, git revisions, formats, exit codes.

The git tests build a small repository of their own (the shipped Plivo spec, then an
edit of it, each committed) and run the command in it.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from numberhub.cli import main
from spec_diff_helpers import SPECS, document, operation, parameter, write

EXIT_BREAKING = 8


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, ["spec", "diff", *args], env=env)


def _git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose specs/plivo.yaml is the shipped one, then without `alias`."""
    top = tmp_path / "repo"
    (top / "specs").mkdir(parents=True)
    spec = top / "specs" / "plivo.yaml"
    spec.write_text((SPECS / "plivo.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    _git(top, "init", "-q")
    _git(top, "add", ".")
    _git(top, "commit", "-qm", "plivo")
    doc = document("plivo")
    operation(doc)["parameters"].remove(parameter(doc, "alias"))
    spec.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    _git(top, "commit", "-qam", "plivo without alias")
    monkeypatch.chdir(top)
    monkeypatch.setenv("NUMBERHUB_SPECS_DIR", str(top / "specs"))
    return top


def _line_of_parameters(text: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.strip() == "parameters:")


def test_git_head_1_against_the_provider_shows_the_removed_filter(repo: Path) -> None:
    result = run("git:HEAD~1", "plivo")
    assert result.exit_code == EXIT_BREAKING, result.output
    line = _line_of_parameters((repo / "specs" / "plivo.yaml").read_text())
    assert f"request-parameter-removed  specs/plivo.yaml:{line}" in result.output
    assert "the query parameter `alias` removed" in result.output
    assert "suggested bump: major" in result.output


def test_two_revisions_and_json(repo: Path) -> None:
    result = run("git:HEAD~1:plivo", "git:HEAD", "--format", "json")
    assert result.exit_code == EXIT_BREAKING
    report = json.loads(result.stdout)
    assert report["provider"] == "plivo"
    assert report["new"] == {"source": "git:HEAD:specs/plivo.yaml", "file": "specs/plivo.yaml",
                             "version": "2026-11-22"}  # fmt: skip
    assert report["counts"] == {"breaking": 1, "warning": 0, "info": 0}
    assert report["suggested_bump"] == "major"
    (change,) = report["changes"]
    assert change["rule"] == "request-parameter-removed"
    assert change["old_line"] == 169  # `- name: alias` in the shipped file
    assert run("git:HEAD", "plivo").exit_code == 0  # the working tree is HEAD


def test_a_file_against_a_git_revision_and_markdown(repo: Path) -> None:
    result = run("git:HEAD~1", "specs/plivo.yaml", "--format", "markdown")
    assert result.exit_code == EXIT_BREAKING
    assert result.stdout.startswith("### plivo: git:HEAD~1:specs/plivo.yaml -> specs/plivo.yaml")
    assert "| breaking | request | `request-parameter-removed` |" in result.stdout


def test_a_git_revision_that_does_not_exist_is_a_usage_error(repo: Path) -> None:
    result = run("git:no-such-branch", "plivo")
    assert result.exit_code == 2
    assert "no-such-branch" in result.output


def _files(tmp_path: Path, edit: Any) -> tuple[str, str]:
    old = write(document("plivo"), "plivo", tmp_path)
    doc = copy.deepcopy(document("plivo"))
    edit(doc)
    return str(old), str(write(doc, "plivo", tmp_path))


def test_fail_on_warning_is_stricter(tmp_path: Path) -> None:
    def slower(doc: dict[str, Any]) -> None:
        operation(doc)["x-numberhub-rate-limit"]["requests"] = 100

    old, new = _files(tmp_path, slower)
    assert run(old, new).exit_code == 0
    strict = run(old, new, "--fail-on", "warning")
    assert strict.exit_code == EXIT_BREAKING
    assert "rate-limit-decreased" in strict.output


def test_check_version_accepts_a_breaking_change_with_a_new_major(tmp_path: Path) -> None:
    def breaking(doc: dict[str, Any], version: str) -> None:
        parameter(doc, "limit")["schema"]["maximum"] = 10
        doc["info"]["version"] = version

    old = write({**document("plivo"), "info": {**document("plivo")["info"], "version": "1.4.0"}},
                "plivo", tmp_path)  # fmt: skip
    for version, code in (("1.5.0", EXIT_BREAKING), ("2.0.0", 0)):
        doc = copy.deepcopy(document("plivo"))
        breaking(doc, version)
        new = write(doc, "plivo", tmp_path)
        result = run(str(old), str(new), "--check-version", "--format", "json")
        assert result.exit_code == code, result.output
        report = json.loads(result.stdout)
        assert report["version_bump"] == ("minor" if version == "1.5.0" else "major")
        assert report["version_ok"] is (code == 0)
    assert run(str(old), str(new)).exit_code == EXIT_BREAKING  # without the check: breaking


def test_github_annotations_stay_within_the_limit_and_the_rest_go_to_the_summary(
    tmp_path: Path,
) -> None:
    def many(doc: dict[str, Any]) -> None:
        keep = {"auth_id", "limit", "offset"}
        operation(doc)["parameters"] = [
            p for p in operation(doc)["parameters"] if p["name"] in keep
        ]  # 16 filters removed: 15 breaking, the deprecated one a warning

    old, new = _files(tmp_path, many)
    summary = tmp_path / "summary.md"
    result = run(old, new, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == EXIT_BREAKING
    lines = result.stdout.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert len(errors) == 10
    assert len(warnings) == 1
    assert errors[0].startswith(f"::error file={new.replace(':', '%3A')},line=")
    assert "title=request-parameter-removed (breaking%2C request)::" in errors[0]
    text = summary.read_text()
    assert text.count("| breaking | request | `request-parameter-removed` |") == 15
    assert "5 more changes in the table above, not annotated." in text


def test_same_file_no_changes_and_usage_errors(tmp_path: Path) -> None:
    plivo = str(SPECS / "plivo.yaml")
    same = run(plivo, "plivo")
    assert same.exit_code == 0
    assert "no changes" in same.output
    assert run(plivo, str(tmp_path / "missing.yaml")).exit_code == 2
    assert run(plivo, "bird").exit_code == 2  # two providers
    assert run("git:", "plivo").exit_code == 2
    assert run(plivo, "nosuchprovider").exit_code == 2
    assert run(plivo).exit_code == 2  # NEW missing


def test_a_folder_compares_every_changed_spec(repo: Path) -> None:
    bird = repo / "specs" / "bird.yaml"
    bird.write_text((SPECS / "bird.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["spec", "diff", "git:HEAD~1", "specs", "--format", "json"])
    assert result.exit_code == EXIT_BREAKING
    reports = json.loads(result.stdout)
    assert [r["provider"] for r in reports] == ["plivo"]  # bird is new, plivo changed
    assert "bird.yaml is new" in result.stderr
    assert run("git:HEAD", "specs").stdout == "no spec in specs differs from git:HEAD\n"


_CLIENT = '''
from typing import Literal


class Item:
    """A generated model."""

    number: str
    region: str


def sync(*, client: object, type_: Literal["local", "mobile", "tollfree"] = "local",
         alias: str | None = None) -> None:
    """A generated request function."""
'''


def test_the_typed_surface_changes_come_from_griffe(repo: Path) -> None:
    package = repo / "generated" / "plivo_client"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(_CLIENT, encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "a client")
    narrower = _CLIENT.replace(', "tollfree"', "").replace("    region: str\n", "")
    (package / "__init__.py").write_text(narrower.replace("alias: str | None = None", ""),
                                         encoding="utf-8")  # fmt: skip
    result = run("git:HEAD", "plivo", "--format", "json")
    assert result.exit_code == EXIT_BREAKING, result.output
    found = {(c["rule"], c["message"]) for c in json.loads(result.stdout)["changes"]}
    assert found == {
        ("api-typed-object-removed", "`plivo_client.Item.region`: public object was removed"),
        ("api-typed-parameter-removed", "`plivo_client.sync(alias)`: parameter was removed"),
        ("api-typed-literal-narrowed",
         "`plivo_client.sync(type_)`: the Literal no longer accepts 'tollfree'"),
    }  # fmt: skip
    typed = [c for c in json.loads(result.stdout)["changes"] if c["rule"].startswith("api-typed")]
    assert {c["file"] for c in typed} == {"generated/plivo_client/__init__.py"}
    assert {c["level"] for c in typed} == {"breaking"}
    assert run("git:HEAD", "plivo", "--no-typed-surface").exit_code == 0
    assert run(str(SPECS / "plivo.yaml"), "plivo", "--typed-surface").exit_code == 2


def test_regenerate_check_prints_the_report_of_each_changed_spec(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "scripts" / "regenerate.py"
    loader = importlib.util.spec_from_file_location("regenerate_under_test", path)
    assert loader is not None
    assert loader.loader is not None
    regenerate = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(regenerate)
    monkeypatch.setattr(regenerate, "ROOT", repo)
    spec = repo / "specs" / "plivo.yaml"
    regenerate.spec_reports([spec])
    assert capsys.readouterr().out == ""  # the working tree is the commit
    spec.write_text(spec.read_text().replace("maximum: 20", "maximum: 10"), encoding="utf-8")
    regenerate.spec_reports([spec])
    out = capsys.readouterr().out
    assert out.startswith("plivo: git:HEAD:plivo -> specs/plivo.yaml: 1 change (1 breaking)")
    assert "request-parameter-max-decreased" in out
