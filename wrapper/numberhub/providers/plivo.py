"""Plivo: account phone numbers, limit + offset paging, HTTP Basic."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, Unpack

from plivo_client.models import (
    AccountPhoneNumber,
    ListNumbersCnamLookup,
    ListNumbersTendlcRegistrationStatus,
    ListNumbersTollFreeSmsVerification,
    ListNumbersTollFreeSmsVerificationOrderStatus,
    ListNumbersType,
    NumberListResponse,
)

from .._auth import BasicAuth, SecretAuth
from .._client import AsyncClient, AsyncOptions, ListOptions, SyncClient, SyncOptions
from .._models import Capabilities, Capability, Money, NumberType
from .._paging import AsyncPager, SyncPager
from ._base import Credential, Provider, parse_datetime, text, to_decimal

__all__ = ["AsyncPlivo", "Plivo", "PlivoListArgs"]

_TYPES: dict[str, NumberType] = {
    "local": "local",
    "mobile": "mobile",
    "fixed": "fixed",
    "national": "national",
    "tollfree": "toll_free",
    "toll_free": "toll_free",
}


class PlivoProvider(Provider):
    """How Plivo's numbers normalise."""

    name = "plivo"
    credentials = (
        Credential("auth_id", "PLIVO_AUTH_ID", secret=False),
        Credential("auth_token", "PLIVO_AUTH_TOKEN", secret=True),
    )
    path_credentials: ClassVar[Mapping[str, str]] = {"auth_id": "auth_id"}
    page_model = NumberListResponse
    id_field = "number"  # Plivo numbers have no id but their digits

    def auth(self, creds: Mapping[str, str]) -> SecretAuth:
        """HTTP Basic with the Auth ID and Auth Token."""
        return BasicAuth(creds["auth_id"], creds["auth_token"])

    def number_text(self, item: dict[str, Any]) -> tuple[str | None, str | None]:
        """E.164 digits without the "+"."""
        return text(item.get("number")), None

    def number_type(self, item: dict[str, Any]) -> NumberType:
        """``tollfree`` becomes ``toll_free``; the rest keep their names."""
        value = item.get("number_type")
        return _TYPES.get(value.lower(), "unknown") if isinstance(value, str) else "unknown"

    def capabilities(self, item: dict[str, Any]) -> Capabilities:
        """Voice, SMS and MMS flags, without directions."""
        return Capabilities(
            voice=Capability(item.get("voice_enabled")),
            sms=Capability(item.get("sms_enabled")),
            mms=Capability(item.get("mms_enabled")),
        )

    def status(self, item: dict[str, Any]) -> str | None:
        """``active`` or ``inactive`` from the ``active`` flag."""
        active = item.get("active")
        return None if not isinstance(active, bool) else ("active" if active else "inactive")

    def monthly_price(self, item: dict[str, Any]) -> Money | None:
        """``monthly_rental_rate``, in US dollars."""
        amount = to_decimal(item.get("monthly_rental_rate"))
        return None if amount is None else Money(amount, "USD")

    def created_at(self, item: dict[str, Any]) -> datetime.datetime | None:
        """``added_on`` (a date), as midnight UTC."""
        return parse_datetime(item.get("added_on"))

    def raw_item(self, item: dict[str, Any]) -> AccountPhoneNumber:
        """The generated ``AccountPhoneNumber``."""
        return AccountPhoneNumber.from_dict(item)

    def error_message(self, body: Any) -> str | None:
        """``error``, a string or an object."""
        if isinstance(body, dict) and isinstance(body.get("error"), dict):
            return str(body["error"].get("message") or body["error"])
        return super().error_message(body)


PLIVO = PlivoProvider()


class PlivoListArgs(ListOptions, total=False):
    """Filters of `Plivo.list_numbers` (Plivo's own names; see the spec for each)."""

    type: ListNumbersType | str
    number_startswith: str
    subaccount: str
    alias: str
    services: str | list[str]
    tendlc_registration_status: ListNumbersTendlcRegistrationStatus | str
    tendlc_campaign_id: str
    toll_free_sms_verification: ListNumbersTollFreeSmsVerification | str
    toll_free_sms_verification_order_status: ListNumbersTollFreeSmsVerificationOrderStatus | str
    renewal_date: datetime.date | str
    renewal_date__gt: datetime.date | str
    renewal_date__gte: datetime.date | str
    renewal_date__lt: datetime.date | str
    renewal_date__lte: datetime.date | str
    cnam_lookup: ListNumbersCnamLookup | str


class Plivo(SyncClient[NumberListResponse]):
    """Plivo's phone numbers.

    Args:
        auth_id: The account's Auth ID (``MA``/``SA`` + 18 characters); default
            ``$PLIVO_AUTH_ID``.
        auth_token: Its Auth Token; default ``$PLIVO_AUTH_TOKEN``.
        **options: See `SyncOptions`.
    """

    provider = PLIVO

    def __init__(
        self,
        *,
        auth_id: str | None = None,
        auth_token: str | None = None,
        **options: Unpack[SyncOptions],
    ) -> None:
        super().__init__({"auth_id": auth_id, "auth_token": auth_token}, options)

    def list_numbers(self, **filters: Unpack[PlivoListArgs]) -> SyncPager[NumberListResponse]:
        """Every number on the account matching ``filters``, fetched lazily."""
        return self._list(dict(filters))


class AsyncPlivo(AsyncClient[NumberListResponse]):
    """The async twin of `Plivo`."""

    provider = PLIVO

    def __init__(
        self,
        *,
        auth_id: str | None = None,
        auth_token: str | None = None,
        **options: Unpack[AsyncOptions],
    ) -> None:
        super().__init__({"auth_id": auth_id, "auth_token": auth_token}, options)

    def list_numbers(self, **filters: Unpack[PlivoListArgs]) -> AsyncPager[NumberListResponse]:
        """Every number on the account matching ``filters``, fetched lazily."""
        return self._list(dict(filters))
