from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CloudNumber")


@_attrs_define
class CloudNumber:
    """
    Attributes:
        id (str): Short opaque cloud-number id, e.g. "6XdPL".
        phone_number (str): The number; an empty string while it is being generated.
        region_name (str | Unset): Localized region (by `Lang`).
        type_name (str | Unset): Localized type, e.g. "VOIP" or "Non-VOIP" (by `Lang`).
        status_name (str | Unset): Localized status, e.g. "Normal" or "Expired" (by `Lang`).
        renewal_status (int | Unset): Auto renewal: 0 no, 1 yes. Open: other codes are passed through.
        remark (None | str | Unset):
        created_at (str | Unset): Creation time. Documented form "YYYY-MM-DD HH:MM:SS" in GMT+08:00, no offset
            (https://help.duoplus.net/docs/cloud-number-list); not enforced: "" is assumed
            while the number is being generated (not verified), and DuoPlus writes times
            elsewhere as Unix seconds in a string (see `expired_at`).
        expired_at (str | Unset): Expiry time. Documented form "YYYY-MM-DD HH:MM:SS" in GMT+08:00, no offset
            (https://help.duoplus.net/docs/cloud-number-list); not enforced: DuoPlus's
            renewal-package endpoint answers the same field as Unix seconds in a string,
            "1849316235" (https://help.duoplus.net/docs/renewal-package-details), and "" is
            assumed while the number is being generated (not verified).
        region_id (str | Unset): ISO 3166-1 alpha-2 country (older versions).
        type_id (int | Unset): Type code, 1 Non-VOIP, 2 VOIP (older versions). Open.
        status (int | Unset): Status code, 1 Active, 2 Expired (older versions). Open.
    """

    id: str
    phone_number: str
    region_name: str | Unset = UNSET
    type_name: str | Unset = UNSET
    status_name: str | Unset = UNSET
    renewal_status: int | Unset = UNSET
    remark: None | str | Unset = UNSET
    created_at: str | Unset = UNSET
    expired_at: str | Unset = UNSET
    region_id: str | Unset = UNSET
    type_id: int | Unset = UNSET
    status: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        phone_number = self.phone_number

        region_name = self.region_name

        type_name = self.type_name

        status_name = self.status_name

        renewal_status = self.renewal_status

        remark: None | str | Unset
        if isinstance(self.remark, Unset):
            remark = UNSET
        else:
            remark = self.remark

        created_at = self.created_at

        expired_at = self.expired_at

        region_id = self.region_id

        type_id = self.type_id

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "phone_number": phone_number,
            }
        )
        if region_name is not UNSET:
            field_dict["region_name"] = region_name
        if type_name is not UNSET:
            field_dict["type_name"] = type_name
        if status_name is not UNSET:
            field_dict["status_name"] = status_name
        if renewal_status is not UNSET:
            field_dict["renewal_status"] = renewal_status
        if remark is not UNSET:
            field_dict["remark"] = remark
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if expired_at is not UNSET:
            field_dict["expired_at"] = expired_at
        if region_id is not UNSET:
            field_dict["region_id"] = region_id
        if type_id is not UNSET:
            field_dict["type_id"] = type_id
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        phone_number = d.pop("phone_number")

        region_name = d.pop("region_name", UNSET)

        type_name = d.pop("type_name", UNSET)

        status_name = d.pop("status_name", UNSET)

        renewal_status = d.pop("renewal_status", UNSET)

        def _parse_remark(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        remark = _parse_remark(d.pop("remark", UNSET))

        created_at = d.pop("created_at", UNSET)

        expired_at = d.pop("expired_at", UNSET)

        region_id = d.pop("region_id", UNSET)

        type_id = d.pop("type_id", UNSET)

        status = d.pop("status", UNSET)

        cloud_number = cls(
            id=id,
            phone_number=phone_number,
            region_name=region_name,
            type_name=type_name,
            status_name=status_name,
            renewal_status=renewal_status,
            remark=remark,
            created_at=created_at,
            expired_at=expired_at,
            region_id=region_id,
            type_id=type_id,
            status=status,
        )

        cloud_number.additional_properties = d
        return cloud_number

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
