"""The async clients do what the sync ones do."""

from __future__ import annotations

import json
import logging
import math
from collections import deque
from typing import Any

import httpx
import numberhub
import pytest
from plivo_client.models import NumberListResponse
from wrapper_fakes import (
    FAKES,
    PLIVO_TOKEN,
    PROVIDERS,
    FakeBird,
    FakeButter,
    FakeClock,
    FakeDuoPlus,
    FakePlivo,
    FakeRounded,
    item_id,
)

pytestmark = pytest.mark.anyio

MODES = [*PROVIDERS, "rounded-cursor"]


def _fake(mode: str, size: int, **kwargs: Any) -> Any:
    return FAKES[mode.split("-")[0]](size=size, **kwargs)


def _args(mode: str) -> dict[str, Any]:
    return {"use_cursor": True} if mode == "rounded-cursor" else {}


def _expected(fake: Any) -> list[str]:
    return [item_id(fake.provider, i) for i in fake.items]


async def _ids(pager: Any) -> list[str]:
    return [n.id async for n in pager]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("size", "page_size"), [(0, 5), (1, 1), (7, 3), (40, 20), (95, 7)])
async def test_every_item_exactly_once_in_order(mode: str, size: int, page_size: int) -> None:
    fake = _fake(mode, size)
    async with fake.async_client(clock=FakeClock()) as client:
        got = await _ids(client.list_numbers(page_size=page_size, **_args(mode)))
    assert got == _expected(fake)
    assert len(fake.requests) == max(1, math.ceil(size / page_size))


@pytest.mark.parametrize("mode", ["plivo", "duoplus", "rounded"])
@pytest.mark.parametrize(("size", "concurrency"), [(0, 4), (55, 3), (101, 8)])
async def test_concurrent_listing_keeps_order(mode: str, size: int, concurrency: int) -> None:
    fake = _fake(mode, size)
    client = fake.async_client(clock=FakeClock())
    got = await _ids(client.list_numbers(page_size=10, concurrency=concurrency))
    assert got == _expected(fake)
    assert len(fake.requests) == max(1, math.ceil(size / 10))


async def test_filters_on_every_page(clock: FakeClock) -> None:
    fake = FakeBird(size=25)
    client = fake.async_client(clock=clock)
    await _ids(client.list_numbers(country_codes=["US"], prefix="+1212", page_size=10))
    assert len(fake.requests) == 3
    for request in fake.requests:
        assert request.url.params.get_list("countryCodes") == ["US"]
        assert request.url.params["prefix"] == "+1212"


async def test_max_items(clock: FakeClock) -> None:
    fake = FakePlivo(size=100)
    got = await _ids(fake.async_client(clock=clock).list_numbers(max_items=25))
    assert got == _expected(fake)[:25]
    assert len(fake.requests) == 2


async def test_pages_carry_the_generated_model(clock: FakeClock) -> None:
    fake = FakePlivo(size=30)
    pages = [p async for p in fake.async_client(clock=clock).list_numbers().pages()]
    assert [len(p) for p in pages] == [20, 10]
    assert all(isinstance(p.parsed, NumberListResponse) for p in pages)
    assert all(isinstance(p.response, httpx.Response) for p in pages)


@pytest.mark.parametrize(
    "fake",
    [
        FakePlivo(size=100, stuck_at=20),
        FakeBird(size=100, stuck_at=20),
        FakeButter(size=100, stuck_at=20),
        FakeRounded(size=100, ignore_page=True),
    ],
    ids=["plivo", "bird", "butter", "rounded"],
)
async def test_a_position_that_does_not_advance_raises(fake: Any, clock: FakeClock) -> None:
    # page by page: Plivo's concurrent default plans its offsets and never reads meta.next
    before = len(fake.requests)  # the fake is shared by reruns of the test
    with pytest.raises(numberhub.PaginationError):
        await _ids(fake.async_client(clock=clock).list_numbers(page_size=20, concurrency=1))
    assert len(fake.requests) - before <= 4


