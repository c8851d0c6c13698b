"""Contains all the data models used in inputs/outputs"""

from .cloud_number import CloudNumber
from .error_envelope import ErrorEnvelope
from .list_numbers_lang import ListNumbersLang
from .number_list_envelope import NumberListEnvelope
from .number_list_page import NumberListPage
from .number_list_request import NumberListRequest
from .number_list_request_order import NumberListRequestOrder
from .number_list_request_renewal_status_item import NumberListRequestRenewalStatusItem
from .number_list_request_sort_by import NumberListRequestSortBy
from .number_list_request_status_item import NumberListRequestStatusItem
from .number_list_request_type_ids_item import NumberListRequestTypeIdsItem

__all__ = (
    "CloudNumber",
    "ErrorEnvelope",
    "ListNumbersLang",
    "NumberListEnvelope",
    "NumberListPage",
    "NumberListRequest",
    "NumberListRequestOrder",
    "NumberListRequestRenewalStatusItem",
    "NumberListRequestSortBy",
    "NumberListRequestStatusItem",
    "NumberListRequestTypeIdsItem",
)
