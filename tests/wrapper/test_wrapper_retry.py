from __future__ import annotations

import email.utils
import json
from typing import Any

import httpx
import numberhub
import pytest
from numberhub._retry import RetryPolicy, parse_retry_after
from wrapper_fakes import FAKES, PROVIDERS, FakeClock, FakeDuoPlus, FakePlivo, item_id


def _error(status: int, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json={"api_id": "x", "error": "nope"}, headers=headers or {})


def _ids(fake: Any) -> list[str]:
    return [item_id(fake.provider, i) for i in fake.items]


@pytest.mark.parametrize(
    ("headers", "wait"),
    [
        ({"Retry-After": "3"}, 3.0),
        ({"Retry-After": "0.25"}, 0.25),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after-ms": "1500", "Retry-After": "9"}, 1.5),
        ({"Retry-After": "3600"}, 60.0),  # capped
    ],
)
def test_retry_after_is_honoured(headers: dict[str, str], wait: float, clock: FakeClock) -> None:
    fake = FakePlivo(size=5)
    fake.inject(_error(429, headers))
    numbers = list(fake.client(clock=clock, rate_limit=None).list_numbers())
    assert len(numbers) == 5
    assert clock.sleeps == [wait]
    assert fake.served == [429, 200]


def test_retry_after_as_an_http_date(clock: FakeClock) -> None:
    when = email.utils.formatdate(clock.time() + 7, usegmt=True)
    fake = FakePlivo(size=1)
    fake.inject(_error(503, {"Retry-After": when}))
    list(fake.client(clock=clock, rate_limit=None).list_numbers())
    assert clock.sleeps == [pytest.approx(7.0, abs=1.0)]


def test_backoff_grows_with_jitter_when_no_retry_after(clock: FakeClock) -> None:
    fake = FakePlivo(size=1)
    fake.inject(_error(500), _error(502))
    list(fake.client(clock=clock, rate_limit=None).list_numbers())
    first, second = clock.sleeps
    assert 0.375 <= first <= 0.5  # 0.5 s, minus up to 25 % jitter
    assert 0.75 <= second <= 1.0


def test_duoplus_backoff_starts_where_its_spec_says(clock: FakeClock) -> None:
    fake = FakeDuoPlus(size=1)
    fake.inject(httpx.Response(503, json={"code": 503, "data": None, "message": "busy"}))
    list(fake.client(clock=clock, rate_limit=None).list_numbers())
    assert len(clock.sleeps) == 1
    assert 0.75 <= clock.sleeps[0] <= 1.0  # initialInterval 1000 ms


def test_policy_caps_backoff() -> None:
    policy = RetryPolicy(max_retries=10, random=lambda: 0.0)
    assert [policy.delay(n, None, 0) for n in range(6)] == [0.5, 1, 2, 4, 8, 8]


def test_retry_after_parsing() -> None:
    assert parse_retry_after(httpx.Headers({"Retry-After": "garbage"}), 0) is None
    assert parse_retry_after(httpx.Headers({}), 0) is None
    assert parse_retry_after(httpx.Headers({"Retry-After": "-4"}), 0) == 0.0


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
def test_retryable_statuses_are_retried(status: int, clock: FakeClock) -> None:
    fake = FakePlivo(size=2)
    fake.inject(_error(status))
    assert len(list(fake.client(clock=clock, rate_limit=None).list_numbers())) == 2
    assert fake.served == [status, 200]


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, numberhub.BadRequestError),
        (401, numberhub.AuthenticationError),
        (403, numberhub.PermissionDeniedError),
        (404, numberhub.NotFoundError),
        (422, numberhub.BadRequestError),
    ],
)
def test_client_errors_are_not_retried(status: int, error: type, clock: FakeClock) -> None:
    fake = FakePlivo(size=2)
    fake.inject(_error(status))
    with pytest.raises(error):
        list(fake.client(clock=clock, rate_limit=None).list_numbers())
    assert len(fake.requests) == 1
    assert clock.sleeps == []


def test_retries_give_up_after_max_retries(clock: FakeClock) -> None:
    fake = FakePlivo(size=2)
    fake.inject(_error(500), _error(500), _error(500), _error(500))
    with pytest.raises(numberhub.ServerError) as caught:
        list(fake.client(clock=clock, rate_limit=None).list_numbers())
    assert caught.value.status == 500
    assert len(fake.requests) == 3  # the first try and 2 retries
    assert len(clock.sleeps) == 2


