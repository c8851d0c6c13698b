"""Helpers for the generated-client checks: specs, examples, a served response."""

from __future__ import annotations

import copy
import datetime
import functools
import importlib
import json
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any
from uuid import UUID

import httpx
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
FIXTURES = ROOT / "tests" / "fixtures"
PROVIDERS = ("bird", "butter", "duoplus", "plivo", "rounded")
ORGANIZATION_ID = UUID("6f1c3a52-8e4b-4c1d-9a7f-0b2e3d4c5a61")
AUTH_ID = "MANWVLYTK4ZWU1YTY4ZT"


@functools.cache
def load_spec(provider: str) -> dict[str, Any]:
    return yaml.safe_load((SPECS / f"{provider}.yaml").read_text())


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow local ``$ref``s until a node without one."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for token in node["$ref"][2:].split("/"):
            target = target[token.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def operation(spec: dict[str, Any]) -> dict[str, Any]:
    (path_item,) = spec["paths"].values()
    (op,) = (v for k, v in path_item.items() if k in ("get", "post"))
    return op


def response_media(spec: dict[str, Any], status: str) -> dict[str, Any]:
    response = resolve(spec, operation(spec)["responses"][status])
    return response["content"]["application/json"]


def response_examples(provider: str, status: str) -> dict[str, Any]:
    """The examples of one response, by name (a lone ``example`` is named "example")."""
    spec = load_spec(provider)
    media = response_media(spec, status)
    if "example" in media:
        return {"example": copy.deepcopy(media["example"])}
    return {
        name: copy.deepcopy(resolve(spec, ex)["value"])
        for name, ex in media.get("examples", {}).items()
    }


def response_model_name(provider: str, status: str) -> str:
    """Name of the component schema a response carries (the generated class's name)."""
    ref = response_media(load_spec(provider), status)["schema"]["$ref"]
    return ref.rsplit("/", 1)[1]


@functools.cache
def _validator(provider: str, status: str) -> Draft202012Validator:
    spec = load_spec(provider)
    uri = f"urn:numberhub:spec:{provider}"
    registry: Registry[Any] = Registry().with_resource(
        uri, Resource.from_contents(spec, default_specification=DRAFT202012)
    )
    return Draft202012Validator(
        {"$ref": f"{uri}#/components/schemas/{response_model_name(provider, status)}"},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def spec_errors(provider: str, status: str, body: Any) -> list[str]:
    """What the spec says is wrong with a response body (empty when it conforms)."""
    return [error.message for error in _validator(provider, status).iter_errors(body)]


def fixture_json(relative: str) -> Any:
    return json.loads((FIXTURES / relative).read_text())


def normalized(value: Any) -> Any:
    """JSON with every ISO date/time string parsed, so "Z" and "+00:00" compare equal."""
    if isinstance(value, dict):
        return {k: normalized(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalized(v) for v in value]
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-":
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


@dataclass
class Served:
    """What a generated client made of one canned HTTP response."""

    parsed: Any
    request: httpx.Request
    status_code: int


def client_modules(provider: str) -> tuple[ModuleType, ModuleType, ModuleType]:
    package = importlib.import_module(f"{provider}_client")
    api = importlib.import_module(f"{provider}_client.api.numbers.list_numbers")
    models = importlib.import_module(f"{provider}_client.models")
    return package, api, models


def call_kwargs(provider: str) -> dict[str, Any]:
    """The required arguments of each provider's ``list_numbers``."""
    if provider == "plivo":
        return {"auth_id": AUTH_ID}
    if provider == "bird":
        return {"organization_id": ORGANIZATION_ID}
    if provider == "duoplus":
        return {"body": client_modules(provider)[2].NumberListRequest()}
    return {}


def serve(provider: str, status: int, answer_body: Any, **kwargs: Any) -> Served:
    """Call the generated ``list_numbers`` against a transport answering ``answer_body``."""
    package, api, _ = client_modules(provider)
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, json=answer_body)

    server = load_spec(provider)["servers"][0]["url"]
    client = package.Client(
        base_url=server,
        httpx_args={"transport": httpx.MockTransport(answer)},
        raise_on_unexpected_status=True,
    )
    with client:
        response = api.sync_detailed(client=client, **{**call_kwargs(provider), **kwargs})
    (request,) = seen
    return Served(response.parsed, request, int(response.status_code))
