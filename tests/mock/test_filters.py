"""Every documented filter, against the ground truth computed here from the dataset."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from mock_helpers import collect
from numberhub_mock import MockServer, dataset

Item = dict[str, Any]
TENDLC = {
    "registered": {"COMPLETED", "REGISTERED", "registered"},
    "in_progress": {"PROCESSING", "IN_PROGRESS", "in_progress"},
    "unregistered": {"UNREGISTERED", "unregistered"},
}


def caps(item: Item, kind: str, way: str) -> bool:
    return bool(item["capabilities"].get(kind, {}).get(way, False))


CASES: list[tuple[str, dict[str, Any], Callable[[Item], bool]]] = [
    ("plivo", {"type": "tollfree"}, lambda i: i["number_type"] == "tollfree"),
    ("plivo", {"number_type": "mobile"}, lambda i: i["number_type"] == "mobile"),
    ("plivo", {"number_startswith": "44"}, lambda i: i["number"].startswith("44")),
    ("plivo", {"number_startswith": "1"}, lambda i: i["number"].startswith("1")),
    ("plivo", {"services": "voice,sms"}, lambda i: i["voice_enabled"] and i["sms_enabled"]),
    ("plivo", {"services": "mms"}, lambda i: i["mms_enabled"]),
    ("plivo", {"alias": "Sales"}, lambda i: i["alias"] == "Sales"),
    ("plivo", {"cnam_lookup": "enabled"}, lambda i: i["cnam_lookup"] == "enabled"),
    (
        "plivo",
        {"tendlc_registration_status": "registered"},
        lambda i: i["tendlc_registration_status"] in TENDLC["registered"],
    ),
    (
        "plivo",
        {"tendlc_registration_status": "in_progress"},
        lambda i: i["tendlc_registration_status"] in TENDLC["in_progress"],
    ),
    # plivo-node's upper-case values select what the list page's lower-case ones do.
    (
        "plivo",
        {"tendlc_registration_status": "COMPLETED"},
        lambda i: i["tendlc_registration_status"] in TENDLC["registered"],
    ),
    (
        "plivo",
        {"tendlc_registration_status": "PROCESSING"},
        lambda i: i["tendlc_registration_status"] in TENDLC["in_progress"],
    ),
    (
        "plivo",
        {"tendlc_registration_status": "UNREGISTERED"},
        lambda i: i["tendlc_registration_status"] in TENDLC["unregistered"],
    ),
    (
        "plivo",
        {"toll_free_sms_verification": "PENDING_VERIFICATION"},
        lambda i: (i["toll_free_sms_verification"] or "").lower() == "pending_verification",
    ),
    (
        "plivo",
        {"toll_free_sms_verification_order_status": "APPROVED"},
        lambda i: i["toll_free_sms_verification_order_status"] == "APPROVED",
    ),
    (
        "plivo",
        {"tendlc_campaign_id": "2FA_campaign"},
        lambda i: i["tendlc_campaign_id"] == "2FA_campaign",
    ),
    (
        "plivo",
        {"toll_free_sms_verification": "verified"},
        lambda i: (i["toll_free_sms_verification"] or "").lower() == "verified",
    ),
    (
        "plivo",
        {"renewal_date__gte": "2026-11-15", "renewal_date__lt": "2026-11-25"},
        lambda i: "2026-11-15" <= i["renewal_date"] < "2026-11-25",
    ),
    (
        "plivo",
        {"renewal_date__gt": "2026-11-20", "renewal_date__lte": "2026-12-01"},
        lambda i: "2026-11-20" < i["renewal_date"] <= "2026-12-01",
    ),
    ("plivo", {"renewal_date": "2026-11-28"}, lambda i: i["renewal_date"] == "2026-11-28"),
    (
        "plivo",
        {"type": "local", "services": "sms"},
        lambda i: i["number_type"] == "local" and i["sms_enabled"],
    ),
    ("bird", {"countryCodes": ["GB", "NL"]}, lambda i: i["countryCode"] in ("GB", "NL")),
    ("bird", {"types": ["toll-free"]}, lambda i: i["type"] == "toll-free"),
    ("bird", {"types": ["mobile", "local"]}, lambda i: i["type"] in ("mobile", "local")),
    (
        "bird",
        {"features": ["sms-outbound", "voice-inbound"]},
        lambda i: caps(i, "sms", "outbound") and caps(i, "voice", "inbound"),
    ),
    ("bird", {"features": ["whatsapp"]}, lambda i: caps(i, "whatsapp", "outbound")),
    ("bird", {"features": ["mms-inbound"]}, lambda i: caps(i, "mms", "inbound")),
    (
        "bird",
        {"countryCodes": ["US"], "prefix": "+1"},
        lambda i: i["countryCode"] == "US" and i["numberString"].startswith("+1"),
    ),
    (
        "bird",
        {"countryCodes": ["GB"], "prefix": "+447"},
        lambda i: i["countryCode"] == "GB" and i["numberString"].startswith("+447"),
    ),
    ("butter", {"status": "free"}, lambda i: i["status"] == "free"),
    ("butter", {"status": "assigned"}, lambda i: i["status"] == "assigned"),
    ("duoplus", {"status": [2]}, lambda i: i["status"] == 2),
    ("duoplus", {"status": [1, 2]}, lambda i: True),
    ("duoplus", {"type_ids": [2]}, lambda i: i["type_id"] == 2),
    ("duoplus", {"region_ids": ["US", "GB"]}, lambda i: i["region_id"] in ("US", "GB")),
    ("duoplus", {"renewal_status": [0]}, lambda i: i["renewal_status"] == 0),
    ("duoplus", {"remark": "shop"}, lambda i: "shop" in i["remark"]),
    ("duoplus", {"phone_number": "+1"}, lambda i: "+1" in i["phone_number"]),
    (
        "duoplus",
        {"region_ids": ["US"], "type_ids": [1], "renewal_status": [1]},
        lambda i: i["region_id"] == "US" and i["type_id"] == 1 and i["renewal_status"] == 1,
    ),
]


@pytest.mark.parametrize(
    ("provider", "params", "expect"), CASES, ids=[f"{p}-{sorted(q)}" for p, q, _ in CASES]
)
def test_filter_selects_exactly_the_matching_items(
    http: httpx.Client,
    server: MockServer,
    provider: str,
    params: dict[str, Any],
    expect: Callable[[Item], bool],
) -> None:
    truth = dataset(provider)
    expected = [item for item in truth if expect(item)]
    assert 0 < len(expected) < len(truth) or params == {"status": [1, 2]}, (
        "the default dataset should make this filter meaningful"
    )
    got = collect(http, provider, server.credentials[provider], params)
    assert got == expected


def test_bird_testing_splits_the_stock(http: httpx.Client, server: MockServer) -> None:
    creds = server.credentials["bird"]
    live = collect(http, "bird", creds, {"testing": "false"})
    test = collect(http, "bird", creds, {"testing": "true"})
    assert live
    assert test
    assert sorted(live + test, key=lambda i: i["numberString"]) == dataset("bird")


@pytest.mark.parametrize(
    ("sort_by", "order"),
    [
        ("created_at", "asc"),
        ("created_at", "desc"),
        ("expired_at", "asc"),
        ("expired_at", "desc"),
        (None, "asc"),
        ("expired_at", None),
    ],
)
def test_duoplus_sorts_by_the_field_asked(
    http: httpx.Client, server: MockServer, sort_by: str | None, order: str | None
) -> None:
    params = {k: v for k, v in {"sort_by": sort_by, "order": order}.items() if v}
    got = collect(http, "duoplus", server.credentials["duoplus"], params, page_size=100)
    field = sort_by or "created_at"
    keys = [i[field] for i in got]
    assert keys == sorted(keys, reverse=(order or "desc") == "desc")
    assert sorted(i["id"] for i in got) == sorted(i["id"] for i in dataset("duoplus"))


def test_bird_prefix_requires_country_codes(http: httpx.Client, server: MockServer) -> None:
    from mock_helpers import call

    r = call(http, "bird", server.credentials["bird"], {"prefix": "+1212"})
    assert r.status_code == 422
    assert ".query.prefix" in r.json()["details"]


def test_nothing_matches_gives_an_empty_page(http: httpx.Client, server: MockServer) -> None:
    from mock_helpers import call

    body = call(http, "plivo", server.credentials["plivo"], {"alias": "no such alias"}).json()
    assert body["objects"] == []
    assert body["meta"]["total_count"] == 0
    assert body["meta"]["next"] is None
