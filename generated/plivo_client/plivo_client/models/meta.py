from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Meta")


@_attrs_define
class Meta:
    """Paging of the list. All five keys are in the docs' example and in every recorded
    answer (plivo-python and plivo-go fixtures/numberListResponse.json), so they are
    required; `next` is the paging engine's end signal and next-page path.

        Attributes:
            limit (int): The page size asked for.
            next_ (None | str): Path (with query string) of the next page, or null on the last page.
            offset (int): How many numbers were skipped (0 or more).
            previous (None | str): Path of the previous page, or null on the first page.
            total_count (int): How many numbers match the filters in all (0 or more).
    """

    limit: int
    next_: None | str
    offset: int
    previous: None | str
    total_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        limit = self.limit

        next_: None | str
        next_ = self.next_

        offset = self.offset

        previous: None | str
        previous = self.previous

        total_count = self.total_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "limit": limit,
                "next": next_,
                "offset": offset,
                "previous": previous,
                "total_count": total_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        limit = d.pop("limit")

        def _parse_next_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_ = _parse_next_(d.pop("next"))

        offset = d.pop("offset")

        def _parse_previous(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous = _parse_previous(d.pop("previous"))

        total_count = d.pop("total_count")

        meta = cls(
            limit=limit,
            next_=next_,
            offset=offset,
            previous=previous,
            total_count=total_count,
        )

        meta.additional_properties = d
        return meta

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
