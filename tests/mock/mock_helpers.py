"""How a plain HTTP client calls each provider, as its documentation says (test helper)."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any

import httpx
import jsonschema
import numberhub_spec

PROVIDERS = ("bird", "butter", "duoplus", "plivo", "rounded")

# the list in each provider's 200 body, and a field that identifies an item
RESULTS = {
    "plivo": ("objects",),
    "bird": ("results",),
    "butter": ("data",),
    "rounded": ("data",),
    "duoplus": ("data", "list"),
}
ID = {
    "plivo": "number",
    "bird": "id",
    "butter": "phone_number_id",
    "rounded": "id",
    "duoplus": "id",
}


def path(provider: str, creds: Mapping[str, str]) -> str:
    if provider == "plivo":
        return f"/v1/Account/{creds['auth_id']}/Number/"
    if provider == "bird":
        return f"/organizations/{creds['organization_id']}/numbers-stock-items"
    return numberhub_spec.load(provider).operation.path


def auth_headers(provider: str, creds: Mapping[str, str]) -> dict[str, str]:
    if provider == "plivo":
        token = httpx.BasicAuth(creds["auth_id"], creds["auth_token"])._auth_header
        return {"Authorization": token}
    if provider == "bird":
        return {"Authorization": f"AccessKey {creds['access_key']}"}
    if provider == "butter":
        return {"X-API-Key": creds["api_key"], "X-Organization-Id": creds["organization_id"]}
    if provider == "rounded":
        return {"X-Api-Key": creds["api_key"]}
    return {"DuoPlus-API-Key": creds["api_key"]}


def call(
    client: httpx.Client,
    provider: str,
    creds: Mapping[str, str],
    params: Mapping[str, Any] | None = None,
    *,
    headers: Mapping[str, str] | None = None,
    url: str | None = None,
) -> httpx.Response:
    """One request: query parameters, or DuoPlus's JSON body."""
    all_headers = {**auth_headers(provider, creds), **(headers or {})}
    if provider == "duoplus":
        return client.post(
            url or path(provider, creds), json=dict(params or {}), headers=all_headers
        )
    if url is not None:  # a URL given by the server carries its own query string
        return client.get(url, headers=all_headers)
    return client.get(path(provider, creds), params=dict(params or {}), headers=all_headers)


def results(provider: str, body: Any) -> list[dict[str, Any]]:
    for key in RESULTS[provider]:
        body = body[key]
    assert isinstance(body, list)
    return body


@functools.cache
def _validator(provider: str, status: int) -> jsonschema.Draft202012Validator:
    spec = numberhub_spec.load(provider)
    schema = spec.operation.responses[str(status)].schema
    assert schema is not None
    return jsonschema.Draft202012Validator(
        spec.schema_document(schema),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def assert_conforms(provider: str, response: httpx.Response) -> None:
    """The response's body validates against the spec's schema for its status."""
    assert response.headers["content-type"].startswith("application/json")
    errors = list(_validator(provider, response.status_code).iter_errors(response.json()))
    assert not errors, [e.message for e in errors]


def walk(
    client: httpx.Client,
    provider: str,
    creds: Mapping[str, str],
    params: Mapping[str, Any] | None = None,
    *,
    page_size: int | None = None,
    cursor_mode: bool = False,
) -> Iterator[list[dict[str, Any]]]:
    """Every page, following only the provider's documented paging rules."""
    params = dict(params or {})
    if provider == "plivo":
        if page_size:
            params["limit"] = page_size
        r = call(client, provider, creds, params)
        while True:
            assert r.status_code == 200, r.text
            assert_conforms(provider, r)
            yield results(provider, r.json())
            nxt = r.json()["meta"]["next"]
            if nxt is None:
                return
            r = call(client, provider, creds, url=nxt)
    elif provider == "rounded" and cursor_mode:
        params.update(use_cursor="true", **({"limit": page_size} if page_size else {}))
        while True:
            r = call(client, provider, creds, params)
            assert r.status_code == 200, r.text
            assert_conforms(provider, r)
            yield results(provider, r.json())
            cursor = r.json().get("next_cursor")
            if not cursor:
                return
            params["cursor"] = cursor
    elif provider in ("rounded", "duoplus"):
        size_key = "limit" if provider == "rounded" else "pagesize"
        if page_size:
            params[size_key] = page_size
        page = 1
        while True:
            r = call(client, provider, creds, {**params, "page": page})
            assert r.status_code == 200, r.text
            assert_conforms(provider, r)
            body = r.json() if provider == "rounded" else r.json()["data"]
            if provider == "duoplus":
                assert r.json()["code"] == 200
            yield results(provider, r.json())
            if (
                body["current_page" if provider == "rounded" else "page"]
                >= body["total_pages" if provider == "rounded" else "total_page"]
            ):
                return
            page += 1
    else:  # bird, butter: opaque tokens
        token_in = "pageToken" if provider == "bird" else "cursor"
        if page_size:
            params["limit"] = page_size
        while True:
            r = call(client, provider, creds, params)
            assert r.status_code == 200, r.text
            assert_conforms(provider, r)
            body = r.json()
            yield results(provider, body)
            if provider == "bird":
                token = body.get("nextPageToken")
                if token is None:
                    return
            else:
                if not body["pagination"]["has_more"]:
                    return
                token = body["pagination"]["next_cursor"]
            params[token_in] = token


def collect(
    client: httpx.Client,
    provider: str,
    creds: Mapping[str, str],
    params: Mapping[str, Any] | None = None,
    **kw: Any,
) -> list[dict[str, Any]]:
    return [item for page in walk(client, provider, creds, params, **kw) for item in page]