async def test_an_empty_page_that_says_more_continues(clock: FakeClock) -> None:
    fake = FakeButter(size=60, empty_at={20})
    got = await _ids(fake.async_client(clock=clock).list_numbers(page_size=20))
    assert got == _expected(fake)[:20] + _expected(fake)[40:]


async def test_retry_after_is_honoured(clock: FakeClock) -> None:
    fake = FakePlivo(size=3)
    fake.inject(
        httpx.Response(429, json={"error": "slow"}, headers={"Retry-After": "4"}),
        httpx.Response(503, json={"error": "busy"}, headers={"retry-after-ms": "250"}),
    )
    got = await _ids(fake.async_client(clock=clock, rate_limit=None).list_numbers())
    assert len(got) == 3
    assert clock.sleeps == [4.0, 0.25]


async def test_retries_give_up_with_the_typed_error(clock: FakeClock) -> None:
    fake = FakePlivo(size=3)
    fake.inject(*[httpx.Response(500, json={"error": "boom"})] * 3)
    with pytest.raises(numberhub.ServerError):
        await _ids(fake.async_client(clock=clock, rate_limit=None).list_numbers())
    assert len(fake.requests) == 3


async def test_connection_errors_are_retried_then_typed(clock: FakeClock) -> None:
    fake = FakePlivo(size=3)
    fake.inject(httpx.ConnectError("refused"))
    assert len(await _ids(fake.async_client(clock=clock).list_numbers())) == 3
    fake.inject(*[httpx.ReadTimeout("slow")] * 3)
    with pytest.raises(numberhub.APITimeoutError):
        await _ids(fake.async_client(clock=clock).list_numbers())


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_resumed_listing_loses_and_repeats_nothing(provider: str, clock: FakeClock) -> None:
    fake = FAKES[provider](size=50)
    pager = fake.async_client(clock=clock, max_retries=1).list_numbers(page_size=10, concurrency=1)
    fake.inject(None, None, httpx.Response(502, json={}), httpx.Response(502, json={}))
    got: list[str] = []

    async def collect() -> None:
        async for number in pager:
            got.append(number.id)

    with pytest.raises(numberhub.ServerError):
        await collect()
    assert len(got) == 20
    got += await _ids(pager)
    assert got == _expected(fake)


async def test_the_limiter_avoids_every_429(clock: FakeClock) -> None:
    fake = FakePlivo(size=600)
    seen: deque[float] = deque()

    def window(request: httpx.Request) -> httpx.Response | None:
        while seen and seen[0] <= clock.monotonic() - 1.0:
            seen.popleft()
        if len(seen) >= 4:
            return httpx.Response(429, json={"error": "Too many requests"})
        seen.append(clock.monotonic())
        return None

    fake.hook = window
    client = fake.async_client(clock=clock, rate_limit=numberhub.RateLimit(4, 1.0))
    got = await _ids(client.list_numbers(concurrency=5))
    assert got == _expected(fake)
    assert 429 not in fake.served


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, numberhub.BadRequestError),
        (401, numberhub.AuthenticationError),
        (403, numberhub.PermissionDeniedError),
        (404, numberhub.NotFoundError),
        (429, numberhub.RateLimitError),
        (500, numberhub.ServerError),
    ],
)
async def test_each_error_type(status: int, error: type, clock: FakeClock) -> None:
    fake = FakePlivo(size=1)
    fake.inject(*[httpx.Response(status, json={"error": "no"})] * 3)
    with pytest.raises(error) as caught:
        await _ids(fake.async_client(clock=clock).list_numbers())
    assert caught.value.status == status


async def test_duoplus_envelope_errors(clock: FakeClock) -> None:
    fake = FakeDuoPlus(size=1)
    fake.inject(httpx.Response(200, json={"code": 401, "data": None, "message": "re-login"}))
    with pytest.raises(numberhub.AuthenticationError):
        await _ids(fake.async_client(clock=clock).list_numbers())


