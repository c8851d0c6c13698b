"""DuoPlus: an account's cloud numbers, newest first (``created_at`` descending, GMT+08:00)."""

from __future__ import annotations

import datetime as dt
import operator
import time
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from .._phones import Group
from ._base import Profile
from ._fields import Fields, derive, each
from ._places import COUNTRY_NAMES, LOCALIZED_COUNTRY_NAMES
from ._rand import pick_of
from ._timeline import TimeLine

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


_region = operator.attrgetter("region")  # in C: columns of a million items call it


class DuoPlusProfile(Profile):
    """DuoPlus's cloud numbers, with names localized by ``Lang``."""

    provider: ClassVar[str] = "duoplus"
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

        self.renews = self.chances("renew", 0.55)
        self.expiry_seconds = derive(expiry, self.times.seconds, self.draws("term"), self.renews)
        """When item ``i`` expires, in seconds since the Unix epoch."""
        # 1 Active, 2 Expired (expired when expiry <= now); 1 Non-VOIP, 2 VOIP.
        self.status = derive((1).__add__, derive(now.__ge__, self.expiry_seconds))
        self.type_id = derive((1).__add__, self.chances("voip", 0.35))

    def cloud_id(self, i: int) -> str:
        """Field ``id`` of item ``i``: five base-62 digits, distinct per item."""
        x = (self._id_a * i + self._id_b) % _ID_SPACE
        out = ""
        for _ in range(5):
            x, r = divmod(x, 62)
            out = _B62[r] + out
        return out

    def _phone_number(self, i: int, generating: bool, e164: str) -> str:
        """The newest few numbers are still being generated: an empty string."""
        return "" if generating and i < max(1, self.size // 25) else e164

    def fields(self, variant: str | None) -> Fields:
        """See ``Profile.fields``; ``variant`` is the ``Lang`` header (English by default)."""
        lang = variant if variant in _TYPE_NAMES else "en"
        names = COUNTRY_NAMES if lang == "en" else LOCALIZED_COUNTRY_NAMES[lang]
        has_remark = self.chances("has-remark", 0.4)
        return {
            "id": each(self.cloud_id),
            "phone_number": derive(
                self._phone_number, self.index, self.chances("generating", 0.5), self.e164_at
            ),
            "region_id": derive(_region, self.block_at),
            "region_name": derive(lambda b: names.get(b.region, b.region), self.block_at),
            "type_id": self.type_id,
            "type_name": derive(_TYPE_NAMES[lang].__getitem__, self.type_id),
            "status": self.status,
            "status_name": derive(_STATUS_NAMES[lang].__getitem__, self.status),
            "renewal_status": derive(int, self.renews),
            "remark": derive(
                lambda has, bits: pick_of(bits, _REMARKS) if has else "",
                has_remark,
                self.draws("remark"),
            ),
            "expired_at": derive(_stamp_epoch, self.expiry_seconds),
            "created_at": derive(_stamp, self.times.instants),
        }

    def sort_keys(self) -> Mapping[str, Callable[[int], Any]]:
        """See ``Profile.sort_keys``: instants as seconds."""
        return {"created_at": self.times.seconds, "expired_at": self.expiry_seconds}
