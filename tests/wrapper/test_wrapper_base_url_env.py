"""Every client reads its base URL from ``<PROVIDER>_BASE_URL``, after ``base_url=``."""

from __future__ import annotations

import httpx
import numberhub
import pytest

CREDS = {
    "bird": {"access_key": "k", "organization_id": "6f1c2a9e-4b7d-4e2a-9c1f-3a5b7d9e0f12"},
    "butter": {"api_key": "k", "organization_id": "org_1"},
    "duoplus": {"api_key": "k"},
    "plivo": {"auth_id": "MANUMBERHUBMOCK00001", "auth_token": "t"},
    "rounded": {"api_key": "k"},
}
SERVERS = {  # the specs' default servers, written out
    "bird": "https://api.bird.com",
    "butter": "https://api.getbutter.ai",
    "duoplus": "https://openapi.duoplus.net",
    "plivo": "https://api.plivo.com",
    "rounded": "https://api.callrounded.com",
}


@pytest.fixture(autouse=True)
def _no_base_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SERVERS:
        monkeypatch.delenv(f"{name.upper()}_BASE_URL", raising=False)


@pytest.mark.parametrize("name", sorted(SERVERS))
def test_the_default_is_the_specs_server(name: str) -> None:
    with numberhub.client(name, **CREDS[name]) as client:
        assert client.base_url.startswith(SERVERS[name])


@pytest.mark.parametrize("name", sorted(SERVERS))
def test_the_environment_comes_before_the_default(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(f"{name.upper()}_BASE_URL", "http://127.0.0.1:4010/")
    with numberhub.client(name, **CREDS[name]) as client:
        assert client.base_url == "http://127.0.0.1:4010"


@pytest.mark.parametrize("name", sorted(SERVERS))
def test_the_argument_comes_before_the_environment(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(f"{name.upper()}_BASE_URL", "http://127.0.0.1:4010")
    with numberhub.client(name, base_url="http://proxy.test:8080", **CREDS[name]) as client:
        assert client.base_url == "http://proxy.test:8080"


def test_an_empty_variable_is_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROUNDED_BASE_URL", "")
    with numberhub.Rounded(**CREDS["rounded"]) as rounded:
        assert rounded.base_url.startswith(SERVERS["rounded"])


def test_requests_go_to_the_environments_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROUNDED_BASE_URL", "http://mock.test:4010")
    seen: list[httpx.URL] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        return httpx.Response(
            200, json={"data": [], "status": 200, "current_page": 1, "total_pages": 1}
        )

    http = httpx.Client(transport=httpx.MockTransport(answer))
    with numberhub.Rounded(http_client=http, **CREDS["rounded"]) as rounded:
        assert list(rounded.list_numbers()) == []
    assert [(u.host, u.port, u.path) for u in seen] == [("mock.test", 4010, "/v1/phone-numbers")]


def test_a_bad_value_is_named_as_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLIVO_BASE_URL", "127.0.0.1:4010")
    with pytest.raises(numberhub.InvalidParameterError) as raised:
        numberhub.Plivo(**CREDS["plivo"])
    assert raised.value.parameter == "PLIVO_BASE_URL"
    assert str(raised.value).startswith("PLIVO_BASE_URL: must be an absolute http://")
