"""``numberhub spec diff OLD NEW``: what a spec change does to numberhub's users.

The comparison is of the spec models (`numberhub_spec.diff`), so a reformatted file has
no changes; each change has a rule id, a level, a side, a JSON pointer and a line in
each file. With a git revision on the old side, in a checkout that holds the generated
code, the public Python API it implies is compared too (griffe). Exits 0 without a
breaking change, `EXIT_BREAKING` (8) with one; usage errors exit 2.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import click
from numberhub_spec import Change, Report, SourceError, SpecError, SpecVersion, open_version
from numberhub_spec._diff_api import available, typed_changes
from numberhub_spec._diff_report import fails, github, markdown, text
from numberhub_spec._diff_source import parse_source, repo_top

from numberhub.cli._errors import EXIT_BREAKING, EXIT_USAGE, CliError

__all__ = ["compare", "spec"]


def compare(old: SpecVersion, new: SpecVersion, *, typed: bool | None = None) -> Report:
    """The report of ``old`` -> ``new``, the typed surface's changes included when asked.

    ``typed``: True to compare the generated API too, None for "when it can" (the old
    side is a git revision and the new one the working tree of a checkout, griffe is
    installed), False not to.

    Raises:
        CliError: Two providers, or ``typed`` asked for where it cannot be (exit code 2).
    """
    extra: list[Change] = []
    top = repo_top() if old.ref is not None else None
    inside = top is not None and new.spec.file.resolve().is_relative_to(top.resolve())
    if typed is not False and old.ref and new.ref is None and top is not None and inside:
        if available():
            extra = typed_changes(old.provider, old.ref, top)
        elif typed:
            raise CliError("--typed-surface needs griffe (pip install griffe)", EXIT_USAGE)
    elif typed and top is not None and not inside:
        raise CliError(f"--typed-surface: NEW is not in the checkout {top}", EXIT_USAGE)
    elif typed:
        why = "OLD must be git:REF and NEW the working tree, in a git checkout"
        raise CliError(f"--typed-surface: {why}", EXIT_USAGE)
    try:
        return Report.of(old, new, extra)
    except ValueError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None


DIFF_HELP = """What changed between two versions of a provider's spec, for numberhub's users.

OLD and NEW are each a spec file, a provider's name (its spec), or git:REF (the
provider's spec as committed at REF, e.g. git:origin/main; git:REF:PROVIDER or
git:REF:PATH to name it, else the other side's provider). NEW may be a folder of specs
(specs/): then every spec in it that differs from OLD's (git:REF, or a folder) is
compared, and a spec that is new is named on stderr.

Each change has a rule id (oasdiff's where the meaning is the same), a level (breaking,
warning, info), the side it touches (request, response, paging, auth, limits,
item-mapping), a JSON pointer and a line in each file, and one sentence. The suggested
version bump follows the most severe level (major, minor, patch).

\b
Examples:
  numberhub spec diff git:HEAD~1 plivo
  numberhub spec diff git:origin/main specs/bird.yaml --format markdown
  numberhub spec diff old/rounded.yaml rounded.yaml --fail-on warning
  numberhub spec diff git:origin/main specs/ --check-version --format github

Exits 0 when no change is breaking (with --fail-on warning: none is a warning either),
8 when one is; with --check-version, such changes are accepted when info.version moved
at least as far as the suggested bump. Usage errors exit 2.
"""


@click.group("spec", help="Work with the providers' specs.")
def spec() -> None:
    """The ``numberhub spec`` group."""


@spec.command("diff", help=DIFF_HELP)
@click.argument("old")
@click.argument("new")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown", "github"]),
    default="text",
    show_default=True,
    help="Report format (on stdout). github: workflow annotations, and the Markdown "
    "report appended to $GITHUB_STEP_SUMMARY.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["breaking", "warning", "info"]),
    default="breaking",
    show_default=True,
    help="Exit 8 on a change of this level or a more severe one.",
)
@click.option(
    "--check-version",
    is_flag=True,
    help="Accept those changes only where info.version moved at least as far as the "
    "suggested bump (a breaking change needs a new major version).",
)
@click.option(
    "--typed-surface/--no-typed-surface",
    "typed",
    default=None,
    help="Also compare the generated clients' and typed surface's public API (griffe). "
    "Default: when OLD is git:REF in a checkout with the generated code.",
)
def diff(
    old: str, new: str, fmt: str, fail_on: str, check_version: bool, typed: bool | None
) -> None:
    """The ``numberhub spec diff`` command (see ``DIFF_HELP``)."""
    with tempfile.TemporaryDirectory(prefix="numberhub-spec-diff-") as temp:
        try:
            if Path(new).is_dir():
                reports = [
                    compare(o, n, typed=typed) for o, n in _folder(old, Path(new), Path(temp))
                ]
            else:
                new_side = open_version(new, parse_source(old).target, Path(temp))
                old_side = open_version(old, new_side.provider, Path(temp))
                reports = [compare(old_side, new_side, typed=typed)]
        except (SourceError, SpecError, LookupError) as exc:
            raise CliError(" ".join(str(exc).split()), EXIT_USAGE) from None
    if fmt == "json":
        body = [r.to_dict() for r in reports]
        click.echo(json.dumps(body if Path(new).is_dir() else body[0], indent=2))
    elif fmt == "markdown":
        click.echo(markdown(reports), nl=False)
    elif fmt == "github":
        annotations, summary = github(reports)
        click.echo(annotations, nl=False)
        target = os.environ.get("GITHUB_STEP_SUMMARY")
        if target:
            with open(target, "a", encoding="utf-8") as fh:
                fh.write(summary)
        else:
            click.echo(summary, nl=False)
    elif reports:
        click.echo(text(reports), nl=False)
    else:
        click.echo(f"no spec in {new} differs from {old}")
    if fails(reports, fail_on, check_version):
        if fmt != "text":
            failed = [r.provider for r in reports if r.at_least(fail_on)]
            click.echo(f"numberhub: {fail_on} changes in {', '.join(failed)} (exit 8)", err=True)
        raise click.exceptions.Exit(EXIT_BREAKING)


def _folder(old: str, folder: Path, temp: Path) -> list[tuple[SpecVersion, SpecVersion]]:
    """Every spec in ``folder`` whose text differs from OLD's (a folder, or ``git:REF``)."""
    pairs = []
    parsed = parse_source(old)
    if parsed.ref is None and not Path(old).is_dir():
        raise SourceError(f"{old!r}: with a folder as NEW, OLD is a folder or git:REF")
    for path in sorted(folder.glob("*.yaml")):
        if parsed.ref is not None:
            where = os.path.relpath(path.resolve(), Path.cwd().resolve())
            source = f"git:{parsed.ref}:{Path(where).as_posix()}"
        else:
            source = str(Path(old) / path.name)
            if not Path(source).is_file():
                click.echo(f"numberhub: {path.name} is new: nothing to compare with", err=True)
                continue
        try:
            before = open_version(source, None, temp)
        except SourceError:
            click.echo(f"numberhub: {path.name} is new: nothing to compare with", err=True)
            continue
        if before.text != path.read_text(encoding="utf-8"):
            pairs.append((before, open_version(str(path), None, temp)))
    return pairs
