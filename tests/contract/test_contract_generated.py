"""The generated clients alone (no wrapper), sync and async, against the mock on a socket.

Each provider is paged the way its documentation says, with nothing but the generated
``Client`` and ``api.numbers.list_numbers``; the items must be the mock's dataset.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

import bird_client
import butter_client
import duoplus_client
import httpx
import plivo_client
import pytest
import rounded_client
from bird_client.api.numbers import list_numbers as bird_list
from bird_client.models import Error as BirdError
from bird_client.models import ListNumbersTypesItem, StockItemList
from butter_client.api.numbers import list_numbers as butter_list
from butter_client.models import ErrorResponse as ButterError
from butter_client.models import ListNumbersStatus, PhoneNumberList
from contract_helpers import ID_FIELD, PROVIDERS, SEED, SIZE
from duoplus_client.api.numbers import list_numbers as duoplus_list
from duoplus_client.models import (
    ErrorEnvelope,
    NumberListEnvelope,
    NumberListRequest,
    NumberListRequestStatusItem,
)
from numberhub.mock import MockServer, dataset
from plivo_client.api.numbers import list_numbers as plivo_list
from plivo_client.models import ErrorResponse as PlivoError
from plivo_client.models import ListNumbersNumberType, ListNumbersType, NumberListResponse
from rounded_client.api.numbers import list_numbers as rounded_list
from rounded_client.models import ApiResponseError
from rounded_client.models import PhoneNumberList as RoundedList

Call = Callable[..., Awaitable[Any]]

MODULES = {
    "bird": (bird_client, bird_list),
    "butter": (butter_client, butter_list),
    "duoplus": (duoplus_client, duoplus_list),
    "plivo": (plivo_client, plivo_list),
    "rounded": (rounded_client, rounded_list),
}
SUCCESS = {
    "bird": StockItemList,
    "butter": PhoneNumberList,
    "duoplus": NumberListEnvelope,
    "plivo": NumberListResponse,
    "rounded": RoundedList,
}
ERROR = {
    "bird": BirdError,
    "butter": ButterError,
    "duoplus": ErrorEnvelope,
    "plivo": PlivoError,
    "rounded": ApiResponseError,
}


def auth_options(provider: str, creds: Mapping[str, str]) -> dict[str, Any]:
    """Each provider's auth as its documentation describes it, as ``Client`` arguments.

    HTTP Basic goes in as an ``httpx.Auth`` through ``httpx_args``; header credentials
    through ``headers`` (the generated client passes its own ``headers`` to httpx).
    """
    if provider == "plivo":
        return {"httpx_args": {"auth": httpx.BasicAuth(creds["auth_id"], creds["auth_token"])}}
    headers = {
        "bird": lambda: {"Authorization": f"AccessKey {creds['access_key']}"},
        "butter": lambda: {
            "X-API-Key": creds["api_key"],
            "X-Organization-Id": creds["organization_id"],
        },
        "duoplus": lambda: {"DuoPlus-API-Key": creds["api_key"]},
        "rounded": lambda: {"X-Api-Key": creds["api_key"]},
    }[provider]()
    return {"headers": headers}


def make_client(server: MockServer, provider: str, creds: Mapping[str, str]) -> Any:
    module, _ = MODULES[provider]
    return module.Client(
        base_url=server.base_url, timeout=httpx.Timeout(10.0), **auth_options(provider, creds)
    )


def caller(provider: str, mode: str) -> Call:
    """The generated ``list_numbers`` call, as a coroutine function in both modes."""
    api = MODULES[provider][1]
    if mode == "async":
        return api.asyncio_detailed

    async def call(*args: Any, **kwargs: Any) -> Any:
        return api.sync_detailed(*args, **kwargs)

    return call


# --- each provider's documented paging, with the generated models only -------------------


async def plivo_pages(call: Call, client: Any, creds: Mapping[str, str], **f: Any) -> list[Any]:
    """limit + offset; the list ends when ``meta.next`` is null (it carries the next offset)."""
    answers, offset = [], 0
    while True:
        answer = await call(creds["auth_id"], client=client, limit=20, offset=offset, **f)
        answers.append(answer)
        nxt = answer.parsed.meta.next_
        if nxt is None:
            return answers
        offset = int(parse_qs(urlsplit(nxt).query)["offset"][0])


async def bird_pages(call: Call, client: Any, creds: Mapping[str, str], **f: Any) -> list[Any]:
    """Opaque ``pageToken``; no ``nextPageToken`` means the last page."""
    answers, token = [], bird_client.types.UNSET
    org = uuid.UUID(creds["organization_id"])
    while True:
        answer = await call(org, client=client, limit=99, page_token=token, **f)
        answers.append(answer)
        token = answer.parsed.next_page_token
        if isinstance(token, bird_client.types.Unset):
            return answers


async def butter_pages(call: Call, client: Any, creds: Mapping[str, str], **f: Any) -> list[Any]:
    """``cursor``; the list ends when ``pagination.has_more`` is false."""
    answers, cursor = [], butter_client.types.UNSET
    while True:
        answer = await call(client=client, limit=100, cursor=cursor, **f)
        answers.append(answer)
        if not answer.parsed.pagination.has_more:
            return answers
        cursor = answer.parsed.pagination.next_cursor


async def rounded_pages(call: Call, client: Any, creds: Mapping[str, str], **f: Any) -> list[Any]:
    """Page numbers; the list ends when ``current_page >= total_pages``."""
    answers, page = [], 1
    while True:
        answer = await call(client=client, page=page, limit=60, **f)
        answers.append(answer)
        if answer.parsed.current_page >= answer.parsed.total_pages:
            return answers
        page += 1


async def rounded_cursor_pages(
    call: Call, client: Any, creds: Mapping[str, str], **f: Any
) -> list[Any]:
    """Cursor mode: ``cursor`` is the last ``created_at`` seen; no ``next_cursor`` ends it."""
    answers, cursor = [], rounded_client.types.UNSET
    while True:
        answer = await call(client=client, use_cursor=True, cursor=cursor, limit=60, **f)
        answers.append(answer)
        nxt = answer.parsed.next_cursor
        if nxt is None or isinstance(nxt, rounded_client.types.Unset):
            return answers
        cursor = nxt  # passed back as received: the generated client keeps it a string


async def duoplus_pages(call: Call, client: Any, creds: Mapping[str, str], **f: Any) -> list[Any]:
    """``page`` + ``pagesize`` in the JSON body; the list ends when ``page >= total_page``."""
    answers, page = [], 1
    while True:
        body = NumberListRequest(page=page, pagesize=100, **f)
        answer = await call(client=client, body=body)
        answers.append(answer)
        data = answer.parsed.data
        if data.page >= data.total_page:
            return answers
        page += 1


PAGERS = {
    "bird": bird_pages,
    "butter": butter_pages,
    "duoplus": duoplus_pages,
    "plivo": plivo_pages,
    "rounded": rounded_pages,
}


def items_of(provider: str, parsed: Any) -> list[Any]:
    if provider == "plivo":
        return list(parsed.objects)
    if provider == "bird":
        return list(parsed.results)
    if provider == "duoplus":
        return list(parsed.data.list_)
    return list(parsed.data)


def item_id(provider: str, item: Any) -> str:
    return str(getattr(item, ID_FIELD[provider]))


def listed(
    server: MockServer,
    provider: str,
    mode: str,
    pager: Callable[..., Awaitable[list[Any]]] | None = None,
    **filters: Any,
) -> list[str]:
    """The ids the generated client pages through; every answer must be a parsed 200."""
    creds = server.credentials[provider]

    async def run() -> list[Any]:
        client = make_client(server, provider, creds)
        if mode == "async":
            async with client:
                return await (pager or PAGERS[provider])(
                    caller(provider, mode), client, creds, **filters
                )
        with client:
            return await (pager or PAGERS[provider])(
                caller(provider, mode), client, creds, **filters
            )

    answers = asyncio.run(run())
    ids: list[str] = []
    for answer in answers:
        assert answer.status_code == 200, answer.content[:300]
        assert isinstance(answer.parsed, SUCCESS[provider]), answer.parsed
        ids += [item_id(provider, item) for item in items_of(provider, answer.parsed)]
    return ids


def truth_ids(server: MockServer, provider: str) -> list[str]:
    items = dataset(provider, seed=SEED, size=SIZE, credentials=server.credentials[provider])
    return [str(item[ID_FIELD[provider]]) for item in items]


def truth(server: MockServer, provider: str) -> list[dict[str, Any]]:
    return dataset(provider, seed=SEED, size=SIZE, credentials=server.credentials[provider])


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("provider", PROVIDERS)
def test_generated_client_pages_through_the_dataset(
    provider: str, mode: str, server: MockServer
) -> None:
    assert listed(server, provider, mode) == truth_ids(server, provider)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_generated_rounded_client_pages_by_cursor(mode: str, server: MockServer) -> None:
    got = listed(server, "rounded", mode, rounded_cursor_pages)
    assert got == truth_ids(server, "rounded")


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(
    ("provider", "filters", "keep"),
    [
        ("plivo", {"type_": ListNumbersType.MOBILE}, lambda i: i["number_type"] == "mobile"),
        # number_type: the older name of Plivo's type filter, deprecated in the spec
        (
            "plivo",
            {"number_type": ListNumbersNumberType.FIXED},
            lambda i: i["number_type"] == "fixed",
        ),
        (
            "bird",
            {"country_codes": ["DE", "NL"], "types": [ListNumbersTypesItem.MOBILE]},
            lambda i: i["countryCode"] in ("DE", "NL") and i["type"] == "mobile",
        ),
        ("butter", {"status": ListNumbersStatus.FREE}, lambda i: i["status"] == "free"),
        (
            "duoplus",
            {"status": [NumberListRequestStatusItem.VALUE_2]},
            lambda i: i["status"] == 2,
        ),
    ],
    ids=[
        "plivo-type",
        "plivo-number_type",
        "bird-country-types",
        "butter-status",
        "duoplus-status",
    ],
)
def test_generated_client_filters(
    provider: str,
    filters: dict[str, Any],
    keep: Callable[[dict[str, Any]], bool],
    mode: str,
    server: MockServer,
) -> None:
    items = truth(server, provider)
    expected = [str(i[ID_FIELD[provider]]) for i in items if keep(i)]
    assert 0 < len(expected) < len(items)
    assert listed(server, provider, mode, **filters) == expected


def wrong(provider: str, creds: Mapping[str, str]) -> dict[str, str]:
    secret = {"plivo": "auth_token", "bird": "access_key"}.get(provider, "api_key")
    return {**creds, secret: creds[secret] + "-wrong"}


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("provider", PROVIDERS)
def test_generated_client_parses_the_refusal_of_wrong_credentials(
    provider: str, mode: str, server: MockServer
) -> None:
    creds = wrong(provider, server.credentials[provider])

    async def first_answer() -> Any:
        async def record(call: Call, client: Any, c: Mapping[str, str]) -> Any:
            if provider == "plivo":
                return await call(c["auth_id"], client=client)
            if provider == "bird":
                return await call(uuid.UUID(c["organization_id"]), client=client)
            if provider == "duoplus":
                return await call(client=client, body=NumberListRequest())
            return await call(client=client)

        client = make_client(server, provider, creds)
        if mode == "async":
            async with client:
                return await record(caller(provider, mode), client, creds)
        with client:
            return await record(caller(provider, mode), client, creds)

    answer = asyncio.run(first_answer())
    assert answer.status_code == 401
    if provider == "plivo":
        # Plivo's 401 may be plain text (specs/plivo.yaml): the client keeps it as text.
        assert answer.parsed == answer.content.decode()
        assert PlivoError.from_dict(json.loads(answer.parsed)).error
        return
    assert isinstance(answer.parsed, ERROR[provider]), answer.content[:300]
