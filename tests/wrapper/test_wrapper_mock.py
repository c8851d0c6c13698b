"""The wrapper against numberhub's own mock server (in process, through httpx.ASGITransport).

The mock's dataset is the ground truth: every provider's listing must return it exactly.
"""

from __future__ import annotations

from typing import Any

import httpx
import numberhub
import pytest
from numberhub.mock import create_app, dataset
from wrapper_fakes import FakeClock

pytestmark = pytest.mark.anyio

PROVIDERS = ["plivo", "bird", "butter", "rounded", "duoplus"]
SIZE = 137
_ID = {"plivo": "number", "butter": "phone_number_id"}


def _truth(provider: str, app: Any, seed: int = 0) -> list[str]:
    items = dataset(provider, seed=seed, size=SIZE, credentials=app.credentials[provider])
    return [str(item[_ID.get(provider, "id")]) for item in items]


def _client(provider: str, app: Any, **kwargs: Any) -> Any:
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
    kwargs.setdefault("clock", FakeClock())
    return numberhub.async_client(
        provider,
        base_url="http://mock.test",
        http_client=http,
        **app.credentials[provider],
        **kwargs,
    )


@pytest.fixture(scope="module")
def app() -> Any:
    return create_app(seed=0, size=SIZE, check_responses=True)


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("page_size", [7, 20])
async def test_listing_returns_the_mock_dataset(provider: str, page_size: int, app: Any) -> None:
    client = _client(provider, app)
    got = [n.id async for n in client.list_numbers(page_size=page_size)]
    assert got == _truth(provider, app)


async def test_rounded_cursor_mode_returns_the_dataset(app: Any) -> None:
    client = _client("rounded", app)
    got = [n.id async for n in client.list_numbers(use_cursor=True, page_size=20)]
    assert got == _truth("rounded", app)


@pytest.mark.parametrize("provider", ["plivo", "rounded", "duoplus"])
async def test_concurrent_listing_returns_the_dataset(provider: str, app: Any) -> None:
    client = _client(provider, app)
    got = [n.id async for n in client.list_numbers(page_size=10, concurrency=4)]
    assert got == _truth(provider, app)


async def test_filters_select_what_the_mock_selects(app: Any) -> None:
    items = dataset("bird", seed=0, size=SIZE, credentials=app.credentials["bird"])
    country = items[0]["countryCode"]
    expected = [i["id"] for i in items if i["countryCode"] == country]
    client = _client("bird", app)
    got = [n async for n in client.list_numbers(country_codes=[country], page_size=9)]
    assert [n.id for n in got] == expected
    assert {n.country for n in got} == {country}


async def test_plivo_type_filter(app: Any) -> None:
    items = dataset("plivo", seed=0, size=SIZE, credentials=app.credentials["plivo"])
    expected = [i["number"] for i in items if i["number_type"] == "local"]
    client = _client("plivo", app)
    got = [n async for n in client.list_numbers(type="local", page_size=20)]
    assert [n.id for n in got] == expected
    assert {n.type for n in got} == {"local"}


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_wrong_credentials_are_an_authentication_error(provider: str, app: Any) -> None:
    creds = dict(app.credentials[provider])
    secret = next(k for k in creds if k in ("auth_token", "access_key", "api_key"))
    creds[secret] = "wrong-" + creds[secret]
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
    client = numberhub.async_client(
        provider, base_url="http://mock.test", http_client=http, clock=FakeClock(), **creds
    )
    with pytest.raises(numberhub.AuthenticationError) as caught:
        [n async for n in client.list_numbers()]
    assert creds[secret] not in str(caught.value)


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_faulty_mock_still_gives_every_item_once(provider: str) -> None:
    app = create_app(seed=3, size=SIZE, fault_rate=0.3, faults=["429", "500", "503"])
    clock = FakeClock()
    client = _client(provider, app, max_retries=8, clock=clock)
    got = [n.id async for n in client.list_numbers(page_size=10)]
    assert got == _truth(provider, app, seed=3)
    assert clock.sleeps  # the faults were retried, on the fake clock
