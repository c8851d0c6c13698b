from __future__ import annotations

import itertools
from collections import deque

import httpx
import numberhub
import pytest
from numberhub._ratelimit import RateLimit, RateLimiter
from wrapper_fakes import FakeButter, FakeClock, FakeDuoPlus, FakePlivo


def _enforce(fake: object, clock: FakeClock, requests: int, per_seconds: float) -> None:
    """Make ``fake`` answer 429 to any request beyond ``requests`` in ``per_seconds``."""
    seen: deque[float] = deque()

    def hook(request: httpx.Request) -> httpx.Response | None:
        now = clock.monotonic()
        while seen and seen[0] <= now - per_seconds:
            seen.popleft()
        if len(seen) >= requests:
            return httpx.Response(429, json={"api_id": "x", "error": "Too many requests"})
        seen.append(now)
        return None

    fake.hook = hook  # type: ignore[attr-defined]


def test_the_limiter_avoids_every_429(clock: FakeClock) -> None:
    fake = FakePlivo(size=1000)  # 50 pages
    _enforce(fake, clock, requests=5, per_seconds=1.0)
    client = fake.client(clock=clock, rate_limit=numberhub.RateLimit(5, 1.0))
    assert len(list(client.list_numbers())) == 1000
    assert 429 not in fake.served
    assert len(fake.requests) == 50
    # 50 requests, 5 a second: the last goes out after at least 9 seconds
    assert clock.now - clock.start >= 9.0


def test_without_the_limiter_the_same_listing_hits_429s(clock: FakeClock) -> None:
    fake = FakePlivo(size=1000)
    _enforce(fake, clock, requests=5, per_seconds=1.0)
    client = fake.client(clock=clock, rate_limit=None, max_retries=10)
    assert len(list(client.list_numbers())) == 1000
    assert 429 in fake.served


def test_plivo_limit_comes_from_its_spec(clock: FakeClock) -> None:
    client = FakePlivo().client(clock=clock)
    assert client.rate_limit == RateLimit(300, 5.0)
    assert FakeDuoPlus().client(clock=clock).rate_limit == RateLimit(1, 1.0)
    assert FakeButter().client(clock=clock).rate_limit == RateLimit(10, 1.0)


def test_providers_without_a_documented_limit_have_none(clock: FakeClock) -> None:
    assert (
        numberhub.client(
            "bird",
            access_key="k",
            organization_id="6f1d2a4e-0c1b-4f5e-9d2a-3b4c5d6e7f80",
            clock=clock,
        ).rate_limit
        is None
    )
    assert numberhub.client("rounded", api_key="k", clock=clock).rate_limit is None


def test_duoplus_default_limit_spaces_requests_a_second_apart(clock: FakeClock) -> None:
    fake = FakeDuoPlus(size=30)
    times: list[float] = []

    def record(request: httpx.Request) -> None:
        times.append(clock.monotonic())

    fake.hook = record  # type: ignore[assignment]
    list(fake.client(clock=clock).list_numbers(page_size=10))
    assert len(times) == 3
    assert all(b - a >= 1.0 for a, b in itertools.pairwise(times))


def test_limiter_window_is_sliding(clock: FakeClock) -> None:
    limiter = RateLimiter(RateLimit(3, 1.0, margin=0.0), clock)
    stamps = []
    for _ in range(7):
        limiter.acquire()
        stamps.append(clock.monotonic())
    start = stamps[0]
    assert [round(s - start, 6) for s in stamps] == [0, 0, 0, 1, 1, 1, 2]
    for i in range(3, len(stamps)):  # never 4 within any second
        assert stamps[i] - stamps[i - 3] >= 1.0


def test_rate_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="requests"):
        RateLimit(0, 1.0)
    with pytest.raises(ValueError, match="per_seconds"):
        RateLimit(1, 0)


def test_rate_limit_must_be_a_rate_limit(clock: FakeClock) -> None:
    with pytest.raises(numberhub.InvalidParameterError, match="rate_limit"):
        FakePlivo().client(clock=clock, rate_limit=300)
