"""Plivo: numbers rented on one account, newest first (``added_on`` descending).

Plivo documents no order; newest first is the mock's own choice (the spec's
``x-numberhub-order`` says so).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from numberhub_mock._phones import Block, Group
from numberhub_mock.profiles._base import Chunked, Profile, TimeLine, chance_of, derive, pick_of
from numberhub_mock.profiles._places import COUNTRY_NAMES

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


_TENDLC = ("COMPLETED", "REGISTERED", "PROCESSING", "UNREGISTERED")
_TFV = ("verified", "pending_verification", "unverified")
# The toll-free verification order's status, by verification status: Plivo's documented
# statuses are SUBMITTED, APPROVED, REJECTED and UPDATE_REQUIRED.
_TFV_ORDER = {"verified": "APPROVED", "pending_verification": "SUBMITTED"}


def _label(block: Block) -> str:
    return block.group.label


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
    envelope: ClassVar[Mapping[str, Any]] = {
        "api_id": "{request_id}",
        "meta": {"limit": "{limit}", "offset": "{offset}", "previous": "{previous_url}"},
    }

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

        # Single fields (also the filter columns), each a pure function of its inputs.
        block, draws, chances = self.block_at, self.draws, self.chances
        self.number = derive(lambda e164: e164[1:], self.e164_at)
        self.number_type = derive(_label, block)
        self.added_on = derive(dt.date.isoformat, Chunked(self.times.date, self.times.dates))
        self.alias = derive(_alias, draws("alias"), draws("alias-name"))
        self.sub_account = derive(self._sub_account, chances("sub", 0.25), draws("sub-which"))
        self.voice_enabled = derive(operator.not_, chances("voice", 0.03))
        self.sms_enabled = derive(_sms, block, chances("sms", 0.1), chances("sms", 0.8))
        self.mms_enabled = derive(_mms, block, self.sms_enabled, chances("mms", 0.7))
        self.tendlc_registration_status = derive(_tendlc_status, block, draws("10dlc"))
        self.tendlc_campaign_id = derive(_campaign, block, draws("10dlc"), draws("campaign"))
        self.toll_free_sms_verification = derive(_tfv, block, draws("tfv"))
        self.toll_free_sms_verification_order_status = derive(
            _tfv_order, self.toll_free_sms_verification
        )
        self.renewal_date = derive(self._renewal, Chunked(self.times.date, self.times.dates))
        self.cnam_lookup = derive(_cnam, block, chances("cnam", 0.3))

    def _sub_account(self, one_in_four: bool, which_bits: int) -> str | None:
        if one_in_four:
            return pick_of(which_bits, self.subaccounts)[0]
        return None

    def _renewal(self, added: dt.date) -> str:
        """The next monthly anniversary of ``added_on``."""
        return self._renewal_dates[min(added.day, 28)]

    def columns(self) -> Mapping[str, Callable[[int], Any]]:
        """See ``Profile.columns``."""
        return {
            "number": self.number,
            "number_type": self.number_type,
            "added_on": self.added_on,
            "alias": self.alias,
            "sub_account": self.sub_account,
            "voice_enabled": self.voice_enabled,
            "sms_enabled": self.sms_enabled,
            "mms_enabled": self.mms_enabled,
            "tendlc_registration_status": self.tendlc_registration_status,
            "tendlc_campaign_id": self.tendlc_campaign_id,
            "toll_free_sms_verification": self.toll_free_sms_verification,
            "toll_free_sms_verification_order_status": (
                self.toll_free_sms_verification_order_status
            ),
            "renewal_date": self.renewal_date,
            "cnam_lookup": self.cnam_lookup,
        }

    # -- the whole item -------------------------------------------------------------------
    def make(self, i: int, variant: str | None = None) -> dict[str, Any]:
        """See ``Profile.make``."""
        e164, block = self.phone(i)
        group = block.group
        number = e164[1:]
        country = COUNTRY_NAMES.get(block.region, block.region)
        place = block.place if block.place and block.place != country else ""
        region = f"{place}, {country.upper()}" if place else country.upper()
        sub = self.sub_account(i)
        sub_name = next((n for s, n in self.subaccounts if s == sub), None)
        voice, sms, mms = self.voice_enabled(i), self.sms_enabled(i), self.mms_enabled(i)
        rent, voice_rate = _RATES.get(group.label, ("1.00000", "0.01000"))
        tendlc_status, campaign = self.tendlc_registration_status(i), self.tendlc_campaign_id(i)
        tfv = self.toll_free_sms_verification(i)
        app = (
            f"/v1/Account/{self.account}/Application/"
            f"{10**16 + self.rand.below(i, 'app', 9 * 10**16)}/"
            if self.rand.chance(i, "has-app", 0.7)
            else None
        )
        compliance = block.region not in ("US", "CA")
        return {
            "number": number,
            "alias": self.alias(i),
            "sub_account": sub,
            "sub_account_name": sub_name,
            "added_on": self.added_on(i),
            "application": app,
            "carrier": "Plivo",
            "region": region,
            "city": place if compliance and place else None,
            "country": country,
            "number_type": group.label,
            "active": not self.rand.chance(i, "inactive", 0.02),
            "monthly_rental_rate": rent,
            "sms_enabled": sms,
            "sms_rate": "0.00000",
            "mms_enabled": mms,
            "mms_rate": "0.00000",
            "voice_enabled": voice,
            "voice_rate": voice_rate,
            "renewal_date": self.renewal_date(i),
            "cnam": None,
            "cnam_lookup": self.cnam_lookup(i),
            "tendlc_registration_status": tendlc_status,
            "tendlc_campaign_id": campaign,
            "toll_free_sms_verification": tfv,
            "toll_free_sms_verification_id": (
                self.rand.uuid(i, "tfv-id") if tfv in ("verified", "pending_verification") else None
            ),
            "toll_free_sms_verification_order_status": _tfv_order(tfv),
            "compliance_application_id": self.rand.uuid(i, "compliance") if compliance else None,
            "compliance_status": "accepted" if compliance else None,
            "profile_uuid": None,
            "caller_reputation_status": None,
            "resource_uri": f"/v1/Account/{self.account}/Number/{number}/",
        }
