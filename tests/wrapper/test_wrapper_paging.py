from __future__ import annotations

import json
import math
from typing import Any

import httpx
import numberhub
import pytest
from bird_client.models import StockItemList
from butter_client.models import PhoneNumberList as ButterPage
from duoplus_client.models import NumberListEnvelope
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plivo_client.models import ListNumbersType, NumberListResponse
from rounded_client.models import PhoneNumberList as RoundedPage
from wrapper_fakes import (
    FAKES,
    PROVIDERS,
    FakeBird,
    FakeButter,
    FakeClock,
    FakePlivo,
    FakeRounded,
    item_id,
)

# Every client here runs on a fake clock, so a rate limit never really sleeps.
_settings = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

MODES = [*PROVIDERS, "rounded-cursor"]


def _fake(mode: str, size: int, **kwargs: Any) -> Any:
    provider = mode.split("-")[0]
    return FAKES[provider](size=size, **kwargs)


def _list_args(mode: str) -> dict[str, Any]:
    return {"use_cursor": True} if mode == "rounded-cursor" else {}


def _ids(numbers: Any) -> list[str]:
    return [n.id for n in numbers]


def _expected(fake: Any) -> list[str]:
    return [item_id(fake.provider, item) for item in fake.items]


@pytest.mark.parametrize("mode", MODES)
@_settings
@given(size=st.integers(0, 130), page_size=st.integers(1, 20))
def test_every_item_exactly_once_in_order(mode: str, size: int, page_size: int) -> None:
    fake = _fake(mode, size)
    with fake.client(clock=FakeClock()) as client:
        got = _ids(client.list_numbers(page_size=page_size, **_list_args(mode)))
    assert got == _expected(fake)
    assert len(fake.requests) == max(1, math.ceil(size / page_size))


@pytest.mark.parametrize("mode", ["plivo", "duoplus", "rounded"])
@_settings
@given(size=st.integers(0, 130), page_size=st.integers(1, 20), concurrency=st.integers(2, 6))
def test_concurrent_listing_keeps_order(
    mode: str, size: int, page_size: int, concurrency: int
) -> None:
    fake = _fake(mode, size)
    with fake.client(clock=FakeClock()) as client:
        pager = client.list_numbers(page_size=page_size, concurrency=concurrency)
        got = _ids(pager)
    assert got == _expected(fake)
    assert len(fake.requests) == max(1, math.ceil(size / page_size))


@pytest.mark.parametrize("mode", MODES)
@_settings
@given(size=st.integers(0, 90), page_size=st.integers(1, 20), max_items=st.integers(0, 100))
def test_max_items_stops_early(mode: str, size: int, page_size: int, max_items: int) -> None:
    fake = _fake(mode, size)
    with fake.client(clock=FakeClock()) as client:
        got = _ids(
            client.list_numbers(page_size=page_size, max_items=max_items, **_list_args(mode))
        )
    assert got == _expected(fake)[:max_items]
    if max_items == 0:
        assert fake.requests == []
    else:
        assert len(fake.requests) <= max(1, math.ceil(min(size, max_items) / page_size))


def _sent(fake: Any) -> list[dict[str, Any]]:
    return [fake.params(r) for r in fake.requests]


def test_plivo_filters_on_every_page(clock: FakeClock) -> None:
    fake = FakePlivo(size=65)
    client = fake.client(clock=clock)
    list(
        client.list_numbers(
            type=ListNumbersType.LOCAL, services=["voice", "sms"], renewal_date__gte="2026-01-01"
        )
    )
    sent = _sent(fake)
    assert len(sent) == 4
    for params in sent:
        assert params["type"] == "local"
        assert params["services"] == "voice,sms"
        assert params["renewal_date__gte"] == "2026-01-01"
    assert [p["offset"] for p in sent] == ["0", "20", "40", "60"]


def test_bird_filters_on_every_page(clock: FakeClock) -> None:
    fake = FakeBird(size=25)
    client = fake.client(clock=clock)
    list(
        client.list_numbers(
            country_codes=["US", "CA"],
            types="local",
            features=["sms-inbound"],
            prefix="+1212",
            testing=False,
            page_size=10,
        )
    )
    sent = _sent(fake)
    assert len(sent) == 3
    for params in sent:
        assert params["countryCodes"] == ["US", "CA"]
        assert params["types"] == "local"
        assert params["features"] == "sms-inbound"
        assert params["prefix"] == "+1212"
        assert params["testing"] == "false"
    assert "pageToken" not in sent[0]
    assert sent[1]["pageToken"] != sent[2]["pageToken"]


