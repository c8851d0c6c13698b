"""What ``numberhub spec diff`` compares: a spec file, a provider's spec, or one at a git revision.

A source is written ``PATH`` (a ``.yaml`` file), ``PROVIDER`` (that provider's spec in
`specs_dir`), or ``git:REF`` / ``git:REF:PROVIDER`` / ``git:REF:PATH`` (the file as
committed at ``REF`` in the git repository of the current folder; without a provider,
the other side's).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import attrs

from ._load import spec_file, specs_dir
from ._spec import Spec, load

__all__ = ["SourceError", "SpecVersion", "open_version", "parse_source", "repo_top"]


class SourceError(ValueError):
    """A source that cannot be read: no such file, provider, git repository or revision."""


@attrs.frozen
class SourceSpec:
    """A parsed source: ``ref`` is None for the working tree."""

    text: str
    ref: str | None = None
    target: str | None = None  # a provider or a path; None: the other side's


@attrs.frozen
class SpecVersion:
    """One side of a diff: the spec, its YAML text, and how to name it.

    Attributes:
        spec: The loaded spec.
        text: Its YAML text (for line numbers).
        source: The source as written (``git:HEAD~1``, ``plivo``, ``my.yaml``).
        file: The file to point at (``specs/plivo.yaml``, relative to the folder or the
            repository's top when it is inside).
        version: Its ``info.version``.
        ref: The git revision it was read at, or None (the working tree).
    """

    spec: Spec
    text: str
    source: str
    file: str
    version: str
    ref: str | None = None

    @property
    def provider(self) -> str:
        """The provider's name."""
        return self.spec.name


def parse_source(text: str) -> SourceSpec:
    """Split ``git:REF[:TARGET]``; anything else is a provider name or a path."""
    if text.startswith("git:"):
        ref, _, target = text[4:].partition(":")
        if not ref:
            raise SourceError(f"{text!r}: name a revision after git: (git:HEAD, git:origin/main)")
        return SourceSpec(text, ref, target or None)
    return SourceSpec(text, None, text)


def _git(*args: str, cwd: Path | None = None) -> str:
    try:
        done = subprocess.run(["git", *args], capture_output=True, text=True, cwd=cwd, check=False)
    except OSError as exc:
        raise SourceError(f"git could not run: {exc}") from None
    if done.returncode != 0:
        raise SourceError(f"git {' '.join(args)}: {done.stderr.strip() or 'failed'}")
    return done.stdout


def _top() -> Path:
    return Path(_git("rev-parse", "--show-toplevel").strip())


def repo_top() -> Path | None:
    """The top folder of the git repository of the current folder, if there is one."""
    try:
        return _top()
    except SourceError:
        return None


def _display(path: Path) -> str:
    """``path`` relative to the repository's top, or the current folder, when inside."""
    path = path.resolve()
    for base in _bases():
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return str(path)


def _bases() -> list[Path]:
    try:
        return [_top().resolve(), Path.cwd().resolve()]
    except SourceError:
        return [Path.cwd().resolve()]


def _is_path(target: str) -> bool:
    return target.endswith((".yaml", ".yml")) or os.sep in target or "/" in target


def _load_text(text: str, provider: str, temp: Path) -> Spec:
    folder = Path(tempfile.mkdtemp(dir=temp))
    (folder / f"{provider}.yaml").write_text(text, encoding="utf-8")
    return load(provider, folder)


def _stem(target: str) -> str:
    return Path(target).stem


def open_version(source: str, other: str | None, temp: Path) -> SpecVersion:
    """Read ``source``; ``other`` names the provider (or file) when ``source`` lacks one.

    ``temp`` is a folder that outlives the returned spec (git revisions are written
    there to be loaded).

    Raises:
        SourceError: No such file, provider, repository or revision; the message says which.
    """
    parsed = parse_source(source)
    target = parsed.target or other
    if target is None:
        raise SourceError(f"{source!r}: name the provider (git:REF:PROVIDER) or compare it "
                          "with a provider or a file")  # fmt: skip
    if parsed.ref is None:
        if _is_path(target) or Path(target).is_file():
            path = Path(target)
            if not path.is_file():
                raise SourceError(f"no such spec file: {target}")
            spec = load(_stem(target), path.parent)
        else:
            try:
                path = spec_file(target)
            except LookupError as exc:
                raise SourceError(str(exc)) from None
            spec = load(target, path.parent)
        text = path.read_text(encoding="utf-8")
        return SpecVersion(spec, text, source, _display(path), _version(spec))
    top = _top()
    if _is_path(target):
        path = (Path.cwd() / target).resolve()
        if not path.is_relative_to(top.resolve()):
            raise SourceError(f"{source!r}: {target} is outside the git repository {top}")
        rel = path.relative_to(top.resolve()).as_posix()
    else:
        folder, root = specs_dir().resolve(), top.resolve()
        where = folder.relative_to(root) if folder.is_relative_to(root) else Path("specs")
        rel = (where / f"{target}.yaml").as_posix()
    text = _git("show", f"{parsed.ref}:{rel}", cwd=top)
    spec = _load_text(text, _stem(rel), temp)
    label = source if parsed.target else f"{source}:{rel}"
    return SpecVersion(spec, text, label, rel, _version(spec), parsed.ref)


def _version(spec: Spec) -> str:
    return str((spec.document.get("info") or {}).get("version", ""))
