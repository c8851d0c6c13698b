from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cloud_number import CloudNumber


T = TypeVar("T", bound="NumberListPage")


@_attrs_define
class NumberListPage:
    """
    Attributes:
        list_ (list[CloudNumber]):
        page (int):
        pagesize (int):
        total (int):
        total_page (int):
    """

    list_: list[CloudNumber]
    page: int
    pagesize: int
    total: int
    total_page: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        list_ = []
        for list_item_data in self.list_:
            list_item = list_item_data.to_dict()
            list_.append(list_item)

        page = self.page

        pagesize = self.pagesize

        total = self.total

        total_page = self.total_page

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "list": list_,
                "page": page,
                "pagesize": pagesize,
                "total": total,
                "total_page": total_page,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cloud_number import CloudNumber  # noqa: PLC0415

        d = dict(src_dict)
        list_ = []
        _list_ = d.pop("list")
        for list_item_data in _list_:
            list_item = CloudNumber.from_dict(list_item_data)

            list_.append(list_item)

        page = d.pop("page")

        pagesize = d.pop("pagesize")

        total = d.pop("total")

        total_page = d.pop("total_page")

        number_list_page = cls(
            list_=list_,
            page=page,
            pagesize=pagesize,
            total=total,
            total_page=total_page,
        )

        number_list_page.additional_properties = d
        return number_list_page

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
