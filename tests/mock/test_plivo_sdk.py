"""Plivo's own Python SDK, pointed at the mock, lists numbers from it."""

from __future__ import annotations

import pytest
from numberhub_mock import MockServer, dataset
from plivo import RestClient
from plivo.rest import client as plivo_client


@pytest.fixture
def sdk(server: MockServer, monkeypatch: pytest.MonkeyPatch) -> RestClient:
    # The SDK rebuilds its base URI from this module constant before every request.
    monkeypatch.setattr(plivo_client, "PLIVO_API_BASE_URI", f"{server.base_url}/v1/Account")
    creds = server.credentials["plivo"]
    return RestClient(creds["auth_id"], creds["auth_token"])


def test_the_sdk_lists_the_mocks_numbers(sdk: RestClient) -> None:
    page = sdk.numbers.list(limit=5, offset=10)
    truth = dataset("plivo")
    assert [n.number for n in page] == [i["number"] for i in truth[10:15]]
    assert page.meta.total_count == len(truth)


def test_the_sdk_pages_through_everything_and_filters(sdk: RestClient) -> None:
    numbers: list[str] = []
    offset = 0
    while True:
        page = sdk.numbers.list(type="tollfree", limit=20, offset=offset)
        numbers += [n.number for n in page]
        if page.meta.next is None:
            break
        offset += 20
    expected = [i["number"] for i in dataset("plivo") if i["number_type"] == "tollfree"]
    assert numbers == expected
    assert expected


def test_the_sdk_filters_by_services_and_prefix(sdk: RestClient) -> None:
    page = sdk.numbers.list(services=["voice", "sms"], number_startswith="1", limit=20)
    expected = [
        i["number"]
        for i in dataset("plivo")
        if i["voice_enabled"] and i["sms_enabled"] and i["number"].startswith("1")
    ][:20]
    assert [n.number for n in page] == expected
