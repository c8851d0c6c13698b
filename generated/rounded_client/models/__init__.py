"""Contains all the data models used in inputs/outputs"""

from .api_response_error import ApiResponseError
from .api_response_error_details_item import ApiResponseErrorDetailsItem
from .phone_number_list import PhoneNumberList
from .pstn_phone_number import PstnPhoneNumber
from .sip_phone_number import SipPhoneNumber

__all__ = (
    "ApiResponseError",
    "ApiResponseErrorDetailsItem",
    "PhoneNumberList",
    "PstnPhoneNumber",
    "SipPhoneNumber",
)
