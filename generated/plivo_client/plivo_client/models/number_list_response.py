from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.account_phone_number import AccountPhoneNumber
    from ..models.meta import Meta


T = TypeVar("T", bound="NumberListResponse")


@_attrs_define
class NumberListResponse:
    """
    Attributes:
        api_id (str): Identifier of this API request.
        meta (Meta): Paging of the list. All five keys are in the docs' example and in every recorded
            answer (plivo-python and plivo-go fixtures/numberListResponse.json), so they are
            required; `next` is the paging engine's end signal and next-page path.
        objects (list[AccountPhoneNumber]):
    """

    api_id: str
    meta: Meta
    objects: list[AccountPhoneNumber]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_id = self.api_id

        meta = self.meta.to_dict()

        objects = []
        for objects_item_data in self.objects:
            objects_item = objects_item_data.to_dict()
            objects.append(objects_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_id": api_id,
                "meta": meta,
                "objects": objects,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_phone_number import AccountPhoneNumber  # noqa: PLC0415
        from ..models.meta import Meta  # noqa: PLC0415

        d = dict(src_dict)
        api_id = d.pop("api_id")

        meta = Meta.from_dict(d.pop("meta"))

        objects = []
        _objects = d.pop("objects")
        for objects_item_data in _objects:
            objects_item = AccountPhoneNumber.from_dict(objects_item_data)

            objects.append(objects_item)

        number_list_response = cls(
            api_id=api_id,
            meta=meta,
            objects=objects,
        )

        number_list_response.additional_properties = d
        return number_list_response

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
