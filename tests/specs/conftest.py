"""Shared fixtures for the spec checks: the specs as documents, their examples, validators."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
PROVIDERS = ("bird", "butter", "duoplus", "plivo", "rounded")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
FORMAT_CHECKER = Draft202012Validator.FORMAT_CHECKER

# Keywords whose values are subschemas (OAS 3.1 schemas are JSON Schema 2020-12).
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_ONE = (
    "items",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
)
_SIMPLE_JSONPATH = re.compile(r"^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$")


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def iter_subschemas(schema: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(pointer, schema)`` for a schema and every schema nested in it."""
    if not isinstance(schema, dict):
        return
    yield pointer, schema
    for key in _SCHEMA_MAPS:
        for name, sub in (schema.get(key) or {}).items():
            yield from iter_subschemas(sub, f"{pointer}/{key}/{escape(name)}")
    for key in _SCHEMA_LISTS:
        for i, sub in enumerate(schema.get(key) or []):
            yield from iter_subschemas(sub, f"{pointer}/{key}/{i}")
    for key in _SCHEMA_ONE:
        if isinstance(schema.get(key), dict):
            yield from iter_subschemas(schema[key], f"{pointer}/{key}")


def jsonpath_get(body: Any, path: str) -> tuple[bool, Any]:
    """Resolve a dotted JSONPath (``$.a.b``), the only form the specs use.

    Returns ``(found, value)``; raises ``ValueError`` for any other JSONPath form.
    """
    if not _SIMPLE_JSONPATH.match(path):
        raise ValueError(f"unsupported JSONPath {path!r}")
    value = body
    for name in path.split(".")[1:]:
        if not isinstance(value, dict) or name not in value:
            return False, None
        value = value[name]
    return True, value


@dataclass(frozen=True)
class Example:
    """One example value in a spec and the schema it must satisfy."""

    provider: str
    label: str
    pointer: str
    schema_pointer: str
    value: Any


