"""Every number in every dataset is valid, and every country field names the number's country."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import phonenumbers
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mock_helpers import PROVIDERS
from numberhub_mock import dataset
from phonenumbers import geocoder

NANPA = ("US", "CA")
# English names for the countries the datasets draw from (phonenumbers' geocoder names
# none for numbers shared by a calling code, like +1 800).
NAMES = {
    "AU": "Australia",
    "CA": "Canada",
    "DE": "Germany",
    "FR": "France",
    "GB": "United Kingdom",
    "NL": "Netherlands",
    "US": "United States",
}


def numbers(provider: str, item: dict[str, Any]) -> Iterator[str]:
    """Every phone number an item carries, as E.164."""
    if provider == "plivo":
        yield "+" + item["number"]
    elif provider == "bird":
        yield item["numberString"]
    elif provider == "rounded":
        if item["type"] == "pstn":
            yield item["number"]
        if item.get("redirect_phone_number"):
            yield item["redirect_phone_number"]
    elif item["phone_number"]:  # DuoPlus: "" while the number is being generated
        yield item["phone_number"]


def country_problems(provider: str, item: dict[str, Any]) -> list[str]:
    """How the item's country fields disagree with its (first) number's country."""
    first = next(numbers(provider, item), None)
    if first is None:
        return []
    parsed = phonenumbers.parse(first)
    region = phonenumbers.region_code_for_number(parsed)
    name = geocoder.country_name_for_number(parsed, "en") or NAMES[region]
    claims: dict[str, Any] = {}
    if provider == "bird":
        claims = {"countryCode": (item["countryCode"], region)}
    elif provider == "duoplus":
        claims = {
            "region_id": (item["region_id"], region),
            "region_name": (item["region_name"], name),
        }
    elif provider == "plivo":
        suffix = item["region"].rpartition(", ")[2]
        claims = {
            "country": (item["country"], name),
            "region": (suffix, name.upper()),
            "city": (item["city"] is None, True) if region in NANPA else (True, True),
        }
    return [
        f"{field}={got!r}, but {first} is in {region} ({expected!r})"
        for field, (got, expected) in claims.items()
        if got != expected
    ]


def check(provider: str, items: list[dict[str, Any]]) -> None:
    for item in items:
        for e164 in numbers(provider, item):
            parsed = phonenumbers.parse(e164)
            assert phonenumbers.is_valid_number(parsed), (e164, item)
        assert country_problems(provider, item) == [], item


@pytest.mark.parametrize("provider", PROVIDERS)
def test_default_datasets_are_valid_and_consistent(provider: str) -> None:
    items = dataset(provider)
    assert sum(1 for item in items for _ in numbers(provider, item)) >= 200
    check(provider, items)


@pytest.mark.parametrize("provider", PROVIDERS)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**63), size=st.integers(1, 300))
def test_any_seed_and_size_keeps_numbers_valid_and_consistent(
    provider: str, seed: int, size: int
) -> None:
    check(provider, dataset(provider, seed=seed, size=size))


def test_the_check_catches_a_wrong_country() -> None:
    item = next(i for i in dataset("plivo") if i["number"].startswith("1"))
    wrong = {**item, "country": "Canada" if item["country"] != "Canada" else "United States"}
    assert country_problems("plivo", wrong)
    bird = dataset("bird")[0]
    assert country_problems("bird", {**bird, "countryCode": "ZZ"})
