"""Credentials, tenants and routing, per provider."""

from __future__ import annotations

import base64

import httpx
import pytest
from mock_helpers import PROVIDERS, assert_conforms, auth_headers, call, path
from numberhub_mock import MockServer, create_app, credentials


def _wrong(provider: str, creds: dict[str, str]) -> list[dict[str, str]]:
    """Header sets that must be refused: missing, wrong secret, wrong scheme word."""
    good = auth_headers(provider, creds)
    out: list[dict[str, str]] = [{}]
    for name, value in good.items():
        out.append({**good, name: value[:-1] + ("x" if value[-1] != "x" else "y")})
        out.append({k: v for k, v in good.items() if k != name})
    if provider == "plivo":
        raw = base64.b64encode(f"{creds['auth_id']}:".encode()).decode()
        out += [
            {"Authorization": f"Basic {raw}"},
            {"Authorization": "Basic !!!"},
            {"Authorization": f"Bearer {creds['auth_token']}"},
        ]
    if provider == "bird":
        out += [
            {"Authorization": creds["access_key"]},
            {"Authorization": f"Bearer {creds['access_key']}"},
        ]
    return [h for h in out if h != good]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_right_credentials_are_served(
    http: httpx.Client, server: MockServer, provider: str
) -> None:
    r = call(http, provider, server.credentials[provider])
    assert r.status_code == 200
    assert_conforms(provider, r)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_missing_or_wrong_credentials_get_the_providers_401(
    http: httpx.Client, server: MockServer, provider: str
) -> None:
    creds = server.credentials[provider]
    for headers in _wrong(provider, creds):
        kwargs = {"json": {}} if provider == "duoplus" else {}
        r = http.request(
            "POST" if provider == "duoplus" else "GET",
            path(provider, creds),
            headers=headers,
            **kwargs,
        )
        assert r.status_code == 401, (headers, r.text)
        assert_conforms(provider, r)
        body = r.json()
        if provider == "duoplus":
            assert body["code"] == 401
            assert body["data"] is None
        if provider == "butter":
            assert body["success"] is False
        if provider == "bird":
            assert body["code"] == "Unauthorized"
        if provider == "plivo":
            assert isinstance(body["error"], str)


def test_plivo_auth_id_in_the_path_must_be_the_basic_user(
    http: httpx.Client, server: MockServer
) -> None:
    creds = server.credentials["plivo"]
    other = "MAOTHERACCOUNT000001"
    r = http.get(f"/v1/Account/{other}/Number/", headers=auth_headers("plivo", creds))
    assert r.status_code == 401
    assert "objects" not in r.json()
    # the other account's own credentials are not accepted either: only one tenant exists
    r = http.get(f"/v1/Account/{other}/Number/", auth=(other, creds["auth_token"]))
    assert r.status_code == 401


def test_bird_organization_must_be_the_keys(http: httpx.Client, server: MockServer) -> None:
    creds = server.credentials["bird"]
    r = http.get(
        "/organizations/00000000-0000-4000-8000-000000000000/numbers-stock-items",
        headers=auth_headers("bird", creds),
    )
    assert r.status_code == 403
    assert r.json()["code"] == "Forbidden"
    assert_conforms("bird", r)


def test_butter_organization_must_be_the_keys(http: httpx.Client, server: MockServer) -> None:
    creds = server.credentials["butter"]
    r = call(http, "butter", {**creds, "organization_id": "org_someone_else"})
    assert r.status_code == 401
    assert r.json()["success"] is False
    assert "data" not in r.json()


def test_credentials_come_from_the_clients_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROUNDED_API_KEY", "from-env")
    monkeypatch.setenv("PLIVO_AUTH_ID", "SAFROMENVIRONMENT001")
    creds = credentials()
    assert creds["rounded"] == {"api_key": "from-env"}
    assert creds["plivo"]["auth_id"] == "SAFROMENVIRONMENT001"
    assert creds["bird"]["access_key"] == "nhmock-bird-access-key"
    app = create_app(providers=["rounded"])
    assert app.credentials["rounded"]["api_key"] == "from-env"


def test_explicit_credentials_win_and_are_checked() -> None:
    import asyncio

    app = create_app(providers=["duoplus"], credentials={"duoplus": {"api_key": "k-123"}})

    async def run(key: str) -> int:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://mock"
        ) as client:
            r = await client.post(path("duoplus", {}), json={}, headers={"DuoPlus-API-Key": key})
            return r.status_code

    assert asyncio.run(run("k-123")) == 200
    assert asyncio.run(run("nhmock-duoplus-api-key")) == 401


def test_default_credentials_have_the_vendors_shapes() -> None:
    import re
    import uuid

    creds = credentials(overrides=None)
    assert re.fullmatch(r"(MA|SA)[A-Z0-9]{18}", creds["plivo"]["auth_id"])
    uuid.UUID(creds["bird"]["organization_id"])
    assert set(creds) == set(PROVIDERS)
    assert set(creds["plivo"]) == {"auth_id", "auth_token"}
    assert set(creds["bird"]) == {"access_key", "organization_id"}
    assert set(creds["butter"]) == {"api_key", "organization_id"}


@pytest.mark.parametrize("provider", PROVIDERS)
def test_other_methods_get_405_with_allow(
    http: httpx.Client, server: MockServer, provider: str
) -> None:
    creds = server.credentials[provider]
    method = "GET" if provider == "duoplus" else "DELETE"
    r = http.request(method, path(provider, creds), headers=auth_headers(provider, creds))
    assert r.status_code == 405
    assert r.headers["allow"] == ("POST" if provider == "duoplus" else "GET")
    assert r.headers["content-type"] == "application/json"


def test_unknown_paths_are_404(http: httpx.Client) -> None:
    assert http.get("/nothing/here").status_code == 404
    # Plivo's path needs its trailing slash
    r = http.get("/v1/Account/MANUMBERHUBMOCK00001/Number")
    assert r.status_code == 404
    assert "error" in r.json()


def test_only_the_chosen_providers_are_served() -> None:
    import asyncio

    app = create_app(providers=["rounded"])
    assert set(app.services) == {"rounded"}

    async def run() -> int:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://mock"
        ) as client:
            return (await client.get("/api/phone-numbers")).status_code

    assert asyncio.run(run()) == 404
    with pytest.raises(LookupError):
        create_app(providers=["nosuch"])
