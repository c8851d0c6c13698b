from enum import StrEnum


class ListNumbersTendlcRegistrationStatus(StrEnum):
    COMPLETED = "COMPLETED"
    IN_PROGRESS = "in_progress"
    PROCESSING = "PROCESSING"
    REGISTERED = "registered"
    UNREGISTERED = "unregistered"
    UNREGISTERED_UPPER = "UNREGISTERED"

    def __str__(self) -> str:
        return str(self.value)
