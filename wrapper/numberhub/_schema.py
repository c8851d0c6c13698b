"""JSON-schema checks compiled from the specs: request parameters and response bodies."""

from __future__ import annotations

import datetime
import enum
import functools
from typing import Any, Final

import jsonschema_rs

from ._specs import load_spec, operation

__all__ = [
    "MISSING",
    "JsonPath",
    "Param",
    "ResponseSchema",
    "json_value",
    "request_params",
    "response_schema",
]


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


#: What a `JsonPath` finds where the body has no such key.
MISSING: Final[Any] = _Missing()


class JsonPath:
    """A ``$.a.b`` path, the only JSONPath form the specs' extensions use."""

    __slots__ = ("keys", "text")

    def __init__(self, text: str) -> None:
        if not text.startswith("$."):
            raise ValueError(f"unsupported JSONPath {text!r}: only $.key.key paths are")
        self.text = text
        self.keys = tuple(text[2:].split("."))

    def get(self, body: Any) -> Any:
        """The value at this path, or `MISSING`."""
        for key in self.keys:
            if not isinstance(body, dict) or key not in body:
                return MISSING
            body = body[key]
        return body

    def __repr__(self) -> str:
        return f"JsonPath({self.text!r})"


def json_value(value: Any) -> Any:
    """A caller's argument as JSON: enums by value, dates in ISO form, iterables as lists."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.date):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return [json_value(v) for v in value]
    return value


_FORMATS = {
    "date": "a date (YYYY-MM-DD)",
    "date-time": "an ISO 8601 date-time (e.g. 2025-02-01T09:00:00Z)",
    "uuid": "a UUID",
}


class Param:
    """One request parameter (query, header, path or JSON-body property) and its checker.

    `SyncClient.filter_params` gives those of ``list_numbers`` (its filters).

    Attributes:
        name: The spec's name (sent as is; the Python keyword may differ).
        location: ``query``, ``header``, ``path`` or ``body``.
        schema: The JSON schema from the spec (with ``x-numberhub-filter`` and
            ``deprecated`` where the spec has them).
        description: The spec's description.
        requires: Spec names of the parameters it is accepted only together with.
    """

    __slots__ = ("_validator", "description", "location", "name", "requires", "schema")

    def __init__(
        self, name: str, location: str, schema: dict[str, Any], components: dict[str, Any]
    ) -> None:
        self.name = name
        self.location = location
        self.schema = schema
        self.description = str(schema.get("description", "")).strip()
        ext = schema.get("x-numberhub-filter") or {}
        self.requires: tuple[str, ...] = tuple(ext.get("requires", ()))
        self._validator = jsonschema_rs.validator_for(
            {**schema, "components": components}, validate_formats=True
        )

    @property
    def is_array(self) -> bool:
        """Whether the parameter takes a list."""
        types = self.schema.get("type")
        return types == "array" or (isinstance(types, list) and "array" in types)

    def problems(self, value: Any) -> list[str]:
        """What is wrong with ``value`` (already JSON), one message per problem."""
        out = []
        for error in self._validator.iter_errors(value):
            where = "".join(f"[{p}]" for p in error.instance_path)
            kind = type(error.kind).__name__
            if kind == "Enum":
                allowed = ", ".join(repr(o) for o in getattr(error.kind, "options", ()))
                message = f"{error.instance!r} is not one of {allowed}"
            elif kind == "Format":
                name = str(getattr(error.kind, "format", ""))
                form = _FORMATS.get(name, f"a {name!r}")
                message = f"{error.instance!r} is not {form}"
            else:
                message = error.message
                if kind in ("Pattern", "MinLength", "MaxLength") and self.description:
                    message += f" ({self.description.rstrip('.')})"
            out.append(f"{where} {message}".strip())
        return out

    def __repr__(self) -> str:
        return f"Param({self.name!r}, in={self.location!r})"


def _resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        *_, kind, name = schema["$ref"].split("/")
        schema = components[kind][name]
    return schema


@functools.cache
def request_params(provider: str) -> dict[str, Param]:
    """Every parameter of the list operation, by its spec name.

    Query, header and path parameters keep their own schema; JSON-body properties get
    the property's schema. ``x-numberhub-filter`` stays on the schema so that `Param`
    can read ``requires``.
    """
    spec = load_spec(provider)
    components = spec.get("components", {})
    op = operation(provider)
    params: dict[str, Param] = {}
    for raw in op.spec.get("parameters", []):
        p = _resolve(raw, components)
        schema = dict(p.get("schema", {}))
        if "x-numberhub-filter" in p:
            schema["x-numberhub-filter"] = p["x-numberhub-filter"]
        if p.get("description") and "description" not in schema:
            schema["description"] = p["description"]
        if p.get("deprecated"):
            schema["deprecated"] = True
        params[p["name"]] = Param(p["name"], p["in"], schema, components)
    body = op.spec.get("requestBody", {}).get("content", {}).get("application/json")
    if body:
        body_schema = _resolve(body["schema"], components)
        for name, prop in body_schema.get("properties", {}).items():
            params[name] = Param(name, "body", _resolve(prop, components), components)
    return params


class ResponseSchema:
    """The compiled schema of a successful answer."""

    __slots__ = ("_validator",)

    def __init__(self, schema: dict[str, Any], components: dict[str, Any]) -> None:
        self._validator = jsonschema_rs.validator_for({**schema, "components": components})

    def is_valid(self, body: Any) -> bool:
        """Whether ``body`` fits (the fast check on every page)."""
        return bool(self._validator.is_valid(body))

    def problems(self, body: Any, limit: int = 5) -> list[str]:
        """Up to ``limit`` messages saying where ``body`` does not fit."""
        out: list[str] = []
        for error in self._validator.iter_errors(body):
            path = "$" + "".join(
                f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.instance_path
            )
            out.append(f"{path}: {error.message}")
            if len(out) >= limit:
                break
        return out


@functools.cache
def response_schema(provider: str, status: str = "200") -> ResponseSchema:
    """The compiled schema of ``provider``'s list answer with HTTP ``status``."""
    spec = load_spec(provider)
    components = spec.get("components", {})
    response = _resolve(operation(provider).spec["responses"][status], components)
    schema = response["content"]["application/json"]["schema"]
    return ResponseSchema(schema, components)
