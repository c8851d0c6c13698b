from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.list_numbers_features_item import ListNumbersFeaturesItem
from ...models.list_numbers_types_item import ListNumbersTypesItem
from ...models.stock_item_list import StockItemList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    organization_id: UUID,
    *,
    limit: int | Unset = 10,
    page_token: str | Unset = UNSET,
    country_codes: list[str] | Unset = UNSET,
    types: list[ListNumbersTypesItem] | Unset = UNSET,
    features: list[ListNumbersFeaturesItem] | Unset = UNSET,
    prefix: str | Unset = UNSET,
    testing: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["pageToken"] = page_token

    json_country_codes: list[str] | Unset = UNSET
    if not isinstance(country_codes, Unset):
        json_country_codes = country_codes

    params["countryCodes"] = json_country_codes

    json_types: list[str] | Unset = UNSET
    if not isinstance(types, Unset):
        json_types = []
        for types_item_data in types:
            types_item = types_item_data.value
            json_types.append(types_item)

    params["types"] = json_types

    json_features: list[str] | Unset = UNSET
    if not isinstance(features, Unset):
        json_features = []
        for features_item_data in features:
            features_item = features_item_data.value
            json_features.append(features_item)

    params["features"] = json_features

    params["prefix"] = prefix

    params["testing"] = testing

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/organizations/{organization_id}/numbers-stock-items".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | StockItemList | None:
    try:
        if response.status_code == 200:
            response_200 = StockItemList.from_dict(response.json())

            return response_200

        if response.status_code == 400:
            response_400 = Error.from_dict(response.json())

            return response_400

        if response.status_code == 401:
            response_401 = Error.from_dict(response.json())

            return response_401

        if response.status_code == 403:
            response_403 = Error.from_dict(response.json())

            return response_403

        if response.status_code == 404:
            response_404 = Error.from_dict(response.json())

            return response_404

        if response.status_code == 422:
            response_422 = Error.from_dict(response.json())

            return response_422

        if response.status_code == 429:
            response_429 = Error.from_dict(response.json())

            return response_429

        if response.status_code == 500:
            response_500 = Error.from_dict(response.json())

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
) -> Response[Error | StockItemList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 10,
    page_token: str | Unset = UNSET,
    country_codes: list[str] | Unset = UNSET,
    types: list[ListNumbersTypesItem] | Unset = UNSET,
    features: list[ListNumbersFeaturesItem] | Unset = UNSET,
    prefix: str | Unset = UNSET,
    testing: bool | Unset = UNSET,
) -> Response[Error | StockItemList]:
    """List organization numbers stock items

     Searches the numbers in stock that the organization can buy to set up an SMS,
    voice or WhatsApp channel. The list ends when the answer has no `nextPageToken`.

    Args:
        organization_id (UUID): The organization's id; must be the one the access key belongs to.
        limit (int | Unset): Results per page. Default: 10.
        page_token (str | Unset): Opaque position in the list, from the previous page's
            `nextPageToken`.
        country_codes (list[str] | Unset): Countries, as ISO 3166-1 alpha-2 codes.
        types (list[ListNumbersTypesItem] | Unset): Number types.
        features (list[ListNumbersFeaturesItem] | Unset): Capabilities the number must have, every
            one of them.
        prefix (str | Unset): Only numbers beginning with this prefix, in full international form
            such as `+1212`. Accepted only together with `countryCodes`.
        testing (bool | Unset): Search the testing stock instead of the live one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | StockItemList]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        limit=limit,
        page_token=page_token,
        country_codes=country_codes,
        types=types,
        features=features,
        prefix=prefix,
        testing=testing,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 10,
    page_token: str | Unset = UNSET,
    country_codes: list[str] | Unset = UNSET,
    types: list[ListNumbersTypesItem] | Unset = UNSET,
    features: list[ListNumbersFeaturesItem] | Unset = UNSET,
    prefix: str | Unset = UNSET,
    testing: bool | Unset = UNSET,
) -> Error | StockItemList | None:
    """List organization numbers stock items

     Searches the numbers in stock that the organization can buy to set up an SMS,
    voice or WhatsApp channel. The list ends when the answer has no `nextPageToken`.

    Args:
        organization_id (UUID): The organization's id; must be the one the access key belongs to.
        limit (int | Unset): Results per page. Default: 10.
        page_token (str | Unset): Opaque position in the list, from the previous page's
            `nextPageToken`.
        country_codes (list[str] | Unset): Countries, as ISO 3166-1 alpha-2 codes.
        types (list[ListNumbersTypesItem] | Unset): Number types.
        features (list[ListNumbersFeaturesItem] | Unset): Capabilities the number must have, every
            one of them.
        prefix (str | Unset): Only numbers beginning with this prefix, in full international form
            such as `+1212`. Accepted only together with `countryCodes`.
        testing (bool | Unset): Search the testing stock instead of the live one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | StockItemList
    """

    return sync_detailed(
        organization_id=organization_id,
        client=client,
        limit=limit,
        page_token=page_token,
        country_codes=country_codes,
        types=types,
        features=features,
        prefix=prefix,
        testing=testing,
    ).parsed


async def asyncio_detailed(
    organization_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 10,
    page_token: str | Unset = UNSET,
    country_codes: list[str] | Unset = UNSET,
    types: list[ListNumbersTypesItem] | Unset = UNSET,
    features: list[ListNumbersFeaturesItem] | Unset = UNSET,
    prefix: str | Unset = UNSET,
    testing: bool | Unset = UNSET,
) -> Response[Error | StockItemList]:
    """List organization numbers stock items

     Searches the numbers in stock that the organization can buy to set up an SMS,
    voice or WhatsApp channel. The list ends when the answer has no `nextPageToken`.

    Args:
        organization_id (UUID): The organization's id; must be the one the access key belongs to.
        limit (int | Unset): Results per page. Default: 10.
        page_token (str | Unset): Opaque position in the list, from the previous page's
            `nextPageToken`.
        country_codes (list[str] | Unset): Countries, as ISO 3166-1 alpha-2 codes.
        types (list[ListNumbersTypesItem] | Unset): Number types.
        features (list[ListNumbersFeaturesItem] | Unset): Capabilities the number must have, every
            one of them.
        prefix (str | Unset): Only numbers beginning with this prefix, in full international form
            such as `+1212`. Accepted only together with `countryCodes`.
        testing (bool | Unset): Search the testing stock instead of the live one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | StockItemList]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        limit=limit,
        page_token=page_token,
        country_codes=country_codes,
        types=types,
        features=features,
        prefix=prefix,
        testing=testing,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 10,
    page_token: str | Unset = UNSET,
    country_codes: list[str] | Unset = UNSET,
    types: list[ListNumbersTypesItem] | Unset = UNSET,
    features: list[ListNumbersFeaturesItem] | Unset = UNSET,
    prefix: str | Unset = UNSET,
    testing: bool | Unset = UNSET,
) -> Error | StockItemList | None:
    """List organization numbers stock items

     Searches the numbers in stock that the organization can buy to set up an SMS,
    voice or WhatsApp channel. The list ends when the answer has no `nextPageToken`.

    Args:
        organization_id (UUID): The organization's id; must be the one the access key belongs to.
        limit (int | Unset): Results per page. Default: 10.
        page_token (str | Unset): Opaque position in the list, from the previous page's
            `nextPageToken`.
        country_codes (list[str] | Unset): Countries, as ISO 3166-1 alpha-2 codes.
        types (list[ListNumbersTypesItem] | Unset): Number types.
        features (list[ListNumbersFeaturesItem] | Unset): Capabilities the number must have, every
            one of them.
        prefix (str | Unset): Only numbers beginning with this prefix, in full international form
            such as `+1212`. Accepted only together with `countryCodes`.
        testing (bool | Unset): Search the testing stock instead of the live one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | StockItemList
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
            limit=limit,
            page_token=page_token,
            country_codes=country_codes,
            types=types,
            features=features,
            prefix=prefix,
            testing=testing,
        )
    ).parsed
