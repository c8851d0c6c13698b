from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cloud_number import CloudNumber


T = TypeVar("T", bound="NumberListPage")


@_attrs_define
class NumberListPage:
    """The page on success: `{list, page, pagesize, total, total_page}`. On error null,
    `{}` or `[]` (the introduction's envelope; not to be relied on).

        Attributes:
            list_ (list[CloudNumber] | Unset):
            page (int | Unset): This page's number, from 1.
            pagesize (int | Unset): Items per page, as asked.
            total (int | Unset): Items matching the filters in all (0 or more).
            total_page (int | Unset): Pages in all (0 when nothing matches).
    """

    list_: list[CloudNumber] | Unset = UNSET
    page: int | Unset = UNSET
    pagesize: int | Unset = UNSET
    total: int | Unset = UNSET
    total_page: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        list_: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.list_, Unset):
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
        field_dict.update({})
        if list_ is not UNSET:
            field_dict["list"] = list_
        if page is not UNSET:
            field_dict["page"] = page
        if pagesize is not UNSET:
            field_dict["pagesize"] = pagesize
        if total is not UNSET:
            field_dict["total"] = total
        if total_page is not UNSET:
            field_dict["total_page"] = total_page

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cloud_number import CloudNumber  # noqa: PLC0415

        d = dict(src_dict)
        _list_ = d.pop("list", UNSET)
        list_: list[CloudNumber] | Unset = UNSET
        if _list_ is not UNSET:
            list_ = []
            for list_item_data in _list_:
                list_item = CloudNumber.from_dict(list_item_data)

                list_.append(list_item)

        page = d.pop("page", UNSET)

        pagesize = d.pop("pagesize", UNSET)

        total = d.pop("total", UNSET)

        total_page = d.pop("total_page", UNSET)

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
