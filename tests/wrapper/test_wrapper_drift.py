"""Tolerant reading: items that drift from their schema are listed and reported; strict refuses.

Ground truth: the fakes serve the items they are given, so a test mutates items and knows
exactly which ones drift and how. An independent oracle (the ``jsonschema`` library on
the spec's own page schema) says whether a mutated page breaks the spec.
"""

from __future__ import annotations

import copy
import json
import logging
import warnings
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import httpx
import jsonschema
import numberhub
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from numberhub_spec import specs_dir
from wrapper_fakes import (
    FAKES,
    ITEM_BUILDERS,
    PROVIDERS,
    SECRETS,
    FakeClock,
    FakePlivo,
)

IDENTITY = {
    "plivo": "number",
    "bird": "id",
    "butter": "phone_number_id",
    "rounded": "id",
    "duoplus": "id",
}
ITEMS_PATH = {
    "plivo": "$.objects[*]",
    "bird": "$.results[*]",
    "butter": "$.data[*]",
    "rounded": "$.data[*]",
    "duoplus": "$.data.list[*]",
}

# One field per provider whose type the spec promises (it is read for a normalised
# field), set to a value of another type.
WRONG_TYPE = {
    "plivo": ("voice_enabled", "yes"),
    "bird": ("capabilities", "all of them"),
    "butter": ("supports_inbound", "sometimes"),
    "rounded": ("redirect", "nope!"),
    "duoplus": ("renewal_status", "yes"),
}


def _items(provider: str, size: int) -> list[dict[str, Any]]:
    return [ITEM_BUILDERS[provider](i) for i in range(size)]


def _ids(provider: str, items: list[dict[str, Any]]) -> list[str]:
    return [str(item[IDENTITY[provider]]) for item in items]


def _client(fake: Any, **kwargs: Any) -> Any:
    return fake.client(clock=FakeClock(), rate_limit=None, max_retries=0, **kwargs)


