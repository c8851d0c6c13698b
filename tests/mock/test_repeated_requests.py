"""A request sent again gets the same page (from kept bytes) and is checked like the first."""

from __future__ import annotations

import httpx
from mock_helpers import auth_headers, call, path, results
from numberhub_mock import MockServer
from numberhub_mock._journal import RecordedRequest
from numberhub_mock._state import JOURNAL_LIMIT, LocalState


def test_a_repeated_page_is_the_same_page_with_a_new_request_id(
    server: MockServer, http: httpx.Client
) -> None:
    client, creds, app = http, server.credentials["plivo"], server
    params = {"limit": 5, "offset": 10}
    first, second = (call(client, "plivo", creds, params) for _ in range(2))
    assert first.status_code == second.status_code == 200
    a, b = first.json(), second.json()
    assert a["api_id"] != b["api_id"]
    assert {**a, "api_id": None} == {**b, "api_id": None}
    expected = [item["number"] for item in app.dataset("plivo")[10:15]]
    assert [item["number"] for item in results("plivo", a)] == expected
    assert [item["number"] for item in results("plivo", b)] == expected


def test_credentials_are_checked_on_every_request(server: MockServer, http: httpx.Client) -> None:
    client, creds = http, server.credentials["plivo"]
    url = path("plivo", creds)
    right = auth_headers("plivo", creds)
    wrong = auth_headers("plivo", {**creds, "auth_token": "not-the-token"})
    statuses = [
        client.get(url, params={"limit": 3}, headers=h).status_code
        for h in (right, wrong, right, wrong)
    ]
    assert statuses == [200, 401, 200, 401]


def test_a_repeated_body_is_read_as_json_only_under_a_json_content_type(
    server: MockServer, http: httpx.Client
) -> None:
    client, creds = http, server.credentials["duoplus"]
    url = path("duoplus", creds)
    headers = auth_headers("duoplus", creds)
    body = b'{"page": 1, "pagesize": 5}'
    ok = client.post(url, content=body, headers={**headers, "Content-Type": "application/json"})
    plain = client.post(url, content=body, headers={**headers, "Content-Type": "text/plain"})
    again = client.post(url, content=body, headers={**headers, "Content-Type": "application/json"})
    assert ok.status_code == again.status_code == 200
    assert plain.status_code != 200
    assert results("duoplus", ok.json()) == results("duoplus", again.json())


def test_a_variant_header_is_part_of_the_request(server: MockServer, http: httpx.Client) -> None:
    creds = server.credentials["duoplus"]
    for lang in ("en", "zh", "en", "zh"):
        answer = call(http, "duoplus", creds, {}, headers={"Lang": lang})
        items = results("duoplus", answer.json())
        assert items == server.dataset("duoplus", lang)[: len(items)]
    assert server.dataset("duoplus", "en") != server.dataset("duoplus", "zh")


def test_the_journal_keeps_the_latest_requests_in_order() -> None:
    state = LocalState()
    extra = 5
    for k in range(JOURNAL_LIMIT + extra):
        assert state.arrive(("plivo", "GET", f"/p/{k}", b"a=1&a=2", None, float(k))) == k
    state.answered(0, 500)  # forgotten already: nothing to set
    state.answered(JOURNAL_LIMIT + extra - 1, 200)
    kept = state.journal()
    assert len(kept) == JOURNAL_LIMIT
    assert kept[0] == RecordedRequest(
        "plivo", "GET", f"/p/{extra}", {"a": ["1", "2"]}, None, None, float(extra)
    )
    assert kept[-1].status == 200
    assert [r.time for r in kept] == [float(k) for k in range(extra, JOURNAL_LIMIT + extra)]
    state.clear_journal()
    state.answered(JOURNAL_LIMIT + extra - 1, 404)  # asked before the clear: stays out
    assert state.journal() == []
    k = state.arrive(("duoplus", "POST", "/d", b"", b'{"page": 2}', 1.0))
    state.answered(k, 200)
    assert state.journal() == [RecordedRequest("duoplus", "POST", "/d", {}, {"page": 2}, 200, 1.0)]
