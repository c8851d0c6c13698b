"""Realism tables: what a provider's spec cannot say, read by the one data engine."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numberhub_spec
import pytest
from mock_helpers import PROVIDERS
from numberhub_mock._credentials import resolve_credentials
from numberhub_mock._dataset import Dataset
from numberhub_mock._phones import Group
from numberhub_mock._schemas import schema_at
from numberhub_mock.profiles import OMIT, REALISM, Item, Profile, Realism
from numberhub_mock.profiles.profile import profile_class

CREDS = resolve_credentials(("rounded",))["rounded"]


def rounded_with(realism: Realism, size: int = 40) -> Profile:
    return profile_class(numberhub_spec.load("rounded"), realism)(0, size, CREDS)


def test_every_shipped_provider_has_a_table_naming_only_its_fields() -> None:
    assert sorted(REALISM) == sorted(PROVIDERS)
    for provider in PROVIDERS:
        spec = numberhub_spec.load(provider)
        for path in REALISM[provider].fields:
            assert schema_at(spec.resolve, spec.item_schema, path), (provider, path)


def test_a_rule_naming_no_field_of_the_item_is_refused() -> None:
    with pytest.raises(ValueError, match=r"realism names no field of the item: \{'nmae'\}"):
        rounded_with(Realism(fields={"nmae": "Front desk"}))


def test_a_rule_whose_values_break_the_schema_is_refused() -> None:
    with pytest.raises(ValueError, match="realism's created_at breaks its schema"):
        rounded_with(Realism(fields={"created_at": 20240115}))


def test_constants_rules_and_other_fields_are_read_per_item() -> None:
    def name(x: Item) -> str:
        return "SIP trunk" if x["type"] == "sip" else f"Line {x.i}"

    profile = rounded_with(Realism(fields={"name": name, "type": "sip"}))
    items = [profile.make(i) for i in range(40)]
    assert {i["type"] for i in items} == {"sip"}
    assert {i["name"] for i in items} == {"SIP trunk"}
    plain = rounded_with(Realism(fields={"name": name}))
    assert plain.make(3)["name"] in ("SIP trunk", "Line 3")


def test_omitted_keys_are_left_out_of_items_and_read_as_none_in_columns() -> None:
    def agent(x: Item) -> Any:
        return OMIT if x.i % 2 else "11e77bed-5092-4a5c-aafd-fa933d92010c"

    profile = rounded_with(Realism(fields={"inbound_agent_id": agent}))
    items = [profile.make(i) for i in range(6)]
    assert ["inbound_agent_id" in i for i in items] == [True, False] * 3
    assert [profile.getter("inbound_agent_id")(i) for i in range(2)] == [
        items[0]["inbound_agent_id"],
        None,
    ]


def test_hidden_columns_are_filterable_but_not_served() -> None:
    ds = Dataset("bird", 0, 200, resolve_credentials(("bird",))["bird"])
    column = ds.column("testing")
    assert {column.value(i) for i in range(200)} == {True, False}
    assert all("testing" not in item for item in ds.items())


def test_groups_and_the_time_line_come_from_the_table() -> None:
    since = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
    profile = rounded_with(Realism(groups=[Group("GB", "fixed", 1, "pstn")], since=since))
    items = [profile.make(i) for i in range(40)]
    assert {i["number"][:3] for i in items if i["type"] == "pstn"} == {"+44"}
    assert min(i["created_at"] for i in items) >= "2025-06-01"
