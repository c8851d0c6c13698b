"""The masker: fakes of the same form, one to one within a corpus, the spec's values kept.

Every expectation is written out here from the specs and the vendors' formats, not taken
from the masker.
"""

from __future__ import annotations

import re

import phonenumbers
import pytest
from numberhub._mask import Fakes, Masker
from numberhub_spec import load

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def parsed(text: str) -> phonenumbers.PhoneNumber:
    return phonenumbers.parse(text if text.startswith("+") else "+" + text)


@pytest.mark.parametrize(
    ("real", "region"),
    [
        ("+14155550123", "US"),
        ("14155550123", "US"),  # Plivo's form: digits without "+"
        ("+16135550123", "CA"),
        ("+442071838750", "GB"),
        ("+447400123456", "GB"),
        ("+4915123456789", "DE"),
        ("+8613800138000", "CN"),
    ],
)
def test_a_number_becomes_a_valid_fake_of_the_same_form_country_and_length(
    real: str, region: str
) -> None:
    fake = Fakes().phone(real)
    assert fake != real
    assert len(fake) == len(real)
    assert fake.startswith("+") == real.startswith("+")
    assert fake.lstrip("+").isdigit()
    number = parsed(fake)
    assert number.country_code == parsed(real).country_code
    assert phonenumbers.region_code_for_number(number) == region
    assert phonenumbers.is_valid_number(number)


def test_fictional_ranges_where_they_are_known() -> None:
    fakes = Fakes()
    us = phonenumbers.national_significant_number(parsed(fakes.phone("+14155550123")))
    assert us[3:8] == "55501"  # NANP's 555-0100..0199
    london = fakes.phone("+442071838750")
    assert london.startswith("+4420794600") or london.startswith("+442079460")


def test_one_fake_per_number_within_a_corpus_and_another_key_per_corpus() -> None:
    fakes = Fakes()
    reals = [f"+1415555{n:04d}" for n in range(200)]
    first = [fakes.phone(r) for r in reals]
    assert [fakes.phone(r) for r in reals] == first  # the same number, the same fake
    assert len(set(first)) == len(reals)  # one to one, even past 100 fictional lines
    other = Fakes()
    assert [other.phone(r) for r in reals[:20]] != first[:20]


def test_ids_keep_their_shape() -> None:
    fakes = Fakes()
    phon = fakes.shape("phon_0123456789ab")
    assert re.fullmatch(r"phon_[0-9a-f]{12}", phon)
    assert phon != "phon_0123456789ab"
    uuid = fakes.shape("6f1c2a9e-4b7d-4e2a-9c1f-3a5b7d9e0f12")
    assert UUID.match(uuid)
    short = fakes.shape("6XdPL")  # DuoPlus's ids
    assert [c.isdigit() or c.isupper() for c in short] == [True, True, False, True, True]
    assert fakes.shape("Sales line +1 415") != "Sales line +1 415"
    assert re.fullmatch(r"[A-Z][a-z]{4} [a-z]{4} \+\d \d{3}", fakes.shape("Sales line +1 415"))


def test_plivo_keeps_its_enums_prices_times_and_masks_the_account_everywhere() -> None:
    auth_id = "MAABCDEFGHIJ12345678"
    masker = Masker(load("plivo"), Fakes(), [auth_id, "the-auth-token"])
    page = {
        "api_id": "c1b2a3d4-0000-4000-8000-000000000001",
        "meta": {"limit": 20, "offset": 0, "total_count": 1, "previous": None,
                 "next": f"/v1/Account/{auth_id}/Number/?limit=20&offset=20"},
        "objects": [{
            "number": "14155550123", "alias": "front desk", "number_type": "tollfree",
            "active": True, "monthly_rental_rate": "0.80000", "added_on": "2026-01-05",
            "tendlc_registration_status": "COMPLETED", "sub_account": None,
            "application": f"https://api.plivo.com/v1/Account/{auth_id}/Application/299863/",
            "voice_rate": "0.00850", "country": "United States", "cnam_lookup": "enabled",
        }],
    }  # fmt: skip
    masked = masker.answer(200, page)
    item = masked["objects"][0]
    for kept in ("number_type", "active", "monthly_rental_rate", "added_on", "voice_rate",
                 "tendlc_registration_status", "sub_account", "cnam_lookup"):  # fmt: skip
        assert item[kept] == page["objects"][0][kept], kept
    assert masked["meta"]["limit"] == 20
    assert item["number"] != "14155550123"
    assert len(item["alias"]) == len("front desk")
    assert item["alias"] != "front desk"
    text = str(masked)
    assert auth_id not in text
    assert "299863" not in text
    fake_account = masked["meta"]["next"].split("/")[3]
    assert re.fullmatch(r"MA[A-Z0-9]{18}", fake_account)  # the spec's pattern still holds
    assert masked["meta"]["next"].endswith("/Number/?limit=20&offset=20")
    assert f"/Account/{fake_account}/Application/" in item["application"]
    assert masker.path(f"/v1/Account/{auth_id}/Number/") == f"/v1/Account/{fake_account}/Number/"
    assert masker.query("limit", "20") == "20"
    assert masker.query("type", "tollfree") == "tollfree"
    assert masker.header("content-type", "application/json") == "application/json"
    assert masker.header("x-ratelimit-remaining", "299") == "299"


def test_types_nulls_and_undocumented_fields_stay_as_they_are() -> None:
    masker = Masker(load("butter"), Fakes())
    page = {"success": True, "data": [{
        "phone_number_id": "phon_0123456789ab", "phone_number": "+14155550100",
        "provider": "twilio", "status": "free", "supports_inbound": "yes",
        "assigned_agent_id": None, "created_at": "2026-01-05T09:00:00Z", "extra": 7,
        "note": "call +14155550100",
    }], "pagination": {"has_more": True, "next_cursor": "Y3Vyc29yOjQy"}}  # fmt: skip
    masked = masker.answer(200, page)
    item = masked["data"][0]
    assert list(item) == list(page["data"][0])
    assert item["supports_inbound"] == "yes"  # drifted: a string, kept a string
    assert (item["provider"], item["status"]) == ("twilio", "free")  # open enums
    assert item["assigned_agent_id"] is None
    assert item["extra"] == 7
    assert item["created_at"] == "2026-01-05T09:00:00Z"
    assert "14155550100" not in str(masked)
    cursor = masked["pagination"]["next_cursor"]
    assert len(cursor) == len("Y3Vyc29yOjQy")
    assert cursor != "Y3Vyc29yOjQy"
    # The next request's cursor is masked the same way: the corpus stays consistent.
    assert masker.query("cursor", "Y3Vyc29yOjQy") == cursor
