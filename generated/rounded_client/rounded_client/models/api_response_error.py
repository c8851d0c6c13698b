from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.api_response_error_details_item import ApiResponseErrorDetailsItem


T = TypeVar("T", bound="ApiResponseError")


@_attrs_define
class ApiResponseError:
    """
    Attributes:
        message (str):
        details (list[ApiResponseErrorDetailsItem] | Unset):
        status (int | Unset):
        type_ (str | Unset): Open enum. Known value: generic_error.
    """

    message: str
    details: list[ApiResponseErrorDetailsItem] | Unset = UNSET
    status: int | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        details: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = []
            for details_item_data in self.details:
                details_item = details_item_data.to_dict()
                details.append(details_item)

        status = self.status

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
            }
        )
        if details is not UNSET:
            field_dict["details"] = details
        if status is not UNSET:
            field_dict["status"] = status
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_response_error_details_item import ApiResponseErrorDetailsItem  # noqa: PLC0415

        d = dict(src_dict)
        message = d.pop("message")

        _details = d.pop("details", UNSET)
        details: list[ApiResponseErrorDetailsItem] | Unset = UNSET
        if _details is not UNSET:
            details = []
            for details_item_data in _details:
                details_item = ApiResponseErrorDetailsItem.from_dict(details_item_data)

                details.append(details_item)

        status = d.pop("status", UNSET)

        type_ = d.pop("type", UNSET)

        api_response_error = cls(
            message=message,
            details=details,
            status=status,
            type_=type_,
        )

        api_response_error.additional_properties = d
        return api_response_error

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
