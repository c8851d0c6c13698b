from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.list_numbers_lang import ListNumbersLang
from ...models.number_list_envelope import NumberListEnvelope
from ...models.number_list_request import NumberListRequest
from ...types import Response, Unset


def _get_kwargs(
    *,
    body: NumberListRequest,
    lang: ListNumbersLang | Unset = ListNumbersLang.EN,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(lang, Unset):
        headers["Lang"] = str(lang)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/cloudNumber/numberList",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | NumberListEnvelope | None:
    try:
        if response.status_code == 200:
            response_200 = NumberListEnvelope.from_dict(response.json())

            return response_200

        if response.status_code == 400:
            response_400 = ErrorEnvelope.from_dict(response.json())

            return response_400

        if response.status_code == 401:
            response_401 = ErrorEnvelope.from_dict(response.json())

            return response_401

        if response.status_code == 429:
            response_429 = ErrorEnvelope.from_dict(response.json())

            return response_429

        if response.status_code == 500:
            response_500 = ErrorEnvelope.from_dict(response.json())

            return response_500

        if response.status_code == 503:
            response_503 = ErrorEnvelope.from_dict(response.json())

            return response_503

    except (ValueError, TypeError, KeyError, AttributeError):
        # An error status whose body is not the documented one (a plain-text 401, an HTML
        # 502, another JSON shape) is an unexpected answer: UnexpectedStatus or None, with
        # the raw body in Response.content, never a JSONDecodeError.
        if response.is_success:
            raise
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | NumberListEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NumberListRequest,
    lang: ListNumbersLang | Unset = ListNumbersLang.EN,
) -> Response[ErrorEnvelope | NumberListEnvelope]:
    """Cloud number list

     Lists the account's cloud numbers, `pagesize` (at most 100) per page. This POST
    only reads: it is safe to retry. The list ends when `data.page >= data.total_page`.

    Args:
        lang (ListNumbersLang | Unset): Language of the localized names (`region_name`,
            `type_name`, `status_name`). Default: ListNumbersLang.EN.
        body (NumberListRequest): Filters, sort order and page. Every field is optional; `{}`
            lists everything.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | NumberListEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
        lang=lang,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: NumberListRequest,
    lang: ListNumbersLang | Unset = ListNumbersLang.EN,
) -> ErrorEnvelope | NumberListEnvelope | None:
    """Cloud number list

     Lists the account's cloud numbers, `pagesize` (at most 100) per page. This POST
    only reads: it is safe to retry. The list ends when `data.page >= data.total_page`.

    Args:
        lang (ListNumbersLang | Unset): Language of the localized names (`region_name`,
            `type_name`, `status_name`). Default: ListNumbersLang.EN.
        body (NumberListRequest): Filters, sort order and page. Every field is optional; `{}`
            lists everything.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | NumberListEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
        lang=lang,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NumberListRequest,
    lang: ListNumbersLang | Unset = ListNumbersLang.EN,
) -> Response[ErrorEnvelope | NumberListEnvelope]:
    """Cloud number list

     Lists the account's cloud numbers, `pagesize` (at most 100) per page. This POST
    only reads: it is safe to retry. The list ends when `data.page >= data.total_page`.

    Args:
        lang (ListNumbersLang | Unset): Language of the localized names (`region_name`,
            `type_name`, `status_name`). Default: ListNumbersLang.EN.
        body (NumberListRequest): Filters, sort order and page. Every field is optional; `{}`
            lists everything.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | NumberListEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
        lang=lang,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: NumberListRequest,
    lang: ListNumbersLang | Unset = ListNumbersLang.EN,
) -> ErrorEnvelope | NumberListEnvelope | None:
    """Cloud number list

     Lists the account's cloud numbers, `pagesize` (at most 100) per page. This POST
    only reads: it is safe to retry. The list ends when `data.page >= data.total_page`.

    Args:
        lang (ListNumbersLang | Unset): Language of the localized names (`region_name`,
            `type_name`, `status_name`). Default: ListNumbersLang.EN.
        body (NumberListRequest): Filters, sort order and page. Every field is optional; `{}`
            lists everything.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | NumberListEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            lang=lang,
        )
    ).parsed
