"""JSON-schema helpers: ``$ref`` inlining and validators compiled once per schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jsonschema_rs

__all__ = ["Validator", "compile_schema", "json_pointer", "resolve"]

# Keywords OpenAPI adds to JSON Schema that a validator does not need.
_ANNOTATIONS = frozenset({"example", "examples", "discriminator", "xml", "externalDocs"})


def json_pointer(doc: Mapping[str, Any], ref: str) -> Any:
    """The node a local ``#/a/b`` reference points at."""
    if not ref.startswith("#/"):
        raise ValueError(f"only local references are supported, not {ref!r}")
    node: Any = doc
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def resolve(doc: Mapping[str, Any], node: Any) -> Any:
    """``node`` with every local ``$ref`` replaced by its target, recursively."""
    if isinstance(node, dict):
        if "$ref" in node:
            target = resolve(doc, json_pointer(doc, node["$ref"]))
            extra = {k: v for k, v in node.items() if k != "$ref"}
            return {**target, **resolve(doc, extra)} if extra else target
        return {
            k: v if k.startswith("x-") else resolve(doc, v)
            for k, v in node.items()
            if k not in _ANNOTATIONS
        }
    if isinstance(node, list):
        return [resolve(doc, v) for v in node]
    return node


class Validator:
    """A JSON-schema (2020-12) validator with formats, compiled once."""

    __slots__ = ("_validator", "schema")

    def __init__(self, schema: Mapping[str, Any]) -> None:
        self.schema = schema
        self._validator = jsonschema_rs.Draft202012Validator(dict(schema), validate_formats=True)

    def is_valid(self, instance: Any) -> bool:
        """Whether ``instance`` validates."""
        return bool(self._validator.is_valid(instance))

    def errors(self, instance: Any) -> list[tuple[str, str]]:
        """Every error as ``(path within the instance, message)``; empty when valid."""
        out: list[tuple[str, str]] = []
        for error in self._validator.iter_errors(instance):
            path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.instance_path)
            out.append((path, str(error.message)))
        return out


def compile_schema(doc: Mapping[str, Any], schema: Any) -> Validator:
    """A validator for ``schema`` (which may contain ``$ref``s into ``doc``)."""
    return Validator(resolve(doc, schema))
