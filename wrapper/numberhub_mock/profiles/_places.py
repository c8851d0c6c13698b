"""Country names as the providers print them."""

from __future__ import annotations

COUNTRY_NAMES = {
    "AU": "Australia",
    "BR": "Brazil",
    "CA": "Canada",
    "CN": "China",
    "DE": "Germany",
    "ES": "Spain",
    "FR": "France",
    "GB": "United Kingdom",
    "IN": "India",
    "JP": "Japan",
    "MX": "Mexico",
    "NL": "Netherlands",
    "RU": "Russia",
    "SG": "Singapore",
    "US": "United States",
}

# DuoPlus localizes region names by the Lang header.
LOCALIZED_COUNTRY_NAMES = {
    "zh": {
        "US": "美国",
        "GB": "英国",
        "CA": "加拿大",
        "DE": "德国",
        "FR": "法国",
        "BR": "巴西",
        "RU": "俄罗斯",
        "JP": "日本",
        "AU": "澳大利亚",
        "NL": "荷兰",
    },
    "zh-TW": {
        "US": "美國",
        "GB": "英國",
        "CA": "加拿大",
        "DE": "德國",
        "FR": "法國",
        "BR": "巴西",
        "RU": "俄羅斯",
        "JP": "日本",
        "AU": "澳洲",
        "NL": "荷蘭",
    },
    "ru": {
        "US": "США",
        "GB": "Великобритания",
        "CA": "Канада",
        "DE": "Германия",
        "FR": "Франция",
        "BR": "Бразилия",
        "RU": "Россия",
        "JP": "Япония",
        "AU": "Австралия",
        "NL": "Нидерланды",
    },
}
