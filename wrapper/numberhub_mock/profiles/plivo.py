"""Plivo: numbers rented on one account, newest first (``added_on`` descending).

Plivo documents no order; newest first is the mock's own choice (the spec's
``x-numberhub-order`` says so).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Mapping
from typing import Any, ClassVar

from .._phones import Block, Group
from ._base import Profile
from ._fields import Fields, const, derive
from ._places import COUNTRY_NAMES
from ._rand import chance_of, pick_of
from ._timeline import TimeLine

__all__ = ["PlivoProfile"]

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


_label = operator.attrgetter("group.label")  # in C: columns of a million items call it


def _alias(alias_bits: int, name_bits: int) -> str | None:
    if chance_of(alias_bits, 0.3):
        return None
    if chance_of(alias_bits, 0.55):
        return ""
    return pick_of(name_bits, _ALIASES)


def _sms(block: Block, one_in_ten: bool, eight_in_ten: bool) -> bool:
    """Most North American numbers, some mobiles."""
    if block.region in _NANPA:
        return not one_in_ten
    return block.group.kind == "mobile" and eight_in_ten


def _mms(block: Block, sms: bool, seven_in_ten: bool) -> bool:
    """North American fixed numbers with SMS."""
    return block.region in _NANPA and block.group.kind == "fixed" and sms and seven_in_ten


def _tendlc_status(block: Block, bits: int) -> str | None:
    """10DLC registration: US local numbers only."""
    if block.region != "US" or block.group.label != "local":
        return None
    return pick_of(bits, _TENDLC, (50, 10, 15, 25))


def _campaign(block: Block, status_bits: int, bits: int) -> str | None:
    status = _tendlc_status(block, status_bits)
    return pick_of(bits, _CAMPAIGNS) if status in _TENDLC[:3] else None


def _tfv(block: Block, bits: int) -> str | None:
    """Toll-free SMS verification: toll-free numbers only."""
    if block.group.kind != "tollfree":
        return None
    return pick_of(bits, _TFV, (55, 20, 25))


def _tfv_order(tfv: str | None) -> str | None:
    """The verification order's status; unverified numbers have no order."""
    return _TFV_ORDER.get(tfv or "")


def _cnam(block: Block, three_in_ten: bool) -> str:
    return "enabled" if block.region == "US" and three_in_ten else "disabled"


def _country(block: Block) -> str:
    return COUNTRY_NAMES.get(block.region, block.region)


def _place(block: Block) -> str:
    """The number's place, when phonenumbers names one other than the country."""
    return block.place if block.place and block.place != _country(block) else ""


def _region(block: Block) -> str:
    place, country = _place(block), _country(block).upper()
    return f"{place}, {country}" if place else country


def _compliance(block: Block) -> bool:
    """Numbers outside North America need a compliance application."""
    return block.region not in _NANPA


def _city(block: Block) -> str | None:
    return (_place(block) or None) if _compliance(block) else None


def _tfv_id(tfv: str | None, uuid: str) -> str | None:
    return uuid if tfv in ("verified", "pending_verification") else None


def _if(condition: bool, value: Any) -> Any:
    return value if condition else None