class SpecDoc:
    """A loaded spec with the look-ups the tests need. Treat ``doc`` as read-only."""

    def __init__(self, name: str, doc: dict[str, Any]) -> None:
        self.name = name
        self.doc = doc
        self._uri = f"urn:numberhub:spec:{name}:{id(doc)}"
        self._registry: Registry[Any] = Registry().with_resource(
            self._uri, Resource.from_contents(doc, default_specification=DRAFT202012)
        )

    # -- navigation --------------------------------------------------------------------
    def at(self, pointer: str) -> Any:
        node: Any = self.doc
        for raw in pointer.split("/")[1:]:
            token = raw.replace("~1", "/").replace("~0", "~")
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node

    def deref(self, node: Any) -> Any:
        """Follow local ``$ref``s until a node without one."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            assert ref.startswith("#/"), f"{self.name}: non-local $ref {ref}"
            node = self.at(ref[1:])
            seen += 1
            assert seen < 20, f"{self.name}: $ref loop at {ref}"
        return node

    @property
    def path(self) -> str:
        (path,) = self.doc["paths"]
        return path

    @property
    def method(self) -> str:
        (method,) = (m for m in self.doc["paths"][self.path] if m in METHODS)
        return method

    @property
    def op_pointer(self) -> str:
        return f"/paths/{escape(self.path)}/{self.method}"

    @property
    def operation(self) -> dict[str, Any]:
        return self.doc["paths"][self.path][self.method]

    def parameters(self) -> dict[tuple[str, str], dict[str, Any]]:
        """Parameters of the operation (path-level ones too), by ``(in, name)``."""
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for holder in (self.doc["paths"][self.path], self.operation):
            for raw in holder.get("parameters", []):
                param = self.deref(raw)
                found[(param["in"], param["name"])] = param
        return found

    def request_schema(self) -> dict[str, Any]:
        body = self.deref(self.operation["requestBody"])
        return self.deref(body["content"]["application/json"]["schema"])

    def input_schema(self, location: str, name: str) -> dict[str, Any]:
        """Schema of a parameter (``query``/``path``/``header``) or request-body field."""
        if location == "body":
            return self.deref(self.request_schema()["properties"][name])
        return self.deref(self.parameters()[(location, name)]["schema"])

    def response(self, status: str) -> dict[str, Any]:
        return self.deref(self.operation["responses"][status])

    def response_examples(self, status: str) -> dict[str, Any]:
        media = self.response(status)["content"]["application/json"]
        if "example" in media:
            return {"example": media["example"]}
        return {name: self.deref(ex)["value"] for name, ex in media.get("examples", {}).items()}

    def success_examples(self) -> dict[str, Any]:
        """The 200 examples that report success (DuoPlus also reports errors in a 200)."""
        envelope = self.operation.get("x-numberhub-envelope")
        examples = self.response_examples("200")
        if envelope:
            examples = {
                name: body
                for name, body in examples.items()
                if jsonpath_get(body, envelope["code"]) == (True, envelope["success"])
            }
        return examples

    def response_schemas(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every schema reachable from a response, $refs followed, each once."""
        seen: set[str] = set()
        stack: list[tuple[str, Any]] = []
        for status in self.operation["responses"]:
            for media in self.response(status).get("content", {}).values():
                stack.append((f"responses/{status}", media["schema"]))
        while stack:
            where, schema = stack.pop()
            for pointer, sub in iter_subschemas(schema, where):
                if "$ref" in sub:
                    ref = sub["$ref"]
                    if ref not in seen:
                        seen.add(ref)
                        stack.append((ref, self.deref(sub)))
                    continue
                yield pointer, sub

    def all_schemas(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every schema in the document: components, parameters, headers, bodies."""
        for name, schema in self.doc.get("components", {}).get("schemas", {}).items():
            yield from iter_subschemas(schema, f"/components/schemas/{escape(name)}")
        yield from self._holder_schemas(self.doc, "")

    def _holder_schemas(self, node: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
        if isinstance(node, list):
            for i, item in enumerate(node):
                yield from self._holder_schemas(item, f"{pointer}/{i}")
        elif isinstance(node, dict):
            if isinstance(node.get("schema"), dict):
                yield from iter_subschemas(node["schema"], f"{pointer}/schema")
            for key, sub in node.items():
                if key.startswith("x-") or key in ("schema", "example", "examples"):
                    continue
                if pointer == "/components" and key == "schemas":
                    continue
                yield from self._holder_schemas(sub, f"{pointer}/{escape(key)}")

    # -- validation --------------------------------------------------------------------
    @functools.cache  # noqa: B019  (one SpecDoc per spec, kept for the run)
    def validator(self, schema_pointer: str) -> Draft202012Validator:
        """A Draft 2020-12 validator (the OAS 3.1 dialect) for the schema at a pointer."""
        return Draft202012Validator(
            {"$ref": f"{self._uri}#{schema_pointer}"},
            registry=self._registry,
            format_checker=FORMAT_CHECKER,
        )

    def errors(self, schema_pointer: str, value: Any) -> list[str]:
        """Every validation error, with the leaves of anyOf/oneOf failures spelled out."""
        found: list[str] = []
        stack = list(self.validator(schema_pointer).iter_errors(value))
        while stack:
            error = stack.pop(0)
            found.append(f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}")
            stack[:0] = error.context or []
        return found

    # -- examples ----------------------------------------------------------------------
    def examples(self) -> Iterator[Example]:
        """Every ``example``/``examples`` value in the document, with its schema."""
        yield from self._walk(self.doc, "")

    def _walk(self, node: Any, pointer: str) -> Iterator[Example]:
        if isinstance(node, list):
            for i, item in enumerate(node):
                yield from self._walk(item, f"{pointer}/{i}")
            return
        if not isinstance(node, dict):
            return
        if isinstance(node.get("schema"), dict):
            yield from self._holder_examples(node, pointer)
        for key, sub in node.items():
            if key.startswith("x-") or key in ("schema", "example", "examples"):
                continue
            if pointer == "/components" and key == "schemas":
                for name, schema in sub.items():
                    yield from self._schema_examples(schema, f"/components/schemas/{escape(name)}")
                continue
            yield from self._walk(sub, f"{pointer}/{escape(key)}")

    def _holder_examples(self, holder: dict[str, Any], pointer: str) -> Iterator[Example]:
        """A parameter, header or media type: its examples are checked against its schema."""
        schema_pointer = f"{pointer}/schema"
        label = self._label(pointer)
        if "example" in holder:
            yield Example(self.name, label, f"{pointer}/example", schema_pointer, holder["example"])
        for name, example in holder.get("examples", {}).items():
            value = self.deref(example)["value"]
            where = f"{pointer}/examples/{escape(name)}/value"
            yield Example(self.name, f"{label} {name}", where, schema_pointer, value)
        yield from self._schema_examples(holder["schema"], schema_pointer)

    def _schema_examples(self, schema: Any, pointer: str) -> Iterator[Example]:
        for sub_pointer, sub in iter_subschemas(schema, pointer):
            label = self._label(sub_pointer)
            if "example" in sub:
                yield Example(
                    self.name, label, f"{sub_pointer}/example", sub_pointer, sub["example"]
                )
            if isinstance(sub.get("examples"), list):
                for i, value in enumerate(sub["examples"]):
                    where = f"{sub_pointer}/examples/{i}"
                    yield Example(self.name, f"{label} [{i}]", where, sub_pointer, value)

    def _label(self, pointer: str) -> str:
        if pointer.startswith(self.op_pointer):
            rest = pointer[len(self.op_pointer) :].replace("/content/application~1json", "")
            if rest.startswith("/parameters/"):
                index = int(rest.split("/")[2])
                rest = f"/parameter {self.deref(self.operation['parameters'][index])['name']}"
            return f"{self.method.upper()}{rest}"
        return pointer.replace("/content/application~1json", "").lstrip("/")


@functools.cache
def load_spec(name: str) -> SpecDoc:
    return SpecDoc(name, yaml.safe_load((SPECS / f"{name}.yaml").read_text()))


@pytest.fixture(params=PROVIDERS)
def provider(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def spec(provider: str) -> SpecDoc:
    return load_spec(provider)


@pytest.fixture(name="load_spec")
def load_spec_fixture() -> Any:
    return load_spec


@pytest.fixture(name="spec_from_dict")
def spec_from_dict_fixture() -> Any:
    """Wrap a (possibly mutated) copy of a spec for validation."""
    return SpecDoc


@pytest.fixture(name="jsonpath_get")
def jsonpath_get_fixture() -> Any:
    return jsonpath_get


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "example" in metafunc.fixturenames:
        cases = [ex for name in PROVIDERS for ex in load_spec(name).examples()]
        metafunc.parametrize("example", cases, ids=[f"{ex.provider}: {ex.label}" for ex in cases])
