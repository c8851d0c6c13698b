"""A team's own inventory: items checked against the spec's item schema before serving.

An item that breaks the schema is refused with a `ValueError` naming the provider, the
item's index, the field and the rule it breaks, never the value (or, with drift allowed,
served as given and its differences listed the same way): items hold phone
numbers, which are personal data, and a message may end up in a CI log.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import jsonschema_rs
from numberhub_spec import Spec

__all__ = ["read_items", "team_items"]

_SHOWN_OPTIONS = 12


def _field(path: Sequence[str | int]) -> str:
    text = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    return text or "(the item)"


def _problem(error: Any) -> str:
    """``field 'x': rule`` for one validation error, without the instance's value."""
    kind = error.kind
    name = str(kind.name)
    path = list(error.instance_path)
    if name == "required":
        return f"field {_field([*path, str(kind.property)])!r} is required"
    if name == "additionalProperties":
        extra = ", ".join(repr(str(u)) for u in kind.unexpected)
        return f"field(s) {extra} of {_field(path)!r} are not in the schema"
    rule = f"breaks the schema's {name!r}"
    if name == "enum":
        options = [json.dumps(o) for o in list(kind.options)[:_SHOWN_OPTIONS]]
        rule += f" (allowed: {', '.join(options)})"
    elif name == "type":
        rule += f" (allowed: {kind.types})"
    elif name in ("pattern", "format"):
        detail = getattr(kind, name, None)
        rule += f" ({name} {detail})" if detail is not None else ""
    elif name in ("minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems"):
        rule += f" ({name} {kind.limit})" if hasattr(kind, "limit") else ""
    return f"field {_field(path)!r} {rule}"


def team_items(spec: Spec, items: Any, *, drift: list[str] | None = None) -> list[dict[str, Any]]:
    """``items`` checked against ``spec``'s item schema, as a list of dicts.

    Args:
        spec: The provider's spec (its ``item_schema``, compiled once).
        items: A list of items in the provider's own item shape.
        drift: Allow items that differ from the schema (``--allow-drift``): they are
            served as given, and each difference is added here once, with how many
            items have it (``drift_lines``). None: such an item is refused.

    Returns:
        The items, in the order given.

    Raises:
        ValueError: ``items`` is not a list, an item is not an object, or (without
            ``drift``) an item breaks the schema (the message names the provider, the
            item's index and the field, never a value).
    """
    if not isinstance(items, Sequence) or isinstance(items, str | bytes):
        raise ValueError(f"{spec.name}: data must be a list of items, not {type(items).__name__}")
    validator = jsonschema_rs.Draft202012Validator(
        spec.schema_document(spec.item_schema), validate_formats=True
    )
    out: list[dict[str, Any]] = []
    counts: dict[str, list[int]] = {}  # problem -> [how many items have it, the first one]
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            raise ValueError(
                f"{spec.name} item {index}: an item must be a JSON object, "
                f"not {type(item).__name__}"
            )
        item = dict(item)
        problems = [_problem(e) for e in validator.iter_errors(item)]
        if problems and drift is None:
            raise ValueError(f"{spec.name} item {index}: {'; '.join(problems)}")
        for problem in dict.fromkeys(problems):
            counts.setdefault(problem, [0, index])[0] += 1
        out.append(item)
    if drift is not None:
        drift.extend(
            f"{spec.name}: {problem} ({n} item{'s' if n != 1 else ''}, first item {first})"
            for problem, (n, first) in counts.items()
        )
    return out


def read_items(path: str | Path) -> Any:
    """The JSON document of a ``--data`` file.

    Raises:
        ValueError: The file cannot be read or is not JSON (the message says where,
            never what the file holds).
    """
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path} is not JSON: line {exc.lineno}, column {exc.colno}") from None
