"""Columns and bulk draws: the fast paths give exactly what the per-item code gives."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mock_helpers import PROVIDERS
from numberhub_mock._columns import Coded, Computed, build_column
from numberhub_mock._credentials import resolve_credentials
from numberhub_mock._dataset import Dataset
from numberhub_mock.profiles._rand import Rand

CHUNK = 1 << 16  # the run length of bulk draws and columns


def make(provider: str, seed: int, size: int) -> Dataset:
    return Dataset(provider, seed, size, resolve_credentials((provider,))[provider])


@settings(max_examples=30, deadline=None)
@given(
    seed=st.integers(0, 2**64),
    purpose=st.text(min_size=1, max_size=8),
    lo=st.integers(0, 3 * CHUNK),
    n=st.integers(0, 300),
)
def test_bulk_draws_equal_single_draws(seed: int, purpose: str, lo: int, n: int) -> None:
    rand = Rand(seed, "p")
    assert list(rand.run(purpose, lo, lo + n)) == [rand.bits(i, purpose) for i in range(lo, lo + n)]
    with rand.bulk():
        inside = [rand.bits(i, purpose) for i in (lo + n, lo, lo + CHUNK, 0)]
    assert inside == [rand.bits(i, purpose) for i in (lo + n, lo, lo + CHUNK, 0)]


@pytest.mark.parametrize("provider", PROVIDERS)
@settings(max_examples=6, deadline=None)
@given(seed=st.integers(0, 2**32), size=st.integers(0, 400))
def test_every_fast_getter_agrees_with_the_items(provider: str, seed: int, size: int) -> None:
    ds = make(provider, seed, size)
    items = ds.items()
    profile = ds.profile
    getters = {**profile.columns(), **{f"key:{k}": v for k, v in profile.sort_keys().items()}}
    hidden = {"testing"}  # Bird's filter on a field its items do not carry

    def expected(item: dict[str, Any], field: str, got: Any) -> Any:
        """The item's value; where the item leaves the field out, an "off" column value."""
        node: Any = item
        for part in field.split("."):
            if not isinstance(node, dict) or part not in node:
                assert got in (None, False), (field, got)  # Rounded's SIP numbers, Bird's flags
                return got
            node = node[part]
        return node

    for name, get in getters.items():
        field = name.removeprefix("key:")
        truth = [get(i) for i in range(size)]
        if field not in hidden:
            column = ds.column(field)
            values = [column.value(i) for i in range(size)]
            assert values == [expected(it, field, v) for it, v in zip(items, values, strict=True)]
            if not name.startswith("key:"):
                assert truth == values, name


@pytest.mark.parametrize("provider", PROVIDERS)
def test_columns_past_one_run_agree_with_the_per_item_code(provider: str) -> None:
    size = CHUNK + 1234
    ds = make(provider, 5, size)
    picks = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, size - 1, *range(7, size, 997)]
    for name, get in ds.profile.columns().items():
        column = ds.column(name)
        assert [column.value(i) for i in picks] == [get.__call__(i) for i in picks], name
    # Items made after the columns (from the cached slots) are the items made before.
    fresh = make(provider, 5, size)
    assert [ds.item(i) for i in picks] == [fresh.item(i) for i in picks]


def naive_order(values: list[Any], within: list[int], descending: bool) -> list[int]:
    """The mock's documented sort: stable, None last in both directions."""
    present = [i for i in within if values[i] is not None]
    absent = [i for i in within if values[i] is None]
    return sorted(present, key=values.__getitem__, reverse=descending) + absent


VALUES = st.one_of(
    st.lists(st.one_of(st.none(), st.integers(-3, 3)), max_size=60),
    st.lists(st.one_of(st.none(), st.sampled_from(["", "a", "b", "B"])), max_size=60),
    st.lists(st.integers(-(2**70), 2**70), max_size=60),
)


@settings(max_examples=150, deadline=None)
@given(values=VALUES, data=st.data())
def test_columns_filter_and_sort_like_python(values: list[Any], data: st.DataObject) -> None:
    size = len(values)
    within = sorted(data.draw(st.sets(st.integers(0, max(size - 1, 0)))) & set(range(size)))
    bulk = contextlib.nullcontext
    columns = [
        build_column(size, bulk, values.__getitem__),
        Computed(size, bulk, values.__getitem__),
    ]
    if len(set(map(repr, values))) > 1:
        assert isinstance(columns[0], Coded)
    target = data.draw(st.sampled_from([*values, None, 0, "a"]))

    def test(v: Any) -> bool:
        return v == target

    for column in columns:
        assert [column.value(i) for i in range(size)] == values
        assert list(column.matching(test, None)) == [i for i in range(size) if test(values[i])]
        assert list(column.matching(test, within)) == [i for i in within if test(values[i])]
        for descending in (False, True):
            assert list(column.order(within, descending=descending)) == naive_order(
                values, within, descending
            )


def test_a_column_with_many_values_or_mixed_numbers_is_not_coded() -> None:
    bulk = contextlib.nullcontext
    many = build_column(70_000, bulk, lambda i: f"v{i}")
    assert isinstance(many, Computed)
    assert many.value(69_999) == "v69999"
    mixed = [1, True, 1.0, 0, False]
    column = build_column(len(mixed), bulk, mixed.__getitem__)
    assert [type(column.value(i)) for i in range(5)] == [int, bool, float, int, bool]
    assert list(column.matching(lambda v: v is True, None)) == [1]
