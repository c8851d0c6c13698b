"""Plivo: numbers rented on one account, newest first (``added_on`` descending)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from numberhub.mock._phones import Group
from numberhub.mock.profiles._base import Profile, TimeLine
from numberhub.mock.profiles._places import COUNTRY_NAMES

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
_CAMPAIGNS = ("CMPA2K9QX", "2FA_campaign", "Product_Marketing")
# (monthly rent, voice rate) by number type
_RATES = {
    "local": ("0.80000", "0.00850"),
    "tollfree": ("1.00000", "0.02200"),
    "fixed": ("1.20000", "0.00450"),
    "mobile": ("4.00000", "0.01200"),
    "national": ("2.00000", "0.00650"),
}


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

    # -- single fields (also the filter columns) ----------------------------------------
    def number(self, i: int) -> str:
        """Field ``number`` of item ``i``."""
        return self.phone(i)[0][1:]

    def number_type(self, i: int) -> str:
        """Field ``number_type`` of item ``i``."""
        return self.block(i).group.label

    def added_on(self, i: int) -> str:
        """Field ``added_on`` of item ``i``."""
        return self.times.at(i).date().isoformat()

    def alias(self, i: int) -> str | None:
        """Field ``alias`` of item ``i``."""
        r = self.rand.uniform(i, "alias")
        if r < 0.3:
            return None
        if r < 0.55:
            return ""
        return self.rand.pick(i, "alias-name", _ALIASES)

    def sub_account(self, i: int) -> str | None:
        """Field ``sub_account`` of item ``i``."""
        if self.rand.chance(i, "sub", 0.25):
            return self.rand.pick(i, "sub-which", self.subaccounts)[0]
        return None

    def services(self, i: int) -> tuple[bool, bool, bool]:
        """(voice, sms, mms) enabled."""
        block = self.block(i)
        group = block.group
        voice = not self.rand.chance(i, "voice", 0.03)
        if block.region in ("US", "CA"):
            sms = not self.rand.chance(i, "sms", 0.1)
            mms = sms and group.kind == "fixed" and self.rand.chance(i, "mms", 0.7)
        else:
            sms = group.kind == "mobile" and self.rand.chance(i, "sms", 0.8)
            mms = False
        return voice, sms, mms

    def tendlc(self, i: int) -> tuple[str | None, str | None]:
        """(registration status, campaign id): US local numbers only."""
        block = self.block(i)
        if block.region != "US" or block.group.label != "local":
            return None, None
        status = self.rand.pick(
            i, "10dlc", ("COMPLETED", "REGISTERED", "PROCESSING", "UNREGISTERED"), (50, 10, 15, 25)
        )
        campaign = (
            self.rand.pick(i, "campaign", _CAMPAIGNS)
            if status in ("COMPLETED", "REGISTERED", "PROCESSING")
            else None
        )
        return status, campaign

    def toll_free_sms_verification(self, i: int) -> str | None:
        """Field ``toll_free_sms_verification`` of item ``i``."""
        if self.block(i).group.kind != "tollfree":
            return None
        return self.rand.pick(
            i, "tfv", ("verified", "pending_verification", "unverified"), (55, 20, 25)
        )

    def renewal_date(self, i: int) -> str:
        """Field ``renewal_date`` of item ``i``."""
        day = min(self.times.at(i).day, 28)
        month = self.now.replace(day=day).date()
        if month <= self.now.date():
            month = (month.replace(day=1) + dt.timedelta(days=32)).replace(day=day)
        return month.isoformat()

    def cnam_lookup(self, i: int) -> str:
        """Field ``cnam_lookup`` of item ``i``."""
        enabled = self.block(i).region == "US" and self.rand.chance(i, "cnam", 0.3)
        return "enabled" if enabled else "disabled"

    def columns(self) -> Mapping[str, Callable[[int], Any]]:
        """See ``Profile.columns``."""
        return {
            "number": self.number,
            "number_type": self.number_type,
            "added_on": self.added_on,
            "alias": self.alias,
            "sub_account": self.sub_account,
            "voice_enabled": lambda i: self.services(i)[0],
            "sms_enabled": lambda i: self.services(i)[1],
            "mms_enabled": lambda i: self.services(i)[2],
            "tendlc_registration_status": lambda i: self.tendlc(i)[0],
            "tendlc_campaign_id": lambda i: self.tendlc(i)[1],
            "toll_free_sms_verification": self.toll_free_sms_verification,
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
        voice, sms, mms = self.services(i)
        rent, voice_rate = _RATES.get(group.label, ("1.00000", "0.01000"))
        tendlc_status, campaign = self.tendlc(i)
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
            "toll_free_sms_verification_order_status": {
                "verified": "APPROVED",
                "pending_verification": "PENDING",
            }.get(tfv or ""),
            "compliance_application_id": self.rand.uuid(i, "compliance") if compliance else None,
            "compliance_status": "accepted" if compliance else None,
            "profile_uuid": None,
            "caller_reputation_status": None,
            "resource_uri": f"/v1/Account/{self.account}/Number/{number}/",
        }
