"""A spec diff's report: the changes, the suggested bump, and how ``info.version`` moved.

`Report` holds one provider's changes; `text`, `markdown`, `to_json` and `github` write
it. ``github`` prints workflow commands (``::error file=...,line=...::``), at most
`ANNOTATION_LIMIT` per level as GitHub shows per step, and every change in the job
summary's Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ._diff import diff
from ._diff_rules import LEVELS, Bump, Change, bump

if TYPE_CHECKING:
    from ._diff_source import SpecVersion

__all__ = [
    "ANNOTATION_LIMIT",
    "Report",
    "fails",
    "github",
    "markdown",
    "text",
    "to_json",
    "version_bump",
]

ANNOTATION_LIMIT = 10
"""GitHub shows at most 10 error and 10 warning annotations of one step."""

_ORDER: dict[Bump, int] = {"none": 0, "patch": 1, "minor": 2, "major": 3}
_SEMVER = re.compile(r"^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+].*)?$")


def version_bump(old: str, new: str) -> Bump | None:
    """How far ``info.version`` moved: ``major``, ``minor``, ``patch``, ``none``.

    Versions are compared as ``MAJOR.MINOR.PATCH``. Other versions (dates such as
    ``2026-11-22``) have no major part: a later one counts as a ``minor`` move, an equal
    one as ``none``, and moving from one to ``MAJOR.MINOR.PATCH`` as ``major``; a lower
    or unreadable one is None.
    """
    a, b = _SEMVER.match(old.strip()), _SEMVER.match(new.strip())
    if a and b:
        x = tuple(int(p or 0) for p in a.groups())
        y = tuple(int(p or 0) for p in b.groups())
        if y < x:
            return None
        for part, name in zip(range(3), ("major", "minor", "patch"), strict=True):
            if y[part] > x[part]:
                return name  # type: ignore[return-value]
        return "none"
    if old == new:
        return "none"
    if not a and b:  # adopting MAJOR.MINOR.PATCH starts a new major line
        return "major"
    if not a and not b and new > old:
        return "minor"
    return None


@attrs.frozen
class Report:
    """One provider's spec diff.

    Attributes:
        provider: The provider's name.
        old_source: The old side as written (``git:HEAD~1``).
        new_source: The new side as written (``plivo``).
        old_file: The old side's file (``specs/plivo.yaml``).
        new_file: The new side's file, which annotations point into.
        old_version: The old ``info.version``.
        new_version: The new ``info.version``.
        changes: The classified changes.
    """

    provider: str
    old_source: str
    new_source: str
    old_file: str
    new_file: str
    old_version: str
    new_version: str
    changes: tuple[Change, ...] = ()

    @classmethod
    def of(cls, old: SpecVersion, new: SpecVersion, extra: Iterable[Change] = ()) -> Report:
        """The report of ``old`` -> ``new``: their `diff`, then ``extra`` changes.

        Raises:
            ValueError: The two specs are of different providers.
        """
        if old.provider != new.provider:
            raise ValueError(
                f"the two specs are of different providers ({old.provider}, {new.provider})"
            )
        changes = diff(old.spec, new.spec, old_text=old.text, new_text=new.text)
        return cls(
            provider=new.provider,
            old_source=old.source,
            new_source=new.source,
            old_file=old.file,
            new_file=new.file,
            old_version=old.version,
            new_version=new.version,
            changes=(*changes, *extra),
        )

    @property
    def bump(self) -> Bump:
        """The suggested version bump (that of the most severe change)."""
        return bump(self.changes)

    @property
    def version_bump(self) -> Bump | None:
        """How far ``info.version`` moved (None: backwards, or not comparable)."""
        return version_bump(self.old_version, self.new_version)

    @property
    def version_ok(self) -> bool:
        """Whether ``info.version`` moved at least as far as the suggested bump."""
        moved = self.version_bump
        return moved is not None and _ORDER[moved] >= _ORDER[self.bump]

    def counts(self) -> dict[str, int]:
        """How many changes of each level."""
        return {level: sum(c.level == level for c in self.changes) for level in LEVELS}

    def at_least(self, level: str) -> list[Change]:
        """The changes of ``level`` or more severe."""
        keep = LEVELS[: [str(x) for x in LEVELS].index(level) + 1]
        return [c for c in self.changes if c.level in keep]

    def to_dict(self) -> dict[str, Any]:
        """The report as ``--format json`` prints it."""
        return {
            "provider": self.provider,
            "old": {"source": self.old_source, "file": self.old_file, "version": self.old_version},
            "new": {"source": self.new_source, "file": self.new_file, "version": self.new_version},
            "counts": self.counts(),
            "suggested_bump": self.bump,
            "version_bump": self.version_bump,
            "version_ok": self.version_ok,
            "changes": [c.to_dict() for c in self.changes],
        }

    def headline(self) -> str:
        """One line: the provider, the two sides, the counts and the bump."""
        counts = ", ".join(f"{n} {level}" for level, n in self.counts().items() if n)
        total = len(self.changes)
        what = f"{total} change{'s' * (total != 1)} ({counts})" if total else "no changes"
        return f"{self.provider}: {self.old_source} -> {self.new_source}: {what}"

    def version_line(self) -> str:
        """How ``info.version`` moved against the suggested bump."""
        moved = self.version_bump
        verdict = "enough" if self.version_ok else "not enough"
        shown = "backwards or not comparable" if moved is None else moved
        return (
            f"info.version {self.old_version or '?'} -> {self.new_version or '?'} ({shown}); "
            f"suggested bump: {self.bump} ({verdict})"
        )


def _where(report: Report, change: Change) -> str:
    if change.file is not None:
        return f"{change.file}:{change.new_line}" if change.new_line else change.file
    if change.new_line is not None:
        return f"{report.new_file}:{change.new_line}"
    if change.old_line is not None:
        return f"{report.old_file}:{change.old_line} (old)"
    return report.new_file


def text(reports: Sequence[Report]) -> str:
    """The plain report: per provider a headline, then one block per change."""
    out: list[str] = []
    for report in reports:
        out += [report.headline(), f"  {report.version_line()}"]
        for c in report.changes:
            out.append(f"  {c.level:<8} {c.side:<12} {c.rule}  {_where(report, c)}")
            out.append(f"           {c.message}")
    return "\n".join(out) + "\n"


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def markdown(reports: Sequence[Report]) -> str:
    """The report as Markdown: a heading and a table per provider."""
    out: list[str] = []
    for report in reports:
        out += [f"### {_cell(report.headline())}", "", _cell(report.version_line()), ""]
        if report.changes:
            out += ["| level | side | rule | change | where |", "|---|---|---|---|---|"]
            out += [
                f"| {c.level} | {c.side} | `{c.rule}` | {_cell(c.message)} | "
                f"`{_cell(_where(report, c))}` |"
                for c in report.changes
            ]
            out.append("")
    return "\n".join(out) + "\n"


def to_json(reports: Sequence[Report]) -> list[dict[str, Any]]:
    """Every report as JSON-ready values."""
    return [r.to_dict() for r in reports]


_COMMAND = {"breaking": "error", "warning": "warning", "info": "notice"}


def _escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def github(reports: Sequence[Report]) -> tuple[str, str]:
    """Workflow annotations (at most `ANNOTATION_LIMIT` of each level), and the summary.

    The summary (Markdown, every change) is for ``$GITHUB_STEP_SUMMARY``; it says how
    many changes had no annotation.
    """
    lines: list[str] = []
    shown = dict.fromkeys(LEVELS, 0)
    left = 0
    for report in reports:
        for c in report.changes:
            if shown[c.level] >= ANNOTATION_LIMIT:
                left += 1
                continue
            shown[c.level] += 1
            props = [f"file={_escape(c.file or report.new_file, prop=True)}"]
            if c.new_line is not None:
                props.append(f"line={c.new_line}")
            props.append(f"title={_escape(f'{c.rule} ({c.level}, {c.side})', prop=True)}")
            lines.append(f"::{_COMMAND[c.level]} {','.join(props)}::{_escape(c.message)}")
    summary = markdown(reports)
    if left:
        summary += f"\n{left} more change{'s' * (left != 1)} in the table above, not annotated.\n"
    return ("\n".join(lines) + "\n" if lines else ""), summary


def fails(reports: Iterable[Report], fail_on: str, check_version: bool) -> bool:
    """Whether a report has a change of ``fail_on`` or worse.

    With ``check_version``, such changes are accepted where ``info.version`` moved at
    least as far as the suggested bump (a breaking change with a new major version).
    """
    return any(r.at_least(fail_on) and not (check_version and r.version_ok) for r in reports)
