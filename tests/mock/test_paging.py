from __future__ import annotations

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mock_helpers import ID, PROVIDERS, call, collect, walk
from numberhub_mock import MockServer, create_app, dataset

CASES = [(p, False) for p in PROVIDERS] + [("rounded", True)]


@pytest.mark.parametrize(("provider", "cursor_mode"), CASES)
def test_walking_the_default_dataset_yields_every_item_once_in_server_order(
    http: httpx.Client, server: MockServer, provider: str, cursor_mode: bool
) -> None:
    creds = server.credentials[provider]
    got = collect(http, provider, creds, cursor_mode=cursor_mode)
    truth = dataset(provider)
    assert len(truth) == 250
    assert got == truth


@pytest.mark.parametrize("provider", PROVIDERS)
def test_pages_are_as_large_as_asked(http: httpx.Client, server: MockServer, provider: str) -> None:
    pages = list(walk(http, provider, server.credentials[provider], page_size=7))
    assert [len(p) for p in pages] == [7] * 35 + [5]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    provider=st.sampled_from(PROVIDERS),
    size=st.integers(min_value=0, max_value=60),
    page_size=st.integers(min_value=1, max_value=20),
    cursor_mode=st.booleans(),
)
def test_any_size_and_page_size_gives_every_item_exactly_once(
    provider: str, size: int, page_size: int, cursor_mode: bool
) -> None:
    with (
        MockServer(providers=[provider], size=size, seed=size, check_responses=True) as srv,
        httpx.Client(base_url=srv.base_url) as client,
    ):
        got = collect(
            client,
            provider,
            srv.credentials[provider],
            page_size=page_size,
            cursor_mode=cursor_mode and provider == "rounded",
        )
    ids = [item[ID[provider]] for item in got]
    assert len(ids) == len(set(ids)) == size
    assert got == dataset(provider, seed=size, size=size)


def test_plivo_meta_describes_the_page(http: httpx.Client, server: MockServer) -> None:
    creds = server.credentials["plivo"]
    body = call(http, "plivo", creds, {"limit": 5, "offset": 10}).json()
    assert body["meta"]["limit"] == 5
    assert body["meta"]["offset"] == 10
    assert body["meta"]["total_count"] == 250
    assert body["meta"]["previous"].endswith("?limit=5&offset=5")
    assert body["meta"]["next"] == f"/v1/Account/{creds['auth_id']}/Number/?limit=5&offset=15"
    first = call(http, "plivo", creds, {"limit": 5}).json()
    assert first["meta"]["previous"] is None


def test_plivo_next_url_keeps_the_filters(http: httpx.Client, server: MockServer) -> None:
    creds = server.credentials["plivo"]
    got = collect(http, "plivo", creds, {"type": "local"}, page_size=3)
    assert got == [i for i in dataset("plivo") if i["number_type"] == "local"]


def test_page_past_the_end_is_empty_with_totals(http: httpx.Client, server: MockServer) -> None:
    r = call(http, "rounded", server.credentials["rounded"], {"page": 99, "limit": 10})
    body = r.json()
    assert r.status_code == 200
    assert body["data"] == []
    assert (body["current_page"], body["total_pages"], body["total_items"]) == (99, 25, 250)
    d = call(http, "duoplus", server.credentials["duoplus"], {"page": 30, "pagesize": 10}).json()
    assert d["data"]["list"] == []
    assert d["data"]["total_page"] == 25


def test_rounded_cursor_is_the_created_at_of_the_last_item(
    http: httpx.Client, server: MockServer
) -> None:
    creds = server.credentials["rounded"]
    body = call(http, "rounded", creds, {"use_cursor": "true", "limit": 4}).json()
    assert body["next_cursor"] == body["data"][-1]["created_at"]
    after = call(
        http,
        "rounded",
        creds,
        {"use_cursor": "true", "limit": 2, "cursor": body["data"][1]["created_at"]},
    ).json()
    assert after["data"] == body["data"][2:4]


@pytest.mark.parametrize("provider", ["bird", "butter"])
@pytest.mark.parametrize(
    "token",
    ["garbage", "", "MTA6YWJj", "MjA6MDAwMDAwMDAwMDAwMDAwMHwAAAAAAAAAAAAAAAA", "%%%", "a" * 400],
)
def test_forged_or_corrupted_tokens_are_client_errors(
    http: httpx.Client, server: MockServer, provider: str, token: str
) -> None:
    key = "pageToken" if provider == "bird" else "cursor"
    r = call(http, provider, server.credentials[provider], {key: token})
    if token == "":
        assert r.status_code in (200, 400)  # an empty token is "no token" or too short
        return
    assert r.status_code == 400, r.text
    body = r.json()
    if provider == "bird":
        assert body["code"] == "InvalidPageToken"
    else:
        assert body["success"] is False
        assert body["error"]["message"]


def test_a_token_altered_by_one_character_is_refused(
    http: httpx.Client, server: MockServer
) -> None:
    creds = server.credentials["bird"]
    token = call(http, "bird", creds, {"limit": 3}).json()["nextPageToken"]
    for k in range(len(token)):
        forged = token[:k] + ("A" if token[k] != "A" else "B") + token[k + 1 :]
        r = call(http, "bird", creds, {"limit": 3, "pageToken": forged})
        assert r.status_code == 400, (k, forged)


def test_a_token_from_other_filters_is_refused(http: httpx.Client, server: MockServer) -> None:
    creds = server.credentials["butter"]
    token = call(http, "butter", creds, {"limit": 3, "status": "free"}).json()["pagination"][
        "next_cursor"
    ]
    assert call(http, "butter", creds, {"limit": 3, "cursor": token}).status_code == 400
    assert (
        call(http, "butter", creds, {"limit": 3, "cursor": token, "status": "free"}).status_code
        == 200
    )


def test_the_asgi_app_pages_in_process() -> None:
    app = create_app(providers=["bird"], size=30, check_responses=True)
    creds = app.credentials["bird"]

    async def run() -> list[dict[str, object]]:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://mock"
        ) as client:
            items: list[dict[str, object]] = []
            params: dict[str, object] = {"limit": 8}
            while True:
                r = await client.get(
                    f"/organizations/{creds['organization_id']}/numbers-stock-items",
                    params=params,
                    headers={"Authorization": f"AccessKey {creds['access_key']}"},
                )
                items += r.json()["results"]
                if "nextPageToken" not in r.json():
                    return items
                params["pageToken"] = r.json()["nextPageToken"]

    import asyncio

    assert asyncio.run(run()) == dataset("bird", size=30)
