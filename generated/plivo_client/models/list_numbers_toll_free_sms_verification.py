from enum import StrEnum


class ListNumbersTollFreeSmsVerification(StrEnum):
    PENDING_VERIFICATION = "pending_verification"
    UNVERIFIED = "unverified"
    VERIFIED = "verified"

    def __str__(self) -> str:
        return str(self.value)
