from __future__ import annotations

import base64
import json
import logging
import threading
import traceback
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import numberhub
import pytest
from wrapper_fakes import (
    BIRD_KEY,
    BIRD_ORG,
    BUTTER_KEY,
    BUTTER_ORG,
    CREDENTIALS,
    DUOPLUS_KEY,
    FAKES,
    PLIVO_AUTH_ID,
    PLIVO_TOKEN,
    PROVIDERS,
    ROUNDED_KEY,
    SECRETS,
    FakeClock,
    FakeDuoPlus,
    FakePlivo,
)


def _flow(auth: httpx.Auth) -> httpx.Request:
    flow = auth.auth_flow(httpx.Request("GET", "https://example.test/"))
    request = next(flow)
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(200))
    return request


def test_basic_auth_sets_the_authorization_header() -> None:
    request = _flow(numberhub.BasicAuth(PLIVO_AUTH_ID, PLIVO_TOKEN))
    token = base64.b64encode(f"{PLIVO_AUTH_ID}:{PLIVO_TOKEN}".encode()).decode()
    assert request.headers["Authorization"] == f"Basic {token}"


def test_access_key_auth_uses_birds_scheme() -> None:
    request = _flow(numberhub.AccessKeyAuth(BIRD_KEY))
    assert request.headers["Authorization"] == f"AccessKey {BIRD_KEY}"


def test_api_key_auth_sets_every_header() -> None:
    request = _flow(numberhub.ApiKeyAuth({"X-API-Key": BUTTER_KEY}, {"X-Organization-Id": "o"}))
    assert request.headers["X-API-Key"] == BUTTER_KEY
    assert request.headers["X-Organization-Id"] == "o"


@pytest.mark.parametrize(
    ("provider", "expected"),
    [
        (
            "plivo",
            {
                "authorization": "Basic "
                + base64.b64encode(f"{PLIVO_AUTH_ID}:{PLIVO_TOKEN}".encode()).decode()
            },
        ),
        ("bird", {"authorization": f"AccessKey {BIRD_KEY}"}),
        ("butter", {"x-api-key": BUTTER_KEY, "x-organization-id": BUTTER_ORG}),
        ("rounded", {"x-api-key": ROUNDED_KEY}),
        (
            "duoplus",
            {"duoplus-api-key": DUOPLUS_KEY, "lang": "en", "content-type": "application/json"},
        ),
    ],
)
def test_each_provider_sends_its_scheme(
    provider: str, expected: dict[str, str], clock: FakeClock
) -> None:
    fake = FAKES[provider](size=3)
    assert len(list(fake.client(clock=clock).list_numbers())) == 3
    for name, value in expected.items():
        assert fake.requests[0].headers[name] == value


def test_duoplus_lang_is_sent(clock: FakeClock) -> None:
    fake = FakeDuoPlus(size=1)
    list(fake.client(clock=clock, lang="zh-TW").list_numbers())
    assert fake.requests[0].headers["Lang"] == "zh-TW"


def test_paths_carry_the_tenant(clock: FakeClock) -> None:
    fake = FAKES["bird"](size=1)
    list(fake.client(clock=clock).list_numbers())
    assert fake.requests[0].url.path == f"/organizations/{BIRD_ORG}/numbers-stock-items"
    fake = FakePlivo(size=1)
    list(fake.client(clock=clock).list_numbers())
    assert fake.requests[0].url.path == f"/v1/Account/{PLIVO_AUTH_ID}/Number/"


