from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.capabilities import Capabilities
    from ..models.money import Money


T = TypeVar("T", bound="StockItem")


@_attrs_define
class StockItem:
    """A number in stock. `id` and `numberString` (the item's identity and its number) are
    required: the reference's example
    (https://docs.bird.com/api/numbers-api/api-reference/search-available-numbers)
    carries both and the wrapper cannot use an item without them. Other fields may be
    missing.

        Attributes:
            id (str): Stock item id, a UUID in the reference's example
                (https://docs.bird.com/api/numbers-api/api-reference/search-available-numbers);
                not a stated format, so not enforced.
            number_string (str): E.164 with the leading "+".
            country_code (str | Unset): ISO 3166-1 alpha-2 country.
            type_ (str | Unset): Open enum. Known values: local, national, mobile, toll-free.
            capabilities (Capabilities | Unset): What the number can do, per channel. Bird documents voice, sms and mms;
                `whatsapp`
                is assumed (the `features` filter accepts `whatsapp`, read from
                `whatsapp.outbound`) and is absent on numbers without it.
            monthly_price (Money | Unset): `amount * 10**exponent` in `currencyCode`: 3500000 with exponent -6 is 3.50. All
                three are required because the price means nothing without any of them, and the
                reference's example carries all three.
            back_order_required (bool | Unset):
            back_order_stock_id (None | str | Unset):
    """

    id: str
    number_string: str
    country_code: str | Unset = UNSET
    type_: str | Unset = UNSET
    capabilities: Capabilities | Unset = UNSET
    monthly_price: Money | Unset = UNSET
    back_order_required: bool | Unset = UNSET
    back_order_stock_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number_string = self.number_string

        country_code = self.country_code

        type_ = self.type_

        capabilities: dict[str, Any] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = self.capabilities.to_dict()

        monthly_price: dict[str, Any] | Unset = UNSET
        if not isinstance(self.monthly_price, Unset):
            monthly_price = self.monthly_price.to_dict()

        back_order_required = self.back_order_required

        back_order_stock_id: None | str | Unset
        if isinstance(self.back_order_stock_id, Unset):
            back_order_stock_id = UNSET
        else:
            back_order_stock_id = self.back_order_stock_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "numberString": number_string,
            }
        )
        if country_code is not UNSET:
            field_dict["countryCode"] = country_code
        if type_ is not UNSET:
            field_dict["type"] = type_
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities
        if monthly_price is not UNSET:
            field_dict["monthlyPrice"] = monthly_price
        if back_order_required is not UNSET:
            field_dict["backOrderRequired"] = back_order_required
        if back_order_stock_id is not UNSET:
            field_dict["backOrderStockId"] = back_order_stock_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.capabilities import Capabilities  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number_string = d.pop("numberString")

        country_code = d.pop("countryCode", UNSET)

        type_ = d.pop("type", UNSET)

        _capabilities = d.pop("capabilities", UNSET)
        capabilities: Capabilities | Unset
        if isinstance(_capabilities, Unset):
            capabilities = UNSET
        else:
            capabilities = Capabilities.from_dict(_capabilities)

        _monthly_price = d.pop("monthlyPrice", UNSET)
        monthly_price: Money | Unset
        if isinstance(_monthly_price, Unset):
            monthly_price = UNSET
        else:
            monthly_price = Money.from_dict(_monthly_price)

        back_order_required = d.pop("backOrderRequired", UNSET)

        def _parse_back_order_stock_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        back_order_stock_id = _parse_back_order_stock_id(
            d.pop("backOrderStockId", UNSET)
        )

        stock_item = cls(
            id=id,
            number_string=number_string,
            country_code=country_code,
            type_=type_,
            capabilities=capabilities,
            monthly_price=monthly_price,
            back_order_required=back_order_required,
            back_order_stock_id=back_order_stock_id,
        )

        stock_item.additional_properties = d
        return stock_item

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
