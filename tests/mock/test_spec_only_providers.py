"""Two providers made from their YAML alone, served by the mock with no Python added.

``telora`` (an API key in the query, limit + offset ending at a null ``next_offset``,
numbers as digits) and ``dialbase`` (a bearer token and a tenant header, page numbers in
a nested ``meta``, prices in minor units, local times) are in tests/fixtures/specs/. The
mock must serve them as their specs say: items that validate, every item once in order
for any page size, filters as their ``x-numberhub-filter`` says, bad input answered with
their own error body, credentials named as ``numberhub_spec`` names them, and data that
follows their ``x-numberhub-item`` mapping.

The paging and the filters below are written from the specs by hand, not with the mock's
or the wrapper's code, so that the test checks them rather than repeats them.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import math
import re
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import phonenumbers
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from numberhub_mock import MockServer, create_app, credentials, dataset
from numberhub_mock.profiles import Realism
from numberhub_spec import FilterRule, Spec, load
from phonenumbers import PhoneNumberType as PNT

FIXTURES = Path(__file__).parent.parent / "fixtures" / "specs"
SIZES = {"telora": 97, "dialbase": 83}
Item = dict[str, Any]

#: phonenumbers' types that a numberhub type stands for.
KINDS = {
    "local": {PNT.FIXED_LINE, PNT.FIXED_LINE_OR_MOBILE},
    "fixed": {PNT.FIXED_LINE, PNT.FIXED_LINE_OR_MOBILE},
    "national": {PNT.FIXED_LINE, PNT.FIXED_LINE_OR_MOBILE},
    "mobile": {PNT.MOBILE, PNT.FIXED_LINE_OR_MOBILE},
    "toll_free": {PNT.TOLL_FREE},
    "voip": {PNT.VOIP},
}
#: Real ISO 4217 codes a number's rent may be in.
ISO_4217 = {"AUD", "BRL", "CAD", "CHF", "EUR", "GBP", "INR", "JPY", "MXN", "SEK", "SGD", "USD"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("spec-only")
    for name in SIZES:
        shutil.copy(FIXTURES / f"{name}.yaml", out)
    return out


@pytest.fixture(scope="module")
def server(folder: Path) -> Iterator[MockServer]:
    with MockServer(specs_dir=folder, size=SIZES, check_responses=True) as srv:
        yield srv


@pytest.fixture(scope="module")
def http(server: MockServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=10) as client:
        yield client


def spec(folder: Path, name: str) -> Spec:
    return load(name, folder)


def truth(folder: Path, name: str, **kw: Any) -> list[Item]:
    return dataset(name, specs_dir=folder, size=SIZES[name], **kw)


def validator(folder: Path, name: str, schema: str) -> jsonschema.Draft202012Validator:
    """A validator (the jsonschema library, not the mock's) of a component schema."""
    return jsonschema.Draft202012Validator(
        spec(folder, name).schema_document({"$ref": f"#/components/schemas/{schema}"}),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


# -- how each provider is called, from its spec ------------------------------------------------
def telora(http: httpx.Client, creds: dict[str, str], params: dict[str, Any]) -> httpx.Response:
    """Telora: the API key in the query string (``api_key``)."""
    return http.get("/telora/v3/numbers", params={"api_key": creds["api_key"], **params})


def dialbase_headers(creds: dict[str, str]) -> dict[str, str]:
    """Dialbase: a bearer token, and the token's account in ``X-Dialbase-Account``."""
    return {
        "Authorization": f"Bearer {creds['api_token']}",
        "X-Dialbase-Account": creds["account_id"],
    }


def dialbase(http: httpx.Client, creds: dict[str, str], params: dict[str, Any]) -> httpx.Response:
    return http.get("/dialbase/lines", params=params, headers=dialbase_headers(creds))


def telora_pages(
    http: httpx.Client, creds: dict[str, str], limit: int, params: dict[str, Any] | None = None
) -> Iterator[Item]:
    """Every item, by limit + offset until ``next_offset`` is null."""
    offset, pages = 0, 0
    while True:
        r = telora(http, creds, {**(params or {}), "limit": limit, "offset": offset})
        assert r.status_code == 200, r.text
        body = r.json()
        assert len(body["items"]) <= limit
        yield from body["items"]
        pages += 1
        assert pages <= body["total"] + 1, "the list does not end"
        if body["next_offset"] is None:
            assert offset + limit >= body["total"]
            return
        assert body["next_offset"] == offset + limit
        offset = body["next_offset"]


def dialbase_pages(
    http: httpx.Client, creds: dict[str, str], per_page: int, params: dict[str, Any] | None = None
) -> Iterator[Item]:
    """Every item, by page number until ``meta.current_page >= meta.last_page``."""
    page = 1
    while True:
        r = dialbase(http, creds, {**(params or {}), "per_page": per_page, "page": page})
        assert r.status_code == 200, r.text
        body = r.json()
        meta = body["meta"]
        assert meta["current_page"] == page
        assert meta["last_page"] == math.ceil(meta["total"] / per_page)
        yield from body["lines"]
        if meta["current_page"] >= meta["last_page"]:
            return
        page += 1


# -- served from the YAML alone -------------------------------------------------------------
def test_they_are_served_with_no_python_added(folder: Path, server: MockServer) -> None:
    assert sorted(server.providers) == sorted(SIZES)
    for service in server.app.services.values():
        assert service.dataset.profile.realism == Realism()  # from the spec alone


def test_credentials_are_named_as_the_spec_model_names_them(
    folder: Path, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in SIZES:
        assert list(server.credentials[name]) == [c.name for c in spec(folder, name).credentials]
    assert server.credentials["telora"] == {"api_key": "nhmock-telora-api-key"}
    account = server.credentials["dialbase"]["account_id"]
    assert re.fullmatch(r"acct_[0-9a-z]{10}", account)  # its parameter's pattern
    env = {c.name: c.env for c in spec(folder, "dialbase").credentials}
    assert env == {"api_token": "DIALBASE_API_TOKEN", "account_id": "DIALBASE_ACCOUNT_ID"}
    monkeypatch.setenv("DIALBASE_API_TOKEN", "from-env")
    assert credentials(["dialbase"], specs_dir=folder)["dialbase"]["api_token"] == "from-env"


@pytest.mark.parametrize("limit", [1, 7, 20, 40])
def test_telora_pages_every_item_once_in_order(
    folder: Path, server: MockServer, http: httpx.Client, limit: int
) -> None:
    items = list(telora_pages(http, server.credentials["telora"], limit))
    assert items == truth(folder, "telora")
    valid = validator(folder, "telora", "Number")
    assert all(not list(valid.iter_errors(item)) for item in items)
    stamps = [dt.datetime.fromisoformat(i["created"]) for i in items]
    assert stamps == sorted(stamps)  # x-numberhub-order: created asc


@pytest.mark.parametrize("per_page", [1, 4, 15, 30])
def test_dialbase_pages_every_item_once_in_order(
    folder: Path, server: MockServer, http: httpx.Client, per_page: int
) -> None:
    items = list(dialbase_pages(http, server.credentials["dialbase"], per_page))
    assert items == truth(folder, "dialbase")
    valid = validator(folder, "dialbase", "Line")
    assert all(not list(valid.iter_errors(item)) for item in items)
    stamps = [i["listed_at"] for i in items]
    assert stamps == sorted(stamps, reverse=True)  # x-numberhub-order: listed_at desc


def _walk_app(name: str, folder: Path, size: int, page_size: int) -> list[Item]:
    """Page through a fresh app of ``size`` items (in-process), as the spec says."""
    app = create_app(specs_dir=folder, providers=[name], size=size, seed=size)
    creds = app.credentials[name]

    async def run() -> list[Item]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
            out: list[Item] = []
            for step in range(size + 2):
                if name == "telora":
                    params = {"api_key": creds["api_key"], "limit": page_size}
                    r = await client.get(
                        "/telora/v3/numbers", params={**params, "offset": len(out)}
                    )
                    out += r.json()["items"]
                    if r.json()["next_offset"] is None:
                        return out
                else:
                    params = {"per_page": page_size, "page": step + 1}
                    headers = dialbase_headers(creds)
                    r = await client.get("/dialbase/lines", params=params, headers=headers)
                    out += r.json()["lines"]
                    if r.json()["meta"]["current_page"] >= r.json()["meta"]["last_page"]:
                        return out
            raise AssertionError("the list does not end")

    return asyncio.run(run())


@settings(max_examples=12, deadline=None)
@given(
    name=st.sampled_from(sorted(SIZES)),
    size=st.integers(0, 70),
    page_size=st.integers(1, 30),
)
def test_any_size_and_page_size_gives_every_item_once(
    folder: Path, name: str, size: int, page_size: int
) -> None:
    items = _walk_app(name, folder, size, page_size)
    assert items == dataset(name, specs_dir=folder, size=size, seed=size)


# -- filters, as x-numberhub-filter says ------------------------------------------------------
TELORA_FILTERS: list[tuple[dict[str, Any], Any]] = [
    ({"country": "GB"}, lambda i: i["country"] == "GB"),
    ({"kind": "tollfree"}, lambda i: i["kind"] == "tollfree"),
    ({"sms": "false"}, lambda i: i["sms_capable"] is False),
    (
        {"country": "US", "kind": "landline", "sms": "true"},
        lambda i: i["country"] == "US" and i["kind"] == "landline" and i["sms_capable"],
    ),
]
DIALBASE_FILTERS: list[tuple[dict[str, Any], Any]] = [
    ({"category": ["freephone", "mobile"]}, lambda i: i["category"] in ("freephone", "mobile")),
    ({"country": "GB"}, lambda i: i["iso_country"] == "GB"),
    (
        {"category": ["geographic"], "country": "US"},
        lambda i: i["category"] == "geographic" and i["iso_country"] == "US",
    ),
]


def test_the_filters_tested_are_the_specs(folder: Path) -> None:
    telora_rules = {k: p.filter for k, p in spec(folder, "telora").filters.items()}
    assert telora_rules == {
        "country": FilterRule("eq", "country"),
        "kind": FilterRule("eq", "kind"),
        "sms": FilterRule("eq", "sms_capable"),
    }
    dialbase_rules = {k: p.filter for k, p in spec(folder, "dialbase").filters.items()}
    assert dialbase_rules == {
        "category": FilterRule("in", "category"),
        "country": FilterRule("eq", "iso_country"),
    }


@pytest.mark.parametrize(("params", "keep"), TELORA_FILTERS)
def test_telora_filters_select_what_the_dataset_says(
    folder: Path, server: MockServer, http: httpx.Client, params: dict[str, Any], keep: Any
) -> None:
    expected = [i for i in truth(folder, "telora") if keep(i)]
    assert 0 < len(expected) < SIZES["telora"], "the data should give the filter something"
    assert list(telora_pages(http, server.credentials["telora"], 9, params)) == expected


@pytest.mark.parametrize(("params", "keep"), DIALBASE_FILTERS)
def test_dialbase_filters_select_what_the_dataset_says(
    folder: Path, server: MockServer, http: httpx.Client, params: dict[str, Any], keep: Any
) -> None:
    expected = [i for i in truth(folder, "dialbase") if keep(i)]
    assert 0 < len(expected) < SIZES["dialbase"], "the data should give the filter something"
    assert list(dialbase_pages(http, server.credentials["dialbase"], 6, params)) == expected


# -- bad input, answered with the provider's own error body --------------------------------------
@pytest.mark.parametrize(
    ("params", "key", "status", "about"),
    [
        ({"limit": 0}, None, 400, "limit"),
        ({"limit": 41}, None, 400, "limit"),
        ({"offset": -1}, None, 400, "offset"),
        ({"kind": "fax"}, None, 400, "kind"),
        ({"country": "usa"}, None, 400, "country"),
        ({"sms": "maybe"}, None, 400, "sms"),
        ({}, "wrong-key", 401, ""),
        ({}, "", 401, ""),
    ],
)
def test_telora_refuses_bad_input_with_its_error_body(
    folder: Path,
    server: MockServer,
    http: httpx.Client,
    params: dict[str, Any],
    key: str | None,
    status: int,
    about: str,
) -> None:
    creds = dict(server.credentials["telora"])
    if key is not None:
        creds["api_key"] = key
    r = telora(http, creds, params)
    assert r.status_code == status, r.text
    body = r.json()
    assert not list(validator(folder, "telora", "Error").iter_errors(body)), body
    assert set(body) == {"error"}
    assert {"code", "message"} <= set(body["error"])
    assert about in body["error"]["message"]


@pytest.mark.parametrize(
    ("params", "headers", "status"),
    [
        ({"per_page": 31}, {}, 400),
        ({"page": 0}, {}, 400),
        ({"category": "fax"}, {}, 400),
        ({"country": "Germany"}, {}, 400),
        ({}, {"Authorization": "Bearer wrong"}, 401),
        ({}, {"Authorization": ""}, 401),
        ({}, {"X-Dialbase-Account": "acct_0000000000"}, 403),
        ({}, {"X-Dialbase-Account": "nope"}, 403),
    ],
)
def test_dialbase_refuses_bad_input_with_its_error_body(
    folder: Path,
    server: MockServer,
    http: httpx.Client,
    params: dict[str, Any],
    headers: dict[str, str],
    status: int,
) -> None:
    all_headers = {**dialbase_headers(server.credentials["dialbase"]), **headers}
    r = http.get("/dialbase/lines", params=params, headers=all_headers)
    assert r.status_code == status, r.text
    body = r.json()
    assert not list(validator(folder, "dialbase", "Error").iter_errors(body)), body
    assert body["status"] == status
    assert body["message"]


# -- the data follows x-numberhub-item ------------------------------------------------------------
def _type_map(folder: Path, name: str) -> dict[str, str]:
    values = spec(folder, name).item.type[0].values
    assert values is not None
    return dict(values)


def _check_numbers(items: list[Item], number: str, country: str, digits: bool) -> None:
    for item in items:
        text = item[number]
        assert text.startswith("+") != digits, text  # the rule's form
        parsed = phonenumbers.parse(text if text.startswith("+") else "+" + text)
        assert phonenumbers.is_valid_number(parsed), item
        assert phonenumbers.region_code_for_number(parsed) == item[country], item


def _check_types(items: list[Item], number: str, field: str, values: dict[str, str]) -> None:
    assert {i[field] for i in items} == set(values), "every mapped type, and only those"
    toll_free = next(k for k, v in values.items() if v == "toll_free")
    for item in items:
        text = item[number]
        parsed = phonenumbers.parse(text if text.startswith("+") else "+" + text)
        kind = phonenumbers.number_type(parsed)
        assert kind in KINDS[values[item[field]]], item
        assert (kind == PNT.TOLL_FREE) == (item[field] == toll_free), item


def test_telora_data_follows_its_mapping(folder: Path) -> None:
    items = truth(folder, "telora")
    assert len({i["sid"] for i in items}) == len(items)
    assert len({i["msisdn"] for i in items}) == len(items)
    _check_numbers(items, "msisdn", "country", digits=True)
    _check_types(items, "msisdn", "kind", _type_map(folder, "telora"))
    assert {i["state"] for i in items} == {"active", "porting"}  # its known values
    assert all(isinstance(i[k], bool) for i in items for k in ("voice_capable", "sms_capable"))
    for item in items:
        created = dt.datetime.fromisoformat(item["created"])
        assert created.tzinfo is not None
        rent = item["rent"]
        assert rent["currency"] in ISO_4217
        assert re.fullmatch(r"\d+\.\d{2}", rent["amount"]), rent  # a decimal string
        assert Decimal("0.05") <= Decimal(rent["amount"]) <= Decimal(20), rent


def test_dialbase_data_follows_its_mapping(folder: Path) -> None:
    items = truth(folder, "dialbase")
    assert len({i["line_id"] for i in items}) == len(items)
    _check_numbers(items, "e164", "iso_country", digits=False)
    _check_types(items, "e164", "category", _type_map(folder, "dialbase"))
    assert {i["reserved"] for i in items} == {True, False}  # the status map's keys
    for item in items:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", item["listed_at"])  # no offset
        for way in ("in", "out"):
            assert isinstance(item["voice"][way], bool)
            assert isinstance(item["sms"][way], bool)
        price = item["price"]
        assert price["currency"] in ISO_4217
        assert isinstance(price["minor"], int), price
        assert price["exponent"] == -2, price  # minor units
        assert Decimal("0.05") <= Decimal(price["minor"]).scaleb(price["exponent"]) <= 20


def test_the_data_is_reproducible_for_a_seed(folder: Path) -> None:
    for name in SIZES:
        assert truth(folder, name, seed=3) == truth(folder, name, seed=3)
        assert truth(folder, name, seed=3) != truth(folder, name, seed=4)


# -- any plan, generically: a field cursor as the main paging -------------------------------------
@pytest.fixture(scope="module", params=["asc", "desc"])
def cursor_folder(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Telora, paging by a field cursor: the next page starts after the last ``created``."""
    doc = yaml.safe_load((FIXTURES / "telora.yaml").read_text())
    op = doc["paths"]["/telora/v3/numbers"]["get"]
    op["x-speakeasy-pagination"] = {
        "type": "cursor",
        "inputs": [
            {"name": "after", "in": "parameters", "type": "cursor"},
            {"name": "limit", "in": "parameters", "type": "limit"},
        ],
        "outputs": {"results": "$.items", "nextCursor": "$.next"},
    }
    direction = request.param
    op["x-numberhub-pagination"] = {
        "end": {"null": "$.next"},
        "cursor": {"kind": "field", "field": "created", "direction": direction},
    }
    op["x-numberhub-order"] = {"by": "created", "direction": direction}
    op["parameters"] = [p for p in op["parameters"] if p["name"] != "offset"]
    op["parameters"].append({"name": "after", "in": "query", "schema": {"type": "string"}})
    page = doc["components"]["schemas"]["NumberPage"]["properties"]
    page["next"] = page.pop("next_offset")
    page["next"]["type"] = ["string", "null"]
    out = tmp_path_factory.mktemp(f"cursor-{direction}")
    (out / "telora.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True))
    return out


def test_a_field_cursor_pages_every_item_once_in_order(cursor_folder: Path) -> None:
    size, limit = 45, 7
    app = create_app(specs_dir=cursor_folder, size=size, check_responses=True)
    key = app.credentials["telora"]["api_key"]

    async def run() -> list[Item]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
            out: list[Item] = []
            params: dict[str, Any] = {"api_key": key, "limit": limit}
            for _ in range(size):
                r = await client.get("/telora/v3/numbers", params=params)
                assert r.status_code == 200, r.text
                out += r.json()["items"]
                if r.json().get("next") is None:
                    return out
                assert r.json()["next"] == out[-1]["created"]  # the cursor is the field
                params["after"] = r.json()["next"]
            raise AssertionError("the list does not end")

    items = asyncio.run(run())
    assert items == dataset("telora", specs_dir=cursor_folder, size=size)
    stamps = [i["created"] for i in items]
    descending = load("telora", cursor_folder).plan().cursor.direction == "desc"  # type: ignore[union-attr]
    assert stamps == sorted(stamps, reverse=descending)
    assert len(set(stamps)) == len(stamps)
