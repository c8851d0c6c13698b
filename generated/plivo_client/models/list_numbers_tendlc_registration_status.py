from enum import StrEnum


class ListNumbersTendlcRegistrationStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    REGISTERED = "registered"
    UNREGISTERED = "unregistered"

    def __str__(self) -> str:
        return str(self.value)