class PlivoProfile(Profile):
    """Plivo's account phone numbers."""

    provider: ClassVar[str] = "plivo"
    places: ClassVar[bool] = True
    groups: ClassVar[list[Group]] = [
        Group("US", "fixed", 50, "local"),
        Group("US", "tollfree", 10, "tollfree"),
        Group("CA", "fixed", 10, "local"),
        Group("GB", "fixed", 7, "fixed"),
        Group("GB", "mobile", 6, "mobile"),
        Group("DE", "fixed", 5, "local"),
        Group("FR", "fixed", 4, "national"),
        Group("AU", "mobile", 4, "mobile"),
    ]

    def __init__(self, seed: int, size: int, credentials: Mapping[str, str]) -> None:
        super().__init__(seed, size, credentials)
        self.times = TimeLine(
            self.rand, size, dt.datetime(2019, 3, 1, tzinfo=dt.UTC), self.now, descending=True
        )
        self.account = credentials.get("auth_id", "MANUMBERHUBMOCK00001")
        self.subaccounts = [
            ("SA" + self.rand.hex(k, "subaccount", 18).upper(), name)
            for k, name in enumerate(("Support team", "EU operations", "Reseller 7"))
        ]
        self._renewal_dates: dict[int, str] = {}
        for day in range(1, 29):
            month = self.now.replace(day=day).date()
            if month <= self.now.date():
                month = (month.replace(day=1) + dt.timedelta(days=32)).replace(day=day)
            self._renewal_dates[day] = month.isoformat()

    def _sub_account(self, one_in_four: bool, which_bits: int) -> str | None:
        if one_in_four:
            return pick_of(which_bits, self.subaccounts)[0]
        return None

    def _sub_account_name(self, sub: str | None) -> str | None:
        return next((n for s, n in self.subaccounts if s == sub), None)

    def _renewal(self, added: dt.date) -> str:
        """The next monthly anniversary of ``added_on``."""
        return self._renewal_dates[min(added.day, 28)]

    def _application(self, has_app: bool, bits: int) -> str | None:
        return (
            f"/v1/Account/{self.account}/Application/{10**16 + bits % (9 * 10**16)}/"
            if has_app
            else None
        )

    def fields(self, variant: str | None) -> Fields:
        """See ``Profile.fields``."""
        block, draws, chances = self.block_at, self.draws, self.chances
        number = derive(lambda e164: e164[1:], self.e164_at)
        sub_account = derive(self._sub_account, chances("sub", 0.25), draws("sub-which"))
        sms = derive(_sms, block, chances("sms", 0.1), chances("sms", 0.8))
        tfv = derive(_tfv, block, draws("tfv"))
        compliance = derive(_compliance, block)
        return {
            "number": number,
            "alias": derive(_alias, draws("alias"), draws("alias-name")),
            "sub_account": sub_account,
            "sub_account_name": derive(self._sub_account_name, sub_account),
            "added_on": derive(dt.date.isoformat, self.times.days),
            "application": derive(self._application, chances("has-app", 0.7), draws("app")),
            "carrier": const("Plivo"),
            "region": derive(_region, block),
            "city": derive(_city, block),
            "country": derive(_country, block),
            "number_type": derive(_label, block),
            "active": derive(operator.not_, chances("inactive", 0.02)),
            "monthly_rental_rate": derive(lambda b: _RATES.get(b.group.label, _RATE)[0], block),
            "sms_enabled": sms,
            "sms_rate": const("0.00000"),
            "mms_enabled": derive(_mms, block, sms, chances("mms", 0.7)),
            "mms_rate": const("0.00000"),
            "voice_enabled": derive(operator.not_, chances("voice", 0.03)),
            "voice_rate": derive(lambda b: _RATES.get(b.group.label, _RATE)[1], block),
            "renewal_date": derive(self._renewal, self.times.days),
            "cnam": const(None),
            "cnam_lookup": derive(_cnam, block, chances("cnam", 0.3)),
            "tendlc_registration_status": derive(_tendlc_status, block, draws("10dlc")),
            "tendlc_campaign_id": derive(_campaign, block, draws("10dlc"), draws("campaign")),
            "toll_free_sms_verification": tfv,
            "toll_free_sms_verification_id": derive(_tfv_id, tfv, self.uuids("tfv-id")),
            "toll_free_sms_verification_order_status": derive(_tfv_order, tfv),
            "compliance_application_id": derive(_if, compliance, self.uuids("compliance")),
            "compliance_status": derive(lambda c: "accepted" if c else None, compliance),
            "profile_uuid": const(None),
            "caller_reputation_status": const(None),
            "resource_uri": derive(lambda n: f"/v1/Account/{self.account}/Number/{n}/", number),
        }
