from enum import StrEnum


class ListNumbersType(StrEnum):
    FIXED = "fixed"
    LOCAL = "local"
    MOBILE = "mobile"
    NATIONAL = "national"
    TOLLFREE = "tollfree"

    def __str__(self) -> str:
        return str(self.value)