def test_butter_filters_on_every_page(clock: FakeClock) -> None:
    fake = FakeButter(size=7)
    list(fake.client(clock=clock).list_numbers(status="free", page_size=3))
    assert [p["status"] for p in _sent(fake)] == ["free"] * 3


def test_duoplus_filters_in_every_body(clock: FakeClock) -> None:
    fake = FAKES["duoplus"](size=25)
    list(
        fake.client(clock=clock).list_numbers(
            region_ids=["US"],
            status=[1],
            type_ids=[2],
            sort_by="created_at",
            order="desc",
            page_size=10,
        )
    )
    sent = _sent(fake)
    assert [p["page"] for p in sent] == [1, 2, 3]
    for body in sent:
        assert body["region_ids"] == ["US"]
        assert body["status"] == [1]
        assert body["type_ids"] == [2]
        assert body["sort_by"] == "created_at"
        assert body["order"] == "desc"
        assert body["pagesize"] == 10
    assert all(r.method == "POST" for r in fake.requests)


def test_rounded_cursor_mode_sends_the_switch_and_cursors(clock: FakeClock) -> None:
    fake = FakeRounded(size=5)
    list(fake.client(clock=clock).list_numbers(use_cursor=True, page_size=2))
    sent = _sent(fake)
    assert all(p["use_cursor"] == "true" for p in sent)
    assert "cursor" not in sent[0]
    assert sent[1]["cursor"] == fake.items[1]["created_at"]
    assert sent[2]["cursor"] == fake.items[3]["created_at"]
    assert all("page" not in p for p in sent)


# --- non-advancing positions ----------------------------------------------------------


@pytest.mark.parametrize(
    ("fake", "page_size"),
    [
        (FakePlivo(size=100, stuck_at=20), 20),
        (FakeBird(size=100, stuck_at=20), 20),
        (FakeButter(size=100, stuck_at=20), 20),
        (FakeRounded(size=100, ignore_page=True), 20),
        (FakeRounded(size=100, cursor_back_at=40), 20),
    ],
    ids=["plivo-offset", "bird-token", "butter-cursor", "rounded-page", "rounded-cursor-back"],
)
def test_a_position_that_does_not_advance_raises(
    fake: Any, page_size: int, clock: FakeClock
) -> None:
    args = {"use_cursor": True} if getattr(fake, "cursor_back_at", None) else {}
    # page by page: Plivo's concurrent default plans its offsets and never reads meta.next
    pager = fake.client(clock=clock).list_numbers(page_size=page_size, concurrency=1, **args)
    got: list[str] = []
    before = len(fake.requests)  # the fake is shared by reruns of the test
    with pytest.raises(numberhub.PaginationError):
        got.extend(n.id for n in pager)
    assert got == _expected(fake)[: len(got)]
    assert len(fake.requests) - before <= 4  # it stopped instead of looping


def test_butter_more_pages_without_a_cursor_raises(clock: FakeClock) -> None:
    fake = FakeButter(size=10)

    def no_cursor(request: httpx.Request) -> httpx.Response:
        body = json.loads(fake.serve(request).content)
        body["pagination"]["next_cursor"] = None
        return httpx.Response(200, json=body)

    fake.hook = no_cursor
    with pytest.raises(numberhub.PaginationError, match="next_cursor"):
        list(fake.client(clock=clock).list_numbers(page_size=3))


@pytest.mark.parametrize("fake_type", [FakePlivo, FakeBird, FakeButter])
def test_an_empty_page_that_says_more_is_skipped_not_the_end(
    fake_type: Any, clock: FakeClock
) -> None:
    fake = fake_type(size=60, empty_at={20})
    got = _ids(fake.client(clock=clock).list_numbers(page_size=20))
    expected = _expected(fake)
    assert got == expected[:20] + expected[40:]
    assert len(fake.requests) == 3


