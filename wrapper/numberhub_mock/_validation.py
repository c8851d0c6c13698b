"""Request validation: each parameter and the JSON body, checked by the mock's own validators.

The spec model (`numberhub_spec`) says what the parameters are (location, schema, style);
the mock coerces the raw strings it receives and validates them with its own
JSON-schema validators, compiled once, so that it stays an independent check of a client
that validates with the spec model.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import jsonschema_rs
from numberhub_spec import Parameter, Spec

from ._schemas import types

__all__ = ["BodyCheck", "ParamCheck", "Problem", "Validator"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason a request is refused.

    Attributes:
        location: ``path``, ``query``, ``header`` or ``body``.
        name: The parameter (or dotted body field) at fault; empty for the whole body.
        message: What is wrong, in words.
    """

    location: str
    name: str
    message: str


class Validator:
    """A JSON-schema (2020-12) validator with formats, compiled once.

    Args:
        spec: The spec whose components the schema's ``$ref`` point into.
        schema: The schema.
    """

    __slots__ = ("_validator",)

    def __init__(self, spec: Spec, schema: Mapping[str, Any]) -> None:
        self._validator = jsonschema_rs.Draft202012Validator(
            spec.schema_document(schema), validate_formats=True
        )

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


def _coerce_scalar(raw: str, types: list[str]) -> Any:
    for name, number in (("integer", int), ("number", float)):
        if name in types:
            with contextlib.suppress(ValueError):
                return number(raw)
    if "boolean" in types and raw in ("true", "false"):
        return raw == "true"
    return raw


class ParamCheck:
    """One path, query or header parameter: its raw strings made typed, then validated.

    Args:
        spec: The provider's spec.
        param: The parameter.
    """

    __slots__ = (
        "explode",
        "item_types",
        "location",
        "name",
        "required",
        "types",
        "validator",
    )

    def __init__(self, spec: Spec, param: Parameter) -> None:
        schema = spec.resolve(param.schema)
        self.name = param.name
        self.location = param.location
        self.required = param.required
        self.types = types(schema)
        self.item_types = types(spec.resolve(schema.get("items") or {}))
        style = param.style or "form"
        self.explode = param.explode if param.explode is not None else style == "form"
        self.validator = Validator(spec, param.schema)

    def coerce(self, raw: list[str]) -> Any:
        """The typed value of the raw strings received for this parameter."""
        if "array" in self.types:
            parts = raw if self.explode else [part for r in raw for part in r.split(",")]
            return [_coerce_scalar(part, self.item_types) for part in parts]
        return _coerce_scalar(raw[0], self.types)

    def check(self, value: Any) -> list[Problem]:
        """The problems of a coerced value (empty when valid)."""
        return [
            Problem(self.location, self.name, f"{path.lstrip('.')}: {message}" if path else message)
            for path, message in self.validator.errors(value)
        ]


class BodyCheck:
    """The JSON request body: whether it is required, and its validator.

    Args:
        spec: The provider's spec (its operation takes a JSON body).
    """

    __slots__ = ("required", "validator")

    def __init__(self, spec: Spec) -> None:
        self.required = spec.operation.body_required
        self.validator = Validator(spec, spec.operation.body_schema or {})

    def check(self, body: Any) -> list[Problem]:
        """The problems of a parsed body (empty when valid)."""
        return [
            Problem("body", path.lstrip("."), message)
            for path, message in self.validator.errors(body)
        ]
