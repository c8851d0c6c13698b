from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.number_list_page import NumberListPage


T = TypeVar("T", bound="NumberListEnvelope")


@_attrs_define
class NumberListEnvelope:
    """DuoPlus's envelope, success and error alike (https://help.duoplus.net/docs/Introduction).
    `data` is typed as an object, a list or null, so that an error's `[]` or `{}` fits;
    its properties describe the page and apply only when it is an object. When `code` is
    200, `data` must be the page with all its paging fields (this schema's `if`/`then`).
    No `anyOf` wraps the page, so a broken item is reported at its own path,
    `$.data.list[i]...`.

        Attributes:
            code (int): 200 on success; otherwise an error code (401 invalid key, ...).
            message (str):
            data (list[Any] | None | NumberListPage | Unset): The page on success: `{list, page, pagesize, total,
                total_page}`. On error null,
                `{}` or `[]` (the introduction's envelope; not to be relied on).
    """

    code: int
    message: str
    data: list[Any] | None | NumberListPage | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.number_list_page import NumberListPage  # noqa: PLC0415

        code = self.code

        message = self.message

        data: dict[str, Any] | list[Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, NumberListPage):
            data = self.data.to_dict()
        elif isinstance(self.data, list):
            data = self.data

        else:
            data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.number_list_page import NumberListPage  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        def _parse_data(data: object) -> list[Any] | None | NumberListPage | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = NumberListPage.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                data_type_1 = cast(list[Any], data)

                return data_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | NumberListPage | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        number_list_envelope = cls(
            code=code,
            message=message,
            data=data,
        )

        number_list_envelope.additional_properties = d
        return number_list_envelope

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
