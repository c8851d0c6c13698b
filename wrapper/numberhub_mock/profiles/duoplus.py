"""DuoPlus: an account's cloud numbers, newest first (``created_at`` descending, GMT+08:00)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from numberhub_mock._phones import Group
from numberhub_mock.profiles._base import Chunked, Profile, TimeLine, derive
from numberhub_mock.profiles._places import COUNTRY_NAMES, LOCALIZED_COUNTRY_NAMES

__all__ = ["DuoPlusProfile"]

_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ID_SPACE = 62**5
_CST = dt.timezone(dt.timedelta(hours=8))
_TYPE_NAMES = {
    "en": {1: "Non-VOIP", 2: "VOIP"},
    "zh": {1: "非VOIP", 2: "VOIP"},
    "zh-TW": {1: "非VOIP", 2: "VOIP"},
    "ru": {1: "Не VOIP", 2: "VOIP"},  # noqa: RUF001
}
_STATUS_NAMES = {
    "en": {1: "Normal", 2: "Expired"},
    "zh": {1: "正常", 2: "已过期"},
    "zh-TW": {1: "正常", 2: "已過期"},
    "ru": {1: "Активен", 2: "Истёк"},
}
_REMARKS = ("tiktok-01", "shop", "support", "ads test", "whatsapp biz", "warm-up", "client A")


def _stamp(t: dt.datetime) -> str:
    return t.astimezone(_CST).strftime("%Y-%m-%d %H:%M:%S")


def _stamp_epoch(seconds: int) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(seconds + 8 * 3600))


class DuoPlusProfile(Profile):
    """DuoPlus's cloud numbers, with names localized by ``Lang``."""

    provider: ClassVar[str] = "duoplus"
    variant_header: ClassVar[str | None] = "Lang"
    variants: ClassVar[tuple[str, ...]] = ("en", "zh", "zh-TW", "ru")
    groups: ClassVar[list[Group]] = [
        Group("US", "mobile", 45, "mobile"),
        Group("GB", "mobile", 15, "mobile"),
        Group("CA", "mobile", 10, "mobile"),
        Group("DE", "mobile", 8, "mobile"),
        Group("BR", "mobile", 8, "mobile"),
        Group("RU", "mobile", 7, "mobile"),
        Group("JP", "mobile", 7, "mobile"),
    ]
    envelope: ClassVar[Mapping[str, Any]] = {
        "code": 200,
        "message": "Success",
        "data": {"page": "{page}", "pagesize": "{limit}"},
    }

    def __init__(self, seed: int, size: int, credentials: Mapping[str, str]) -> None:
        super().__init__(seed, size, credentials)
        self.times = TimeLine(
            self.rand, size, dt.datetime(2024, 3, 1, tzinfo=dt.UTC), self.now, descending=True
        )
        a = 1 + 2 * self.rand.below(0, "id-a", _ID_SPACE // 2)
        while a % 31 == 0:
            a += 2
        self._id_a, self._id_b = a, self.rand.below(0, "id-b", _ID_SPACE)
        start, now = int(self.times.start.timestamp()), int(self.now.timestamp())

        def expiry(created: int, term_bits: int, renews: bool) -> int:
            """A 1..12-month term from creation, auto-renewed past "now" when set to."""
            term = 30 * 86400 * (1 + term_bits % 12)
            expiry = start + created + term
            if expiry <= now and renews:
                expiry += term * ((now - expiry) // term + 1)
            return expiry

        renews = self.chances("renew", 0.55)
        self.renewal_status = derive(int, renews)
        self.expiry_seconds = derive(
            expiry, Chunked(self.times.offset, self.times.offsets), self.draws("term"), renews
        )
        """When item ``i`` expires, in seconds since the Unix epoch."""
        self.expired_at = derive(_stamp_epoch, self.expiry_seconds)
        # 1 Active, 2 Expired (expired when expiry <= now); 1 Non-VOIP, 2 VOIP.
        self.status = derive((1).__add__, derive(now.__ge__, self.expiry_seconds))
        self.type_id = derive((1).__add__, self.chances("voip", 0.35))
        self.region_id = derive(lambda block: block.region, self.block_at)

    def cloud_id(self, i: int) -> str:
        """Field ``cloud_id`` of item ``i``."""
        x = (self._id_a * i + self._id_b) % _ID_SPACE
        out = ""
        for _ in range(5):
            x, r = divmod(x, 62)
            out = _B62[r] + out
        return out

    def phone_number(self, i: int) -> str:
        """Field ``phone_number`` of item ``i``."""
        # The newest few numbers are still being generated: an empty string.
        generating = i < max(1, self.size // 25) and self.rand.chance(i, "generating", 0.5)
        return "" if generating else self.phone(i)[0]

    def remark(self, i: int) -> str:
        """Field ``remark`` of item ``i``."""
        return (
            self.rand.pick(i, "remark", _REMARKS) if self.rand.chance(i, "has-remark", 0.4) else ""
        )

    def columns(self) -> Mapping[str, Callable[[int], Any]]:
        """See ``Profile.columns``."""
        return {
            "phone_number": self.phone_number,
            "status": self.status,
            "type_id": self.type_id,
            "region_id": self.region_id,
            "renewal_status": self.renewal_status,
            "remark": self.remark,
            "created_at": lambda i: _stamp(self.times.at(i)),
            "expired_at": self.expired_at,
        }

    def sort_keys(self) -> Mapping[str, Callable[[int], Any]]:
        """See ``Profile.sort_keys``: instants as seconds."""
        return {
            "created_at": self.times.offset,
            "expired_at": self.expiry_seconds,
        }

    def make(self, i: int, variant: str | None = None) -> dict[str, Any]:
        """See ``Profile.make``."""
        lang = variant if variant in _TYPE_NAMES else "en"
        region = self.block(i).region
        type_id, status = self.type_id(i), self.status(i)
        region_name = (
            COUNTRY_NAMES.get(region, region)
            if lang == "en"
            else LOCALIZED_COUNTRY_NAMES[lang].get(region, region)
        )
        return {
            "id": self.cloud_id(i),
            "phone_number": self.phone_number(i),
            "region_id": region,
            "region_name": region_name,
            "type_id": type_id,
            "type_name": _TYPE_NAMES[lang][type_id],
            "status": status,
            "status_name": _STATUS_NAMES[lang][status],
            "renewal_status": self.renewal_status(i),
            "remark": self.remark(i),
            "expired_at": self.expired_at(i),
            "created_at": _stamp(self.times.at(i)),
        }