async def test_drifted_answer(clock: FakeClock) -> None:
    fake = FakeButter(size=1)
    raw = json.dumps({"success": True, "data": [{"phone_number": 5}], "pagination": {}}).encode()
    fake.inject(httpx.Response(200, content=raw))
    with pytest.raises(numberhub.ResponseValidationError) as caught:
        await _ids(fake.async_client(clock=clock).list_numbers())
    assert caught.value.body == raw


async def test_bad_arguments_are_refused_before_any_request(clock: FakeClock) -> None:
    fake = FakeBird(size=1)
    with pytest.raises(numberhub.InvalidParameterError, match="prefix"):
        fake.async_client(clock=clock).list_numbers(prefix="+1")
    assert fake.requests == []


async def test_secrets_stay_out_of_errors_and_logs(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake = FakePlivo(size=1)
    fake.inject(httpx.Response(401, json={"error": f"bad token {PLIVO_TOKEN}"}))
    with pytest.raises(numberhub.AuthenticationError) as caught:
        await _ids(fake.async_client(clock=clock).list_numbers())
    assert PLIVO_TOKEN not in str(caught.value)
    assert PLIVO_TOKEN not in caplog.text
    assert caplog.records


async def test_normalisation_is_the_same(clock: FakeClock) -> None:
    fake = FakePlivo(size=1)
    (number,) = [n async for n in fake.async_client(clock=clock).list_numbers()]
    (twin,) = list(fake.client(clock=clock).list_numbers())
    assert number == twin
    assert number.e164 == "+14155550000"


async def test_context_manager_closes_only_its_own_client(clock: FakeClock) -> None:
    fake = FakePlivo(size=1)
    mine = fake.async_http()
    async with fake.async_client(clock=clock, http_client=mine):
        pass
    assert not mine.is_closed
    async with numberhub.AsyncPlivo(
        auth_id="MANWVLYTK4ZWU1YTY4ZT", auth_token="t", clock=clock
    ) as client:
        own = client.http_client
    assert own.is_closed
    await mine.aclose()


async def test_a_resumed_concurrent_listing_loses_and_repeats_nothing(clock: FakeClock) -> None:
    fake = FakePlivo(size=200)
    pager = fake.async_client(clock=clock, max_retries=0).list_numbers(concurrency=4)
    fail_once = {"offset": "100"}

    def fail_page(request: httpx.Request) -> httpx.Response | None:
        if request.url.params.get("offset") == fail_once.get("offset"):
            fail_once.clear()
            return httpx.Response(500, json={"error": "boom"})
        return None

    fake.hook = fail_page
    got: list[str] = []

    async def collect() -> None:
        async for number in pager:
            got.append(number.id)

    with pytest.raises(numberhub.ServerError):
        await collect()
    assert got == _expected(fake)[:100]
    await collect()
    assert got == _expected(fake)


async def test_other_event_loops_fetch_in_batches(
    clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # trio has no asyncio tasks: the pager falls back to task-group batches
    monkeypatch.setattr("numberhub._pagers._on_asyncio", lambda: False)
    fake = FakeDuoPlus(size=95)
    client = fake.async_client(clock=clock, rate_limit=None)
    got = await _ids(client.list_numbers(page_size=10, concurrency=3))
    assert got == _expected(fake)
    assert len(fake.requests) == 10


@pytest.mark.parametrize(
    ("mode", "total"),
    [("plivo", 45), ("duoplus", 45), ("rounded", 45), ("butter", 45), ("bird", None),
     ("rounded-cursor", None)],
)  # fmt: skip
async def test_total_once_the_first_page_is_in(mode: str, total: int | None) -> None:
    fake = _fake(mode, 45)
    pager = fake.async_client(clock=FakeClock()).list_numbers(page_size=10, **_args(mode))
    assert pager.total is None
    assert await pager.next_page() is not None
    assert pager.total == total
