"""Contains all the data models used in inputs/outputs"""

from .api_response_error import ApiResponseError
from .api_response_error_details_item import ApiResponseErrorDetailsItem
from .phone_number import PhoneNumber
from .phone_number_list import PhoneNumberList

__all__ = (
    "ApiResponseError",
    "ApiResponseErrorDetailsItem",
    "PhoneNumber",
    "PhoneNumberList",
)