def test_max_retries_zero_disables_retrying(clock: FakeClock) -> None:
    fake = FakePlivo(size=2)
    fake.inject(_error(429, {"Retry-After": "1"}))
    with pytest.raises(numberhub.RateLimitError):
        list(fake.client(clock=clock, rate_limit=None, max_retries=0).list_numbers())
    assert len(fake.requests) == 1


def test_connection_errors_are_retried(clock: FakeClock) -> None:
    fake = FakePlivo(size=3)
    fake.inject(httpx.ConnectError("refused"), httpx.ReadTimeout("slow"))
    assert len(list(fake.client(clock=clock, rate_limit=None).list_numbers())) == 3
    assert len(clock.sleeps) == 2


def test_timeouts_become_api_timeout_error(clock: FakeClock) -> None:
    fake = FakePlivo(size=3)
    fake.inject(*[httpx.ReadTimeout("slow")] * 3)
    with pytest.raises(numberhub.APITimeoutError):
        list(fake.client(clock=clock, rate_limit=None).list_numbers())


def test_connection_failure_becomes_api_connection_error(clock: FakeClock) -> None:
    fake = FakePlivo(size=3)
    fake.inject(*[httpx.ConnectError("refused")] * 3)
    with pytest.raises(numberhub.APIConnectionError) as caught:
        list(fake.client(clock=clock, rate_limit=None).list_numbers())
    assert not isinstance(caught.value, numberhub.APITimeoutError)


def test_duoplus_rate_limit_inside_http_200_is_retried(clock: FakeClock) -> None:
    fake = FakeDuoPlus(size=3)
    fake.inject(
        httpx.Response(
            200,
            json={"code": 429, "data": None, "message": "slow down"},
            headers={"Retry-After": "2"},
        )
    )
    assert len(list(fake.client(clock=clock).list_numbers())) == 3
    assert 2.0 in clock.sleeps
    assert fake.served == [200, 200]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_resumed_listing_loses_and_repeats_nothing(provider: str, clock: FakeClock) -> None:
    fake = FAKES[provider](size=50)
    pager = fake.client(clock=clock, max_retries=1).list_numbers(page_size=10)
    # pages 1 and 2 are served; page 3 fails on its try and its retry
    fake.inject(None, None, _error(503), _error(503))
    got = []
    with pytest.raises(numberhub.ServerError):
        got.extend(n.id for n in pager)
    assert len(got) == 20
    got.extend(n.id for n in pager)  # the same pager goes on from page 3
    assert got == _ids(fake)


def test_a_resumed_concurrent_listing_loses_and_repeats_nothing(clock: FakeClock) -> None:
    fake = FakePlivo(size=200)
    pager = fake.client(clock=clock, max_retries=0, rate_limit=None).list_numbers(concurrency=4)

    fail_once = {"offset": "100"}

    def fail_page(request: httpx.Request) -> httpx.Response | None:
        if request.url.params.get("offset") == fail_once.get("offset"):
            fail_once.clear()
            return _error(500)
        return None

    fake.hook = fail_page
    got = []
    with pytest.raises(numberhub.ServerError):
        got.extend(n.id for n in pager)
    assert got == _ids(fake)[: len(got)]
    got.extend(n.id for n in pager)
    assert got == _ids(fake)


def test_response_validation_errors_are_not_retried(clock: FakeClock) -> None:
    fake = FakePlivo(size=2)
    fake.inject(httpx.Response(200, content=json.dumps({"objects": []}).encode()))
    with pytest.raises(numberhub.ResponseValidationError):
        list(fake.client(clock=clock).list_numbers())
    assert len(fake.requests) == 1


# --- the policy on its own (what the retry loop of both clients runs) -----------------------


def _api_error(status: int, headers: dict[str, str] | None = None) -> numberhub.APIError:
    return numberhub.APIError("x", status=status, headers=headers or {}, body=None, provider="p")


@pytest.mark.parametrize(
    ("status", "retried"),
    [(408, True), (409, True), (429, True), (500, True), (503, True), (599, True),
     (400, False), (401, False), (404, False), (410, False), (499, False), (200, False),
     (600, False), (428, False), (430, False)],
)  # fmt: skip
def test_the_default_policy_retries_408_409_429_and_5xx(status: int, retried: bool) -> None:
    assert RetryPolicy().retries(_api_error(status)) is retried


def test_connection_errors_are_retried_only_when_the_policy_says() -> None:
    exc = numberhub.APIConnectionError("down", provider="p")
    assert RetryPolicy().retries(exc)
    assert not RetryPolicy(connection_errors=False).retries(exc)
    assert not RetryPolicy().retries(numberhub.PaginationError("loop"))


