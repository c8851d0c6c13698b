from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_response_error import ErrorResponseError


T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """Butter does not document its error body. `{"success": false, "error": {"code",
    "message"}}`, in the style of its success envelope, is assumed (not verified), so
    no field is required and `success` is not pinned to false.

        Attributes:
            success (bool | Unset): false on error (assumed).
            error (ErrorResponseError | Unset): What went wrong (assumed shape).
    """

    success: bool | Unset = UNSET
    error: ErrorResponseError | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if success is not UNSET:
            field_dict["success"] = success
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_response_error import ErrorResponseError  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success", UNSET)

        _error = d.pop("error", UNSET)
        error: ErrorResponseError | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = ErrorResponseError.from_dict(_error)

        error_response = cls(
            success=success,
            error=error,
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
