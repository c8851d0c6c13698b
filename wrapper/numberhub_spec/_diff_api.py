"""What a spec change does to the generated Python API, found with griffe.

The generated client (``generated/<provider>_client``) and the wrapper's typed surface
(``wrapper/numberhub/_surface/<provider>.py``) change with the spec. `typed_changes`
loads both at a git revision and now (griffe's ``load_git`` and ``load``), runs
``griffe.find_breaking_changes`` and adds what griffe leaves out: a ``Literal`` that
accepts fewer values. griffe is a development dependency (the ``dev`` extra); without
it there are no typed changes to report.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ._diff_rules import RULES, Change, Side

__all__ = ["available", "typed_changes"]

_LITERAL = re.compile(r"Literal\[([^\[\]]*)\]")
_RULE_OF = {
    "OBJECT_REMOVED": "api-typed-object-removed",
    "PARAMETER_REMOVED": "api-typed-parameter-removed",
    "PARAMETER_ADDED_REQUIRED": "api-typed-parameter-changed",
    "PARAMETER_CHANGED_REQUIRED": "api-typed-parameter-changed",
    "PARAMETER_MOVED": "api-typed-parameter-changed",
    "PARAMETER_CHANGED_KIND": "api-typed-parameter-changed",
}


def available() -> bool:
    """Whether griffe is installed."""
    try:
        import griffe  # noqa: F401
    except ImportError:
        return False
    return True


def _packages(provider: str) -> list[tuple[str, str, str]]:
    """(what griffe loads, its search folder, its path under that folder)."""
    return [
        (f"{provider}_client", "generated", f"{provider}_client"),
        (f"numberhub._surface.{provider}", "wrapper", f"numberhub/_surface/{provider}.py"),
    ]


def _side(path: str) -> Side:
    name = path.split(".")
    if ".models." in f".{path}." and not any(p.startswith("ListNumbers") for p in name):
        return "response"
    return "request"


def _literals(annotation: Any) -> set[Any] | None:
    found = _LITERAL.findall(str(annotation)) if annotation is not None else []
    if not found:
        return None
    values: set[Any] = set()
    for inner in found:
        try:
            values |= set(ast.literal_eval(f"({inner},)"))
        except (ValueError, SyntaxError):
            return None
    return values


def _walk(obj: Any) -> Iterator[Any]:
    for member in obj.members.values():
        if member.is_alias or member.name.startswith("_"):
            continue
        yield member
        if member.is_class or member.is_module:
            yield from _walk(member)


def _find(root: Any, path: str) -> Any:
    """The object at ``path`` in ``root``, else its nearest present parent."""
    parts = path.split(".")
    base = root.path.split(".")
    rel = parts[len(base) :] if parts[: len(base)] == base else parts[1:]
    obj = root
    for part in rel:
        member = obj.members.get(part)
        if member is None or member.is_alias:
            break
        obj = member
    return obj


def _narrowed(old: Any, new: Any) -> Iterator[tuple[str, set[Any], Any]]:
    """(where, values lost, the new object) for each Literal that accepts fewer values."""
    for obj in _walk(old):
        twin = _find(new, obj.path)
        if twin.path != obj.path:
            continue
        if obj.is_attribute:
            pairs = [(obj.path, obj.annotation, twin.annotation)]
        elif obj.is_function and twin.is_function:
            theirs = {p.name: p for p in twin.parameters}
            pairs = [
                (f"{obj.path}({p.name})", p.annotation, theirs[p.name].annotation)
                for p in obj.parameters
                if p.name in theirs
            ]
        else:
            continue
        for where, a, b in pairs:
            va, vb = _literals(a), _literals(b)
            if va is not None and vb is not None and va - vb:
                yield where, va - vb, twin


def _change(rule: str, message: str, side: Side, obj: Any, folder: str) -> Change:
    file = f"{folder}/{Path(obj.relative_package_filepath).as_posix()}"
    return Change(
        rule, RULES[rule].level, side, message, new=obj.path, new_line=obj.lineno, file=file
    )


def typed_changes(provider: str, ref: str, repo: Path) -> list[Change]:
    """The public API changes of ``provider``'s generated code from ``ref`` to now.

    Args:
        provider: The provider.
        ref: The git revision of the old code.
        repo: The repository's top folder, whose working tree is "now".

    A parameter removed from several functions of one module (``sync``, ``asyncio``,
    ...) is one change.
    """
    import griffe

    out: list[Change] = []
    for objspec, folder, rel in _packages(provider):
        if not (repo / folder / rel).exists():
            continue
        try:
            old = griffe.load_git(objspec, ref=ref, repo=repo, search_paths=[folder])
        except (griffe.GriffeError, ImportError, OSError, LookupError, ValueError):
            continue  # not there at that revision (a KeyError from griffe): nothing to break
        new = griffe.load(objspec, search_paths=[repo / folder])
        by_parameter: dict[tuple[str, str, str, str], list[Any]] = {}
        for breakage in griffe.find_breaking_changes(old, new):
            if breakage.obj.name == "__all__":
                continue  # each removed name is reported on its own
            rule = _RULE_OF.get(breakage.kind.name, "api-typed-changed")
            what = breakage.kind.value.lower()
            if breakage.kind.name.startswith("PARAMETER"):
                func = breakage.obj
                parent = func.path.rsplit(".", 1)[0]
                key = (rule, parent, breakage.old_value.name, what)
                by_parameter.setdefault(key, []).append(func)
                continue
            where = breakage.obj.path
            out.append(_change(rule, f"`{where}`: {what}", _side(where), _find(new, where), folder))
        for (rule, parent, name, what), funcs in by_parameter.items():
            names = (
                funcs[0].name if len(funcs) == 1 else "{" + ", ".join(f.name for f in funcs) + "}"
            )
            message = f"`{parent}.{names}({name})`: {what}"
            out.append(_change(rule, message, _side(parent), _find(new, funcs[0].path), folder))
        for where, lost, twin in _narrowed(old, new):
            shown = ", ".join(repr(v) for v in sorted(lost, key=repr))
            message = f"`{where}`: the Literal no longer accepts {shown}"
            out.append(_change("api-typed-literal-narrowed", message, _side(where), twin, folder))
    return out