def test_a_policy_from_the_spec_takes_every_setting() -> None:
    from numberhub_spec import load

    policy = RetryPolicy.from_spec(load("plivo").retries, 3)
    # specs/plivo.yaml: 500 ms initial, 8000 ms max, 60000 ms elapsed, exponent 2
    assert (policy.max_retries, policy.initial, policy.max_interval) == (3, 0.5, 8.0)
    assert (policy.exponent, policy.max_elapsed, policy.connection_errors) == (2.0, 60.0, True)
    assert policy.retries(_api_error(503))
    assert not policy.retries(_api_error(404))


@pytest.mark.parametrize(
    ("retry", "elapsed", "wait", "gives_up"),
    [(0, 5.0, 5.0, False), (0, 5.0, 5.5, True), (0, 11.0, 0.0, True), (0, 9.0, 0.5, False),
     (1, 0.0, 0.0, False), (2, 0.0, 0.0, True), (3, 0.0, 0.0, True)],
)  # fmt: skip
def test_the_policy_gives_up_after_its_retries_or_its_time(
    retry: int, elapsed: float, wait: float, gives_up: bool
) -> None:
    policy = RetryPolicy(max_retries=2, max_elapsed=10.0)
    assert policy.gives_up(retry, elapsed, wait) is gives_up
    assert not RetryPolicy(max_retries=9, max_elapsed=None).gives_up(3, 1e9, 1e9)


def test_backoff_steps_and_jitter() -> None:
    policy = RetryPolicy(initial=0.5, exponent=3.0, max_interval=4.0, random=lambda: 1.0)
    assert [policy.delay(n, None, 0) for n in range(4)] == [0.375, 1.125, 3.0, 3.0]
    steady = RetryPolicy(initial=0.5, exponent=3.0, max_interval=4.0, random=lambda: 0.0)
    assert [steady.delay(n, None, 0) for n in range(3)] == [0.5, 1.5, 4.0]
    assert policy.delay(0, {"retry-after": "7"}, 0) == 7.0
    assert RetryPolicy(max_retry_after=5.0).delay(0, {"retry-after": "7"}, 0) == 5.0


def test_a_retry_after_date_in_the_past_means_no_wait() -> None:
    past = email.utils.formatdate(1_000, usegmt=True)
    assert parse_retry_after({"retry-after": past}, 2_000) == 0.0
    future = email.utils.formatdate(2_010, usegmt=True)
    assert parse_retry_after({"retry-after": future}, 2_000) == 10.0
    assert parse_retry_after({"retry-after-ms": "nan", "retry-after": "2"}, 0) == 2.0
    assert parse_retry_after({"retry-after-ms": "-5"}, 0) == 0.0


def test_the_flow_yields_each_wait_and_stops_when_the_policy_gives_up(
    caplog: pytest.LogCaptureFixture,
) -> None:
    import logging

    from numberhub._retry import next_wait

    caplog.set_level(logging.INFO, logger="numberhub")
    clock = FakeClock()
    policy = RetryPolicy(max_retries=2, random=lambda: 0.0)
    flow = policy.flow(clock.monotonic, clock.time, "plivo")
    assert next(flow) == 0.0
    assert next_wait(flow, _api_error(429)) == 0.5
    assert next_wait(flow, numberhub.APIConnectionError("down", provider="p")) == 1.0
    assert next_wait(flow, _api_error(429)) is None  # the third failure: given up
    assert [r.getMessage() for r in caplog.records] == [
        "plivo: retrying in 0.50 s after APIError (HTTP 429)",
        "plivo: retrying in 1.00 s after APIConnectionError",
    ]
    flow = policy.flow(clock.monotonic, clock.time, "plivo")
    next(flow)
    assert next_wait(flow, _api_error(404)) is None  # not retried at all


def test_the_flow_spends_the_elapsed_time_budget() -> None:
    from numberhub._retry import next_wait

    clock = FakeClock()
    policy = RetryPolicy(max_retries=5, max_elapsed=1.0, random=lambda: 0.0)
    flow = policy.flow(clock.monotonic, clock.time, "plivo")
    next(flow)
    assert next_wait(flow, _api_error(500)) == 0.5
    clock.sleep(0.5)
    assert next_wait(flow, _api_error(500)) is None  # 0.5 s in, 1.0 s more would pass 1 s
