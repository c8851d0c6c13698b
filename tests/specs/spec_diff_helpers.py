"""Edits of the shipped specs, as a spec author makes them, for the spec diff tests."""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numberhub_spec
import yaml
from numberhub_spec import Change, Spec

SPECS = Path(__file__).resolve().parents[2] / "specs"
PLIVO_OP = "/paths/~1v1~1Account~1{auth_id}~1Number~1/get"
_folders = itertools.count()


def document(provider: str) -> dict[str, Any]:
    return yaml.safe_load((SPECS / f"{provider}.yaml").read_text(encoding="utf-8"))


def operation(doc: dict[str, Any]) -> dict[str, Any]:
    (item,) = doc["paths"].values()
    return next(v for k, v in item.items() if k in ("get", "post"))


def parameter(doc: dict[str, Any], name: str) -> dict[str, Any]:
    return next(p for p in operation(doc)["parameters"] if p.get("name") == name)


def write(doc: dict[str, Any], provider: str, where: Path, **dump: Any) -> Path:
    folder = where / f"v{next(_folders)}"
    folder.mkdir(parents=True)
    path = folder / f"{provider}.yaml"
    options = {"sort_keys": False, "allow_unicode": True, **dump}
    path.write_text(yaml.safe_dump(doc, **options), encoding="utf-8")
    return path


def load(doc: dict[str, Any], provider: str, where: Path, **dump: Any) -> Spec:
    return numberhub_spec.load(provider, write(doc, provider, where, **dump).parent)


def edited(provider: str, edit: Callable[[dict[str, Any]], Any], where: Path) -> Spec:
    doc = copy.deepcopy(document(provider))
    edit(doc)
    return load(doc, provider, where)


def changes(
    provider: str, edit: Callable[[dict[str, Any]], Any], where: Path
) -> tuple[Change, ...]:
    """The diff from the shipped spec to the shipped spec with ``edit`` applied."""
    return numberhub_spec.diff(numberhub_spec.load(provider, SPECS), edited(provider, edit, where))


def only(found: tuple[Change, ...]) -> Change:
    assert len(found) == 1, [(c.rule, c.message) for c in found]
    return found[0]
