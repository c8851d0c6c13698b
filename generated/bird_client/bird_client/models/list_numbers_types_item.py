from enum import StrEnum


class ListNumbersTypesItem(StrEnum):
    LOCAL = "local"
    MOBILE = "mobile"
    NATIONAL = "national"
    TOLL_FREE = "toll-free"

    def __str__(self) -> str:
        return str(self.value)
