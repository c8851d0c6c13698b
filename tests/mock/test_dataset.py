"""The datasets: seeded, realistic, valid for their countries, lazy at any size."""

from __future__ import annotations

import re
import uuid
from collections import Counter

import numberhub_spec
import phonenumbers
import pytest
from mock_helpers import ID, PROVIDERS
from numberhub_mock import dataset
from numberhub_mock._dataset import Dataset


@pytest.mark.parametrize("provider", PROVIDERS)
def test_same_seed_same_items_other_seed_other_items(provider: str) -> None:
    assert dataset(provider, seed=7) == dataset(provider, seed=7)
    assert dataset(provider, seed=7) != dataset(provider, seed=8)
    assert len(dataset(provider, size=33)) == 33


@pytest.mark.parametrize("provider", PROVIDERS)
def test_items_are_unique(provider: str) -> None:
    items = dataset(provider)
    assert len({i[ID[provider]] for i in items}) == len(items)
    numbers = [_e164(provider, i) for i in items]
    numbers = [n for n in numbers if n]
    assert len(set(numbers)) == len(numbers)


def _e164(provider: str, item: dict[str, object]) -> str | None:
    if provider == "plivo":
        return "+" + str(item["number"])
    if provider == "bird":
        return str(item["numberString"])
    if provider == "rounded":
        return str(item["number"]) if item["type"] == "pstn" else None
    return str(item["phone_number"]) or None


@pytest.mark.parametrize("provider", PROVIDERS)
def test_numbers_are_valid_for_their_country(provider: str) -> None:
    for item in dataset(provider):
        e164 = _e164(provider, item)
        if e164 is None:
            continue
        parsed = phonenumbers.parse(e164)
        assert phonenumbers.is_valid_number(parsed), item
        region = item.get("countryCode") or item.get("region_id")
        if region:
            assert phonenumbers.region_code_for_number(parsed) == region


@pytest.mark.parametrize(
    ("provider", "field", "descending"),
    [
        ("plivo", "added_on", True),
        ("butter", "created_at", True),
        ("rounded", "created_at", False),
        ("duoplus", "created_at", True),
        ("bird", "numberString", False),
    ],
)
def test_items_come_in_the_specs_order(provider: str, field: str, descending: bool) -> None:
    order = numberhub_spec.load(provider).order
    assert order is not None
    assert (order.by, order.direction) == (field, "desc" if descending else "asc")
    keys = [i[field] for i in dataset(provider)]
    assert keys == sorted(keys, reverse=descending)


def test_creation_times_spread_over_years() -> None:
    years = Counter(i["created_at"][:4] for i in dataset("rounded"))
    assert len(years) >= 3
    dates = {i["added_on"] for i in dataset("plivo")}
    assert len(dates) > 150


def test_plivo_items_look_like_plivos() -> None:
    items = dataset("plivo")
    assert all(re.fullmatch(r"[0-9]{6,15}", i["number"]) for i in items)
    assert {i["number_type"] for i in items} >= {"local", "tollfree", "mobile"}
    assert all(re.fullmatch(r"\d+\.\d{5}", i["monthly_rental_rate"]) for i in items)
    tollfree = [i for i in items if i["number_type"] == "tollfree"]
    assert all(i["tendlc_registration_status"] is None for i in tollfree)
    assert {i["toll_free_sms_verification"] for i in tollfree} >= {"verified", "unverified"}
    assert any(", UNITED STATES" in (i["region"] or "") for i in items)
    creds_id = "MANUMBERHUBMOCK00001"
    assert all(i["resource_uri"] == f"/v1/Account/{creds_id}/Number/{i['number']}/" for i in items)


def test_bird_prices_and_capabilities() -> None:
    items = dataset("bird")
    for i in items:
        price = i["monthlyPrice"]
        assert price["exponent"] == -6
        assert 0.5 <= price["amount"] * 10 ** price["exponent"] <= 10
        uuid.UUID(i["id"])
    assert {i["type"] for i in items} == {"local", "national", "mobile", "toll-free"}
    assert any(i["capabilities"]["mms"]["inbound"] for i in items)


def test_rounded_mixes_pstn_and_sip() -> None:
    kinds = Counter(i["type"] for i in dataset("rounded"))
    assert kinds["pstn"] > kinds["sip"] > 0
    for i in dataset("rounded"):
        if i["type"] == "sip":
            assert i["number"].startswith("sip:")


def test_duoplus_has_numbers_still_being_generated_and_localized_names() -> None:
    items = dataset("duoplus")
    assert any(i["phone_number"] == "" for i in items)
    assert all(re.fullmatch(r"[0-9A-Za-z]{5}", i["id"]) for i in items)
    assert {i["status_name"] for i in items} == {"Normal", "Expired"}
    ru = dataset("duoplus", variant="ru")
    assert [i["id"] for i in ru] == [i["id"] for i in items]
    assert {i["status_name"] for i in ru} == {"Активен", "Истёк"}
    for i in items:  # expired numbers expired before "now", active ones after
        assert (i["status"] == 2) == (i["expired_at"] <= "2026-11-01 20:00:00")


def test_butter_assigned_numbers_have_agents() -> None:
    for i in dataset("butter"):
        assert (i["assigned_agent_id"] is not None) == (i["status"] == "assigned")
        assert re.fullmatch(r"phon_[0-9a-f]{12,}", i["phone_number_id"])


def test_a_million_items_cost_nothing_until_read() -> None:
    big = Dataset("plivo", 0, 1_000_000, {"auth_id": "MANUMBERHUBMOCK00001", "auth_token": "t"})
    last = big.item(999_999)
    first = big.item(0)
    assert last["added_on"] < first["added_on"]
    sample = [big.item(k) for k in range(0, 1_000_000, 50_000)]
    assert len({i["number"] for i in sample}) == len(sample)
    assert all(phonenumbers.is_valid_number(phonenumbers.parse("+" + i["number"])) for i in sample)


def test_unknown_provider_is_refused() -> None:
    with pytest.raises(LookupError):
        dataset("nosuch")
