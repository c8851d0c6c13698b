"""Verifying the journal: ``matching``, ``assert_count`` and its near misses, refusals, faults."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import numberhub
import pytest
from numberhub_mock import ABSENT, MockServer
from numberhub_mock._state import LocalState, SharedState


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(size=30, seed=3, providers=["butter", "plivo", "duoplus"]) as srv:
        yield srv


@pytest.fixture(autouse=True)
def empty_journal(server: MockServer) -> None:
    server.requests.clear()


def butter(server: MockServer, **filters: str) -> list[str]:
    creds = server.credentials["butter"]
    with numberhub.Butter(base_url=server.base_url, max_retries=0, **creds) as client:
        return [n.id for n in client.list_numbers(page_size=10, **filters)]


def test_matching_selects_by_provider_query_and_status(server: MockServer) -> None:
    butter(server, status="free")
    butter(server)
    free = server.requests.matching(provider="butter", query={"status": "free"})
    assert free
    assert all(r.query["status"] == ["free"] for r in free)
    unfiltered = server.requests.matching(provider="butter", query={"status": ABSENT})
    assert unfiltered
    assert len(free) + len(unfiltered) == len(server.requests)
    assert server.requests.matching(provider="plivo") == []
    assert server.requests.matching(method="get", status=200, path="/api/phone-numbers") == list(
        server.requests
    )
    assert server.requests.matching(path=re.compile(r"phone-numbers$"), where=lambda r: False) == []


def test_assert_count_returns_the_records_or_lists_the_near_misses(server: MockServer) -> None:
    butter(server, status="assigned")
    (first, *_) = server.requests.assert_count(
        len(server.requests), provider="butter", query={"status": "assigned"}
    )
    assert first.query["limit"] == ["10"]
    with pytest.raises(AssertionError) as caught:
        server.requests.assert_count(1, provider="butter", query={"status": "free"})
    message = str(caught.value)
    assert message.startswith(
        "expected 1 request matching provider='butter', query={'status': 'free'}; "
        f"found 0 among {len(server.requests)} recorded\nnear misses:\n  #0 butter GET "
        "/api/phone-numbers?"
    )
    assert "      query status: ['assigned'] (wanted ['free'])" in message
    for secret in server.credentials["butter"].values():
        assert secret not in message


def test_a_refused_request_says_why(server: MockServer) -> None:
    creds = server.credentials["butter"]
    headers = {"X-API-Key": creds["api_key"], "X-Organization-Id": creds["organization_id"]}
    httpx.get(server.base_url + "/api/phone-numbers", params={"status": "gone"}, headers=headers)
    httpx.get(server.base_url + "/api/phone-numbers", headers={"X-API-Key": "not-the-key"})
    bad, unauthorized = server.requests
    assert bad.status == 400
    assert bad.error is not None
    assert bad.error.startswith("invalid: invalid status")
    assert "free" in bad.error  # what the spec allows
    assert (unauthorized.status, unauthorized.error) == (401, "auth")
    assert "not-the-key" not in str(unauthorized.to_dict())
    server.requests.assert_count(1, error=lambda e: e is not None and "status" in e)


def test_an_injected_fault_is_recorded(server: MockServer) -> None:
    creds = server.credentials["butter"]
    headers = {"X-API-Key": creds["api_key"], "X-Organization-Id": creds["organization_id"]}
    for fault in ("status=503", "truncate"):
        with contextlib.suppress(httpx.HTTPError):  # the truncated body
            httpx.get(
                server.base_url + "/api/phone-numbers",
                headers={**headers, "X-Numberhub-Fault": fault},
            )
    httpx.get(server.base_url + "/api/phone-numbers", headers=headers)
    assert [(r.fault, r.error) for r in server.requests] == [
        ("status=503", None),
        ("truncate", None),
        (None, None),
    ]
    assert server.requests.to_list()[0]["fault"] == "status=503"
    server.requests.assert_count(2, fault=lambda f: f is not None)


@pytest.mark.parametrize("shared", [False, True])
def test_both_kinds_of_state_keep_the_error_and_the_fault(shared: bool, tmp_path: Path) -> None:
    state = SharedState(tmp_path / "state.db") if shared else LocalState()
    k = state.arrive(("butter", "GET", "/api/phone-numbers", (), None, 1.0))
    state.explain(k, "invalid: invalid limit", "delay=5")
    state.answered(k, 400)
    (record,) = state.journal()
    assert (record.status, record.error, record.fault) == (400, "invalid: invalid limit", "delay=5")
