"""Butter AI: the organization's numbers, opaque cursors, ``X-API-Key`` + ``X-Organization-Id``."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Unpack

from butter_client.models import ListNumbersStatus, PhoneNumberList, PhoneNumberSummary

from .._auth import ApiKeyAuth, SecretAuth
from .._client import AsyncClient, AsyncOptions, ListOptions, SyncClient, SyncOptions
from .._models import Capabilities, Capability
from .._paging import AsyncPager, SyncPager
from ._base import Credential, Provider, parse_datetime, text

__all__ = ["AsyncButter", "Butter", "ButterListArgs"]


class ButterProvider(Provider):
    """How Butter's numbers normalise."""

    name = "butter"
    credentials = (
        Credential("api_key", "BUTTER_API_KEY", secret=True),
        Credential("organization_id", "BUTTER_ORGANIZATION_ID", secret=False),
    )
    page_model = PhoneNumberList
    id_field = "phone_number_id"  # phon_...

    def auth(self, creds: Mapping[str, str]) -> SecretAuth:
        """``X-API-Key`` and ``X-Organization-Id`` (both sent, as the list page asks)."""
        return ApiKeyAuth(
            {"X-API-Key": creds["api_key"]}, {"X-Organization-Id": creds["organization_id"]}
        )

    def number_text(self, item: dict[str, Any]) -> tuple[str | None, str | None]:
        """``phone_number``, E.164 with "+"."""
        return text(item.get("phone_number")), None

    def capabilities(self, item: dict[str, Any]) -> Capabilities:
        """Voice (Butter runs voice agents), with ``supports_inbound``/``supports_outbound``."""
        return Capabilities(
            voice=Capability.directed(item.get("supports_inbound"), item.get("supports_outbound"))
        )

    def status(self, item: dict[str, Any]) -> str | None:
        """``free`` or ``assigned``."""
        value = item.get("status")
        return value.lower() if isinstance(value, str) else None

    def created_at(self, item: dict[str, Any]) -> datetime.datetime | None:
        """``created_at`` (ISO 8601)."""
        return parse_datetime(item.get("created_at"))

    def raw_item(self, item: dict[str, Any]) -> PhoneNumberSummary:
        """The generated ``PhoneNumberSummary``."""
        return PhoneNumberSummary.from_dict(item)


BUTTER = ButterProvider()


class ButterListArgs(ListOptions, total=False):
    """Filters of `Butter.list_numbers`."""

    status: ListNumbersStatus | str


class Butter(SyncClient[PhoneNumberList]):
    """Butter AI's phone numbers.

    Args:
        api_key: An API key; default ``$BUTTER_API_KEY``.
        organization_id: The key's organization; default ``$BUTTER_ORGANIZATION_ID``.
        **options: See `SyncOptions`.
    """

    provider = BUTTER

    def __init__(
        self,
        *,
        api_key: str | None = None,
        organization_id: str | None = None,
        **options: Unpack[SyncOptions],
    ) -> None:
        super().__init__({"api_key": api_key, "organization_id": organization_id}, options)

    def list_numbers(self, **filters: Unpack[ButterListArgs]) -> SyncPager[PhoneNumberList]:
        """Every number of the organization matching ``filters``, fetched lazily."""
        return self._list(dict(filters))


class AsyncButter(AsyncClient[PhoneNumberList]):
    """The async twin of `Butter`."""

    provider = BUTTER

    def __init__(
        self,
        *,
        api_key: str | None = None,
        organization_id: str | None = None,
        **options: Unpack[AsyncOptions],
    ) -> None:
        super().__init__({"api_key": api_key, "organization_id": organization_id}, options)

    def list_numbers(self, **filters: Unpack[ButterListArgs]) -> AsyncPager[PhoneNumberList]:
        """Every number of the organization matching ``filters``, fetched lazily."""
        return self._list(dict(filters))
