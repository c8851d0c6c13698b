"""The request journal: what the code under test sent, in order, never a credential."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import numberhub
import pytest
from numberhub_mock import MockServer, create_app

REDACTED = "REDACTED"

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "specs"


@pytest.fixture(scope="module")
def server() -> MockServer:
    with MockServer(size=30, seed=3) as srv:
        yield srv


@pytest.fixture(autouse=True)
def empty_journal(server: MockServer) -> None:
    server.requests.clear()


def test_records_come_in_arrival_order_with_what_was_sent(server: MockServer) -> None:
    with numberhub.Plivo(base_url=server.base_url, **server.credentials["plivo"]) as plivo:
        got = list(plivo.list_numbers(type="tollfree", page_size=5))
    with numberhub.DuoPlus(base_url=server.base_url, **server.credentials["duoplus"]) as duo:
        list(duo.list_numbers(status=[1]))
    records = list(server.requests)
    assert [r.provider for r in records] == ["plivo"] * (len(records) - 1) + ["duoplus"]
    first = records[0]
    assert (first.method, first.status, first.body) == ("GET", 200, None)
    assert first.query["type"] == ["tollfree"]
    assert first.query["limit"] == ["5"]
    offsets = [int(r.query["offset"][0]) for r in records[:-1]]
    assert offsets == sorted(offsets)
    assert len(offsets) == -(-max(len(got), 1) // 5)
    assert records[-1].method == "POST"
    assert records[-1].body["status"] == [1]
    assert [r.time for r in records] == sorted(r.time for r in records)


def test_no_credential_is_ever_recorded(server: MockServer) -> None:
    secrets = [v for creds in server.credentials.values() for v in creds.values()]
    for name in server.providers:
        with numberhub.client(name, base_url=server.base_url, **server.credentials[name]) as c:
            list(c.list_numbers(max_items=1))
    plivo = server.credentials["plivo"]
    # A near miss (no trailing slash) and a stranger's account id: redacted all the same.
    httpx.get(server.base_url + f"/v1/Account/{plivo['auth_id']}/Number")
    httpx.get(server.base_url + "/v1/Account/MAOTHERACCOUNT000001/Number")
    httpx.get(server.base_url + "/nowhere", params={"key": plivo["auth_token"]})
    dumped = json.dumps(server.requests.to_list())
    assert len(server.requests) == len(list(server.providers)) + 3
    for secret in secrets:
        assert secret not in dumped
    assert "MAOTHERACCOUNT000001" not in dumped
    plivo_paths = [r.path for r in server.requests if "/Account/" in r.path]
    assert plivo_paths
    assert all(f"/Account/{REDACTED}/" in p for p in plivo_paths)
    assert server.requests[-1].query == {"key": [REDACTED]}
    assert server.requests[-1].provider is None
    assert server.requests[-1].status == 404


def test_a_credential_in_the_query_is_redacted() -> None:
    app = create_app(specs_dir=FIXTURES, providers=["telora"])
    key = app.credentials["telora"]["api_key"]
    path = app.services["telora"].template

    async def run() -> int:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app)) as http:
            answer = await http.get(f"http://mock{path}", params={"api_key": key, "limit": 2})
            return answer.status_code

    assert asyncio.run(run()) == 200
    (record,) = app.requests
    assert record.status == 200
    assert record.query == {"api_key": [REDACTED], "limit": ["2"]}
    assert key not in json.dumps(record.to_dict())


def test_the_journal_over_http(server: MockServer) -> None:
    key = server.credentials["rounded"]["api_key"]
    for limit in (3, 4):
        httpx.get(
            server.base_url + "/v1/phone-numbers",
            params={"limit": limit},
            headers={"X-Api-Key": key},
        )
    listed = httpx.get(server.base_url + "/_numberhub/requests").json()
    assert [r["query"]["limit"] for r in listed] == [["3"], ["4"]]
    assert [r["status"] for r in listed] == [200, 200]
    assert all(r["provider"] == "rounded" and r["time"].endswith("+00:00") for r in listed)
    assert key not in json.dumps(listed)
    assert httpx.delete(server.base_url + "/_numberhub/requests").status_code == 200
    assert httpx.get(server.base_url + "/_numberhub/requests").json() == []
    assert len(server.requests) == 0
    assert httpx.post(server.base_url + "/_numberhub/requests").status_code == 405


def test_faults_are_journaled_with_what_was_answered(server: MockServer) -> None:
    key = server.credentials["rounded"]["api_key"]
    url = server.base_url + "/v1/phone-numbers"
    httpx.get(url, headers={"X-Api-Key": key, "X-Numberhub-Fault": "status=503"})
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.get(url, headers={"X-Api-Key": key, "X-Numberhub-Fault": "drop"})
    httpx.get(url, headers={"X-Api-Key": "wrong"})
    assert [r.status for r in server.requests] == [503, None, 401]


def test_clear_empties_the_app_journal() -> None:
    app = create_app(providers=["butter"])
    creds = app.credentials["butter"]

    async def run() -> None:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app)) as http:
            await http.get(
                "http://mock/api/phone-numbers",
                headers={"X-API-Key": creds["api_key"], "X-Organization-Id": "org_x"},
            )

    asyncio.run(run())
    assert [r.status for r in app.requests] == [401]  # a tenant that is not the key's
    app.requests.clear()
    assert list(app.requests) == []
