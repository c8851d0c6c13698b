from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_response_error_type_1 import ErrorResponseErrorType1


T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """Plivo's error body. `error` is usually a message, sometimes an object.

    Attributes:
        error (ErrorResponseErrorType1 | str):
        api_id (str | Unset):
    """

    error: ErrorResponseErrorType1 | str
    api_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.error_response_error_type_1 import ErrorResponseErrorType1  # noqa: PLC0415

        error: dict[str, Any] | str
        if isinstance(self.error, ErrorResponseErrorType1):
            error = self.error.to_dict()
        else:
            error = self.error

        api_id = self.api_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if api_id is not UNSET:
            field_dict["api_id"] = api_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_response_error_type_1 import ErrorResponseErrorType1  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_error(data: object) -> ErrorResponseErrorType1 | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_1 = ErrorResponseErrorType1.from_dict(data)

                return error_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorResponseErrorType1 | str, data)

        error = _parse_error(d.pop("error"))

        api_id = d.pop("api_id", UNSET)

        error_response = cls(
            error=error,
            api_id=api_id,
        )

        error_response.additional_properties = d
        return error_response

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
