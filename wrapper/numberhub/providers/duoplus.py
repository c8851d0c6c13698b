"""DuoPlus: cloud numbers, page numbers in a POST body, errors inside HTTP 200."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any, ClassVar, Unpack

from duoplus_client.models import (
    CloudNumber,
    ListNumbersLang,
    NumberListEnvelope,
    NumberListRequestOrder,
    NumberListRequestRenewalStatusItem,
    NumberListRequestSortBy,
    NumberListRequestStatusItem,
    NumberListRequestTypeIdsItem,
)

from .._auth import ApiKeyAuth, SecretAuth
from .._client import AsyncClient, AsyncOptions, ListOptions, SyncClient, SyncOptions
from .._models import NumberType
from .._paging import AsyncPager, SyncPager
from ._base import Credential, Provider, parse_datetime, text

__all__ = ["AsyncDuoPlus", "DuoPlus", "DuoPlusListArgs"]

#: DuoPlus writes times as "YYYY-MM-DD HH:MM:SS" in GMT+08:00, without the offset.
DUOPLUS_TZ = datetime.timezone(datetime.timedelta(hours=8), "GMT+08:00")
_ISO2 = re.compile(r"[A-Z]{2}")
_UNIX = re.compile(r"[0-9]{9,10}")  # seconds since 1970: 2001-09-09 to 2286
_STATUS = {1: "active", 2: "expired"}


def _region(item: dict[str, Any]) -> str | None:
    for key in ("region_id", "region_name"):  # region_name is localized; only a code counts
        value = item.get(key)
        if isinstance(value, str) and _ISO2.fullmatch(value):
            return value
    return None


class DuoPlusProvider(Provider):
    """How DuoPlus's cloud numbers normalise."""

    name = "duoplus"
    credentials = (Credential("api_key", "DUOPLUS_API_KEY", secret=True),)
    aliases: ClassVar[Mapping[str, str]] = {"lang": "Lang"}
    page_model = NumberListEnvelope

    def auth(self, creds: Mapping[str, str]) -> SecretAuth:
        """``DuoPlus-API-Key``."""
        return ApiKeyAuth({"DuoPlus-API-Key": creds["api_key"]})

    def number_text(self, item: dict[str, Any]) -> tuple[str | None, str | None]:
        """``phone_number`` (empty while being generated), read in its region if it has no "+"."""
        number = text(item.get("phone_number"))
        if number and not number.startswith("+"):
            return number, _region(item)
        return number, None

    def country(self, item: dict[str, Any]) -> str | None:
        """``region_id`` (older answers), or ``region_name`` when it is a code."""
        return _region(item)

    def number_type(self, item: dict[str, Any]) -> NumberType:
        """VOIP numbers are ``voip``; DuoPlus says no more about non-VOIP ones (``unknown``)."""
        if item.get("type_id") == 2:
            return "voip"
        name = item.get("type_name")
        if item.get("type_id") is None and isinstance(name, str) and name.upper() == "VOIP":
            return "voip"
        return "unknown"

    def status(self, item: dict[str, Any]) -> str | None:
        """``active``/``expired`` from the status code, else the (localized) status name."""
        code = item.get("status")
        if isinstance(code, int) and code in _STATUS:
            return _STATUS[code]
        name = item.get("status_name")
        return name.lower() if isinstance(name, str) and name else None

    def created_at(self, item: dict[str, Any]) -> datetime.datetime | None:
        """``created_at`` in GMT+08:00, or Unix seconds (as some DuoPlus endpoints answer)."""
        value = item.get("created_at")
        if isinstance(value, str) and _UNIX.fullmatch(value):
            return datetime.datetime.fromtimestamp(int(value), datetime.UTC)
        return parse_datetime(value, tz=DUOPLUS_TZ)

    def raw_item(self, item: dict[str, Any]) -> CloudNumber:
        """The generated ``CloudNumber``."""
        return CloudNumber.from_dict(item)


DUOPLUS = DuoPlusProvider()


class DuoPlusListArgs(ListOptions, total=False):
    """Filters of `DuoPlus.list_numbers` (sent in the JSON body)."""

    phone_number: str
    status: list[NumberListRequestStatusItem | int]
    type_ids: list[NumberListRequestTypeIdsItem | int]
    region_ids: list[str] | str
    renewal_status: list[NumberListRequestRenewalStatusItem | int]
    remark: str
    sort_by: NumberListRequestSortBy | str
    order: NumberListRequestOrder | str


class DuoPlus(SyncClient[NumberListEnvelope]):
    """DuoPlus's cloud numbers.

    Args:
        api_key: An API key; default ``$DUOPLUS_API_KEY``.
        lang: Language of the localized names (``zh``, ``zh-TW``, ``en``, ``ru``).
        **options: See `SyncOptions`.
    """

    provider = DUOPLUS

    def __init__(
        self,
        *,
        api_key: str | None = None,
        lang: ListNumbersLang | str = "en",
        **options: Unpack[SyncOptions],
    ) -> None:
        super().__init__({"api_key": api_key}, options, {"lang": lang})

    def list_numbers(self, **filters: Unpack[DuoPlusListArgs]) -> SyncPager[NumberListEnvelope]:
        """Every cloud number matching ``filters``, fetched lazily."""
        return self._list(dict(filters))


class AsyncDuoPlus(AsyncClient[NumberListEnvelope]):
    """The async twin of `DuoPlus`."""

    provider = DUOPLUS

    def __init__(
        self,
        *,
        api_key: str | None = None,
        lang: ListNumbersLang | str = "en",
        **options: Unpack[AsyncOptions],
    ) -> None:
        super().__init__({"api_key": api_key}, options, {"lang": lang})

    def list_numbers(self, **filters: Unpack[DuoPlusListArgs]) -> AsyncPager[NumberListEnvelope]:
        """Every cloud number matching ``filters``, fetched lazily."""
        return self._list(dict(filters))
