from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PhoneNumberSummary")


@_attrs_define
class PhoneNumberSummary:
    """One number. `phone_number_id` (its identity) and `phone_number` are in every item
    of the reference's example (https://docs.getbutter.ai/api-reference/phone-numbers/list),
    so they are required; the other fields may be missing.

        Attributes:
            phone_number_id (str): Documented form "phon_" and 12 or more hexadecimal characters
                (https://docs.getbutter.ai/api-reference/introduction, "ID Format"); not
                enforced, because Butter's calls reference describes ids as "prefix +
                alphanumeric" (https://butterai.mintlify.app/api-reference/calls/get) and an
                older version of the introduction showed "agent_123".
            phone_number (str): E.164 with the leading "+".
            provider (str | Unset): Open enum. Known values: twilio, sip.
            status (str | Unset): Open enum. Known values: free, assigned.
            supports_inbound (bool | Unset):
            supports_outbound (bool | Unset):
            assigned_agent_id (None | str | Unset): "agent_..." when assigned to an agent.
            integration_id (None | str | Unset): "intg_..." (full object only).
            created_at (str | Unset): Creation time, ISO 8601 in UTC ("2024-01-15T10:30:00Z" in the list page's
                example); the format is not stated in Butter's reference, so not enforced.
            updated_at (None | str | Unset): Last change, ISO 8601 like `created_at` (full object only; not enforced).
    """

    phone_number_id: str
    phone_number: str
    provider: str | Unset = UNSET
    status: str | Unset = UNSET
    supports_inbound: bool | Unset = UNSET
    supports_outbound: bool | Unset = UNSET
    assigned_agent_id: None | str | Unset = UNSET
    integration_id: None | str | Unset = UNSET
    created_at: str | Unset = UNSET
    updated_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        phone_number_id = self.phone_number_id

        phone_number = self.phone_number

        provider = self.provider

        status = self.status

        supports_inbound = self.supports_inbound

        supports_outbound = self.supports_outbound

        assigned_agent_id: None | str | Unset
        if isinstance(self.assigned_agent_id, Unset):
            assigned_agent_id = UNSET
        else:
            assigned_agent_id = self.assigned_agent_id

        integration_id: None | str | Unset
        if isinstance(self.integration_id, Unset):
            integration_id = UNSET
        else:
            integration_id = self.integration_id

        created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "phone_number_id": phone_number_id,
                "phone_number": phone_number,
            }
        )
        if provider is not UNSET:
            field_dict["provider"] = provider
        if status is not UNSET:
            field_dict["status"] = status
        if supports_inbound is not UNSET:
            field_dict["supports_inbound"] = supports_inbound
        if supports_outbound is not UNSET:
            field_dict["supports_outbound"] = supports_outbound
        if assigned_agent_id is not UNSET:
            field_dict["assigned_agent_id"] = assigned_agent_id
        if integration_id is not UNSET:
            field_dict["integration_id"] = integration_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phone_number_id = d.pop("phone_number_id")

        phone_number = d.pop("phone_number")

        provider = d.pop("provider", UNSET)

        status = d.pop("status", UNSET)

        supports_inbound = d.pop("supports_inbound", UNSET)

        supports_outbound = d.pop("supports_outbound", UNSET)

        def _parse_assigned_agent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assigned_agent_id = _parse_assigned_agent_id(d.pop("assigned_agent_id", UNSET))

        def _parse_integration_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        integration_id = _parse_integration_id(d.pop("integration_id", UNSET))

        created_at = d.pop("created_at", UNSET)

        def _parse_updated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        phone_number_summary = cls(
            phone_number_id=phone_number_id,
            phone_number=phone_number,
            provider=provider,
            status=status,
            supports_inbound=supports_inbound,
            supports_outbound=supports_outbound,
            assigned_agent_id=assigned_agent_id,
            integration_id=integration_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        phone_number_summary.additional_properties = d
        return phone_number_summary

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
