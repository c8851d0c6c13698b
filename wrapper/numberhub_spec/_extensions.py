"""The ``x-numberhub-*`` vocabulary, checked against its JSON Schema when a spec loads.

Every key that starts with ``x-numberhub-`` must be a known extension, in a place where
that extension belongs, with a value its definition in
``specs/numberhub-extensions.schema.json`` accepts. A problem raises `SpecError` naming
the file, the JSON pointer and what is wrong (a misspelled name gets a suggestion).
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import jsonschema_rs

from ._load import EXTENSIONS_SCHEMA, SpecError, escape, shipped_dir

__all__ = ["check_extensions", "extension_names"]

PREFIX = "x-numberhub-"
_METHODS = "get|put|post|delete|options|head|patch|trace"
_PLACES = (
    ("info", re.compile(r"^/info$")),
    ("operation", re.compile(rf"^/paths/[^/]+/({_METHODS})$")),
    ("parameter", re.compile(r"/parameters/[^/]+$")),
    ("property", re.compile(r"/properties/[^/]+$")),
    ("scheme", re.compile(r"^/components/securitySchemes/[^/]+$")),
)
_DATA = frozenset({"example", "examples", "default", "enum", "const"})
_PLACE_NAMES = {
    "info": "the info object",
    "operation": "an operation",
    "parameter": "a parameter",
    "property": "a schema property",
    "scheme": "a security scheme",
}


@functools.cache
def _vocabulary() -> tuple[dict[str, Any], dict[str, Any]]:
    """The extension definitions, and one compiled validator per extension."""
    path = Path(shipped_dir()) / EXTENSIONS_SCHEMA
    schema = json.loads(path.read_text(encoding="utf-8"))
    definitions: dict[str, Any] = schema["properties"]
    validators = {
        name: jsonschema_rs.validator_for({**definition, "$defs": schema["$defs"]})
        for name, definition in definitions.items()
    }
    return definitions, validators


def extension_names() -> tuple[str, ...]:
    """Every known extension, with its ``x-numberhub-`` prefix."""
    return tuple(PREFIX + name for name in _vocabulary()[0])


def _place(pointer: str) -> str | None:
    for place, pattern in _PLACES:
        if pattern.search(pointer):
            return place
    return None


def _walk(node: Any, pointer: str = "") -> Iterator[tuple[str, str, Any]]:
    """Every ``x-numberhub-*`` key: (the pointer of its holder, its name, its value)."""
    if isinstance(node, Mapping):
        names = pointer.endswith(("/properties", "/schemas", "/parameters", "/securitySchemes"))
        for key, value in node.items():
            if isinstance(key, str) and key.startswith(PREFIX):
                yield pointer, key, value
            elif names or key not in _DATA:  # examples and defaults are data, not spec
                yield from _walk(value, f"{pointer}/{escape(str(key))}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{pointer}/{index}")


def check_extensions(document: Mapping[str, Any], file: str | Path) -> None:
    """Raise `SpecError` for the first ``x-numberhub-*`` key that breaks the vocabulary."""
    definitions, validators = _vocabulary()
    for holder, key, value in _walk(document):
        pointer = f"{holder}/{escape(key)}"
        name = key[len(PREFIX) :]
        if name not in definitions:
            close = difflib.get_close_matches(key, extension_names(), n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            known = ", ".join(extension_names())
            raise SpecError(file, pointer, f"unknown extension {key}{hint}; known: {known}")
        place = _place(holder)
        allowed = definitions[name].get("where", [])
        if place not in allowed:
            where = " or ".join(_PLACE_NAMES[p] for p in allowed)
            raise SpecError(file, pointer, f"{key} belongs on {where}")
        for error in validators[name].iter_errors(value):
            inner = "".join(f"/{escape(str(p))}" for p in error.instance_path)
            raise SpecError(file, pointer + inner, error.message)
