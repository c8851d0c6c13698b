from enum import StrEnum


class ListNumbersLang(StrEnum):
    EN = "en"
    RU = "ru"
    ZH = "zh"
    ZH_TW = "zh-TW"

    def __str__(self) -> str:
        return str(self.value)
