"""Random faults a client can list through: runs per request capped, slow is a timeout."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import numberhub
import pytest
from numberhub._client_options import DEFAULT_TIMEOUT
from numberhub_mock import create_app, dataset
from numberhub_spec import provider_names

CLI_MIX = ["429", "500", "502", "503", "drop", "truncate"]


class FakeClock:
    """Sleeps that take no time (retries still wait their full backoff, virtually)."""

    def __init__(self) -> None:
        self.skipped = 0.0
        self.waits: list[float] = []

    def monotonic(self) -> float:
        import time

        return time.monotonic() + self.skipped

    def time(self) -> float:
        import time

        return time.time() + self.skipped

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.skipped += max(seconds, 0.0)

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)
        await asyncio.sleep(0)


async def _statuses(app: Any, n: int, **params: Any) -> list[int]:
    key = app.credentials["rounded"]["api_key"]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app)) as http:
        return [
            (
                await http.get(
                    "http://mock/v1/phone-numbers", params=params, headers={"X-Api-Key": key}
                )
            ).status_code
            for _ in range(n)
        ]


def test_the_same_request_faults_at_most_the_cap_in_a_row() -> None:
    app = create_app(
        providers=["rounded"], fault_rate=1.0, faults=["503"], max_consecutive_faults=2
    )
    assert asyncio.run(_statuses(app, 6, limit=5)) == [503, 503, 200, 503, 503, 200]


def test_runs_are_counted_per_request() -> None:
    app = create_app(
        providers=["rounded"], fault_rate=1.0, faults=["503"], max_consecutive_faults=1
    )

    async def run() -> list[int]:
        return [
            *(await _statuses(app, 1, limit=5)),
            *(await _statuses(app, 1, limit=6)),
            *(await _statuses(app, 1, limit=5)),
            *(await _statuses(app, 1, limit=6)),
        ]

    assert asyncio.run(run()) == [503, 503, 200, 200]


def test_without_a_cap_every_request_draws_alone() -> None:
    app = create_app(providers=["rounded"], fault_rate=1.0, faults=["503"])
    assert asyncio.run(_statuses(app, 5, limit=5)) == [503] * 5


def test_a_slow_fault_outlasts_the_default_client_timeout_twice() -> None:
    read = DEFAULT_TIMEOUT.read
    assert read is not None
    assert create_app(providers=["plivo"]).plan.slow_ms >= 2 * read * 1000


@pytest.mark.parametrize("provider", provider_names())
def test_a_listing_through_half_faults_with_default_settings_gets_every_item_once(
    provider: str,
) -> None:
    app = create_app(
        providers=[provider],
        size=90,
        seed=8,
        fault_rate=0.5,
        faults=CLI_MIX,
        max_consecutive_faults=2,
    )
    clock = FakeClock()

    async def run() -> list[dict[str, Any]]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app)) as http:
            client = numberhub.async_client(
                provider,
                base_url="http://mock",
                http_client=http,
                clock=clock,
                **app.credentials[provider],
            )
            return [n.data async for n in client.list_numbers(page_size=10)]

    assert asyncio.run(run()) == dataset(provider, seed=8, size=90)
    faulted = len(app.requests) - 9  # nine pages of ten
    assert faulted > 0, "half the requests fault"
