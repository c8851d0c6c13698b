"""A sixth provider needs only its YAML: the mock serves, validates, pages and filters it.

The specs folder is copied to a temporary one with two more specs: ``voxly.yaml`` (a
small made-up provider, tests/fixtures/specs/) and ``roundtwo.yaml`` (rounded.yaml under
another name and path). Neither has a hand-written data profile.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import phonenumbers
import pytest
import yaml
from click.testing import CliRunner
from mock_helpers import PROVIDERS
from numberhub_mock import MockServer, create_app, dataset
from numberhub_mock._credentials import scheme_value
from numberhub_mock._generate import from_pattern, known_values
from numberhub_mock.profiles import Realism
from numberhub_spec import (
    SPECS_DIR_ENV,
    Parameter,
    Spec,
    load,
    provider_names,
    snake_case,
    specs_dir,
)

HERE = Path(__file__).parent
SIZES = {"voxly": 120, "roundtwo": 90}
Item = dict[str, Any]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("specs")
    for spec in specs_dir().glob("*.yaml"):
        shutil.copy(spec, out)
    shutil.copy(HERE.parent / "fixtures" / "specs" / "voxly.yaml", out)
    rounded = yaml.safe_load((specs_dir() / "rounded.yaml").read_text())
    rounded["info"]["title"] = "Roundtwo — list lines"
    rounded["info"]["x-numberhub-provider"] = {
        "name": "roundtwo",
        "display_name": "Roundtwo",
        "lists": "owned",
    }
    rounded["paths"] = {"/v9/lines": rounded["paths"]["/v1/phone-numbers"]}
    (out / "roundtwo.yaml").write_text(yaml.safe_dump(rounded, allow_unicode=True))
    return out


@pytest.fixture(scope="module")
def server(folder: Path) -> Iterator[MockServer]:
    with MockServer(specs_dir=folder, size=SIZES, check_responses=True) as srv:
        yield srv


@pytest.fixture(scope="module")
def http(server: MockServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=10) as client:
        yield client


def truth(folder: Path, provider: str, **kw: Any) -> list[Item]:
    return dataset(provider, specs_dir=folder, size=SIZES[provider], **kw)


def item_validator(folder: Path, provider: str, name: str) -> jsonschema.Draft202012Validator:
    spec = load(provider, folder)
    return jsonschema.Draft202012Validator(
        spec.schema_document({"$ref": f"#/components/schemas/{name}"}),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def voxly_headers(server: MockServer) -> dict[str, str]:
    return {"Authorization": f"Bearer {server.credentials['voxly']['bearer_auth']}"}


def voxly_pages(
    http: httpx.Client, server: MockServer, params: dict[str, Any]
) -> Iterator[list[Item]]:
    params = {"page_size": 7, **params}
    while True:
        r = http.get("/v2/numbers", params=params, headers=voxly_headers(server))
        assert r.status_code == 200, r.text
        body = r.json()
        yield body["items"]
        if body.get("next_page_token") is None:
            return
        params["page_token"] = body["next_page_token"]


def voxly_all(http: httpx.Client, server: MockServer, params: dict[str, Any]) -> list[Item]:
    return [item for page in voxly_pages(http, server, params) for item in page]


# -- discovery: the env var, create_app, the CLI -------------------------------------------
def test_a_folder_named_by_the_env_var_adds_the_providers(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "voxly" not in provider_names()
    monkeypatch.setenv(SPECS_DIR_ENV, str(folder))
    assert {"voxly", "roundtwo", "plivo"} <= set(provider_names())
    app = create_app()
    assert sorted(app.services) == sorted(provider_names())
    assert app.credentials["voxly"] == {"bearer_auth": "nhmock-voxly-bearer-auth"}

    from numberhub.cli import main

    result = CliRunner().invoke(main, ["mock", "--credentials"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert printed["voxly"] == {"bearer_auth": "nhmock-voxly-bearer-auth"}
    assert printed["roundtwo"] == {"api_key": "nhmock-roundtwo-api-key"}


def test_the_folder_can_be_given_explicitly(folder: Path) -> None:
    assert "voxly" in create_app(specs_dir=folder, providers=["voxly"]).services
    with pytest.raises(LookupError):
        create_app(providers=["voxly"])  # not in the shipped specs
    with pytest.raises(LookupError):
        dataset("voxly")


# -- voxly: serving, validating, paging, filtering ------------------------------------------
def test_voxly_pages_through_every_item_once_in_its_order(
    folder: Path, server: MockServer, http: httpx.Client
) -> None:
    pages = list(voxly_pages(http, server, {}))
    items = [item for page in pages for item in page]
    assert len(pages) == -(-SIZES["voxly"] // 7)
    assert items == truth(folder, "voxly")
    valid = item_validator(folder, "voxly", "PhoneNumber")
    for item in items:
        assert not list(valid.iter_errors(item)), item
    stamps = [i["purchased_at"] for i in items]
    assert stamps == sorted(stamps, reverse=True)  # x-numberhub-order: purchased_at desc


def naive_sorted(items: list[Item], field: str, descending: bool) -> list[Item]:
    present = [i for i in items if i.get(field) is not None]
    absent = [i for i in items if i.get(field) is None]
    return sorted(present, key=lambda i: i[field], reverse=descending) + absent


FILTERS: list[tuple[dict[str, Any], Any]] = [
    ({"status": "active"}, lambda i: i["status"] == "active"),
    ({"country": ["GB", "CA"]}, lambda i: i["country_code"] in ("GB", "CA")),
    ({"number_type": "mobile"}, lambda i: (i.get("number_type") or "").lower() == "mobile"),
    ({"contains": "44"}, lambda i: "44" in i["e164"]),
    ({"features": ["sms", "voice"]}, lambda i: i["features"]["sms"] and i["features"]["voice"]),
    (
        {"purchased_after": "2025-01-01T00:00:00Z"},
        lambda i: i["purchased_at"] >= "2025-01-01T00:00:00Z",
    ),
    (
        {"status": "suspended", "country": ["US"], "features": ["voice"]},
        lambda i: (
            i["status"] == "suspended" and i["country_code"] == "US" and i["features"]["voice"]
        ),
    ),
]


@pytest.mark.parametrize(("params", "keep"), FILTERS)
def test_voxly_filters_select_what_the_dataset_says(
    folder: Path, server: MockServer, http: httpx.Client, params: dict[str, Any], keep: Any
) -> None:
    expected = [i for i in truth(folder, "voxly") if keep(i)]
    assert expected, "the generated data should give every filter something to find"
    assert len(expected) < SIZES["voxly"]
    assert voxly_all(http, server, params) == expected


@pytest.mark.parametrize(
    ("params", "field", "descending"),
    [
        ({"sort": "monthly_cost", "order": "asc"}, "monthly_cost", False),
        ({"sort": "monthly_cost", "order": "desc"}, "monthly_cost", True),
        ({"sort": "purchased_at", "order": "asc"}, "purchased_at", False),
        ({"sort": "monthly_cost", "status": "active"}, "monthly_cost", True),  # spec's default
    ],
)
def test_voxly_sorts_like_the_dataset(
    folder: Path,
    server: MockServer,
    http: httpx.Client,
    params: dict[str, Any],
    field: str,
    descending: bool,
) -> None:
    items = truth(folder, "voxly")
    if "status" in params:
        items = [i for i in items if i["status"] == params["status"]]
    assert voxly_all(http, server, params) == naive_sorted(items, field, descending)


@pytest.mark.parametrize(
    ("params", "headers", "status"),
    [
        ({}, {}, 401),
        ({}, {"Authorization": "Bearer wrong"}, 401),
        ({"page_size": 0}, None, 400),
        ({"page_size": 51}, None, 400),
        ({"status": "gone"}, None, 400),
        ({"country": "usa"}, None, 400),
        ({"purchased_after": "yesterday"}, None, 400),
        ({"page_token": "forged"}, None, 400),
    ],
)
def test_voxly_refuses_bad_requests_with_its_error_body(
    folder: Path,
    server: MockServer,
    http: httpx.Client,
    params: dict[str, Any],
    headers: dict[str, str] | None,
    status: int,
) -> None:
    r = http.get(
        "/v2/numbers", params=params, headers=voxly_headers(server) if headers is None else headers
    )
    assert r.status_code == status, r.text
    errors = list(item_validator(folder, "voxly", "Error").iter_errors(r.json()))
    assert not errors, r.json()


def test_voxly_items_are_realistic_and_reproducible(folder: Path) -> None:
    items = truth(folder, "voxly")
    assert len({i["id"] for i in items}) == len(items)
    assert len({i["e164"] for i in items}) == len(items)
    kinds = {
        "mobile": {phonenumbers.PhoneNumberType.MOBILE},
        "local": {
            phonenumbers.PhoneNumberType.FIXED_LINE,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        },
        "toll_free": {phonenumbers.PhoneNumberType.TOLL_FREE},
    }
    for item in items:
        uuid.UUID(item["id"])
        number = phonenumbers.parse(item["e164"])
        assert phonenumbers.is_valid_number(number), item
        assert phonenumbers.region_code_for_number(number) == item["country_code"], item
        if item.get("number_type") in kinds:
            assert phonenumbers.number_type(number) in kinds[item["number_type"]], item
        if item["forwarding_number"] is not None:
            assert phonenumbers.is_valid_number(phonenumbers.parse(item["forwarding_number"]))
        assert item["status"] in ("active", "suspended", "pending_port")
        assert re.fullmatch(r"ORD-\d{6}", item["order_ref"])
    assert {i["status"] for i in items} == {"active", "suspended", "pending_port"}
    assert any(i["label"] is None for i in items)
    assert any(i["label"] for i in items)
    assert dataset("voxly", specs_dir=folder, seed=3) == dataset("voxly", specs_dir=folder, seed=3)
    assert dataset("voxly", specs_dir=folder, seed=3) != dataset("voxly", specs_dir=folder, seed=4)


# -- roundtwo: a copy of Rounded's spec, page mode and cursor mode -------------------------------
def test_roundtwo_pages_by_page_and_by_cursor(
    folder: Path, server: MockServer, http: httpx.Client
) -> None:
    headers = {"X-Api-Key": server.credentials["roundtwo"]["api_key"]}
    expected = truth(folder, "roundtwo")
    by_page: list[Item] = []
    page = 1
    while True:
        r = http.get("/v9/lines", params={"page": page, "limit": 8}, headers=headers)
        assert r.status_code == 200, r.text
        body = r.json()
        by_page += body["data"]
        if body["current_page"] >= body["total_pages"]:
            break
        page += 1
    assert by_page == expected
    by_cursor: list[Item] = []
    params: dict[str, Any] = {"use_cursor": "true", "limit": 8}
    while True:
        r = http.get("/v9/lines", params=params, headers=headers)
        assert r.status_code == 200, r.text
        by_cursor += r.json()["data"]
        if not r.json().get("next_cursor"):
            break
        params["cursor"] = r.json()["next_cursor"]
    assert by_cursor == expected
    stamps = [i["created_at"] for i in expected]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)
    assert {i["type"] for i in expected} == {"pstn", "sip"}
    valid = item_validator(folder, "roundtwo", "PhoneNumber")
    assert all(not list(valid.iter_errors(i)) for i in expected)


# -- the schema profile alone serves each of the five shipped specs ------------------------------
@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five specs under other names, so that no hand-written profile applies."""
    out = tmp_path_factory.mktemp("renamed")
    for spec in specs_dir().glob("*.yaml"):
        doc = yaml.safe_load(spec.read_text())
        doc["info"]["x-numberhub-provider"]["name"] = f"{spec.stem}2"
        (out / f"{spec.stem}2.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True))
    return out


def spec_request(spec: Spec, creds: dict[str, str]) -> tuple[str, dict[str, str]]:
    """The path and auth headers the spec's first security requirement asks for."""
    headers: dict[str, str] = {}
    for name in (spec.operation.security or ((),))[0]:
        scheme = spec.schemes[name]
        value = scheme_value(scheme, creds)
        assert value is not None
        if scheme.type == "http":
            headers["Authorization"] = f"{(scheme.scheme or '').capitalize()} {value}"
        else:
            headers[scheme.parameter or ""] = value
    path = spec.operation.path
    for p in spec.operation.parameters:
        if p.location == "path":
            path = path.replace(f"{{{p.name}}}", creds[p.credential or snake_case(p.name)])
        elif p.location == "header" and p.credential:
            headers[p.name] = creds[p.credential]
    return path, headers


def test_the_schema_profile_alone_serves_each_shipped_spec(renamed: Path) -> None:
    size = 45
    with (
        MockServer(specs_dir=renamed, size=size, check_responses=True) as srv,
        httpx.Client(base_url=srv.base_url, timeout=10) as client,
    ):
        assert sorted(srv.providers) == [f"{p}2" for p in sorted(PROVIDERS)]
        for name, service in srv.app.services.items():
            spec = load(name, renamed)
            assert service.dataset.profile.realism == Realism()  # from the spec alone
            path, headers = spec_request(spec, srv.credentials[name])
            filters = [(None, None)] + [
                (p.name, _first_value(p)) for p in spec.filters.values() if p.filter
            ]
            for param, value in filters:
                if param is not None and value is None:
                    continue
                args = {} if param is None else {param: value}
                if spec.operation.method == "POST":
                    r = client.post(path, json=args, headers=headers)
                else:
                    r = client.get(path, params=args, headers=headers)
                assert r.status_code == 200, (name, args, r.text)
                if param is None:  # the first page is the dataset's first items
                    first = spec.plan().results.get(r.json())
                    everything = dataset(name, specs_dir=renamed, size=size)
                    assert first == everything[: len(first)]
                    assert first


def _first_value(param: Parameter) -> Any:
    """A valid value for a filter parameter: the first of its enum, when it has one."""
    schema = param.schema
    if param.is_array:
        enum = (schema.get("items") or {}).get("enum")
        return enum[:1] if enum else None
    enum = schema.get("enum")
    return enum[0] if enum else None


# -- the generators behind it --------------------------------------------------------------------
@pytest.mark.parametrize(
    "pattern",
    [
        r"^\+[1-9][0-9]{6,14}$",
        r"^(MA|SA)[A-Z0-9]{18}$",
        r"^phon_[0-9a-f]{12,}$",
        r"^(voice|sms|mms)(,(voice|sms|mms)){0,2}$",
        r"^[^a-z]+$",
        r"^org_\w+\.x?$",
    ],
)
def test_strings_from_patterns_match_them(pattern: str) -> None:
    rnd = random.Random(pattern)
    for _ in range(50):
        text = from_pattern(pattern, rnd)
        assert re.search(pattern, text), text


def test_known_values_are_read_from_open_enum_descriptions() -> None:
    assert known_values("Open enum. Known values: active, suspended, pending_port.") == [
        "active",
        "suspended",
        "pending_port",
    ]
    assert known_values("Known values: `a` or `b`") == ["a", "b"]
    assert known_values("A free string.") == []
