from enum import StrEnum


class ListNumbersTollFreeSmsVerificationOrderStatus(StrEnum):
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    SUBMITTED = "SUBMITTED"
    UPDATE_REQUIRED = "UPDATE_REQUIRED"

    def __str__(self) -> str:
        return str(self.value)
