from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs
import numberhub
import pytest
from bird_client.models import StockItem
from butter_client.models import PhoneNumberSummary
from duoplus_client.models import CloudNumber
from numberhub import Capabilities, Capability, Money
from plivo_client.models import AccountPhoneNumber
from rounded_client.models import PhoneNumber as RoundedNumber
from wrapper_fakes import FAKES, FakeClock

UTC = datetime.UTC
GMT8 = datetime.timezone(datetime.timedelta(hours=8))


def _numbers(provider: str, items: list[dict[str, Any]]) -> list[numberhub.PhoneNumber]:
    fake = FAKES[provider](items=items)
    return list(fake.client(clock=FakeClock()).list_numbers())


def test_plivo_numbers() -> None:
    toll_free, london = _numbers(
        "plivo",
        [
            {
                "number": "18005550199",
                "alias": "support line",
                "sub_account": "SANWVLYTK4ZWU1YTY4ZA",
                "added_on": "2024-03-11",
                "number_type": "tollfree",
                "active": True,
                "monthly_rental_rate": "1.00000",
                "sms_enabled": True,
                "mms_enabled": False,
                "voice_enabled": True,
                "renewal_date": "2026-12-11",
                "cnam_lookup": "disabled",
            },
            {
                "number": "442071838750",
                "added_on": "2023-07-02",
                "number_type": "fixed",
                "active": False,
                "monthly_rental_rate": "1.20000",
                "sms_enabled": False,
                "voice_enabled": True,
            },
        ],
    )
    assert toll_free.provider == "plivo"
    assert toll_free.id == "18005550199"
    assert toll_free.e164 == "+18005550199"
    assert toll_free.country == "US"
    assert toll_free.type == "toll_free"
    assert toll_free.capabilities == Capabilities(
        voice=Capability(True), sms=Capability(True), mms=Capability(False)
    )
    assert toll_free.status == "active"
    assert toll_free.ownership == "owned"
    assert toll_free.monthly_price == Money(Decimal("1.00000"), "USD")
    assert toll_free.created_at == datetime.datetime(2024, 3, 11, tzinfo=UTC)
    assert isinstance(toll_free.raw, AccountPhoneNumber)
    assert toll_free.raw.sub_account == "SANWVLYTK4ZWU1YTY4ZA"
    assert toll_free.raw.renewal_date == datetime.date(2026, 12, 11)

    assert london.e164 == "+442071838750"
    assert london.country == "GB"
    assert london.type == "fixed"
    assert london.status == "inactive"
    assert london.capabilities.mms == Capability()
    assert london.monthly_price == Money(Decimal("1.2"), "USD")


def test_bird_numbers() -> None:
    (number,) = _numbers(
        "bird",
        [
            {
                "id": "5f0c4a6e-3b1f-4c1e-9a3e-2d6f7b8c9d01",
                "countryCode": "US",
                "type": "toll-free",
                "numberString": "+18885550143",
                "capabilities": {
                    "voice": {"inbound": True, "outbound": True},
                    "sms": {"inbound": True, "outbound": False},
                    "mms": {"inbound": False, "outbound": False},
                },
                "monthlyPrice": {"currencyCode": "EUR", "amount": 3500000, "exponent": -6},
                "backOrderRequired": False,
                "backOrderStockId": None,
            },
        ],
    )
    assert number.id == "5f0c4a6e-3b1f-4c1e-9a3e-2d6f7b8c9d01"
    assert number.e164 == "+18885550143"
    assert number.country == "US"
    assert number.type == "toll_free"
    assert number.capabilities == Capabilities(
        voice=Capability(True, True, True),
        sms=Capability(True, True, False),
        mms=Capability(False, False, False),
    )
    assert number.ownership == "available"
    assert number.status == "available"
    assert number.monthly_price == Money(Decimal("3.5"), "EUR")
    assert number.created_at is None
    assert isinstance(number.raw, StockItem)
    assert number.raw.number_string == "+18885550143"


def test_bird_price_exponent_can_be_positive() -> None:
    (number,) = _numbers(
        "bird",
        [
            {
                "id": "e1",
                "numberString": "+12125550100",
                "monthlyPrice": {"currencyCode": "USD", "amount": 12, "exponent": 1},
            },
        ],
    )
    assert number.monthly_price == Money(Decimal(120), "USD")
    assert number.capabilities == Capabilities()
    assert number.type == "local"  # Bird gave no type: the numbering plan says NANP geographic


def test_butter_numbers() -> None:
    assigned, free = _numbers(
        "butter",
        [
            {
                "phone_number_id": "phon_a1b2c3d4e5f6",
                "phone_number": "+15551234567",
                "provider": "twilio",
                "status": "assigned",
                "supports_inbound": True,
                "supports_outbound": True,
                "assigned_agent_id": "agent_b2c3d4e5f6a7",
                "created_at": "2024-01-15T10:30:00Z",
            },
            {
                "phone_number_id": "phon_0f1e2d3c4b5a69788",
                "phone_number": "+442071838750",
                "provider": "sip",
                "status": "free",
                "supports_inbound": True,
                "supports_outbound": False,
                "created_at": "2025-06-01T08:00:00+02:00",
            },
        ],
    )
    assert assigned.id == "phon_a1b2c3d4e5f6"
    assert assigned.e164 == "+15551234567"
    assert assigned.country == "US"  # not a valid number: the country code's main region
    assert assigned.status == "assigned"
    assert assigned.capabilities.voice == Capability(True, True, True)
    assert assigned.created_at == datetime.datetime(2024, 1, 15, 10, 30, tzinfo=UTC)
    assert isinstance(assigned.raw, PhoneNumberSummary)
    assert free.country == "GB"
    assert free.capabilities.voice == Capability(True, True, False)
    assert free.capabilities.sms == Capability()
    assert free.created_at == datetime.datetime(2025, 6, 1, 6, 0, tzinfo=UTC)
    assert free.type == "fixed"  # Butter gives no type: a London landline
    assert assigned.type == "unknown"  # a 555 number is no real number


