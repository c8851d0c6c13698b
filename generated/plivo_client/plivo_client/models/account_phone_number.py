from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountPhoneNumber")


@_attrs_define
class AccountPhoneNumber:
    """One phone number on the account. Fields are the union of the documented object and
    recorded responses; any of them but `number` may be missing, and Plivo adds new
    ones over time.

        Attributes:
            number (str): The number in E.164 form *without* the leading "+" ("18135401302" in the docs
                and every recording); that form is not a stated constraint, so not enforced.
            alias (None | str | Unset):
            sub_account (None | str | Unset): Auth ID of the subaccount the number belongs to (the docs call it
                "subaccount").
            sub_account_name (None | str | Unset):
            added_on (datetime.date | None | Unset): Date the number was added to the account. "Format: YYYY-MM-DD" is
                documented
                (https://docs.plivo.com/docs/numbers/account-phone-numbers, `added_on`).
            application (None | str | Unset): URI of the application attached to the number.
            carrier (None | str | Unset):
            region (None | str | Unset): Region and country, e.g. "Florida, UNITED STATES".
            city (None | str | Unset):
            country (None | str | Unset): Country name, e.g. "United States".
            number_type (None | str | Unset): Open enum. Known values: local, mobile, fixed, national, tollfree.
            active (bool | None | Unset):
            monthly_rental_rate (None | str | Unset): Monthly rent in USD as a decimal string, e.g. "0.80000".
            sms_enabled (bool | None | Unset):
            sms_rate (None | str | Unset):
            mms_enabled (bool | None | Unset):
            mms_rate (None | str | Unset):
            voice_enabled (bool | None | Unset):
            voice_rate (None | str | Unset):
            renewal_date (datetime.date | None | Unset): Next billing date. "Format: YYYY-MM-DD" is documented
                (https://docs.plivo.com/docs/numbers/account-phone-numbers, `renewal_date`).
            cnam (None | str | Unset):
            cnam_lookup (None | str | Unset): Open enum. Known values: enabled, disabled.
            tendlc_registration_status (None | str | Unset): Open enum. Documented: UNREGISTERED, PROCESSING, COMPLETED
                (https://docs.plivo.com/docs/numbers/account-phone-numbers); also seen:
                REGISTERED (plivo-python's recorded fixtures/numberListResponse.json).
            tendlc_campaign_id (None | str | Unset):
            toll_free_sms_verification (None | str | Unset): Open enum. Documented in upper case (UNVERIFIED,
                PENDING_VERIFICATION,
                VERIFIED); responses carry lower case (unverified, pending_verification,
                verified).
            toll_free_sms_verification_id (None | str | Unset):
            toll_free_sms_verification_order_status (None | str | Unset): Open enum. Known values: SUBMITTED, APPROVED,
                REJECTED, UPDATE_REQUIRED (Plivo's
                toll-free verification statuses,
                https://docs.plivo.com/docs/messaging/api/tf-verification/toll-free-verification-statuses);
                APPROVED seen in plivo-go's recorded fixtures/numberListResponse.json.
            compliance_application_id (None | str | Unset):
            compliance_status (None | str | Unset): Open enum.
            profile_uuid (None | str | Unset):
            caller_reputation_status (None | str | Unset): Open enum.
            resource_uri (None | str | Unset):
    """

    number: str
    alias: None | str | Unset = UNSET
    sub_account: None | str | Unset = UNSET
    sub_account_name: None | str | Unset = UNSET
    added_on: datetime.date | None | Unset = UNSET
    application: None | str | Unset = UNSET
    carrier: None | str | Unset = UNSET
    region: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    number_type: None | str | Unset = UNSET
    active: bool | None | Unset = UNSET
    monthly_rental_rate: None | str | Unset = UNSET
    sms_enabled: bool | None | Unset = UNSET
    sms_rate: None | str | Unset = UNSET
    mms_enabled: bool | None | Unset = UNSET
    mms_rate: None | str | Unset = UNSET
    voice_enabled: bool | None | Unset = UNSET
    voice_rate: None | str | Unset = UNSET
    renewal_date: datetime.date | None | Unset = UNSET
    cnam: None | str | Unset = UNSET
    cnam_lookup: None | str | Unset = UNSET
    tendlc_registration_status: None | str | Unset = UNSET
    tendlc_campaign_id: None | str | Unset = UNSET
    toll_free_sms_verification: None | str | Unset = UNSET
    toll_free_sms_verification_id: None | str | Unset = UNSET
    toll_free_sms_verification_order_status: None | str | Unset = UNSET
    compliance_application_id: None | str | Unset = UNSET
    compliance_status: None | str | Unset = UNSET
    profile_uuid: None | str | Unset = UNSET
    caller_reputation_status: None | str | Unset = UNSET
    resource_uri: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        alias: None | str | Unset
        if isinstance(self.alias, Unset):
            alias = UNSET
        else:
            alias = self.alias

        sub_account: None | str | Unset
        if isinstance(self.sub_account, Unset):
            sub_account = UNSET
        else:
            sub_account = self.sub_account

        sub_account_name: None | str | Unset
        if isinstance(self.sub_account_name, Unset):
            sub_account_name = UNSET
        else:
            sub_account_name = self.sub_account_name

        added_on: None | str | Unset
        if isinstance(self.added_on, Unset):
            added_on = UNSET
        elif isinstance(self.added_on, datetime.date):
            added_on = self.added_on.isoformat()
        else:
            added_on = self.added_on

        application: None | str | Unset
        if isinstance(self.application, Unset):
            application = UNSET
        else:
            application = self.application

        carrier: None | str | Unset
        if isinstance(self.carrier, Unset):
            carrier = UNSET
        else:
            carrier = self.carrier

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        number_type: None | str | Unset
        if isinstance(self.number_type, Unset):
            number_type = UNSET
        else:
            number_type = self.number_type

        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        monthly_rental_rate: None | str | Unset
        if isinstance(self.monthly_rental_rate, Unset):
            monthly_rental_rate = UNSET
        else:
            monthly_rental_rate = self.monthly_rental_rate

        sms_enabled: bool | None | Unset
        if isinstance(self.sms_enabled, Unset):
            sms_enabled = UNSET
        else:
            sms_enabled = self.sms_enabled

        sms_rate: None | str | Unset
        if isinstance(self.sms_rate, Unset):
            sms_rate = UNSET
        else:
            sms_rate = self.sms_rate

        mms_enabled: bool | None | Unset
        if isinstance(self.mms_enabled, Unset):
            mms_enabled = UNSET
        else:
            mms_enabled = self.mms_enabled

        mms_rate: None | str | Unset
        if isinstance(self.mms_rate, Unset):
            mms_rate = UNSET
        else:
            mms_rate = self.mms_rate

        voice_enabled: bool | None | Unset
        if isinstance(self.voice_enabled, Unset):
            voice_enabled = UNSET
        else:
            voice_enabled = self.voice_enabled

        voice_rate: None | str | Unset
        if isinstance(self.voice_rate, Unset):
            voice_rate = UNSET
        else:
            voice_rate = self.voice_rate

        renewal_date: None | str | Unset
        if isinstance(self.renewal_date, Unset):
            renewal_date = UNSET
        elif isinstance(self.renewal_date, datetime.date):
            renewal_date = self.renewal_date.isoformat()
        else:
            renewal_date = self.renewal_date

        cnam: None | str | Unset
        if isinstance(self.cnam, Unset):
            cnam = UNSET
        else:
            cnam = self.cnam

        cnam_lookup: None | str | Unset
        if isinstance(self.cnam_lookup, Unset):
            cnam_lookup = UNSET
        else:
            cnam_lookup = self.cnam_lookup

        tendlc_registration_status: None | str | Unset
        if isinstance(self.tendlc_registration_status, Unset):
            tendlc_registration_status = UNSET
        else:
            tendlc_registration_status = self.tendlc_registration_status

        tendlc_campaign_id: None | str | Unset
        if isinstance(self.tendlc_campaign_id, Unset):
            tendlc_campaign_id = UNSET
        else:
            tendlc_campaign_id = self.tendlc_campaign_id

        toll_free_sms_verification: None | str | Unset
        if isinstance(self.toll_free_sms_verification, Unset):
            toll_free_sms_verification = UNSET
        else:
            toll_free_sms_verification = self.toll_free_sms_verification

        toll_free_sms_verification_id: None | str | Unset
        if isinstance(self.toll_free_sms_verification_id, Unset):
            toll_free_sms_verification_id = UNSET
        else:
            toll_free_sms_verification_id = self.toll_free_sms_verification_id

        toll_free_sms_verification_order_status: None | str | Unset
        if isinstance(self.toll_free_sms_verification_order_status, Unset):
            toll_free_sms_verification_order_status = UNSET
        else:
            toll_free_sms_verification_order_status = (
                self.toll_free_sms_verification_order_status
            )

        compliance_application_id: None | str | Unset
        if isinstance(self.compliance_application_id, Unset):
            compliance_application_id = UNSET
        else:
            compliance_application_id = self.compliance_application_id

        compliance_status: None | str | Unset
        if isinstance(self.compliance_status, Unset):
            compliance_status = UNSET
        else:
            compliance_status = self.compliance_status

        profile_uuid: None | str | Unset
        if isinstance(self.profile_uuid, Unset):
            profile_uuid = UNSET
        else:
            profile_uuid = self.profile_uuid

        caller_reputation_status: None | str | Unset
        if isinstance(self.caller_reputation_status, Unset):
            caller_reputation_status = UNSET
        else:
            caller_reputation_status = self.caller_reputation_status

        resource_uri: None | str | Unset
        if isinstance(self.resource_uri, Unset):
            resource_uri = UNSET
        else:
            resource_uri = self.resource_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
            }
        )
        if alias is not UNSET:
            field_dict["alias"] = alias
        if sub_account is not UNSET:
            field_dict["sub_account"] = sub_account
        if sub_account_name is not UNSET:
            field_dict["sub_account_name"] = sub_account_name
        if added_on is not UNSET:
            field_dict["added_on"] = added_on
        if application is not UNSET:
            field_dict["application"] = application
        if carrier is not UNSET:
            field_dict["carrier"] = carrier
        if region is not UNSET:
            field_dict["region"] = region
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if number_type is not UNSET:
            field_dict["number_type"] = number_type
        if active is not UNSET:
            field_dict["active"] = active
        if monthly_rental_rate is not UNSET:
            field_dict["monthly_rental_rate"] = monthly_rental_rate
        if sms_enabled is not UNSET:
            field_dict["sms_enabled"] = sms_enabled
        if sms_rate is not UNSET:
            field_dict["sms_rate"] = sms_rate
        if mms_enabled is not UNSET:
            field_dict["mms_enabled"] = mms_enabled
        if mms_rate is not UNSET:
            field_dict["mms_rate"] = mms_rate
        if voice_enabled is not UNSET:
            field_dict["voice_enabled"] = voice_enabled
        if voice_rate is not UNSET:
            field_dict["voice_rate"] = voice_rate
        if renewal_date is not UNSET:
            field_dict["renewal_date"] = renewal_date
        if cnam is not UNSET:
            field_dict["cnam"] = cnam
        if cnam_lookup is not UNSET:
            field_dict["cnam_lookup"] = cnam_lookup
        if tendlc_registration_status is not UNSET:
            field_dict["tendlc_registration_status"] = tendlc_registration_status
        if tendlc_campaign_id is not UNSET:
            field_dict["tendlc_campaign_id"] = tendlc_campaign_id
        if toll_free_sms_verification is not UNSET:
            field_dict["toll_free_sms_verification"] = toll_free_sms_verification
        if toll_free_sms_verification_id is not UNSET:
            field_dict["toll_free_sms_verification_id"] = toll_free_sms_verification_id
        if toll_free_sms_verification_order_status is not UNSET:
            field_dict["toll_free_sms_verification_order_status"] = (
                toll_free_sms_verification_order_status
            )
        if compliance_application_id is not UNSET:
            field_dict["compliance_application_id"] = compliance_application_id
        if compliance_status is not UNSET:
            field_dict["compliance_status"] = compliance_status
        if profile_uuid is not UNSET:
            field_dict["profile_uuid"] = profile_uuid
        if caller_reputation_status is not UNSET:
            field_dict["caller_reputation_status"] = caller_reputation_status
        if resource_uri is not UNSET:
            field_dict["resource_uri"] = resource_uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        def _parse_alias(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        alias = _parse_alias(d.pop("alias", UNSET))

        def _parse_sub_account(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sub_account = _parse_sub_account(d.pop("sub_account", UNSET))

        def _parse_sub_account_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sub_account_name = _parse_sub_account_name(d.pop("sub_account_name", UNSET))

        def _parse_added_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                added_on_type_0 = datetime.date.fromisoformat(data)

                return added_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        added_on = _parse_added_on(d.pop("added_on", UNSET))

        def _parse_application(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        application = _parse_application(d.pop("application", UNSET))

        def _parse_carrier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        carrier = _parse_carrier(d.pop("carrier", UNSET))

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_number_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number_type = _parse_number_type(d.pop("number_type", UNSET))

        def _parse_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        def _parse_monthly_rental_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        monthly_rental_rate = _parse_monthly_rental_rate(
            d.pop("monthly_rental_rate", UNSET)
        )

        def _parse_sms_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        sms_enabled = _parse_sms_enabled(d.pop("sms_enabled", UNSET))

        def _parse_sms_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sms_rate = _parse_sms_rate(d.pop("sms_rate", UNSET))

        def _parse_mms_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        mms_enabled = _parse_mms_enabled(d.pop("mms_enabled", UNSET))

        def _parse_mms_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mms_rate = _parse_mms_rate(d.pop("mms_rate", UNSET))

        def _parse_voice_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        voice_enabled = _parse_voice_enabled(d.pop("voice_enabled", UNSET))

        def _parse_voice_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        voice_rate = _parse_voice_rate(d.pop("voice_rate", UNSET))

        def _parse_renewal_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                renewal_date_type_0 = datetime.date.fromisoformat(data)

                return renewal_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        renewal_date = _parse_renewal_date(d.pop("renewal_date", UNSET))

        def _parse_cnam(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cnam = _parse_cnam(d.pop("cnam", UNSET))

        def _parse_cnam_lookup(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cnam_lookup = _parse_cnam_lookup(d.pop("cnam_lookup", UNSET))

        def _parse_tendlc_registration_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tendlc_registration_status = _parse_tendlc_registration_status(
            d.pop("tendlc_registration_status", UNSET)
        )

        def _parse_tendlc_campaign_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tendlc_campaign_id = _parse_tendlc_campaign_id(
            d.pop("tendlc_campaign_id", UNSET)
        )

        def _parse_toll_free_sms_verification(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        toll_free_sms_verification = _parse_toll_free_sms_verification(
            d.pop("toll_free_sms_verification", UNSET)
        )

        def _parse_toll_free_sms_verification_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        toll_free_sms_verification_id = _parse_toll_free_sms_verification_id(
            d.pop("toll_free_sms_verification_id", UNSET)
        )

        def _parse_toll_free_sms_verification_order_status(
            data: object,
        ) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        toll_free_sms_verification_order_status = (
            _parse_toll_free_sms_verification_order_status(
                d.pop("toll_free_sms_verification_order_status", UNSET)
            )
        )

        def _parse_compliance_application_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        compliance_application_id = _parse_compliance_application_id(
            d.pop("compliance_application_id", UNSET)
        )

        def _parse_compliance_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        compliance_status = _parse_compliance_status(d.pop("compliance_status", UNSET))

        def _parse_profile_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        profile_uuid = _parse_profile_uuid(d.pop("profile_uuid", UNSET))

        def _parse_caller_reputation_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        caller_reputation_status = _parse_caller_reputation_status(
            d.pop("caller_reputation_status", UNSET)
        )

        def _parse_resource_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resource_uri = _parse_resource_uri(d.pop("resource_uri", UNSET))

        account_phone_number = cls(
            number=number,
            alias=alias,
            sub_account=sub_account,
            sub_account_name=sub_account_name,
            added_on=added_on,
            application=application,
            carrier=carrier,
            region=region,
            city=city,
            country=country,
            number_type=number_type,
            active=active,
            monthly_rental_rate=monthly_rental_rate,
            sms_enabled=sms_enabled,
            sms_rate=sms_rate,
            mms_enabled=mms_enabled,
            mms_rate=mms_rate,
            voice_enabled=voice_enabled,
            voice_rate=voice_rate,
            renewal_date=renewal_date,
            cnam=cnam,
            cnam_lookup=cnam_lookup,
            tendlc_registration_status=tendlc_registration_status,
            tendlc_campaign_id=tendlc_campaign_id,
            toll_free_sms_verification=toll_free_sms_verification,
            toll_free_sms_verification_id=toll_free_sms_verification_id,
            toll_free_sms_verification_order_status=toll_free_sms_verification_order_status,
            compliance_application_id=compliance_application_id,
            compliance_status=compliance_status,
            profile_uuid=profile_uuid,
            caller_reputation_status=caller_reputation_status,
            resource_uri=resource_uri,
        )

        account_phone_number.additional_properties = d
        return account_phone_number

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