# --- pages ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("provider", "model"),
    [
        ("plivo", NumberListResponse),
        ("bird", StockItemList),
        ("butter", ButterPage),
        ("rounded", RoundedPage),
        ("duoplus", NumberListEnvelope),
    ],
)
def test_pages_carry_the_generated_model_and_the_response(
    provider: str, model: type, clock: FakeClock
) -> None:
    fake = FAKES[provider](size=5)
    pages = list(fake.client(clock=clock).list_numbers(page_size=2).pages())
    assert [len(p) for p in pages] == [2, 2, 1]
    for page in pages:
        assert isinstance(page.parsed, model)
        assert isinstance(page.response, httpx.Response)
        assert page.response.status_code == 200
        assert json.loads(page.response.content) == page.body
    assert [n.id for p in pages for n in p] == _expected(fake)


def test_plivo_page_model_has_meta(clock: FakeClock) -> None:
    fake = FakePlivo(size=30)
    first = next(fake.client(clock=clock).list_numbers().pages())
    assert first.parsed.meta.total_count == 30
    assert first.parsed.meta.offset == 0
    assert [o.number for o in first.parsed.objects] == [n.id for n in first.items]


def test_pages_and_items_share_one_position(clock: FakeClock) -> None:
    fake = FakePlivo(size=50)
    pager = fake.client(clock=clock).list_numbers()
    first_page = pager.next_page()
    assert first_page is not None
    rest = _ids(pager)
    assert _ids(first_page.items) + rest == _expected(fake)


def test_the_generated_client_is_reachable(clock: FakeClock) -> None:
    from plivo_client import Client

    own = numberhub.Plivo(auth_id="MANWVLYTK4ZWU1YTY4ZT", auth_token="t", clock=clock)
    generated = own.generated
    assert isinstance(generated, Client)
    assert generated.get_httpx_client() is own.http_client
    assert isinstance(own.http_client.auth, numberhub.BasicAuth)
    own.close()


# --- totals -----------------------------------------------------------------------

# Where each paging style's answers announce the total (None: they do not).
TOTAL_FIELDS: dict[str, tuple[str, ...] | None] = {
    "plivo": ("meta", "total_count"),
    "duoplus": ("data", "total"),
    "rounded": ("total_items",),
    "butter": ("pagination", "total_count"),
    "bird": None,
    "rounded-cursor": None,
}


def announcing(fake: Any, field: tuple[str, ...] | None, totals: list[int]) -> None:
    """Make ``fake``'s answers announce ``totals[0]``, then ``totals[1]``, ... in ``field``."""

    def hook(request: httpx.Request) -> httpx.Response | None:
        if fake.unauthorized(request) is not None:
            return None
        body = json.loads(fake.serve(request).content)
        if field is not None:
            *parents, key = field
            where = body
            for name in parents:
                where = where[name]
            where[key] = totals[min(len(fake.requests), len(totals)) - 1]
        return httpx.Response(200, json=body)

    fake.hook = hook


@pytest.mark.parametrize("mode", sorted(TOTAL_FIELDS))
def test_total_is_what_the_first_page_announces(mode: str, clock: FakeClock) -> None:
    fake = _fake(mode, 45)
    announcing(fake, TOTAL_FIELDS[mode], [1234, 999])
    pager = fake.client(clock=clock).list_numbers(page_size=10, **_list_args(mode))
    assert pager.total is None  # nothing fetched yet
    next(pager)
    expected = None if TOTAL_FIELDS[mode] is None else 1234
    assert pager.total == expected
    assert len(_ids(pager)) == 44
    assert pager.total == expected  # later pages' totals do not change it


@pytest.mark.parametrize("mode", ["plivo", "duoplus", "rounded", "butter"])
def test_total_is_the_providers_count_not_max_items(mode: str, clock: FakeClock) -> None:
    fake = _fake(mode, 45)
    pager = fake.client(clock=clock).list_numbers(page_size=10, max_items=3)
    assert len(_ids(pager)) == 3
    assert pager.total == 45


def test_no_total_when_nothing_is_fetched(clock: FakeClock) -> None:
    fake = FakePlivo(size=45)
    pager = fake.client(clock=clock).list_numbers(max_items=0)
    assert list(pager) == []
    assert pager.total is None
    assert fake.requests == []
