import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.list_numbers_cnam_lookup import ListNumbersCnamLookup
from ...models.list_numbers_number_type import ListNumbersNumberType
from ...models.list_numbers_tendlc_registration_status import (
    ListNumbersTendlcRegistrationStatus,
)
from ...models.list_numbers_toll_free_sms_verification import (
    ListNumbersTollFreeSmsVerification,
)
from ...models.list_numbers_toll_free_sms_verification_order_status import (
    ListNumbersTollFreeSmsVerificationOrderStatus,
)
from ...models.list_numbers_type import ListNumbersType
from ...models.number_list_response import NumberListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    auth_id: str,
    *,
    type_: ListNumbersType | Unset = UNSET,
    number_type: ListNumbersNumberType | Unset = UNSET,
    number_startswith: str | Unset = UNSET,
    subaccount: str | Unset = UNSET,
    alias: str | Unset = UNSET,
    services: str | Unset = UNSET,
    tendlc_registration_status: ListNumbersTendlcRegistrationStatus | Unset = UNSET,
    tendlc_campaign_id: str | Unset = UNSET,
    toll_free_sms_verification: ListNumbersTollFreeSmsVerification | Unset = UNSET,
    toll_free_sms_verification_order_status: ListNumbersTollFreeSmsVerificationOrderStatus
    | Unset = UNSET,
    renewal_date: datetime.date | Unset = UNSET,
    renewal_date_gt: datetime.date | Unset = UNSET,
    renewal_date_gte: datetime.date | Unset = UNSET,
    renewal_date_lt: datetime.date | Unset = UNSET,
    renewal_date_lte: datetime.date | Unset = UNSET,
    cnam_lookup: ListNumbersCnamLookup | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    json_number_type: str | Unset = UNSET
    if not isinstance(number_type, Unset):
        json_number_type = number_type.value

    params["number_type"] = json_number_type

    params["number_startswith"] = number_startswith

    params["subaccount"] = subaccount

    params["alias"] = alias

    params["services"] = services

    json_tendlc_registration_status: str | Unset = UNSET
    if not isinstance(tendlc_registration_status, Unset):
        json_tendlc_registration_status = tendlc_registration_status.value

    params["tendlc_registration_status"] = json_tendlc_registration_status

    params["tendlc_campaign_id"] = tendlc_campaign_id

    json_toll_free_sms_verification: str | Unset = UNSET
    if not isinstance(toll_free_sms_verification, Unset):
        json_toll_free_sms_verification = toll_free_sms_verification.value

    params["toll_free_sms_verification"] = json_toll_free_sms_verification

    json_toll_free_sms_verification_order_status: str | Unset = UNSET
    if not isinstance(toll_free_sms_verification_order_status, Unset):
        json_toll_free_sms_verification_order_status = (
            toll_free_sms_verification_order_status.value
        )

    params["toll_free_sms_verification_order_status"] = (
        json_toll_free_sms_verification_order_status
    )

    json_renewal_date: str | Unset = UNSET
    if not isinstance(renewal_date, Unset):
        json_renewal_date = renewal_date.isoformat()
    params["renewal_date"] = json_renewal_date

    json_renewal_date_gt: str | Unset = UNSET
    if not isinstance(renewal_date_gt, Unset):
        json_renewal_date_gt = renewal_date_gt.isoformat()
    params["renewal_date__gt"] = json_renewal_date_gt

    json_renewal_date_gte: str | Unset = UNSET
    if not isinstance(renewal_date_gte, Unset):
        json_renewal_date_gte = renewal_date_gte.isoformat()
    params["renewal_date__gte"] = json_renewal_date_gte

    json_renewal_date_lt: str | Unset = UNSET
    if not isinstance(renewal_date_lt, Unset):
        json_renewal_date_lt = renewal_date_lt.isoformat()
    params["renewal_date__lt"] = json_renewal_date_lt

    json_renewal_date_lte: str | Unset = UNSET
    if not isinstance(renewal_date_lte, Unset):
        json_renewal_date_lte = renewal_date_lte.isoformat()
    params["renewal_date__lte"] = json_renewal_date_lte

    json_cnam_lookup: str | Unset = UNSET
    if not isinstance(cnam_lookup, Unset):
        json_cnam_lookup = cnam_lookup.value

    params["cnam_lookup"] = json_cnam_lookup

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/Account/{auth_id}/Number/".format(
            auth_id=quote(str(auth_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | NumberListResponse | str | None:
    try:
        if response.status_code == 200:
            response_200 = NumberListResponse.from_dict(response.json())

            return response_200

        if response.status_code == 400:
            response_400 = ErrorResponse.from_dict(response.json())

            return response_400

        if response.status_code == 401:
            response_401 = response.text
            return response_401

        if response.status_code == 404:
            response_404 = ErrorResponse.from_dict(response.json())

            return response_404

        if response.status_code == 405:
            response_405 = ErrorResponse.from_dict(response.json())

            return response_405

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
) -> Response[ErrorResponse | NumberListResponse | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    auth_id: str,
    *,
    client: AuthenticatedClient | Client,
    type_: ListNumbersType | Unset = UNSET,
    number_type: ListNumbersNumberType | Unset = UNSET,
    number_startswith: str | Unset = UNSET,
    subaccount: str | Unset = UNSET,
    alias: str | Unset = UNSET,
    services: str | Unset = UNSET,
    tendlc_registration_status: ListNumbersTendlcRegistrationStatus | Unset = UNSET,
    tendlc_campaign_id: str | Unset = UNSET,
    toll_free_sms_verification: ListNumbersTollFreeSmsVerification | Unset = UNSET,
    toll_free_sms_verification_order_status: ListNumbersTollFreeSmsVerificationOrderStatus
    | Unset = UNSET,
    renewal_date: datetime.date | Unset = UNSET,
    renewal_date_gt: datetime.date | Unset = UNSET,
    renewal_date_gte: datetime.date | Unset = UNSET,
    renewal_date_lt: datetime.date | Unset = UNSET,
    renewal_date_lte: datetime.date | Unset = UNSET,
    cnam_lookup: ListNumbersCnamLookup | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[ErrorResponse | NumberListResponse | str]:
    """List account phone numbers

     Returns the phone numbers rented from Plivo or added from a carrier, `limit` at
    a time, in an order Plivo does not document. `meta.next` (the generated model's
    `meta.next_`) is a path relative to the API host with the next page's query
    string, or null on the last page. Plivo returns an empty `objects` list when
    nothing matches.

    Args:
        auth_id (str): The account's Auth ID: `MA` (main account) or `SA` (subaccount) followed by
            18 upper-case letters or digits. It must be the Basic-auth user name.
        type_ (ListNumbersType | Unset): The type of number.
        number_type (ListNumbersNumberType | Unset): Older name of `type`, still used by Plivo's
            Go SDK. Same values and meaning.
        number_startswith (str | Unset): Only numbers whose digits (country code first, no "+")
            begin with this pattern.
        subaccount (str | Unset): Only numbers assigned to this subaccount (its Auth ID).
        alias (str | Unset): Only numbers whose alias matches exactly.
        services (str | Unset): Only numbers that provide every listed service: `voice`, `sms`,
            `mms`, or a comma-separated combination such as `voice,sms` or `voice,sms,mms`.
        tendlc_registration_status (ListNumbersTendlcRegistrationStatus | Unset): 10DLC
            registration status of US local numbers. The list page documents `unregistered`,
            `in_progress`, `registered` (https://www.plivo.com/docs/numbers/api/account-phone-
            number/list-all-my-numbers/); plivo-node documents `UNREGISTERED`, `PROCESSING`,
            `COMPLETED` (lib/resources/numbers.js, `list`, `params.tendlcRegistrationStatus`), the
            values of the number object (https://docs.plivo.com/docs/numbers/account-phone-numbers).
            Both sets are accepted. That PROCESSING means in_progress and COMPLETED means registered
            is read from the two documents side by side (not verified).
        tendlc_campaign_id (str | Unset): Only US local numbers linked to this 10DLC campaign.
        toll_free_sms_verification (ListNumbersTollFreeSmsVerification | Unset): SMS verification
            status of SMS-enabled US/Canada toll-free numbers. The list page documents `unverified`,
            `pending_verification`, `verified` (https://www.plivo.com/docs/numbers/api/account-phone-
            number/list-all-my-numbers/); plivo-node documents `UNVERIFIED`, `PENDING_VERIFICATION`,
            `VERIFIED` (lib/resources/numbers.js, `list`, `params.tollFreeSmsVerification`), the
            values of the number object (https://docs.plivo.com/docs/numbers/account-phone-numbers).
            Both are accepted and mean the same status in either case (the filter compares without
            regard to case).
        toll_free_sms_verification_order_status (ListNumbersTollFreeSmsVerificationOrderStatus |
            Unset): Status of the toll-free SMS verification order of US/Canada toll-free numbers. Not
            on Plivo's list page; plivo-python (plivo/resources/numbers.py, `Numbers.list`) and plivo-
            go (numbers.go, `NumberListParams`) send it, and their CHANGELOGs record adding it (plivo-
            python 4.45.0, plivo-go 7.41.0: "Added `toll_free_sms_verification_order_status` filter to
            AccountPhoneNumber - list all my numbers API"). Neither SDK checks the value. The values
            are Plivo's toll-free verification statuses (https://docs.plivo.com/docs/messaging/api/tf-
            verification/toll-free-verification-statuses): SUBMITTED, APPROVED, REJECTED,
            UPDATE_REQUIRED; plivo-go's recorded fixtures/numberListResponse.json carries APPROVED in
            the field of that name. That the filter takes exactly these values is not verified.
        renewal_date (datetime.date | Unset): Only numbers renewing on this date.
        renewal_date_gt (datetime.date | Unset): Only numbers renewing after this date.
        renewal_date_gte (datetime.date | Unset): Only numbers renewing on or after this date.
        renewal_date_lt (datetime.date | Unset): Only numbers renewing before this date.
        renewal_date_lte (datetime.date | Unset): Only numbers renewing on or before this date.
        cnam_lookup (ListNumbersCnamLookup | Unset): Whether CNAM lookup is enabled on the number.
        limit (int | Unset): Results per page. Plivo's SDKs refuse anything outside 1..20.
            Default: 20.
        offset (int | Unset): How many matching numbers to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | NumberListResponse | str]
    """

    kwargs = _get_kwargs(
        auth_id=auth_id,
        type_=type_,
        number_type=number_type,
        number_startswith=number_startswith,
        subaccount=subaccount,
        alias=alias,
        services=services,
        tendlc_registration_status=tendlc_registration_status,
        tendlc_campaign_id=tendlc_campaign_id,
        toll_free_sms_verification=toll_free_sms_verification,
        toll_free_sms_verification_order_status=toll_free_sms_verification_order_status,
        renewal_date=renewal_date,
        renewal_date_gt=renewal_date_gt,
        renewal_date_gte=renewal_date_gte,
        renewal_date_lt=renewal_date_lt,
        renewal_date_lte=renewal_date_lte,
        cnam_lookup=cnam_lookup,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    auth_id: str,
    *,
    client: AuthenticatedClient | Client,
    type_: ListNumbersType | Unset = UNSET,
    number_type: ListNumbersNumberType | Unset = UNSET,
    number_startswith: str | Unset = UNSET,
    subaccount: str | Unset = UNSET,
    alias: str | Unset = UNSET,
    services: str | Unset = UNSET,
    tendlc_registration_status: ListNumbersTendlcRegistrationStatus | Unset = UNSET,
    tendlc_campaign_id: str | Unset = UNSET,
    toll_free_sms_verification: ListNumbersTollFreeSmsVerification | Unset = UNSET,
    toll_free_sms_verification_order_status: ListNumbersTollFreeSmsVerificationOrderStatus
    | Unset = UNSET,
    renewal_date: datetime.date | Unset = UNSET,
    renewal_date_gt: datetime.date | Unset = UNSET,
    renewal_date_gte: datetime.date | Unset = UNSET,
    renewal_date_lt: datetime.date | Unset = UNSET,
    renewal_date_lte: datetime.date | Unset = UNSET,
    cnam_lookup: ListNumbersCnamLookup | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> ErrorResponse | NumberListResponse | str | None:
    """List account phone numbers

     Returns the phone numbers rented from Plivo or added from a carrier, `limit` at
    a time, in an order Plivo does not document. `meta.next` (the generated model's
    `meta.next_`) is a path relative to the API host with the next page's query
    string, or null on the last page. Plivo returns an empty `objects` list when
    nothing matches.

    Args:
        auth_id (str): The account's Auth ID: `MA` (main account) or `SA` (subaccount) followed by
            18 upper-case letters or digits. It must be the Basic-auth user name.
        type_ (ListNumbersType | Unset): The type of number.
        number_type (ListNumbersNumberType | Unset): Older name of `type`, still used by Plivo's
            Go SDK. Same values and meaning.
        number_startswith (str | Unset): Only numbers whose digits (country code first, no "+")
            begin with this pattern.
        subaccount (str | Unset): Only numbers assigned to this subaccount (its Auth ID).
        alias (str | Unset): Only numbers whose alias matches exactly.
        services (str | Unset): Only numbers that provide every listed service: `voice`, `sms`,
            `mms`, or a comma-separated combination such as `voice,sms` or `voice,sms,mms`.
        tendlc_registration_status (ListNumbersTendlcRegistrationStatus | Unset): 10DLC
            registration status of US local numbers. The list page documents `unregistered`,
            `in_progress`, `registered` (https://www.plivo.com/docs/numbers/api/account-phone-
            number/list-all-my-numbers/); plivo-node documents `UNREGISTERED`, `PROCESSING`,
            `COMPLETED` (lib/resources/numbers.js, `list`, `params.tendlcRegistrationStatus`), the
            values of the number object (https://docs.plivo.com/docs/numbers/account-phone-numbers).
            Both sets are accepted. That PROCESSING means in_progress and COMPLETED means registered
            is read from the two documents side by side (not verified).
        tendlc_campaign_id (str | Unset): Only US local numbers linked to this 10DLC campaign.
        toll_free_sms_verification (ListNumbersTollFreeSmsVerification | Unset): SMS verification
            status of SMS-enabled US/Canada toll-free numbers. The list page documents `unverified`,
            `pending_verification`, `verified` (https://www.plivo.com/docs/numbers/api/account-phone-
            number/list-all-my-numbers/); plivo-node documents `UNVERIFIED`, `PENDING_VERIFICATION`,
            `VERIFIED` (lib/resources/numbers.js, `list`, `params.tollFreeSmsVerification`), the
            values of the number object (https://docs.plivo.com/docs/numbers/account-phone-numbers).
            Both are accepted and mean the same status in either case (the filter compares without
            regard to case).
        toll_free_sms_verification_order_status (ListNumbersTollFreeSmsVerificationOrderStatus |
            Unset): Status of the toll-free SMS verification order of US/Canada toll-free numbers. Not
            on Plivo's list page; plivo-python (plivo/resources/numbers.py, `Numbers.list`) and plivo-
            go (numbers.go, `NumberListParams`) send it, and their CHANGELOGs record adding it (plivo-
            python 4.45.0, plivo-go 7.41.0: "Added `toll_free_sms_verification_order_status` filter to
            AccountPhoneNumber - list all my numbers API"). Neither SDK checks the value. The values
            are Plivo's toll-free verification statuses (https://docs.plivo.com/docs/messaging/api/tf-
            verification/toll-free-verification-statuses): SUBMITTED, APPROVED, REJECTED,
            UPDATE_REQUIRED; plivo-go's recorded fixtures/numberListResponse.json carries APPROVED in
            the field of that name. That the filter takes exactly these values is not verified.
        renewal_date (datetime.date | Unset): Only numbers renewing on this date.
        renewal_date_gt (datetime.date | Unset): Only numbers renewing after this date.
        renewal_date_gte (datetime.date | Unset): Only numbers renewing on or after this date.
        renewal_date_lt (datetime.date | Unset): Only numbers renewing before this date.
        renewal_date_lte (datetime.date | Unset): Only numbers renewing on or before this date.
        cnam_lookup (ListNumbersCnamLookup | Unset): Whether CNAM lookup is enabled on the number.
        limit (int | Unset): Results per page. Plivo's SDKs refuse anything outside 1..20.
            Default: 20.
        offset (int | Unset): How many matching numbers to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | NumberListResponse | str
    """

    return sync_detailed(
        auth_id=auth_id,
        client=client,
        type_=type_,
        number_type=number_type,
        number_startswith=number_startswith,
        subaccount=subaccount,
        alias=alias,
        services=services,
        tendlc_registration_status=tendlc_registration_status,
        tendlc_campaign_id=tendlc_campaign_id,
        toll_free_sms_verification=toll_free_sms_verification,
        toll_free_sms_verification_order_status=toll_free_sms_verification_order_status,
        renewal_date=renewal_date,
        renewal_date_gt=renewal_date_gt,
        renewal_date_gte=renewal_date_gte,
        renewal_date_lt=renewal_date_lt,
        renewal_date_lte=renewal_date_lte,
        cnam_lookup=cnam_lookup,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    auth_id: str,
    *,
    client: AuthenticatedClient | Client,
    type_: ListNumbersType | Unset = UNSET,
    number_type: ListNumbersNumberType | Unset = UNSET,
    number_startswith: str | Unset = UNSET,
    subaccount: str | Unset = UNSET,
    alias: str | Unset = UNSET,
    services: str | Unset = UNSET,
    tendlc_registration_status: ListNumbersTendlcRegistrationStatus | Unset = UNSET,
    tendlc_campaign_id: str | Unset = UNSET,
    toll_free_sms_verification: ListNumbersTollFreeSmsVerification | Unset = UNSET,
    toll_free_sms_verification_order_status: ListNumbersTollFreeSmsVerificationOrderStatus
    | Unset = UNSET,
    renewal_date: datetime.date | Unset = UNSET,
    renewal_date_gt: datetime.date | Unset = UNSET,
    renewal_date_gte: datetime.date | Unset = UNSET,
    renewal_date_lt: datetime.date | Unset = UNSET,
    renewal_date_lte: datetime.date | Unset = UNSET,
    cnam_lookup: ListNumbersCnamLookup | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[ErrorResponse | NumberListResponse | str]:
    """List account phone numbers

     Returns the phone numbers rented from Plivo or added from a carrier, `limit` at
    a time, in an order Plivo does not document. `meta.next` (the generated model's
    `meta.next_`) is a path relative to the API host with the next page's query
    string, or null on the last page. Plivo returns an empty `objects` list when
    nothing matches.

    Args:
        auth_id (str): The account's Auth ID: `MA` (main account) or `SA` (subaccount) followed by
            18 upper-case letters or digits. It must be the Basic-auth user name.
        type_ (ListNumbersType | Unset): The type of number.
        number_type (ListNumbersNumberType | Unset): Older name of `type`, still used by Plivo's
            Go SDK. Same values and meaning.
        number_startswith (str | Unset): Only numbers whose digits (country code first, no "+")
            begin with this pattern.
        subaccount (str | Unset): Only numbers assigned to this subaccount (its Auth ID).
        alias (str | Unset): Only numbers whose alias matches exactly.
        services (str | Unset): Only numbers that provide every listed service: `voice`, `sms`,
            `mms`, or a comma-separated combination such as `voice,sms` or `voice,sms,mms`.
        tendlc_registration_status (ListNumbersTendlcRegistrationStatus | Unset): 10DLC
            registration status of US local numbers. The list page documents `unregistered`,
            `in_progress`, `registered` (https://www.plivo.com/docs/numbers/api/account-phone-
            number/list-all-my-numbers/); plivo-node documents `UNREGISTERED`, `PROCESSING`,
            `COMPLETED` (lib/resources/numbers.js, `list`, `params.tendlcRegistrationStatus`), the
            values of the number object (https://docs.plivo.com/docs/numbers/account-phone-numbers).
            Both sets are accepted. That PROCESSING means in_progress and COMPLETED means registered
            is read from the two documents side by side (not verified).
        tendlc_campaign_id (str | Unset): Only US local numbers linked to this 10DLC campaign.
        toll_free_sms_verification (ListNumbersTollFreeSmsVerification | Unset): SMS verification
            status of SMS-enabled US/Canada toll-free numbers. The list page documents `unverified`,
            `pending_verification`, `verified` (https://www.plivo.com/docs/numbers/api/account-phone-
            number/list-all-my-numbers/); plivo-node documents `UNVERIFIED`, `PENDING_VERIFICATION`,
            `VERIFIED` (lib/resources/numbers.js, `list`, `params.tollFreeSmsVerification`), the
            values of the number object (https://docs.plivo.com/docs/numbers/account-phone-numbers).
            Both are accepted and mean the same status in either case (the filter compares without
            regard to case).
        toll_free_sms_verification_order_status (ListNumbersTollFreeSmsVerificationOrderStatus |
            Unset): Status of the toll-free SMS verification order of US/Canada toll-free numbers. Not
            on Plivo's list page; plivo-python (plivo/resources/numbers.py, `Numbers.list`) and plivo-
            go (numbers.go, `NumberListParams`) send it, and their CHANGELOGs record adding it (plivo-
            python 4.45.0, plivo-go 7.41.0: "Added `toll_free_sms_verification_order_status` filter to
            AccountPhoneNumber - list all my numbers API"). Neither SDK checks the value. The values
            are Plivo's toll-free verification statuses (https://docs.plivo.com/docs/messaging/api/tf-
            verification/toll-free-verification-statuses): SUBMITTED, APPROVED, REJECTED,
            UPDATE_REQUIRED; plivo-go's recorded fixtures/numberListResponse.json carries APPROVED in
            the field of that name. That the filter takes exactly these values is not verified.
        renewal_date (datetime.date | Unset): Only numbers renewing on this date.
        renewal_date_gt (datetime.date | Unset): Only numbers renewing after this date.
        renewal_date_gte (datetime.date | Unset): Only numbers renewing on or after this date.
        renewal_date_lt (datetime.date | Unset): Only numbers renewing before this date.
        renewal_date_lte (datetime.date | Unset): Only numbers renewing on or before this date.
        cnam_lookup (ListNumbersCnamLookup | Unset): Whether CNAM lookup is enabled on the number.
        limit (int | Unset): Results per page. Plivo's SDKs refuse anything outside 1..20.
            Default: 20.
        offset (int | Unset): How many matching numbers to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | NumberListResponse | str]
    """

    kwargs = _get_kwargs(
        auth_id=auth_id,
        type_=type_,
        number_type=number_type,
        number_startswith=number_startswith,
        subaccount=subaccount,
        alias=alias,
        services=services,
        tendlc_registration_status=tendlc_registration_status,
        tendlc_campaign_id=tendlc_campaign_id,
        toll_free_sms_verification=toll_free_sms_verification,
        toll_free_sms_verification_order_status=toll_free_sms_verification_order_status,
        renewal_date=renewal_date,
        renewal_date_gt=renewal_date_gt,
        renewal_date_gte=renewal_date_gte,
        renewal_date_lt=renewal_date_lt,
        renewal_date_lte=renewal_date_lte,
        cnam_lookup=cnam_lookup,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    auth_id: str,
    *,
    client: AuthenticatedClient | Client,
    type_: ListNumbersType | Unset = UNSET,
    number_type: ListNumbersNumberType | Unset = UNSET,
    number_startswith: str | Unset = UNSET,
    subaccount: str | Unset = UNSET,
    alias: str | Unset = UNSET,
    services: str | Unset = UNSET,
    tendlc_registration_status: ListNumbersTendlcRegistrationStatus | Unset = UNSET,
    tendlc_campaign_id: str | Unset = UNSET,
    toll_free_sms_verification: ListNumbersTollFreeSmsVerification | Unset = UNSET,
    toll_free_sms_verification_order_status: ListNumbersTollFreeSmsVerificationOrderStatus
    | Unset = UNSET,
    renewal_date: datetime.date | Unset = UNSET,
    renewal_date_gt: datetime.date | Unset = UNSET,
    renewal_date_gte: datetime.date | Unset = UNSET,
    renewal_date_lt: datetime.date | Unset = UNSET,
    renewal_date_lte: datetime.date | Unset = UNSET,
    cnam_lookup: ListNumbersCnamLookup | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> ErrorResponse | NumberListResponse | str | None:
    """List account phone numbers

     Returns the phone numbers rented from Plivo or added from a carrier, `limit` at
    a time, in an order Plivo does not document. `meta.next` (the generated model's
    `meta.next_`) is a path relative to the API host with the next page's query
    string, or null on the last page. Plivo returns an empty `objects` list when
    nothing matches.

    Args:
        auth_id (str): The account's Auth ID: `MA` (main account) or `SA` (subaccount) followed by
            18 upper-case letters or digits. It must be the Basic-auth user name.
        type_ (ListNumbersType | Unset): The type of number.
        number_type (ListNumbersNumberType | Unset): Older name of `type`, still used by Plivo's
            Go SDK. Same values and meaning.
        number_startswith (str | Unset): Only numbers whose digits (country code first, no "+")
            begin with this pattern.
        subaccount (str | Unset): Only numbers assigned to this subaccount (its Auth ID).
        alias (str | Unset): Only numbers whose alias matches exactly.
        services (str | Unset): Only numbers that provide every listed service: `voice`, `sms`,
            `mms`, or a comma-separated combination such as `voice,sms` or `voice,sms,mms`.
        tendlc_registration_status (ListNumbersTendlcRegistrationStatus | Unset): 10DLC
            registration status of US local numbers. The list page documents `unregistered`,
            `in_progress`, `registered` (https://www.plivo.com/docs/numbers/api/account-phone-
            number/list-all-my-numbers/); plivo-node documents `UNREGISTERED`, `PROCESSING`,
            `COMPLETED` (lib/resources/numbers.js, `list`, `params.tendlcRegistrationStatus`), the
            values of the number object (https://docs.plivo.com/docs/numbers/account-phone-numbers).
            Both sets are accepted. That PROCESSING means in_progress and COMPLETED means registered
            is read from the two documents side by side (not verified).
        tendlc_campaign_id (str | Unset): Only US local numbers linked to this 10DLC campaign.
        toll_free_sms_verification (ListNumbersTollFreeSmsVerification | Unset): SMS verification
            status of SMS-enabled US/Canada toll-free numbers. The list page documents `unverified`,
            `pending_verification`, `verified` (https://www.plivo.com/docs/numbers/api/account-phone-
            number/list-all-my-numbers/); plivo-node documents `UNVERIFIED`, `PENDING_VERIFICATION`,
            `VERIFIED` (lib/resources/numbers.js, `list`, `params.tollFreeSmsVerification`), the
            values of the number object (https://docs.plivo.com/docs/numbers/account-phone-numbers).
            Both are accepted and mean the same status in either case (the filter compares without
            regard to case).
        toll_free_sms_verification_order_status (ListNumbersTollFreeSmsVerificationOrderStatus |
            Unset): Status of the toll-free SMS verification order of US/Canada toll-free numbers. Not
            on Plivo's list page; plivo-python (plivo/resources/numbers.py, `Numbers.list`) and plivo-
            go (numbers.go, `NumberListParams`) send it, and their CHANGELOGs record adding it (plivo-
            python 4.45.0, plivo-go 7.41.0: "Added `toll_free_sms_verification_order_status` filter to
            AccountPhoneNumber - list all my numbers API"). Neither SDK checks the value. The values
            are Plivo's toll-free verification statuses (https://docs.plivo.com/docs/messaging/api/tf-
            verification/toll-free-verification-statuses): SUBMITTED, APPROVED, REJECTED,
            UPDATE_REQUIRED; plivo-go's recorded fixtures/numberListResponse.json carries APPROVED in
            the field of that name. That the filter takes exactly these values is not verified.
        renewal_date (datetime.date | Unset): Only numbers renewing on this date.
        renewal_date_gt (datetime.date | Unset): Only numbers renewing after this date.
        renewal_date_gte (datetime.date | Unset): Only numbers renewing on or after this date.
        renewal_date_lt (datetime.date | Unset): Only numbers renewing before this date.
        renewal_date_lte (datetime.date | Unset): Only numbers renewing on or before this date.
        cnam_lookup (ListNumbersCnamLookup | Unset): Whether CNAM lookup is enabled on the number.
        limit (int | Unset): Results per page. Plivo's SDKs refuse anything outside 1..20.
            Default: 20.
        offset (int | Unset): How many matching numbers to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | NumberListResponse | str
    """

    return (
        await asyncio_detailed(
            auth_id=auth_id,
            client=client,
            type_=type_,
            number_type=number_type,
            number_startswith=number_startswith,
            subaccount=subaccount,
            alias=alias,
            services=services,
            tendlc_registration_status=tendlc_registration_status,
            tendlc_campaign_id=tendlc_campaign_id,
            toll_free_sms_verification=toll_free_sms_verification,
            toll_free_sms_verification_order_status=toll_free_sms_verification_order_status,
            renewal_date=renewal_date,
            renewal_date_gt=renewal_date_gt,
            renewal_date_gte=renewal_date_gte,
            renewal_date_lt=renewal_date_lt,
            renewal_date_lte=renewal_date_lte,
            cnam_lookup=cnam_lookup,
            limit=limit,
            offset=offset,
        )
    ).parsed
