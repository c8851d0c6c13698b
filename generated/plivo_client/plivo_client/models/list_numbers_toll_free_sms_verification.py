from enum import StrEnum


class ListNumbersTollFreeSmsVerification(StrEnum):
    PENDING_VERIFICATION = "pending_verification"
    PENDING_VERIFICATION_UPPER = "PENDING_VERIFICATION"
    UNVERIFIED = "unverified"
    UNVERIFIED_UPPER = "UNVERIFIED"
    VERIFIED = "verified"
    VERIFIED_UPPER = "VERIFIED"

    def __str__(self) -> str:
        return str(self.value)
