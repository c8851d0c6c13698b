from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PstnPhoneNumber")


@_attrs_define
class PstnPhoneNumber:
    """
    Attributes:
        id (UUID):
        number (str): The number, E.164 with "+" in practice.
        type_ (Literal['pstn']):
        name (None | str | Unset):
        created_at (datetime.datetime | Unset):
        inbound_agent_id (None | Unset | UUID):
        redirect (bool | None | Unset):
        redirect_phone_number (None | str | Unset):
    """

    id: UUID
    number: str
    type_: Literal["pstn"]
    name: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    inbound_agent_id: None | Unset | UUID = UNSET
    redirect: bool | None | Unset = UNSET
    redirect_phone_number: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        number = self.number

        type_ = self.type_

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        inbound_agent_id: None | str | Unset
        if isinstance(self.inbound_agent_id, Unset):
            inbound_agent_id = UNSET
        elif isinstance(self.inbound_agent_id, UUID):
            inbound_agent_id = str(self.inbound_agent_id)
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
        field_dict.update(
            {
                "id": id,
                "number": number,
                "type": type_,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
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
        id = UUID(d.pop("id"))

        number = d.pop("number")

        type_ = cast(Literal["pstn"], d.pop("type"))
        if type_ != "pstn":
            raise ValueError(f"type must match const 'pstn', got '{type_}'")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_inbound_agent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                inbound_agent_id_type_0 = UUID(data)

                return inbound_agent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

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

        pstn_phone_number = cls(
            id=id,
            number=number,
            type_=type_,
            name=name,
            created_at=created_at,
            inbound_agent_id=inbound_agent_id,
            redirect=redirect,
            redirect_phone_number=redirect_phone_number,
        )

        pstn_phone_number.additional_properties = d
        return pstn_phone_number

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
