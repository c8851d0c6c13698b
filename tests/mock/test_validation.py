"""Bad input gets the provider's own 4xx body, never a 5xx."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from mock_helpers import assert_conforms, auth_headers, call, path
from numberhub_mock import MockServer

BAD: list[tuple[str, dict[str, Any], str]] = [
    ("plivo", {"limit": 0}, "limit"),
    ("plivo", {"limit": 21}, "limit"),
    ("plivo", {"limit": "ten"}, "limit"),
    ("plivo", {"offset": -1}, "offset"),
    ("plivo", {"type": "landline"}, "type"),
    ("plivo", {"number_startswith": "+1"}, "number_startswith"),
    ("plivo", {"services": "voice,fax"}, "services"),
    ("plivo", {"subaccount": "MA123"}, "subaccount"),
    ("plivo", {"renewal_date__gt": "2026-13-01"}, "renewal_date__gt"),
    ("plivo", {"alias": "x" * 256}, "alias"),
    ("bird", {"limit": 100}, "limit"),
    ("bird", {"countryCodes": ["usa"]}, "countryCodes"),
    ("bird", {"types": ["landline"]}, "types"),
    ("bird", {"features": ["fax"]}, "features"),
    ("bird", {"countryCodes": ["US"], "prefix": "1212"}, "prefix"),
    ("bird", {"testing": "maybe"}, "testing"),
    ("butter", {"status": "busy"}, "status"),
    ("butter", {"limit": 101}, "limit"),
    ("rounded", {"limit": 1001}, "limit"),
    ("rounded", {"page": 0}, "page"),
    ("rounded", {"use_cursor": "yes"}, "use_cursor"),
    ("rounded", {"use_cursor": "true", "cursor": "yesterday"}, "cursor"),
    ("duoplus", {"pagesize": 101}, "pagesize"),
    ("duoplus", {"page": 0}, "page"),
    ("duoplus", {"status": [3]}, "status"),
    ("duoplus", {"type_ids": "1"}, "type_ids"),
    ("duoplus", {"region_ids": ["usa"]}, "region_ids"),
    ("duoplus", {"sort_by": "number"}, "sort_by"),
    ("duoplus", {"order": "up"}, "order"),
    ("duoplus", {"remark": "r" * 300}, "remark"),
]
STATUS = {"plivo": 400, "bird": 422, "butter": 400, "rounded": 400, "duoplus": 400}


@pytest.mark.parametrize(
    ("provider", "params", "name"), BAD, ids=[f"{p}-{n}-{v!s:.20}" for p, v, n in BAD]
)
def test_invalid_parameter_gets_the_providers_error(
    http: httpx.Client, server: MockServer, provider: str, params: dict[str, Any], name: str
) -> None:
    r = call(http, provider, server.credentials[provider], params)
    assert r.status_code == STATUS[provider], r.text
    assert_conforms(provider, r)
    body = r.json()
    if provider == "plivo":
        assert name in body["error"]
        assert body["api_id"]
    elif provider == "bird":
        assert body["code"] == "InvalidPayload"
        assert any(key.endswith("." + name) for key in body["details"])
    elif provider == "butter":
        assert body["success"] is False
        assert name in body["error"]["message"]
    elif provider == "rounded":
        assert body["type"] == "generic_error"
        assert body["status"] == 400
        assert [d["field"] for d in body["details"]] == [name]
    else:
        assert body["code"] == 400
        assert body["data"] is None
        assert name in body["message"]


@pytest.mark.parametrize(
    ("content", "ctype"),
    [
        (b"", "application/json"),
        (b"{not json", "application/json"),
        (b"[1, 2]", "application/json"),
        (b'"page"', "application/json"),
        (b"page=1", "application/x-www-form-urlencoded"),
    ],
)
def test_duoplus_needs_a_json_object_body(
    http: httpx.Client, server: MockServer, content: bytes, ctype: str
) -> None:
    creds = server.credentials["duoplus"]
    r = http.post(
        path("duoplus", creds),
        content=content,
        headers={**auth_headers("duoplus", creds), "Content-Type": ctype},
    )
    assert r.status_code == 400
    assert r.json()["code"] == 400
    assert_conforms("duoplus", r)


def test_duoplus_lang_header_is_validated_and_localizes(
    http: httpx.Client, server: MockServer
) -> None:
    creds = server.credentials["duoplus"]
    assert call(http, "duoplus", creds, headers={"Lang": "fr"}).status_code == 400
    en = call(http, "duoplus", creds, {"pagesize": 5}).json()["data"]["list"]
    zh = call(http, "duoplus", creds, {"pagesize": 5}, headers={"Lang": "zh"}).json()["data"][
        "list"
    ]
    assert [i["id"] for i in en] == [i["id"] for i in zh]
    assert en[0]["status_name"] != zh[0]["status_name"]
    assert {i["status_name"] for i in zh} <= {"正常", "已过期"}


def test_unknown_query_parameters_are_ignored(http: httpx.Client, server: MockServer) -> None:
    r = call(http, "plivo", server.credentials["plivo"], {"not_a_plivo_filter": "x"})
    assert r.status_code == 200


def test_bad_credentials_are_reported_before_bad_parameters(
    http: httpx.Client, server: MockServer
) -> None:
    r = http.get("/v1/phone-numbers", params={"limit": 5000}, headers={"X-Api-Key": "nope"})
    assert r.status_code == 401
    assert_conforms("rounded", r)
