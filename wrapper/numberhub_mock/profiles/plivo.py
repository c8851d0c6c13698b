"""Plivo's realism: numbers rented on one account, newest first (``added_on`` descending).

Plivo documents no order; newest first is the mock's own choice (the spec's
``x-numberhub-order`` says so). Rents and rates by number type, 10DLC registration on US
local numbers only, toll-free verification on toll-free numbers only, compliance outside
North America, places from phonenumbers' geocoder.
"""

from __future__ import annotations

import datetime as dt

from .._phones import Group
from ._numbers import Numbers
from ._places import COUNTRY_NAMES
from ._realism import Item, Realism

__all__ = ["REALISM"]

_ALIASES = (
    "Support line",
    "Sales",
    "Front desk",
    "Marketing",
    "On-call",
    "IVR main",
    "Billing",
    "Campaign A",
    "Campaign B",
)
_NANPA = ("US", "CA")
_CAMPAIGNS = ("CMPA2K9QX", "2FA_campaign", "Product_Marketing")
# (monthly rent, voice rate) by number type
_RATES = {
    "local": ("0.80000", "0.00850"),
    "tollfree": ("1.00000", "0.02200"),
    "fixed": ("1.20000", "0.00450"),
    "mobile": ("4.00000", "0.01200"),
    "national": ("2.00000", "0.00650"),
}
_RATE = ("1.00000", "0.01000")
_TENDLC = ("COMPLETED", "REGISTERED", "PROCESSING", "UNREGISTERED")
_TFV = ("verified", "pending_verification", "unverified")
# The toll-free verification order's status, by verification status: Plivo's documented
# statuses are SUBMITTED, APPROVED, REJECTED and UPDATE_REQUIRED.
_TFV_ORDER = {"verified": "APPROVED", "pending_verification": "SUBMITTED"}
_SUBACCOUNTS = {
    "SA6E1D2BFA07C39845AE": "Support team",
    "SA2F9C4D1B8E7A6C5D3F": "EU operations",
    "SA91B3E5C7D9F2A4B6C8": "Reseller 7",
}
_NOW = Numbers.now.date()


def _alias(x: Item) -> str | None:
    if x.chance("alias", 0.3):
        return None
    return "" if x.chance("alias", 0.55) else x.pick("alias-name", _ALIASES)


def _sub_account(x: Item) -> str | None:
    return x.pick("sub-which", list(_SUBACCOUNTS)) if x.chance("sub", 0.25) else None


def _sms(x: Item) -> bool:
    """Most North American numbers, some mobiles."""
    if x.block.region in _NANPA:
        return not x.chance("sms", 0.1)
    return x.block.group.kind == "mobile" and x.chance("sms", 0.8)


def _mms(x: Item) -> bool:
    """North American fixed numbers with SMS."""
    nanpa_fixed = x.block.region in _NANPA and x.block.group.kind == "fixed"
    return nanpa_fixed and bool(x["sms_enabled"]) and x.chance("mms", 0.7)


def _tendlc(x: Item) -> str | None:
    """10DLC registration: US local numbers only."""
    if x.block.region != "US" or x.block.group.label != "local":
        return None
    return x.pick("10dlc", _TENDLC, (50, 10, 15, 25))


def _campaign(x: Item) -> str | None:
    registered = x["tendlc_registration_status"] in _TENDLC[:3]
    return x.pick("campaign", _CAMPAIGNS) if registered else None


def _tfv(x: Item) -> str | None:
    """Toll-free SMS verification: toll-free numbers only."""
    if x.block.group.kind != "tollfree":
        return None
    return x.pick("tfv", _TFV, (55, 20, 25))


def _country(x: Item) -> str:
    return COUNTRY_NAMES.get(x.block.region, x.block.region)


def _place(x: Item) -> str:
    """The number's place, when phonenumbers names one other than the country."""
    place = x.block.place
    return place if place and place != _country(x) else ""


def _region(x: Item) -> str:
    place, country = _place(x), _country(x).upper()
    return f"{place}, {country}" if place else country


def _compliance(x: Item) -> bool:
    """Numbers outside North America need a compliance application."""
    return x.block.region not in _NANPA


def _renewal_dates() -> dict[int, str]:
    """Day of the month -> the next monthly anniversary after "now" on that day."""
    out = {}
    for day in range(1, 29):
        date = _NOW.replace(day=day)
        if date <= _NOW:
            date = (date.replace(day=1) + dt.timedelta(days=32)).replace(day=day)
        out[day] = date.isoformat()
    return out


_RENEWALS = _renewal_dates()


def _account(x: Item) -> str:
    return x.credentials.get("auth_id", "MANUMBERHUBMOCK00001")


def _application(x: Item) -> str | None:
    if not x.chance("has-app", 0.7):
        return None
    return f"/v1/Account/{_account(x)}/Application/{10**16 + x.bits('app') % (9 * 10**16)}/"


REALISM = Realism(
    groups=[
        Group("US", "fixed", 50, "local"),
        Group("US", "tollfree", 10, "tollfree"),
        Group("CA", "fixed", 10, "local"),
        Group("GB", "fixed", 7, "fixed"),
        Group("GB", "mobile", 6, "mobile"),
        Group("DE", "fixed", 5, "local"),
        Group("FR", "fixed", 4, "national"),
        Group("AU", "mobile", 4, "mobile"),
    ],
    since=dt.datetime(2019, 3, 1, tzinfo=dt.UTC),
    places=True,
    fields={
        "alias": _alias,
        "sub_account": _sub_account,
        "sub_account_name": lambda x: _SUBACCOUNTS.get(x["sub_account"]),
        "application": _application,
        "carrier": "Plivo",
        "region": _region,
        "city": lambda x: (_place(x) or None) if _compliance(x) else None,
        "country": _country,
        "active": lambda x: not x.chance("inactive", 0.02),
        "monthly_rental_rate": lambda x: _RATES.get(x.block.group.label, _RATE)[0],
        "sms_enabled": _sms,
        "sms_rate": "0.00000",
        "mms_enabled": _mms,
        "mms_rate": "0.00000",
        "voice_enabled": lambda x: not x.chance("voice", 0.03),
        "voice_rate": lambda x: _RATES.get(x.block.group.label, _RATE)[1],
        "renewal_date": lambda x: _RENEWALS[min(x.time.day, 28)],  # of added_on
        "cnam": None,
        "cnam_lookup": lambda x: (
            "enabled" if x.block.region == "US" and x.chance("cnam", 0.3) else "disabled"
        ),
        "tendlc_registration_status": _tendlc,
        "tendlc_campaign_id": _campaign,
        "toll_free_sms_verification": _tfv,
        "toll_free_sms_verification_id": lambda x: (
            x.uuid("tfv-id") if x["toll_free_sms_verification"] in _TFV[:2] else None
        ),
        "toll_free_sms_verification_order_status": lambda x: _TFV_ORDER.get(
            x["toll_free_sms_verification"] or ""
        ),
        "compliance_application_id": lambda x: x.uuid("compliance") if _compliance(x) else None,
        "compliance_status": lambda x: "accepted" if _compliance(x) else None,
        "profile_uuid": None,
        "caller_reputation_status": None,
        "resource_uri": lambda x: f"/v1/Account/{_account(x)}/Number/{x['number']}/",
    },
)
"""Plivo's realism table."""