@pytest.fixture
def drift_warnings() -> Iterator[list[warnings.WarningMessage]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught


def _drift_only(caught: list[warnings.WarningMessage]) -> list[str]:
    return [str(w.message) for w in caught if issubclass(w.category, numberhub.DriftWarning)]


# --- item-level drift is listed and reported ----------------------------------------


@pytest.mark.parametrize("provider", PROVIDERS)
def test_an_item_of_another_type_is_listed_and_reported(
    provider: str, drift_warnings: list[warnings.WarningMessage]
) -> None:
    items = _items(provider, 25)
    field, value = WRONG_TYPE[provider]
    for index in (3, 17):
        items[index][field] = value
    fake = FAKES[provider](items)
    pager = _client(fake).list_numbers(page_size=10)
    numbers = list(pager)

    assert [n.id for n in numbers] == _ids(provider, items)
    path = f"{ITEMS_PATH[provider]}.{field}"
    (finding,) = pager.drift.findings
    assert (finding.path, finding.rule, finding.seen, finding.count) == (path, "type", "string", 2)
    assert "string" not in finding.expected
    drifted = [n for n in numbers if n.drift]
    assert [numbers.index(n) for n in drifted] == [3, 17]
    assert drifted[0].drift[0].path == path
    messages = _drift_only(drift_warnings)
    assert len(messages) == 1  # once per client for each path and rule
    assert path in messages[0]
    assert "type" in messages[0]
    assert provider in messages[0].lower()
    assert value not in messages[0]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_strict_refuses_the_same_answer(provider: str) -> None:
    items = _items(provider, 5)
    field, value = WRONG_TYPE[provider]
    items[2][field] = value
    fake = FAKES[provider](items)
    with pytest.raises(numberhub.ResponseValidationError) as caught:
        list(_client(fake, strict=True).list_numbers())
    (finding,) = caught.value.findings
    assert finding.path == f"{ITEMS_PATH[provider]}.{field}"
    assert finding.rule == "type"
    assert value not in str(caught.value)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_raw_refuses_a_drifted_item_only(provider: str) -> None:
    items = _items(provider, 3)
    field, value = WRONG_TYPE[provider]
    items[1][field] = value
    numbers = list(_client(FAKES[provider](items)).list_numbers())
    assert numbers[0].raw is not None
    assert numbers[2].raw is not None
    with pytest.raises(numberhub.ResponseValidationError) as caught:
        numbers[1].raw  # noqa: B018
    assert caught.value.findings == numbers[1].drift
    assert caught.value.provider == provider
    assert str(items[1][IDENTITY[provider]]) not in str(caught.value)


def test_normalised_fields_of_a_drifted_item_are_none_never_a_guess() -> None:
    item = ITEM_BUILDERS["plivo"](0)
    item.update(
        voice_enabled="yes",  # not a boolean
        sms_enabled=1,
        active="false",  # a string that a truthiness test would read as True
        monthly_rental_rate=["0.8"],
        added_on=20240102,
        number_type=7,
    )
    (number,) = list(_client(FakePlivo([item])).list_numbers())
    assert number.capabilities.voice.enabled is None
    assert number.capabilities.sms.enabled is None
    assert number.capabilities.mms.enabled is False  # untouched, still read
    assert number.status is None
    assert number.monthly_price is None
    assert number.created_at is None
    assert number.e164 == "+14155550000"  # the number itself is fine
    assert number.type == "local"  # the numbering plan's answer, not Plivo's drifted one
    rules = {f.path.rsplit(".", 1)[1]: f.rule for f in number.drift}
    assert rules == {
        "voice_enabled": "type",
        "sms_enabled": "type",
        "active": "type",
        "monthly_rental_rate": "type",
        "added_on": "type",
        "number_type": "type",
    }


def test_bird_price_that_drifts_is_none() -> None:
    bad_prices = [
        {"currencyCode": "USD", "amount": "lots", "exponent": -6},
        {"currencyCode": "USD", "amount": 3500000, "exponent": "-6"},
        {"currencyCode": 840, "amount": 3500000, "exponent": -6},
        {"amount": 3500000, "exponent": -6},
    ]
    items = _items("bird", len(bad_prices) + 1)
    for item, price in zip(items, bad_prices, strict=False):
        item["monthlyPrice"] = price
    numbers = list(_client(FAKES["bird"](items)).list_numbers())
    assert [n.monthly_price for n in numbers[:-1]] == [None] * len(bad_prices)
    assert numbers[-1].monthly_price == numberhub.Money(Decimal("3.5"), "USD")


def test_a_missing_field_other_than_the_id_is_drift_not_an_error() -> None:
    items = _items("butter", 3)
    del items[1]["phone_number"]  # required by the spec, but not the item's identity
    pager = _client(FAKES["butter"](items)).list_numbers()
    numbers = list(pager)
    assert [n.id for n in numbers] == _ids("butter", items)
    assert numbers[1].e164 is None
    (finding,) = pager.drift
    assert (finding.path, finding.rule, finding.expected, finding.seen) == (
        "$.data[*].phone_number",
        "required",
        "present",
        "missing",
    )


def test_an_undocumented_field_is_read_silently_when_listing() -> None:
    items = _items("plivo", 3)
    items[0]["brand_new_field"] = {"nested": True}
    pager = _client(FakePlivo(items)).list_numbers()
    assert len(list(pager)) == 3
    assert not pager.drift  # specs allow fields they do not list; `numberhub check` reports them


def test_a_page_with_another_content_type_is_read_and_reported(
    drift_warnings: list[warnings.WarningMessage],
) -> None:
    fake = FakePlivo(size=30)

    def text_plain(request: httpx.Request) -> httpx.Response:
        served = fake.serve(request)
        return httpx.Response(200, content=served.content, headers={"content-type": "text/plain"})

    fake.hook = text_plain
    pager = _client(fake).list_numbers()
    assert len(list(pager)) == 30
    (finding,) = pager.drift
    assert (finding.rule, finding.expected, finding.seen, finding.count) == (
        "content-type",
        "application/json",
        "text/plain",
        2,
    )
    with pytest.raises(numberhub.ResponseValidationError, match="content-type"):
        list(_client(fake, strict=True).list_numbers())


def test_warned_once_per_client_for_each_path_and_rule(
    drift_warnings: list[warnings.WarningMessage],
) -> None:
    items = _items("plivo", 45)
    for item in items[::2]:
        item["voice_enabled"] = "yes"
    for item in items[1::3]:
        item["sms_enabled"] = "no"
    fake = FakePlivo(items)
    client = _client(fake)
    first, second = client.list_numbers(), client.list_numbers()
    assert len(list(first)) == len(list(second)) == 45
    assert len(_drift_only(drift_warnings)) == 2
    assert {f.count for f in first.drift} == {23, 15}
    assert first.drift.findings == second.drift.findings  # each listing counts its own
    list(_client(fake).list_numbers())
    assert len(_drift_only(drift_warnings)) == 4  # a new client warns again


def test_drift_is_logged_at_warning_on_the_numberhub_logger(
    caplog: pytest.LogCaptureFixture,
) -> None:
    items = _items("duoplus", 2)
    items[0]["renewal_status"] = "yes"
    with caplog.at_level(logging.WARNING, logger="numberhub"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        list(_client(FAKES["duoplus"](items)).list_numbers())
    (record,) = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert record.name == "numberhub"
    assert "$.data.list[*].renewal_status" in record.getMessage()


def test_a_concurrent_listing_counts_every_drifted_item_once() -> None:
    items = _items("plivo", 200)
    for item in items[5::7]:
        item["active"] = "maybe"
    pager = _client(FakePlivo(items)).list_numbers(concurrency=4, page_size=10)
    assert [n.id for n in pager] == _ids("plivo", items)
    (finding,) = pager.drift
    assert finding.count == len(items[5::7])


@pytest.mark.anyio
async def test_async_listing_is_tolerant_too() -> None:
    items = _items("rounded", 30)
    items[4]["redirect"] = "no"
    fake = FAKES["rounded"](items)
    client = fake.async_client(clock=FakeClock(), rate_limit=None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pager = client.list_numbers(page_size=7)
        ids = [number.id async for number in pager]
    assert ids == _ids("rounded", items)
    assert [f.path for f in pager.drift] == ["$.data[*].redirect"]
    strict = fake.async_client(clock=FakeClock(), rate_limit=None, strict=True)
    with pytest.raises(numberhub.ResponseValidationError):
        [number async for number in strict.list_numbers()]


def test_strict_must_be_a_boolean() -> None:
    with pytest.raises(numberhub.InvalidParameterError, match="strict"):
        FakePlivo().client(strict="yes")


def test_no_phone_number_or_secret_in_warnings_logs_or_errors(
    caplog: pytest.LogCaptureFixture, drift_warnings: list[warnings.WarningMessage]
) -> None:
    items = _items("plivo", 4)
    leaked = ["+14155550123", "14155550199", *SECRETS]
    items[0]["alias"] = 5  # the type breaks; the value is a number, and is never shown
    items[1]["carrier"] = leaked[0]
    items[1]["region"] = {"secret": SECRETS[0]}
    items[2]["monthly_rental_rate"] = [leaked[1]]
    items[3]["cnam"] = {leaked[0]: SECRETS[1]}
    with caplog.at_level(logging.DEBUG, logger="numberhub"):
        pager = _client(FakePlivo(items)).list_numbers()
        numbers = list(pager)
        with pytest.raises(numberhub.ResponseValidationError) as caught:
            numbers[3].raw  # noqa: B018
    shown = " ".join(
        [
            *_drift_only(drift_warnings),
            caplog.text,
            str(caught.value),
            *caught.value.errors,
            json.dumps(pager.drift.to_dict()),
        ]
    )
    assert pager.drift
    for text in [*leaked, *(str(i["number"]) for i in items)]:
        assert text not in shown


# --- a property: any item-level mutation --------------------------------------------------


def _page_validator(provider: str) -> jsonschema.Draft202012Validator:
    """The spec's 200 schema, read with the ``jsonschema`` library (formats not checked)."""
    spec = yaml.safe_load((specs_dir() / f"{provider}.yaml").read_text())
    (path_item,) = spec["paths"].values()
    (operation,) = [op for op in path_item.values() if isinstance(op, dict)]
    response = operation["responses"]["200"]
    while "$ref" in response:
        response = spec["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    schema = response["content"]["application/json"]["schema"]
    return jsonschema.Draft202012Validator({**schema, "components": spec["components"]})


_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=6,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += _paths(value, (*prefix, index))
    return out


@st.composite
def _mutated(draw: st.DrawFn, provider: str) -> list[dict[str, Any]]:
    """A valid list of items, then one to three item-level changes (never to the id)."""
    items = _items(provider, draw(st.integers(1, 12)))
    for _ in range(draw(st.integers(1, 3))):
        item = items[draw(st.integers(0, len(items) - 1))]
        paths = [p for p in _paths(item) if p[0] != IDENTITY[provider]]
        kind = draw(st.sampled_from(["set", "delete", "add"]))
        if kind == "add":
            taken = frozenset(item)
            key = draw(st.text(min_size=1, max_size=8).filter(lambda k, t=taken: k not in t))
            item[key] = draw(_json_values)
            continue
        path = draw(st.sampled_from(paths))
        node = item
        for key in path[:-1]:
            node = node[key]
        if kind == "delete" and isinstance(node, dict):
            del node[path[-1]]
        else:
            node[path[-1]] = draw(_json_values)
    return items


@pytest.mark.slow
@pytest.mark.parametrize("provider", PROVIDERS)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_item_mutation_is_listed_in_order_and_strict_refuses_it(
    provider: str, data: st.DataObject
) -> None:
    items = data.draw(_mutated(provider))
    expected = _ids(provider, items)
    fake = FAKES[provider](copy.deepcopy(items))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pager = _client(fake).list_numbers(page_size=5)
        numbers = list(pager)
    assert [n.id for n in numbers] == expected
    for number in numbers:  # every field reads, best effort, never raising
        assert number.e164 is None or number.e164.startswith("+")
        assert number.country is None or len(number.country) == 2
        for capability in (number.capabilities.voice, number.capabilities.sms):
            assert capability.enabled in (None, True, False)
        assert number.monthly_price is None or isinstance(number.monthly_price.amount, Decimal)
        assert number.created_at is None or number.created_at.tzinfo is not None
        assert number.status is None or isinstance(number.status, str)

    oracle = _page_validator(provider)
    broken = [
        error
        for page in pager_bodies(fake)
        for error in oracle.iter_errors(page)
        if error.validator != "format"
    ]
    violations = pager.drift.violations
    if broken:  # what an independent validator refuses, the wrapper reports
        assert violations
    if any(f.rule != "format" for f in violations):
        assert broken
    strict = FAKES[provider](copy.deepcopy(items))
    if violations:
        with pytest.raises(numberhub.ResponseValidationError):
            list(_client(strict, strict=True).list_numbers(page_size=5))
    else:
        assert [n.id for n in _client(strict, strict=True).list_numbers(page_size=5)] == expected


def pager_bodies(fake: Any) -> list[Any]:
    """The bodies the fake served, decoded (its requests replayed)."""
    return [json.loads(fake.serve(request).content) for request in fake.requests]
