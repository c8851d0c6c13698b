"""Rounded: the account's numbers, page numbers or ``created_at`` cursors, ``X-Api-Key``."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Unpack

from rounded_client.models import PhoneNumber as RoundedNumber
from rounded_client.models import PhoneNumberList

from .._auth import ApiKeyAuth, SecretAuth
from .._client import AsyncClient, AsyncOptions, ListOptions, SyncClient, SyncOptions
from .._models import NumberType
from .._paging import AsyncPager, SyncPager
from ._base import Credential, Provider, parse_datetime, text

__all__ = ["AsyncRounded", "Rounded", "RoundedListArgs"]


class RoundedProvider(Provider):
    """How Rounded's numbers normalise."""

    name = "rounded"
    credentials = (Credential("api_key", "ROUNDED_API_KEY", secret=True),)
    page_model = PhoneNumberList

    def auth(self, creds: Mapping[str, str]) -> SecretAuth:
        """``X-Api-Key``."""
        return ApiKeyAuth({"X-Api-Key": creds["api_key"]})

    def item_id(self, item: dict[str, Any]) -> str | None:
        """``id`` (SIP numbers may lack one: their ``number`` then)."""
        found = super().item_id(item)
        return found if found is not None else text(item.get("number"))

    def number_text(self, item: dict[str, Any]) -> tuple[str | None, str | None]:
        """``number`` (a SIP URI for SIP numbers, which gives no E.164)."""
        return text(item.get("number")), None

    def number_type(self, item: dict[str, Any]) -> NumberType:
        """SIP numbers are ``voip``; PSTN ones do not say more (``unknown``).

        ``type`` is an open enum (``pstn``, ``sip``), matched without regard to case.
        """
        kind = item.get("type")
        return "voip" if isinstance(kind, str) and kind.lower() == "sip" else "unknown"

    def created_at(self, item: dict[str, Any]) -> datetime.datetime | None:
        """``created_at`` (ISO 8601)."""
        return parse_datetime(item.get("created_at"))

    def raw_item(self, item: dict[str, Any]) -> RoundedNumber:
        """The generated ``PhoneNumber`` (one open model for PSTN and SIP numbers)."""
        return RoundedNumber.from_dict(item)


ROUNDED = RoundedProvider()


class RoundedListArgs(ListOptions, total=False):
    """Arguments of `Rounded.list_numbers`: Rounded has no filters, only its paging mode.

    Keys:
        use_cursor: Page with ``created_at`` cursors (ascending) instead of page numbers.
    """

    use_cursor: bool


class Rounded(SyncClient[PhoneNumberList]):
    """Rounded's phone numbers.

    Args:
        api_key: An API key; default ``$ROUNDED_API_KEY``.
        **options: See `SyncOptions`.
    """

    provider = ROUNDED

    def __init__(self, *, api_key: str | None = None, **options: Unpack[SyncOptions]) -> None:
        super().__init__({"api_key": api_key}, options)

    def list_numbers(self, **filters: Unpack[RoundedListArgs]) -> SyncPager[PhoneNumberList]:
        """Every number of the account, fetched lazily."""
        return self._list(dict(filters))


class AsyncRounded(AsyncClient[PhoneNumberList]):
    """The async twin of `Rounded`."""

    provider = ROUNDED

    def __init__(self, *, api_key: str | None = None, **options: Unpack[AsyncOptions]) -> None:
        super().__init__({"api_key": api_key}, options)

    def list_numbers(self, **filters: Unpack[RoundedListArgs]) -> AsyncPager[PhoneNumberList]:
        """Every number of the account, fetched lazily."""
        return self._list(dict(filters))
