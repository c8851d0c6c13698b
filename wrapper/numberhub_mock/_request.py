"""Request parameters read from the spec: where they are, how to coerce and validate them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from numberhub_mock._schemas import Validator, compile_schema, resolve

__all__ = ["BodySpec", "Param", "Problem", "body_spec", "operation_params"]


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


def _types(schema: Mapping[str, Any]) -> set[str]:
    t = schema.get("type")
    if isinstance(t, list):
        return {str(x) for x in t}
    if isinstance(t, str):
        return {t}
    return set()


def _coerce_scalar(raw: str, schema: Mapping[str, Any]) -> Any:
    types = _types(schema)
    if "integer" in types:
        try:
            return int(raw)
        except ValueError:
            pass
    if "number" in types:
        try:
            return float(raw)
        except ValueError:
            pass
    if "boolean" in types and raw in ("true", "false"):
        return raw == "true"
    return raw


@dataclass(slots=True)
class Param:
    """One parameter of the operation.

    Attributes:
        name: Its name (as sent).
        location: ``path``, ``query`` or ``header``.
        required: Whether it must be present.
        schema: Its schema, references resolved.
        validator: The compiled validator of ``schema``.
        is_array: Whether it takes several values (repeated query keys).
        default: The schema's default, or None.
        extensions: Its ``x-`` extensions.
    """

    name: str
    location: str
    required: bool
    schema: dict[str, Any]
    validator: Validator
    is_array: bool
    default: Any
    explode: bool = True
    extensions: dict[str, Any] = field(default_factory=dict)

    def coerce(self, raw: list[str]) -> Any:
        """The typed value of the raw strings received for this parameter."""
        if self.is_array:
            items = self.schema.get("items", {})
            values: list[Any] = []
            for r in raw:
                parts = r.split(",") if not self.explode else [r]
                values += [_coerce_scalar(part, items) for part in parts]
            return values
        return _coerce_scalar(raw[0], self.schema)

    def check(self, value: Any) -> list[Problem]:
        """The problems of a coerced value (empty when valid)."""
        return [
            Problem(self.location, self.name, f"{path.lstrip('.')}: {message}" if path else message)
            for path, message in self.validator.errors(value)
        ]


def operation_params(doc: Mapping[str, Any], op: Mapping[str, Any]) -> list[Param]:
    """Every parameter of an operation, validators compiled."""
    out: list[Param] = []
    for raw in op.get("parameters", []):
        p = resolve(doc, raw)
        schema = p.get("schema", {})
        is_array = "array" in _types(schema)
        out.append(
            Param(
                name=p["name"],
                location=p["in"],
                required=bool(p.get("required", False)),
                schema=schema,
                validator=compile_schema(doc, schema),
                is_array=is_array,
                default=schema.get("default"),
                explode=p.get("explode", p.get("style", "form") == "form") is not False,
                extensions={k: v for k, v in p.items() if k.startswith("x-")},
            )
        )
    return out


@dataclass(slots=True)
class BodySpec:
    """The JSON request body: its schema, validator and per-property extensions."""

    required: bool
    schema: dict[str, Any]
    validator: Validator
    properties: dict[str, dict[str, Any]]

    def check(self, body: Any) -> list[Problem]:
        """The problems of a parsed body (empty when valid)."""
        return [
            Problem("body", path.lstrip("."), message)
            for path, message in self.validator.errors(body)
        ]

    def default(self, name: str) -> Any:
        """The default of a top-level property, or None."""
        return self.properties.get(name, {}).get("default")


def body_spec(doc: Mapping[str, Any], op: Mapping[str, Any]) -> BodySpec | None:
    """The operation's JSON request body, or None when it takes none."""
    rb = op.get("requestBody")
    if not rb:
        return None
    rb = resolve(doc, rb)
    media = rb.get("content", {}).get("application/json")
    if media is None:
        return None
    schema = resolve(doc, media.get("schema", {}))
    return BodySpec(
        required=bool(rb.get("required", False)),
        schema=schema,
        validator=compile_schema(doc, schema),
        properties=dict(schema.get("properties", {})),
    )
