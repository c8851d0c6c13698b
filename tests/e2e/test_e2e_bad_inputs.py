"""Bad input sweep: every parameter of every operation, derived from the specs.

For each parameter (query, path, header, JSON-body property) the sweep makes bad values
from its schema: out of range, of the wrong type, over-long, malformed (pattern, enum,
format) and missing when required. Each is sent two ways:

* through the wrapper, whose transport fails the test if a request goes out: it must be
  refused before sending with a ValueError subclass naming the parameter;
* raw to the mock over a socket with httpx: it must get a 4xx (never a 5xx) whose body
  is the provider's own error body, valid against the spec's schema for that status.
"""

from __future__ import annotations

import asyncio
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import jsonschema
import numberhub
import pytest
import yaml
from e2e_helpers import PROVIDERS
from numberhub.mock import MockServer

SPECS = Path(__file__).resolve().parents[2] / "specs"
MISSING = object()  # the parameter is left out
NOT_JSON = object()  # a request body that is not JSON at all


@functools.cache
def spec(provider: str) -> dict[str, Any]:
    return yaml.safe_load((SPECS / f"{provider}.yaml").read_text())  # type: ignore[no-any-return]


def resolve(provider: str, node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        *_, kind, name = node["$ref"].split("/")
        node = spec(provider)["components"][kind][name]
    return node


def operation(provider: str) -> tuple[str, str, dict[str, Any]]:
    ((path, item),) = spec(provider)["paths"].items()
    ((method, op),) = ((m, o) for m, o in item.items() if m in ("get", "post"))
    return path, method.upper(), op


@dataclass(frozen=True)
class Param:
    provider: str
    name: str
    location: str  # query, path, header, body
    schema: dict[str, Any]
    required: bool


def params_of(provider: str) -> list[Param]:
    """Every parameter and JSON-body property of the provider's operation, and the body."""
    _, _, op = operation(provider)
    out = []
    for raw in op.get("parameters", []):
        p = resolve(provider, raw)
        out.append(
            Param(
                provider,
                p["name"],
                p["in"],
                resolve(provider, p["schema"]),
                p.get("required", False),
            )
        )
    body = op.get("requestBody", {}).get("content", {}).get("application/json")
    if body:
        schema = resolve(provider, body["schema"])
        required = op["requestBody"].get("required", False)
        out.append(Param(provider, "body", "requestBody", schema, required))
        for name, prop in schema.get("properties", {}).items():
            prop = {k: v for k, v in resolve(provider, prop).items() if not k.startswith("x-")}
            out.append(Param(provider, name, "body", prop, name in schema.get("required", [])))
    return out


def types_of(schema: dict[str, Any]) -> set[str]:
    t = schema.get("type", "string")
    return {x for x in (t if isinstance(t, list) else [t]) if x != "null"}


# Malformed strings, tried in order until one breaks the pattern.
MALFORMED = ["!!bad value!!", "abc", "0", "+", "usa", "X"]


def bad_strings(schema: dict[str, Any]) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    if "enum" in schema:
        out.append(("not-in-enum", "not-an-option"))
    if "pattern" in schema:
        value = next(v for v in MALFORMED if not re.search(schema["pattern"], v))
        out.append(("malformed", value))
    if "maxLength" in schema:
        out.append(("over-long", "9" * (schema["maxLength"] + 1)))
    elif "pattern" in schema or "format" in schema:
        out.append(("over-long", "9" * 10_000))
    if schema.get("minLength", 0) >= 1:
        out.append(("empty", ""))
    fmt = schema.get("format")
    if fmt == "date":
        out += [("malformed-date", "2024-02-30"), ("malformed-date", "31/12/2024")]
    elif fmt == "date-time":
        out.append(("malformed-date-time", "yesterday at noon"))
    elif fmt == "uuid":
        out.append(("malformed-uuid", "not-a-uuid"))
    return out


def bad_values(param: Param) -> list[tuple[str, Any]]:
    """(kind, value) pairs that break ``param``'s schema, as JSON values."""
    schema, types = param.schema, types_of(param.schema)
    out: list[tuple[str, Any]] = []
    if param.required:
        out.append(("missing", MISSING))
    if param.location == "requestBody":  # the JSON body as a whole
        return [*out, ("wrong-type", ["page", 1]), ("malformed", NOT_JSON)]
    if "integer" in types or "number" in types:
        if "minimum" in schema:
            out.append(("out-of-range", schema["minimum"] - 1))
        if "maximum" in schema:
            out.append(("out-of-range", schema["maximum"] + 1))
        out += [("wrong-type", "abc"), ("wrong-type", 1.5)]
    elif "boolean" in types:
        out += [("wrong-type", "maybe"), ("wrong-type", 2)]
    elif "array" in types:
        items = resolve(param.provider, schema.get("items", {}))
        out += [(f"item-{kind}", [value]) for kind, value in bad_items(items)]
        if param.location == "body":
            out.append(("wrong-type", "not-a-list"))
    else:
        out += bad_strings(schema)
        if param.location == "body":
            out.append(("wrong-type", 12345))
    return out


def bad_items(items: dict[str, Any]) -> list[tuple[str, Any]]:
    if "integer" in types_of(items):
        enum = items.get("enum", [0])
        return [("not-in-enum", max(enum) + 1), ("wrong-type", "abc")]
    return bad_strings(items)


@dataclass(frozen=True)
class Bad:
    param: Param
    kind: str
    value: Any

    @property
    def id(self) -> str:
        return f"{self.param.provider}-{self.param.name}-{self.kind}"


def sweep() -> list[Bad]:
    cases = [
        Bad(p, kind, value)
        for pr in PROVIDERS
        for p in params_of(pr)
        for kind, value in bad_values(p)
    ]
    # Dependencies the schema cannot state (x-numberhub-filter `requires`): missing companions.
    for pr in PROVIDERS:
        for raw in operation(pr)[2].get("parameters", []):
            p = resolve(pr, raw)
            for needed in p.get("x-numberhub-filter", {}).get("requires", []):
                good = {"prefix": "+44"}.get(p["name"], "x")
                param = Param(pr, p["name"], p["in"], p["schema"], False)
                cases.append(Bad(param, f"without-{needed}", good))
    seen: dict[str, int] = {}
    unique = []
    for case in cases:  # number repeated kinds: out-of-range twice, ...
        n = seen[case.id] = seen.get(case.id, 0) + 1
        unique.append(case if n == 1 else Bad(case.param, f"{case.kind}{n}", case.value))
    return unique


SWEEP = sweep()


def test_the_sweep_covers_every_parameter_of_every_operation() -> None:
    swept = {(c.param.provider, c.param.name) for c in SWEEP}
    documented = {(p.provider, p.name) for pr in PROVIDERS for p in params_of(pr)}
    assert swept == documented
    kinds = {c.kind.rstrip("0123456789") for c in SWEEP}
    assert {"missing", "out-of-range", "wrong-type", "over-long", "malformed"} <= kinds


@pytest.mark.parametrize("case", SWEEP, ids=lambda c: c.id)
def test_each_bad_value_breaks_the_spec(case: Bad) -> None:
    """The sweep's own check: a spec-valid value would prove nothing."""
    if case.value in (MISSING, NOT_JSON) or case.kind.startswith("without-"):
        return
    schema = {**case.param.schema, "components": spec(case.param.provider)["components"]}
    checker = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert not checker.is_valid(case.value), f"{case.value!r} is valid"


# --- raw to the mock --------------------------------------------------------------------


@pytest.fixture(scope="module")
def server() -> Any:
    with MockServer(seed=3, size=60) as srv:
        yield srv


def auth_headers(provider: str, creds: dict[str, str]) -> dict[str, str]:
    if provider == "plivo":
        return {
            "Authorization": httpx.BasicAuth(creds["auth_id"], creds["auth_token"])._auth_header
        }
    return {
        "bird": {"Authorization": f"AccessKey {creds.get('access_key')}"},
        "butter": {
            "X-API-Key": creds.get("api_key", ""),
            "X-Organization-Id": creds.get("organization_id", ""),
        },
        "duoplus": {"DuoPlus-API-Key": creds.get("api_key", "")},
        "rounded": {"X-Api-Key": creds.get("api_key", "")},
    }[provider]


def as_query(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return [as_query(v) for v in value]
    return str(value)


def raw_request(server: MockServer, case: Bad) -> httpx.Request:
    """A request that is right in every way but ``case``'s parameter."""
    provider, param = case.param.provider, case.param
    creds = server.credentials[provider]
    path, method, _ = operation(provider)
    path_values = {"auth_id": creds.get("auth_id"), "organizationId": creds.get("organization_id")}
    headers = auth_headers(provider, creds)
    query: dict[str, Any] = {}
    body: Any = {} if provider == "duoplus" else None
    content: bytes | None = None
    if param.location == "requestBody":
        body = None if case.value in (MISSING, NOT_JSON) else case.value
        if case.value is NOT_JSON:
            content, headers["Content-Type"] = b'{"page": 1,', "application/json"
    elif case.kind.startswith("without-"):
        query[param.name] = case.value
    elif param.location == "path":
        path_values[param.name] = "" if case.value is MISSING else str(case.value)
    elif param.location == "header":
        headers[param.name] = str(case.value)
    elif param.location == "query":
        query[param.name] = as_query(case.value)
    elif param.location == "body":
        body = None if case.value is MISSING else {param.name: case.value}
    for name, value in path_values.items():
        path = path.replace("{" + name + "}", quote(str(value), safe=""))
    return httpx.Request(
        method,
        server.base_url + path,
        params=query,
        headers=headers,
        json=body,
        content=content,
    )


def error_schema(provider: str, status: int) -> dict[str, Any] | None:
    responses = operation(provider)[2]["responses"]
    response = responses.get(str(status)) or responses.get(f"{status // 100}XX")
    if response is None:
        return None
    media = resolve(provider, response).get("content", {}).get("application/json")
    return {**media["schema"], "components": spec(provider)["components"]} if media else None


@pytest.mark.parametrize("case", SWEEP, ids=lambda c: c.id)
def test_raw_bad_value_gets_the_providers_own_4xx(case: Bad, server: MockServer) -> None:
    with httpx.Client(timeout=10) as http:
        response = http.send(raw_request(server, case))
    assert 400 <= response.status_code < 500, f"{response.status_code}: {response.text[:300]}"
    schema = error_schema(case.param.provider, response.status_code)
    assert schema is not None, f"the spec documents no {response.status_code} body"
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(response.json()))
    assert not errors, f"{response.text[:300]}: {[e.message for e in errors]}"
    if response.status_code in (400, 422):  # refused by validation: the body says what
        assert case.param.name in response.text, response.text[:300]


# --- through the wrapper ----------------------------------------------------------------

# Spec names the wrapper spells otherwise, and where it takes them.
CONSTRUCTOR = {
    ("plivo", "auth_id"): "auth_id",
    ("bird", "organizationId"): "organization_id",
    ("duoplus", "Lang"): "lang",
}
PAGE_SIZE = {
    ("plivo", "limit"),
    ("bird", "limit"),
    ("butter", "limit"),
    ("rounded", "limit"),
    ("duoplus", "pagesize"),
}
KEYWORD = {("bird", "countryCodes"): "country_codes"}


def keyword(case: Bad) -> str:
    key = (case.param.provider, case.param.name)
    if key in CONSTRUCTOR:
        return CONSTRUCTOR[key]
    if key in PAGE_SIZE:
        return "page_size"
    return KEYWORD.get(key, case.param.name)


def python_value(case: Bad) -> Any:
    """The bad value as a caller would pass it (a query value keeps its JSON type)."""
    return case.value


def no_request(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"a request went out: {request.method} {request.url}")


def wrapper_case(case: Bad) -> bool:
    """Whether the wrapper can be handed this bad value at all."""
    # The wrapper fills in the path and builds the body itself.
    return not (case.value is MISSING or case.param.location == "requestBody")


WRAPPER_SWEEP = [c for c in SWEEP if wrapper_case(c)]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("case", WRAPPER_SWEEP, ids=lambda c: c.id)
def test_wrapper_refuses_bad_value_before_sending(case: Bad, mode: str, server: MockServer) -> None:
    provider = case.param.provider
    name = keyword(case)
    creds = dict(server.credentials[provider])
    listing: dict[str, Any] = {}
    options: dict[str, Any] = {}
    if case.kind.startswith("without-"):
        listing[name] = case.value
    elif (provider, case.param.name) in CONSTRUCTOR:
        (options if name == "lang" else creds)[name] = python_value(case)
    else:
        listing[name] = python_value(case)

    def sync() -> None:
        with (
            httpx.Client(transport=httpx.MockTransport(no_request)) as http,
            numberhub.client(
                provider, base_url="http://mock.invalid", http_client=http, **creds, **options
            ) as client,
        ):
            next(iter(client.list_numbers(**listing)), None)

    async def run_async() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(no_request)) as http:
            client = numberhub.async_client(
                provider, base_url="http://mock.invalid", http_client=http, **creds, **options
            )
            await anext(aiter(client.list_numbers(**listing)), None)

    # An empty credential is a missing one (the wrapper then reads its environment variable):
    # MissingCredentialsError, which names it too. Every other bad value is a ValueError.
    empty_credential = case.kind == "empty" and name in creds
    expected = numberhub.MissingCredentialsError if empty_credential else ValueError
    with pytest.raises(expected, match=re.escape(name)) as caught:
        sync() if mode == "sync" else asyncio.run(run_async())
    assert isinstance(caught.value, numberhub.NumberhubError), repr(caught.value)
    if not empty_credential:
        assert isinstance(caught.value, numberhub.InvalidParameterError)
        assert caught.value.parameter == name
