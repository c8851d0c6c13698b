"""Contains all the data models used in inputs/outputs"""

from .error_response import ErrorResponse
from .error_response_error import ErrorResponseError
from .list_numbers_status import ListNumbersStatus
from .pagination import Pagination
from .phone_number_list import PhoneNumberList
from .phone_number_summary import PhoneNumberSummary

__all__ = (
    "ErrorResponse",
    "ErrorResponseError",
    "ListNumbersStatus",
    "Pagination",
    "PhoneNumberList",
    "PhoneNumberSummary",
)
