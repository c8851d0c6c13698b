from enum import StrEnum


class ListNumbersNumberType(StrEnum):
    FIXED = "fixed"
    LOCAL = "local"
    MOBILE = "mobile"
    NATIONAL = "national"
    TOLLFREE = "tollfree"

    def __str__(self) -> str:
        return str(self.value)
