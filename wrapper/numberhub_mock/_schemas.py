"""Reading a spec's JSON schemas: the types they name, ``$ref`` followed, ``allOf`` merged.

Shared by the data engine (``profiles``) and the service (validation, page shapes, error
bodies, the drift fault).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["Resolve", "merge_all_of", "object_of", "schema_at", "types"]

Resolve = Callable[[Any], Any]
"""A schema with its ``$ref`` chain followed (``Spec.resolve``)."""


def types(schema: Mapping[str, Any]) -> list[str]:
    """The JSON types a schema names, in order."""
    t = schema.get("type")
    if isinstance(t, list):
        return [str(x) for x in t]
    return [str(t)] if isinstance(t, str) else []


def merge_all_of(resolve: Resolve, schema: Any) -> Mapping[str, Any]:
    """``schema`` resolved, with its ``allOf`` parts merged into one schema."""
    schema = resolve(schema)
    if not isinstance(schema, Mapping):
        return {}
    parts = schema.get("allOf")
    if not parts:
        return schema
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    for part in parts:
        for key, value in merge_all_of(resolve, part).items():
            if key == "properties":
                merged["properties"] = {**merged.get("properties", {}), **value}
            elif key == "required":
                merged["required"] = sorted({*merged.get("required", []), *value})
            else:
                merged.setdefault(key, value)
    return merged


def object_of(resolve: Resolve, schema: Any) -> Mapping[str, Any]:
    """``schema``, or its first variant that is not null (``anyOf: [X, {type: null}]``)."""
    merged = merge_all_of(resolve, schema)
    for variant in merged.get("oneOf") or merged.get("anyOf") or []:
        found = merge_all_of(resolve, variant)
        if types(found) != ["null"]:
            return found
    return merged


def schema_at(resolve: Resolve, schema: Any, dotted: str) -> Mapping[str, Any]:
    """The schema of the (dotted) field below ``schema``; empty where it has none."""
    for key in dotted.split("."):
        schema = (object_of(resolve, schema).get("properties") or {}).get(key)
        if schema is None:
            return {}
    return object_of(resolve, schema)
