from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.directions import Directions


T = TypeVar("T", bound="Capabilities")


@_attrs_define
class Capabilities:
    """What the number can do, per channel. Bird documents voice, sms and mms; `whatsapp`
    is assumed (the `features` filter accepts `whatsapp`, read from
    `whatsapp.outbound`) and is absent on numbers without it.

        Attributes:
            voice (Directions | Unset):
            sms (Directions | Unset):
            mms (Directions | Unset):
            whatsapp (Directions | Unset):
    """

    voice: Directions | Unset = UNSET
    sms: Directions | Unset = UNSET
    mms: Directions | Unset = UNSET
    whatsapp: Directions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        voice: dict[str, Any] | Unset = UNSET
        if not isinstance(self.voice, Unset):
            voice = self.voice.to_dict()

        sms: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sms, Unset):
            sms = self.sms.to_dict()

        mms: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mms, Unset):
            mms = self.mms.to_dict()

        whatsapp: dict[str, Any] | Unset = UNSET
        if not isinstance(self.whatsapp, Unset):
            whatsapp = self.whatsapp.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if voice is not UNSET:
            field_dict["voice"] = voice
        if sms is not UNSET:
            field_dict["sms"] = sms
        if mms is not UNSET:
            field_dict["mms"] = mms
        if whatsapp is not UNSET:
            field_dict["whatsapp"] = whatsapp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.directions import Directions  # noqa: PLC0415

        d = dict(src_dict)
        _voice = d.pop("voice", UNSET)
        voice: Directions | Unset
        if isinstance(_voice, Unset):
            voice = UNSET
        else:
            voice = Directions.from_dict(_voice)

        _sms = d.pop("sms", UNSET)
        sms: Directions | Unset
        if isinstance(_sms, Unset):
            sms = UNSET
        else:
            sms = Directions.from_dict(_sms)

        _mms = d.pop("mms", UNSET)
        mms: Directions | Unset
        if isinstance(_mms, Unset):
            mms = UNSET
        else:
            mms = Directions.from_dict(_mms)

        _whatsapp = d.pop("whatsapp", UNSET)
        whatsapp: Directions | Unset
        if isinstance(_whatsapp, Unset):
            whatsapp = UNSET
        else:
            whatsapp = Directions.from_dict(_whatsapp)

        capabilities = cls(
            voice=voice,
            sms=sms,
            mms=mms,
            whatsapp=whatsapp,
        )

        capabilities.additional_properties = d
        return capabilities

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
