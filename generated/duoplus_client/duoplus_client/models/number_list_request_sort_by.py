from enum import StrEnum


class NumberListRequestSortBy(StrEnum):
    CREATED_AT = "created_at"
    EXPIRED_AT = "expired_at"

    def __str__(self) -> str:
        return str(self.value)
