"""Contains all the data models used in inputs/outputs"""

from .account_phone_number import AccountPhoneNumber
from .error_response import ErrorResponse
from .error_response_error_type_1 import ErrorResponseErrorType1
from .list_numbers_cnam_lookup import ListNumbersCnamLookup
from .list_numbers_number_type import ListNumbersNumberType
from .list_numbers_tendlc_registration_status import ListNumbersTendlcRegistrationStatus
from .list_numbers_toll_free_sms_verification import ListNumbersTollFreeSmsVerification
from .list_numbers_toll_free_sms_verification_order_status import (
    ListNumbersTollFreeSmsVerificationOrderStatus,
)
from .list_numbers_type import ListNumbersType
from .meta import Meta
from .number_list_response import NumberListResponse

__all__ = (
    "AccountPhoneNumber",
    "ErrorResponse",
    "ErrorResponseErrorType1",
    "ListNumbersCnamLookup",
    "ListNumbersNumberType",
    "ListNumbersTendlcRegistrationStatus",
    "ListNumbersTollFreeSmsVerification",
    "ListNumbersTollFreeSmsVerificationOrderStatus",
    "ListNumbersType",
    "Meta",
    "NumberListResponse",
)
