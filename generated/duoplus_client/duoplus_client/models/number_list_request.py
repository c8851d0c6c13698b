from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.number_list_request_order import NumberListRequestOrder
from ..models.number_list_request_renewal_status_item import (
    NumberListRequestRenewalStatusItem,
)
from ..models.number_list_request_sort_by import NumberListRequestSortBy
from ..models.number_list_request_status_item import NumberListRequestStatusItem
from ..models.number_list_request_type_ids_item import NumberListRequestTypeIdsItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="NumberListRequest")


@_attrs_define
class NumberListRequest:
    """Filters, sort order and page. Every field is optional; `{}` lists everything.

    Attributes:
        phone_number (str | Unset): Only numbers containing this text.
        status (list[NumberListRequestStatusItem] | Unset): Status codes: 1 Active, 2 Expired.
        type_ids (list[NumberListRequestTypeIdsItem] | Unset): Type codes: 1 Non-VOIP, 2 VOIP.
        region_ids (list[str] | Unset): Countries, as ISO 3166-1 alpha-2 codes (CN, US, RU, BR, ...).
        renewal_status (list[NumberListRequestRenewalStatusItem] | Unset): Auto-renewal: 1 yes, 0 no.
        remark (str | Unset): Only numbers whose remark contains this text.
        sort_by (NumberListRequestSortBy | Unset): Field to sort by.
        order (NumberListRequestOrder | Unset): Sort direction.
        page (int | Unset): Page number, starting at 1. Default: 1.
        pagesize (int | Unset): Items per page. Default: 10.
    """

    phone_number: str | Unset = UNSET
    status: list[NumberListRequestStatusItem] | Unset = UNSET
    type_ids: list[NumberListRequestTypeIdsItem] | Unset = UNSET
    region_ids: list[str] | Unset = UNSET
    renewal_status: list[NumberListRequestRenewalStatusItem] | Unset = UNSET
    remark: str | Unset = UNSET
    sort_by: NumberListRequestSortBy | Unset = UNSET
    order: NumberListRequestOrder | Unset = UNSET
    page: int | Unset = 1
    pagesize: int | Unset = 10
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        phone_number = self.phone_number

        status: list[int] | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = []
            for status_item_data in self.status:
                status_item = status_item_data.value
                status.append(status_item)

        type_ids: list[int] | Unset = UNSET
        if not isinstance(self.type_ids, Unset):
            type_ids = []
            for type_ids_item_data in self.type_ids:
                type_ids_item = type_ids_item_data.value
                type_ids.append(type_ids_item)

        region_ids: list[str] | Unset = UNSET
        if not isinstance(self.region_ids, Unset):
            region_ids = self.region_ids

        renewal_status: list[int] | Unset = UNSET
        if not isinstance(self.renewal_status, Unset):
            renewal_status = []
            for renewal_status_item_data in self.renewal_status:
                renewal_status_item = renewal_status_item_data.value
                renewal_status.append(renewal_status_item)

        remark = self.remark

        sort_by: str | Unset = UNSET
        if not isinstance(self.sort_by, Unset):
            sort_by = self.sort_by.value

        order: str | Unset = UNSET
        if not isinstance(self.order, Unset):
            order = self.order.value

        page = self.page

        pagesize = self.pagesize

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if status is not UNSET:
            field_dict["status"] = status
        if type_ids is not UNSET:
            field_dict["type_ids"] = type_ids
        if region_ids is not UNSET:
            field_dict["region_ids"] = region_ids
        if renewal_status is not UNSET:
            field_dict["renewal_status"] = renewal_status
        if remark is not UNSET:
            field_dict["remark"] = remark
        if sort_by is not UNSET:
            field_dict["sort_by"] = sort_by
        if order is not UNSET:
            field_dict["order"] = order
        if page is not UNSET:
            field_dict["page"] = page
        if pagesize is not UNSET:
            field_dict["pagesize"] = pagesize

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phone_number = d.pop("phone_number", UNSET)

        _status = d.pop("status", UNSET)
        status: list[NumberListRequestStatusItem] | Unset = UNSET
        if _status is not UNSET:
            status = []
            for status_item_data in _status:
                status_item = NumberListRequestStatusItem(status_item_data)

                status.append(status_item)

        _type_ids = d.pop("type_ids", UNSET)
        type_ids: list[NumberListRequestTypeIdsItem] | Unset = UNSET
        if _type_ids is not UNSET:
            type_ids = []
            for type_ids_item_data in _type_ids:
                type_ids_item = NumberListRequestTypeIdsItem(type_ids_item_data)

                type_ids.append(type_ids_item)

        region_ids = cast(list[str], d.pop("region_ids", UNSET))

        _renewal_status = d.pop("renewal_status", UNSET)
        renewal_status: list[NumberListRequestRenewalStatusItem] | Unset = UNSET
        if _renewal_status is not UNSET:
            renewal_status = []
            for renewal_status_item_data in _renewal_status:
                renewal_status_item = NumberListRequestRenewalStatusItem(
                    renewal_status_item_data
                )

                renewal_status.append(renewal_status_item)

        remark = d.pop("remark", UNSET)

        _sort_by = d.pop("sort_by", UNSET)
        sort_by: NumberListRequestSortBy | Unset
        if isinstance(_sort_by, Unset):
            sort_by = UNSET
        else:
            sort_by = NumberListRequestSortBy(_sort_by)

        _order = d.pop("order", UNSET)
        order: NumberListRequestOrder | Unset
        if isinstance(_order, Unset):
            order = UNSET
        else:
            order = NumberListRequestOrder(_order)

        page = d.pop("page", UNSET)

        pagesize = d.pop("pagesize", UNSET)

        number_list_request = cls(
            phone_number=phone_number,
            status=status,
            type_ids=type_ids,
            region_ids=region_ids,
            renewal_status=renewal_status,
            remark=remark,
            sort_by=sort_by,
            order=order,
            page=page,
            pagesize=pagesize,
        )

        number_list_request.additional_properties = d
        return number_list_request

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
