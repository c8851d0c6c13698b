from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_response_error import ApiResponseError
from ...models.phone_number_list import PhoneNumberList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    limit: int | None | Unset = 50,
    use_cursor: bool | None | Unset = False,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    json_limit: int | None | Unset
    if isinstance(limit, Unset):
        json_limit = UNSET
    else:
        json_limit = limit
    params["limit"] = json_limit

    json_use_cursor: bool | None | Unset
    if isinstance(use_cursor, Unset):
        json_use_cursor = UNSET
    else:
        json_use_cursor = use_cursor
    params["use_cursor"] = json_use_cursor

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/phone-numbers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiResponseError | PhoneNumberList | None:
    try:
        if response.status_code == 200:
            response_200 = PhoneNumberList.from_dict(response.json())

            return response_200

        if response.status_code == 400:
            response_400 = ApiResponseError.from_dict(response.json())

            return response_400

        if response.status_code == 401:
            response_401 = ApiResponseError.from_dict(response.json())

            return response_401

        if response.status_code == 404:
            response_404 = ApiResponseError.from_dict(response.json())

            return response_404

        if response.status_code == 422:
            response_422 = ApiResponseError.from_dict(response.json())

            return response_422

        if response.status_code == 429:
            response_429 = ApiResponseError.from_dict(response.json())

            return response_429

        if response.status_code == 500:
            response_500 = ApiResponseError.from_dict(response.json())

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
) -> Response[ApiResponseError | PhoneNumberList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | None | Unset = 50,
    use_cursor: bool | None | Unset = False,
    cursor: None | str | Unset = UNSET,
) -> Response[ApiResponseError | PhoneNumberList]:
    """List phone numbers

     Lists the account's phone numbers, by page (default) or by cursor. In page mode
    the list ends when `current_page >= total_pages`; in cursor mode when there is no
    `next_cursor`.

    Args:
        page (int | Unset): Page number, 1-indexed (page mode). Default: 1.
        limit (int | None | Unset): Results per page (default 50, max 1000). Default: 50.
        use_cursor (bool | None | Unset): true for cursor-based pagination, false for page-based.
            Default: False.
        cursor (None | str | Unset): Cursor mode: the `created_at` (ISO 8601) of the last record
            seen, as Rounded sent it in `next_cursor`; the next page starts strictly after it. A
            string with an ISO 8601 date-time pattern, not `format: date-time`, so that the generated
            client sends it unchanged (with the format it becomes a `datetime` and "Z" is written back
            as "+00:00"). The pattern cannot tell an impossible day ("2025-02-30T09:00:00Z") from a
            real one: such a cursor is refused with 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiResponseError | PhoneNumberList]
    """

    kwargs = _get_kwargs(
        page=page,
        limit=limit,
        use_cursor=use_cursor,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | None | Unset = 50,
    use_cursor: bool | None | Unset = False,
    cursor: None | str | Unset = UNSET,
) -> ApiResponseError | PhoneNumberList | None:
    """List phone numbers

     Lists the account's phone numbers, by page (default) or by cursor. In page mode
    the list ends when `current_page >= total_pages`; in cursor mode when there is no
    `next_cursor`.

    Args:
        page (int | Unset): Page number, 1-indexed (page mode). Default: 1.
        limit (int | None | Unset): Results per page (default 50, max 1000). Default: 50.
        use_cursor (bool | None | Unset): true for cursor-based pagination, false for page-based.
            Default: False.
        cursor (None | str | Unset): Cursor mode: the `created_at` (ISO 8601) of the last record
            seen, as Rounded sent it in `next_cursor`; the next page starts strictly after it. A
            string with an ISO 8601 date-time pattern, not `format: date-time`, so that the generated
            client sends it unchanged (with the format it becomes a `datetime` and "Z" is written back
            as "+00:00"). The pattern cannot tell an impossible day ("2025-02-30T09:00:00Z") from a
            real one: such a cursor is refused with 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiResponseError | PhoneNumberList
    """

    return sync_detailed(
        client=client,
        page=page,
        limit=limit,
        use_cursor=use_cursor,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | None | Unset = 50,
    use_cursor: bool | None | Unset = False,
    cursor: None | str | Unset = UNSET,
) -> Response[ApiResponseError | PhoneNumberList]:
    """List phone numbers

     Lists the account's phone numbers, by page (default) or by cursor. In page mode
    the list ends when `current_page >= total_pages`; in cursor mode when there is no
    `next_cursor`.

    Args:
        page (int | Unset): Page number, 1-indexed (page mode). Default: 1.
        limit (int | None | Unset): Results per page (default 50, max 1000). Default: 50.
        use_cursor (bool | None | Unset): true for cursor-based pagination, false for page-based.
            Default: False.
        cursor (None | str | Unset): Cursor mode: the `created_at` (ISO 8601) of the last record
            seen, as Rounded sent it in `next_cursor`; the next page starts strictly after it. A
            string with an ISO 8601 date-time pattern, not `format: date-time`, so that the generated
            client sends it unchanged (with the format it becomes a `datetime` and "Z" is written back
            as "+00:00"). The pattern cannot tell an impossible day ("2025-02-30T09:00:00Z") from a
            real one: such a cursor is refused with 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiResponseError | PhoneNumberList]
    """

    kwargs = _get_kwargs(
        page=page,
        limit=limit,
        use_cursor=use_cursor,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | None | Unset = 50,
    use_cursor: bool | None | Unset = False,
    cursor: None | str | Unset = UNSET,
) -> ApiResponseError | PhoneNumberList | None:
    """List phone numbers

     Lists the account's phone numbers, by page (default) or by cursor. In page mode
    the list ends when `current_page >= total_pages`; in cursor mode when there is no
    `next_cursor`.

    Args:
        page (int | Unset): Page number, 1-indexed (page mode). Default: 1.
        limit (int | None | Unset): Results per page (default 50, max 1000). Default: 50.
        use_cursor (bool | None | Unset): true for cursor-based pagination, false for page-based.
            Default: False.
        cursor (None | str | Unset): Cursor mode: the `created_at` (ISO 8601) of the last record
            seen, as Rounded sent it in `next_cursor`; the next page starts strictly after it. A
            string with an ISO 8601 date-time pattern, not `format: date-time`, so that the generated
            client sends it unchanged (with the format it becomes a `datetime` and "Z" is written back
            as "+00:00"). The pattern cannot tell an impossible day ("2025-02-30T09:00:00Z") from a
            real one: such a cursor is refused with 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiResponseError | PhoneNumberList
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            limit=limit,
            use_cursor=use_cursor,
            cursor=cursor,
        )
    ).parsed
