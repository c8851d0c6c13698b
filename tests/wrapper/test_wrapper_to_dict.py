"""`PhoneNumber.to_dict`: JSON-ready, the CLI's row fields, for every provider's numbers."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any

import attrs
import numberhub
import pytest
from numberhub import Money
from numberhub.mock import dataset
from wrapper_fakes import FAKES, FakeClock

FIELDS = [
    "provider", "id", "e164", "country", "type", "status", "ownership", "capabilities",
    "monthly_price", "currency", "created_at",
]  # fmt: skip


def _numbers(provider: str, size: int = 60) -> list[numberhub.PhoneNumber]:
    fake = FAKES[provider](items=dataset(provider, seed=5, size=size))
    return list(fake.client(clock=FakeClock()).list_numbers())


def _json_ready(value: Any) -> bool:
    if value is None or isinstance(value, str | bool):
        return True
    if isinstance(value, list):
        return all(_json_ready(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_ready(v) for k, v in value.items())
    return False


@pytest.mark.parametrize("provider", sorted(FAKES))
def test_to_dict_is_json_ready_and_holds_the_row_fields(provider: str) -> None:
    for number in _numbers(provider):
        data = number.to_dict()
        assert list(data) == FIELDS
        assert _json_ready(data), data
        assert data["provider"] == provider
        assert data["id"] == number.id
        assert data["e164"] == number.e164
        assert data["type"] == number.type
        assert data["capabilities"] == number.capabilities.enabled()
        assert json.loads(number.to_json()) == data


@pytest.mark.parametrize("provider", sorted(FAKES))
def test_prices_and_times_keep_their_value(provider: str) -> None:
    for number in _numbers(provider):
        data = number.to_dict()
        price, created = number.monthly_price, number.created_at
        if price is None:
            assert data["monthly_price"] is data["currency"] is None
        else:
            assert Decimal(data["monthly_price"]) == price.amount
            assert data["currency"] == price.currency
        if created is None:
            assert data["created_at"] is None
        else:
            back = datetime.datetime.fromisoformat(data["created_at"])
            assert back == created
            assert back.utcoffset() is not None


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ("0.80000", "0.80"),  # Plivo's five places
        ("3.500000", "3.50"),  # Bird's 3500000 at exponent -6
        ("0.00850", "0.0085"),  # a fraction of a cent is kept
        ("12", "12.00"),
        ("1E+2", "100.00"),
        ("1234.5678900", "1234.56789"),
    ],
)
def test_prices_print_alike_whatever_the_providers_precision(amount: str, text: str) -> None:
    money = Money(Decimal(amount), "USD")
    assert money.amount_text == text
    assert str(money) == f"{text} USD"
    assert Decimal(money.amount_text) == Decimal(amount)


def test_the_object_itself_is_not_json_but_to_dict_is() -> None:
    number = _numbers("plivo", 1)[0]
    with pytest.raises(TypeError):
        json.dumps(number)
    assert json.dumps(number.to_dict())


def test_every_field_of_phone_number_is_documented() -> None:
    doc = numberhub.PhoneNumber.__doc__ or ""
    attributes = doc.split("Attributes:", 1)[1]
    public = [a.alias for a in attrs.fields(numberhub.PhoneNumber) if not a.name.startswith("_")]
    properties = [
        name
        for name, value in vars(numberhub.PhoneNumber).items()
        if not name.startswith("_")
        and isinstance(value, property | type(numberhub.PhoneNumber.e164))
    ]
    for name in [*public, *properties, "drift"]:
        assert f"\n        {name}: " in attributes, name
