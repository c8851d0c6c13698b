"""What the contract tests share: the providers, their ids, and listing through the wrapper."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

import numberhub
from numberhub.mock import MockServer

PROVIDERS = ("bird", "butter", "duoplus", "plivo", "rounded")
SEED = 11
SIZE = 250

# The field of a provider's item that identifies it (Plivo's numbers have no other id).
ID_FIELD = {
    "bird": "id",
    "butter": "phone_number_id",
    "duoplus": "id",
    "plivo": "number",
    "rounded": "id",
}


def client_options(server: MockServer, provider: str, **options: Any) -> dict[str, Any]:
    """Keyword arguments of a wrapper client pointed at ``server``: its credentials, no limiter.

    The mock runs without its rate limit here, so the client-side limiter (a real-time
    sleep when the documented limit is low: DuoPlus allows 1 request per second) is off.
    """
    return {
        "base_url": server.base_url,
        "rate_limit": None,
        "timeout": 10.0,
        **server.credentials[provider],
        **options,
    }


def list_sync(
    server: MockServer,
    provider: str,
    filters: Mapping[str, Any],
    client_kwargs: Mapping[str, Any] | None = None,
) -> list[numberhub.PhoneNumber]:
    """Every number ``list_numbers(**filters)`` yields through the sync client."""
    options = client_options(server, provider, **(client_kwargs or {}))
    with numberhub.client(provider, **options) as client:
        return list(client.list_numbers(**filters))


def list_async(
    server: MockServer,
    provider: str,
    filters: Mapping[str, Any],
    client_kwargs: Mapping[str, Any] | None = None,
) -> list[numberhub.PhoneNumber]:
    """Every number ``list_numbers(**filters)`` yields through the async client."""
    options = client_options(server, provider, **(client_kwargs or {}))

    async def run() -> list[numberhub.PhoneNumber]:
        async with numberhub.async_client(provider, **options) as client:
            return [number async for number in client.list_numbers(**filters)]

    return asyncio.run(run())


LISTERS = {"sync": list_sync, "async": list_async}


def assert_same_items(
    provider: str, got: list[numberhub.PhoneNumber], expected: list[dict[str, Any]]
) -> None:
    """``got`` is ``expected``: the same items, each once, in the same order."""
    ids = [number.id for number in got]
    assert len(ids) == len(set(ids)), f"{provider}: duplicated ids"
    want = [str(item[ID_FIELD[provider]]) for item in expected]
    missing = [i for i in want if i not in set(ids)]
    extra = [i for i in ids if i not in set(want)]
    assert not missing, f"{provider}: {len(missing)} items lost, e.g. {missing[:3]}"
    assert not extra, f"{provider}: {len(extra)} items not expected, e.g. {extra[:3]}"
    assert ids == want, f"{provider}: same items, different order"
    assert [number.data for number in got] == expected
    assert {number.provider for number in got} <= {provider}
