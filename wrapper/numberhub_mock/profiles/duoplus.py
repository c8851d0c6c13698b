"""DuoPlus's realism: cloud numbers, newest first, names localized by the ``Lang`` header.

Numbers are mobiles; a 1..12-month term runs from creation and is renewed past "now" when
auto-renewal is on, and a number whose term ended is expired. The newest few numbers are
still being generated (an empty ``phone_number``).
"""

from __future__ import annotations

import datetime as dt
import time

from .._phones import Group
from ._numbers import Numbers
from ._places import COUNTRY_NAMES, LOCALIZED_COUNTRY_NAMES
from ._realism import Item, Realism

__all__ = ["REALISM"]

_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
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
_SINCE = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
_START, _NOW = int(_SINCE.timestamp()), int(Numbers.now.timestamp())


def _cloud_id(x: Item) -> str:
    """Five base-62 digits, distinct per item."""
    n, out = x.unique("id", 62**5), ""
    for _ in range(5):
        n, r = divmod(n, 62)
        out = _B62[r] + out
    return out


def _expiry(x: Item) -> int:
    """When the number expires, in seconds since the Unix epoch."""
    term = 30 * 86400 * (1 + x.bits("term") % 12)
    expiry = _START + x.seconds + term
    if expiry <= _NOW and x.chance("renew", 0.55):
        expiry += term * ((_NOW - expiry) // term + 1)
    return expiry


def _lang(x: Item) -> str:
    return x.variant if x.variant in _TYPE_NAMES else "en"


def _region_name(x: Item) -> str:
    lang, region = _lang(x), x.block.region
    return (COUNTRY_NAMES if lang == "en" else LOCALIZED_COUNTRY_NAMES[lang]).get(region, region)


def _phone_number(x: Item) -> str:
    generating = x.i < max(1, x.size // 25) and x.chance("generating", 0.5)
    return "" if generating else x.e164


REALISM = Realism(
    groups=[
        Group("US", "mobile", 45, "mobile"),
        Group("GB", "mobile", 15, "mobile"),
        Group("CA", "mobile", 10, "mobile"),
        Group("DE", "mobile", 8, "mobile"),
        Group("BR", "mobile", 8, "mobile"),
        Group("RU", "mobile", 7, "mobile"),
        Group("JP", "mobile", 7, "mobile"),
    ],
    since=_SINCE,
    variants=("en", "zh", "zh-TW", "ru"),
    fields={
        "id": _cloud_id,
        "phone_number": _phone_number,
        "region_name": _region_name,
        "type_id": lambda x: 2 if x.chance("voip", 0.35) else 1,
        "type_name": lambda x: _TYPE_NAMES[_lang(x)][x["type_id"]],
        "status": lambda x: 2 if _expiry(x) <= _NOW else 1,  # 1 Normal, 2 Expired
        "status_name": lambda x: _STATUS_NAMES[_lang(x)][x["status"]],
        "renewal_status": lambda x: int(x.chance("renew", 0.55)),
        "remark": lambda x: x.pick("remark", _REMARKS) if x.chance("has-remark", 0.4) else "",
        "expired_at": lambda x: time.strftime(
            "%Y-%m-%d %H:%M:%S", time.gmtime(_expiry(x) + 8 * 3600)
        ),
    },
    sort_keys={"created_at": lambda x: x.seconds, "expired_at": _expiry},
)
"""DuoPlus's realism table."""
