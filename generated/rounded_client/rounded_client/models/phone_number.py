from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PhoneNumber")


@_attrs_define
class PhoneNumber:
    """A PSTN or SIP number. The reference
    (https://docs.callrounded.com/api-reference/phone-numbers/list-phone-numbers) lists
    two shapes told apart by `type`: "PSTN Phone Number" (`type: "pstn"`, with `id`,
    `number`, `name`, `inbound_agent_id`, `redirect`, `redirect_phone_number`,
    `created_at`) and "SIP Phone Number" (`type: "sip"`, fields unpublished). One open
    schema holds the union of their fields and requires none: the reference's required
    marks are not published for the item, and a SIP number may lack what a PSTN one
    has.

        Attributes:
            id (str | Unset): The number's id, a UUID in the reference's example (not enforced).
            number (None | str | Unset): The number, E.164 with "+" for PSTN numbers; a SIP URI for some SIP numbers.
            name (None | str | Unset):
            created_at (str | Unset): Creation time, ISO 8601 ("2023-11-07T05:31:56Z" in the reference's example; the
                cursor parameter's description calls it an "ISO 8601 datetime"). Not enforced.
            type_ (str | Unset): Open enum. Known values: pstn, sip.
            inbound_agent_id (None | str | Unset): The agent answering inbound calls, a UUID in the reference's example (not
                enforced).
            redirect (bool | None | Unset): Whether inbound calls are redirected (PSTN).
            redirect_phone_number (None | str | Unset): Where inbound calls are redirected to (PSTN).
    """

    id: str | Unset = UNSET
    number: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    created_at: str | Unset = UNSET
    type_: str | Unset = UNSET
    inbound_agent_id: None | str | Unset = UNSET
    redirect: bool | None | Unset = UNSET
    redirect_phone_number: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        created_at = self.created_at

        type_ = self.type_

        inbound_agent_id: None | str | Unset
        if isinstance(self.inbound_agent_id, Unset):
            inbound_agent_id = UNSET
        else:
            inbound_agent_id = self.inbound_agent_id

        redirect: bool | None | Unset
        if isinstance(self.redirect, Unset):
            redirect = UNSET
        else:
            redirect = self.redirect

        redirect_phone_number: None | str | Unset
        if isinstance(self.redirect_phone_number, Unset):
            redirect_phone_number = UNSET
        else:
            redirect_phone_number = self.redirect_phone_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if number is not UNSET:
            field_dict["number"] = number
        if name is not UNSET:
            field_dict["name"] = name
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if type_ is not UNSET:
            field_dict["type"] = type_
        if inbound_agent_id is not UNSET:
            field_dict["inbound_agent_id"] = inbound_agent_id
        if redirect is not UNSET:
            field_dict["redirect"] = redirect
        if redirect_phone_number is not UNSET:
            field_dict["redirect_phone_number"] = redirect_phone_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        def _parse_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        created_at = d.pop("created_at", UNSET)

        type_ = d.pop("type", UNSET)

        def _parse_inbound_agent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        inbound_agent_id = _parse_inbound_agent_id(d.pop("inbound_agent_id", UNSET))

        def _parse_redirect(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        redirect = _parse_redirect(d.pop("redirect", UNSET))

        def _parse_redirect_phone_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        redirect_phone_number = _parse_redirect_phone_number(
            d.pop("redirect_phone_number", UNSET)
        )

        phone_number = cls(
            id=id,
            number=number,
            name=name,
            created_at=created_at,
            type_=type_,
            inbound_agent_id=inbound_agent_id,
            redirect=redirect,
            redirect_phone_number=redirect_phone_number,
        )

        phone_number.additional_properties = d
        return phone_number

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
