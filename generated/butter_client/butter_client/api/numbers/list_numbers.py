from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.list_numbers_status import ListNumbersStatus
from ...models.phone_number_list import PhoneNumberList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ListNumbersStatus | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["cursor"] = cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/phone-numbers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | PhoneNumberList | None:
    try:
        if response.status_code == 200:
            response_200 = PhoneNumberList.from_dict(response.json())

            return response_200

        if response.status_code == 400:
            response_400 = ErrorResponse.from_dict(response.json())

            return response_400

        if response.status_code == 401:
            response_401 = ErrorResponse.from_dict(response.json())

            return response_401

        if response.status_code == 403:
            response_403 = ErrorResponse.from_dict(response.json())

            return response_403

        if response.status_code == 429:
            response_429 = ErrorResponse.from_dict(response.json())

            return response_429

        if response.status_code == 500:
            response_500 = ErrorResponse.from_dict(response.json())

            return response_500

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
) -> Response[ErrorResponse | PhoneNumberList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: ListNumbersStatus | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[ErrorResponse | PhoneNumberList]:
    """List phone numbers

     Lists the phone numbers configured for the organization. Requires the
    `phone_numbers:read` permission (all roles have it). The list ends when
    `pagination.has_more` is false.

    Args:
        status (ListNumbersStatus | Unset): Only free or only assigned numbers.
        cursor (str | Unset): Opaque cursor from `pagination.next_cursor` (parameter name
            assumed).
        limit (int | Unset): Page size (parameter name and range assumed). Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PhoneNumberList]
    """

    kwargs = _get_kwargs(
        status=status,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    status: ListNumbersStatus | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
) -> ErrorResponse | PhoneNumberList | None:
    """List phone numbers

     Lists the phone numbers configured for the organization. Requires the
    `phone_numbers:read` permission (all roles have it). The list ends when
    `pagination.has_more` is false.

    Args:
        status (ListNumbersStatus | Unset): Only free or only assigned numbers.
        cursor (str | Unset): Opaque cursor from `pagination.next_cursor` (parameter name
            assumed).
        limit (int | Unset): Page size (parameter name and range assumed). Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PhoneNumberList
    """

    return sync_detailed(
        client=client,
        status=status,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: ListNumbersStatus | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[ErrorResponse | PhoneNumberList]:
    """List phone numbers

     Lists the phone numbers configured for the organization. Requires the
    `phone_numbers:read` permission (all roles have it). The list ends when
    `pagination.has_more` is false.

    Args:
        status (ListNumbersStatus | Unset): Only free or only assigned numbers.
        cursor (str | Unset): Opaque cursor from `pagination.next_cursor` (parameter name
            assumed).
        limit (int | Unset): Page size (parameter name and range assumed). Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PhoneNumberList]
    """

    kwargs = _get_kwargs(
        status=status,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: ListNumbersStatus | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
) -> ErrorResponse | PhoneNumberList | None:
    """List phone numbers

     Lists the phone numbers configured for the organization. Requires the
    `phone_numbers:read` permission (all roles have it). The list ends when
    `pagination.has_more` is false.

    Args:
        status (ListNumbersStatus | Unset): Only free or only assigned numbers.
        cursor (str | Unset): Opaque cursor from `pagination.next_cursor` (parameter name
            assumed).
        limit (int | Unset): Page size (parameter name and range assumed). Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PhoneNumberList
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