# --- credentials -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("provider", "env"),
    [
        ("plivo", ["PLIVO_AUTH_ID", "PLIVO_AUTH_TOKEN"]),
        ("bird", ["BIRD_ACCESS_KEY", "BIRD_ORGANIZATION_ID"]),
        ("butter", ["BUTTER_API_KEY", "BUTTER_ORGANIZATION_ID"]),
        ("rounded", ["ROUNDED_API_KEY"]),
        ("duoplus", ["DUOPLUS_API_KEY"]),
    ],
)
def test_missing_credentials_name_the_environment_variables(provider: str, env: list[str]) -> None:
    with pytest.raises(numberhub.MissingCredentialsError) as caught:
        numberhub.client(provider)
    for name in env:
        assert name in str(caught.value)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_credentials_come_from_the_environment(
    provider: str, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    names = {
        "auth_id": "PLIVO_AUTH_ID",
        "auth_token": "PLIVO_AUTH_TOKEN",
        "access_key": "BIRD_ACCESS_KEY",
        "organization_id": "BIRD_ORGANIZATION_ID"
        if provider == "bird"
        else "BUTTER_ORGANIZATION_ID",
        "api_key": f"{provider.upper()}_API_KEY",
    }
    for arg, value in CREDENTIALS[provider].items():
        monkeypatch.setenv(names[arg], value)
    fake = FAKES[provider](size=2)
    client = numberhub.client(
        provider, base_url="https://fake.test", http_client=fake.http(), clock=clock
    )
    assert len(list(client.list_numbers())) == 2  # the fake accepted the auth


def test_plivo_auth_id_shape_is_checked_before_sending(clock: FakeClock) -> None:
    fake = FakePlivo(size=1)
    with pytest.raises(numberhub.InvalidParameterError) as caught:
        numberhub.Plivo(
            auth_id="XX123", auth_token=PLIVO_TOKEN, http_client=fake.http(), clock=clock
        )
    message = str(caught.value)
    assert message.startswith("auth_id:")
    assert "^(MA|SA)[A-Z0-9]{18}$" in message
    assert "PLIVO_AUTH_ID" in message
    assert PLIVO_TOKEN not in message
    assert fake.requests == []


def test_bird_organization_must_be_a_uuid(clock: FakeClock) -> None:
    with pytest.raises(numberhub.InvalidParameterError, match=r"organization_id.*UUID"):
        numberhub.Bird(access_key=BIRD_KEY, organization_id="acme", clock=clock)


# --- secrets never shown ------------------------------------------------------------------


def _assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


@pytest.mark.parametrize("provider", PROVIDERS)
def test_secrets_are_not_in_repr_or_str(provider: str, clock: FakeClock) -> None:
    client = FAKES[provider]().client(clock=clock)
    for text in (repr(client), str(client), repr(client.generated), str(client.generated)):
        _assert_no_secret(text)


@pytest.mark.parametrize(
    "auth",
    [
        numberhub.BasicAuth(PLIVO_AUTH_ID, PLIVO_TOKEN),
        numberhub.AccessKeyAuth(BIRD_KEY),
        numberhub.ApiKeyAuth({"X-API-Key": BUTTER_KEY}, {"X-Organization-Id": BUTTER_ORG}),
        numberhub.ApiKeyAuth({"DuoPlus-API-Key": DUOPLUS_KEY}),
    ],
)
def test_auth_objects_hide_their_secret(auth: httpx.Auth) -> None:
    _assert_no_secret(repr(auth))
    _assert_no_secret(str(auth))
    assert "***" in repr(auth)


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("status", [401, 500])
def test_secrets_are_not_in_errors_or_logs(
    provider: str, status: int, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake = FAKES[provider](size=1)
    secret = next(v for v in CREDENTIALS[provider].values() if v in SECRETS)
    echo = {"error": f"bad key {secret}", "message": f"bad key {secret}", "code": status}
    fake.hook = lambda request: httpx.Response(
        status, content=json.dumps(echo).encode(), headers={"X-Echo": "1"}
    )
    with pytest.raises(numberhub.APIError) as caught:
        list(fake.client(clock=clock, rate_limit=None).list_numbers())
    _assert_no_secret(str(caught.value))
    _assert_no_secret(repr(caught.value))
    _assert_no_secret("".join(traceback.format_exception(caught.value)))
    _assert_no_secret(caplog.text)
    assert caplog.records  # the listing did log


def test_secrets_are_not_in_connection_errors(clock: FakeClock) -> None:
    fake = FakePlivo(size=1)
    fake.inject(*[httpx.ConnectError(f"refused for {PLIVO_TOKEN}")] * 3)
    with pytest.raises(numberhub.APIConnectionError) as caught:
        list(fake.client(clock=clock, rate_limit=None).list_numbers())
    _assert_no_secret(str(caught.value))
    _assert_no_secret("".join(traceback.format_exception(caught.value)))


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps({"error": "Authentication failed"}).encode()
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_secrets_are_not_in_httpx_debug_logs_over_a_real_socket(
    local_server: str, caplog: pytest.LogCaptureFixture, clock: FakeClock
) -> None:
    caplog.set_level(logging.DEBUG)
    client = numberhub.Plivo(
        auth_id=PLIVO_AUTH_ID, auth_token=PLIVO_TOKEN, base_url=local_server, clock=clock
    )
    with client, pytest.raises(numberhub.AuthenticationError) as caught:
        list(client.list_numbers())
    assert any(r.name.startswith(("httpx", "httpcore")) for r in caplog.records)
    _assert_no_secret(caplog.text)
    _assert_no_secret(str(caught.value))
    token = base64.b64encode(f"{PLIVO_AUTH_ID}:{PLIVO_TOKEN}".encode()).decode()
    assert token not in caplog.text
