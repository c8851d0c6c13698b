"""Bird: numbers available to buy, opaque page tokens, ``Authorization: AccessKey``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar, Unpack

from bird_client.models import (
    ListNumbersFeaturesItem,
    ListNumbersTypesItem,
    StockItem,
    StockItemList,
)

from .._auth import AccessKeyAuth, SecretAuth
from .._client import AsyncClient, AsyncOptions, ListOptions, SyncClient, SyncOptions
from .._models import Capabilities, Capability, Money, NumberType
from .._paging import AsyncPager, SyncPager
from ._base import Credential, Provider, text, to_decimal

__all__ = ["AsyncBird", "Bird", "BirdListArgs"]

_TYPES: dict[str, NumberType] = {
    "local": "local",
    "national": "national",
    "mobile": "mobile",
    "toll-free": "toll_free",
    "toll_free": "toll_free",
}
_ISO2 = re.compile(r"[A-Z]{2}")


def _directions(value: Any) -> Capability:
    if not isinstance(value, dict):
        return Capability()
    return Capability.directed(value.get("inbound"), value.get("outbound"))


class BirdProvider(Provider):
    """How Bird's stock items normalise."""

    name = "bird"
    credentials = (
        Credential("access_key", "BIRD_ACCESS_KEY", secret=True),
        Credential("organization_id", "BIRD_ORGANIZATION_ID", secret=False),
    )
    path_credentials: ClassVar[Mapping[str, str]] = {"organizationId": "organization_id"}
    aliases: ClassVar[Mapping[str, str]] = {"country_codes": "countryCodes"}
    page_model = StockItemList

    def auth(self, creds: Mapping[str, str]) -> SecretAuth:
        """``Authorization: AccessKey <access_key>``."""
        return AccessKeyAuth(creds["access_key"])

    def number_text(self, item: dict[str, Any]) -> tuple[str | None, str | None]:
        """``numberString``, E.164 with "+"."""
        return text(item.get("numberString")), None

    def country(self, item: dict[str, Any]) -> str | None:
        """``countryCode`` when it is an ISO alpha-2 code."""
        code = item.get("countryCode")
        return code if isinstance(code, str) and _ISO2.fullmatch(code) else None

    def number_type(self, item: dict[str, Any]) -> NumberType:
        """``toll-free`` becomes ``toll_free``."""
        value = item.get("type")
        return _TYPES.get(value.lower(), "unknown") if isinstance(value, str) else "unknown"

    def capabilities(self, item: dict[str, Any]) -> Capabilities:
        """Voice, SMS and MMS, each with inbound and outbound."""
        caps = item.get("capabilities") or {}
        return Capabilities(
            voice=_directions(caps.get("voice")),
            sms=_directions(caps.get("sms")),
            mms=_directions(caps.get("mms")),
        )

    def status(self, item: dict[str, Any]) -> str | None:
        """Stock items are ``available``."""
        return "available"

    def monthly_price(self, item: dict[str, Any]) -> Money | None:
        """``monthlyPrice``: ``amount * 10**exponent`` in ``currencyCode``."""
        price = item.get("monthlyPrice")
        if not isinstance(price, dict):
            return None
        amount, exponent = to_decimal(price.get("amount")), price.get("exponent", 0)
        currency = text(price.get("currencyCode"))
        if amount is None or currency is None or isinstance(exponent, bool):
            return None
        if not isinstance(exponent, int) or abs(exponent) > 100:
            return None
        return Money(amount.scaleb(exponent), currency)

    def raw_item(self, item: dict[str, Any]) -> StockItem:
        """The generated ``StockItem``."""
        return StockItem.from_dict(item)


BIRD = BirdProvider()


class BirdListArgs(ListOptions, total=False):
    """Filters of `Bird.list_numbers`. ``prefix`` (``"+1212"``) needs ``country_codes``."""

    country_codes: list[str] | str
    types: list[ListNumbersTypesItem | str] | ListNumbersTypesItem | str
    features: list[ListNumbersFeaturesItem | str] | ListNumbersFeaturesItem | str
    prefix: str
    testing: bool


class Bird(SyncClient[StockItemList]):
    """Bird's numbers available to buy.

    Args:
        access_key: An access key; default ``$BIRD_ACCESS_KEY``.
        organization_id: The key's organization (a UUID); default ``$BIRD_ORGANIZATION_ID``.
        **options: See `SyncOptions`.
    """

    provider = BIRD

    def __init__(
        self,
        *,
        access_key: str | None = None,
        organization_id: str | None = None,
        **options: Unpack[SyncOptions],
    ) -> None:
        super().__init__({"access_key": access_key, "organization_id": organization_id}, options)

    def list_numbers(self, **filters: Unpack[BirdListArgs]) -> SyncPager[StockItemList]:
        """Every number in stock matching ``filters``, fetched lazily."""
        return self._list(dict(filters))


class AsyncBird(AsyncClient[StockItemList]):
    """The async twin of `Bird`."""

    provider = BIRD

    def __init__(
        self,
        *,
        access_key: str | None = None,
        organization_id: str | None = None,
        **options: Unpack[AsyncOptions],
    ) -> None:
        super().__init__({"access_key": access_key, "organization_id": organization_id}, options)

    def list_numbers(self, **filters: Unpack[BirdListArgs]) -> AsyncPager[StockItemList]:
        """Every number in stock matching ``filters``, fetched lazily."""
        return self._list(dict(filters))
