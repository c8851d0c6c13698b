from enum import StrEnum


class ListNumbersStatus(StrEnum):
    ASSIGNED = "assigned"
    FREE = "free"

    def __str__(self) -> str:
        return str(self.value)
