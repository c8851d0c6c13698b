"""A generated client used alone stays typed when an error answer's body is not the spec's.

A gateway's HTML 502 page, a plain-text 401, a JSON body of another shape: the client's
documented result is ``errors.UnexpectedStatus`` (with ``raise_on_unexpected_status``)
or ``None`` from ``sync`` with the raw body in ``sync_detailed(...).content``, never a
``JSONDecodeError`` or a ``TypeError`` from a model's ``from_dict``.
"""

from __future__ import annotations

import importlib
from typing import Any

import httpx
import pytest
from generated_helpers import PROVIDERS, call_kwargs, client_modules, load_spec, operation

BAD_BODIES = {
    "html": (b"<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"),
    "text": (b"Authentication failed", "text/plain"),
    "json of another shape": (b"[1, 2, 3]", "application/json"),
    "json string": (b'"oops"', "application/json"),
}


def _json_error_statuses(provider: str) -> list[int]:
    """The error statuses whose documented body is JSON only (Plivo's 401 may be text)."""
    responses = operation(load_spec(provider))["responses"]
    spec = load_spec(provider)
    statuses = []
    for status, response in responses.items():
        if not str(status).isdigit() or int(status) < 400:
            continue
        if "$ref" in response:
            name = response["$ref"].rsplit("/", 1)[-1]
            response = spec["components"]["responses"][name]
        if set(response.get("content") or {}) == {"application/json"}:
            statuses.append(int(status))
    return statuses


CASES = [
    (provider, status, kind)
    for provider in PROVIDERS
    for status in _json_error_statuses(provider)
    for kind in BAD_BODIES
]


def _client(provider: str, status: int, kind: str, *, raise_on_unexpected: bool) -> Any:
    body, media = BAD_BODIES[kind]
    package, _, _ = client_modules(provider)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers={"Content-Type": media})

    return package.Client(
        base_url="http://provider.test",
        httpx_args={"transport": httpx.MockTransport(answer)},
        raise_on_unexpected_status=raise_on_unexpected,
    )


def test_every_provider_documents_a_json_error_body() -> None:
    assert {provider for provider, _, _ in CASES} == set(PROVIDERS)


@pytest.mark.parametrize(("provider", "status", "kind"), CASES)
def test_a_bad_error_body_raises_unexpected_status(provider: str, status: int, kind: str) -> None:
    _, api, _ = client_modules(provider)
    errors = importlib.import_module(f"{provider}_client.errors")
    with (
        _client(provider, status, kind, raise_on_unexpected=True) as client,
        pytest.raises(errors.UnexpectedStatus) as raised,
    ):
        api.sync(client=client, **call_kwargs(provider))
    assert raised.value.status_code == status
    assert raised.value.content == BAD_BODIES[kind][0]


@pytest.mark.parametrize(("provider", "status", "kind"), CASES)
def test_a_bad_error_body_gives_none_and_the_raw_response(
    provider: str, status: int, kind: str
) -> None:
    _, api, _ = client_modules(provider)
    with _client(provider, status, kind, raise_on_unexpected=False) as client:
        assert api.sync(client=client, **call_kwargs(provider)) is None
        detailed = api.sync_detailed(client=client, **call_kwargs(provider))
    assert detailed.parsed is None
    assert detailed.status_code == status
    assert detailed.content == BAD_BODIES[kind][0]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_bad_success_body_is_still_an_error(provider: str) -> None:
    """A 200 that is not the page is not an unexpected *status*: it still fails loudly."""
    _, api, _ = client_modules(provider)
    with (
        _client(provider, 200, "html", raise_on_unexpected=True) as client,
        pytest.raises(ValueError, match="Expecting value"),
    ):
        api.sync(client=client, **call_kwargs(provider))