def test_rounded_numbers() -> None:
    pstn, sip = _numbers(
        "rounded",
        [
            {
                "id": "0b6f8f0e-8a55-4b8f-9d7a-5bd1f4a0c001",
                "number": "+14155550123",
                "name": "Front desk",
                "created_at": "2025-02-01T09:00:00Z",
                "type": "pstn",
                "inbound_agent_id": None,
                "redirect": True,
                "redirect_phone_number": "+14155550100",
            },
            {
                "id": "0b6f8f0e-8a55-4b8f-9d7a-5bd1f4a0c002",
                "number": "sip:agent@pbx.example.com",
                "name": "PBX trunk",
                "created_at": "2025-02-03T09:00:00Z",
                "type": "sip",
                "sip_uri": "sip:agent@pbx.example.com",
            },
        ],
    )
    assert pstn.e164 == "+14155550123"
    assert pstn.country == "US"
    assert pstn.type == "local"  # PSTN says no more; the plan does
    assert pstn.status is None
    assert pstn.created_at == datetime.datetime(2025, 2, 1, 9, tzinfo=UTC)
    assert isinstance(pstn.raw, RoundedNumber)  # one open model for PSTN and SIP numbers
    assert pstn.raw.type_ == "pstn"
    assert sip.e164 is None
    assert sip.country is None
    assert sip.type == "voip"
    assert isinstance(sip.raw, RoundedNumber)
    assert sip.raw.additional_properties["sip_uri"] == "sip:agent@pbx.example.com"


def test_rounded_open_type_is_read_without_regard_to_case() -> None:
    base = {"name": "n", "created_at": "2025-02-01T09:00:00Z"}
    upper_sip, fax, untyped = _numbers(
        "rounded",
        [
            {**base, "id": "r-1", "number": "sip:desk@pbx.example.com", "type": "SIP"},
            {**base, "id": "r-2", "number": "+14155550123", "type": "fax"},
            {**base, "id": "r-3", "number": "+14155550124"},
        ],
    )
    assert upper_sip.type == "voip"
    assert fax.type == "local"  # an unknown type says nothing: the numbering plan does
    assert untyped.type == "local"
    assert [n.raw.type_ for n in (upper_sip, fax)] == ["SIP", "fax"]


def test_duoplus_numbers() -> None:
    generating, older, national = _numbers(
        "duoplus",
        [
            {
                "id": "6XdPL",
                "phone_number": "",
                "region_name": "US",
                "type_name": "VOIP",
                "renewal_status": 0,
                "remark": "",
                "status_name": "Normal",
                "expired_at": "2026-01-30 18:10:49",
                "created_at": "2025-12-08 11:05:15",
            },
            {
                "id": "9KqR2",
                "phone_number": "+14155550123",
                "region_id": "US",
                "region_name": "United States",
                "type_id": 1,
                "type_name": "Non-VOIP",
                "status": 2,
                "status_name": "Expired",
                "renewal_status": 1,
                "remark": "support",
                "expired_at": "2026-03-01 00:00:00",
            },
            {
                "id": "c3",
                "phone_number": "020 7183 8750",
                "region_id": "GB",
                "type_id": 2,
                "status": 1,
            },
        ],
    )
    assert generating.id == "6XdPL"
    assert generating.e164 is None  # still being generated
    assert generating.country == "US"
    assert generating.type == "voip"
    assert generating.status == "normal"
    assert generating.created_at == datetime.datetime(2025, 12, 8, 11, 5, 15, tzinfo=GMT8)
    assert generating.created_at == datetime.datetime(2025, 12, 8, 3, 5, 15, tzinfo=UTC)
    assert isinstance(generating.raw, CloudNumber)
    assert older.e164 == "+14155550123"
    assert older.type == "local"  # Non-VOIP says no more; the plan does
    assert older.status == "expired"
    assert older.created_at is None
    assert national.e164 == "+442071838750"  # read in its region
    assert national.country == "GB"
    assert national.type == "voip"
    assert national.status == "active"


def test_phone_numbers_are_frozen_values() -> None:
    first, again = (_numbers("plivo", [{"number": "14155550100"}])[0] for _ in range(2))
    assert first == again
    assert hash(first) == hash(again)
    assert len({first, again}) == 1
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        first.id = "x"  # type: ignore[misc]
    assert "e164='+14155550100'" in repr(first)
    assert first.data == {"number": "14155550100"}


def test_normalised_fields_are_computed_once() -> None:
    (number,) = _numbers("plivo", [{"number": "14155550100"}])
    assert number.raw is number.raw
    assert number.capabilities is number.capabilities
