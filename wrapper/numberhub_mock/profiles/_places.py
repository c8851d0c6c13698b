"""Country names as the providers print them: English, and DuoPlus's languages."""

from __future__ import annotations

# Region -> its name in English, then Chinese (simplified), Chinese (traditional) and
# Russian, for the regions DuoPlus localizes by its Lang header.
_NAMES: dict[str, tuple[str, ...]] = {
    "AU": ("Australia", "澳大利亚", "澳洲", "Австралия"),
    "BR": ("Brazil", "巴西", "巴西", "Бразилия"),
    "CA": ("Canada", "加拿大", "加拿大", "Канада"),
    "CN": ("China",),
    "DE": ("Germany", "德国", "德國", "Германия"),
    "ES": ("Spain",),
    "FR": ("France", "法国", "法國", "Франция"),
    "GB": ("United Kingdom", "英国", "英國", "Великобритания"),
    "IN": ("India",),
    "JP": ("Japan", "日本", "日本", "Япония"),
    "MX": ("Mexico",),
    "NL": ("Netherlands", "荷兰", "荷蘭", "Нидерланды"),
    "RU": ("Russia", "俄罗斯", "俄羅斯", "Россия"),
    "SG": ("Singapore",),
    "US": ("United States", "美国", "美國", "США"),
}

COUNTRY_NAMES = {region: names[0] for region, names in _NAMES.items()}
LOCALIZED_COUNTRY_NAMES = {
    lang: {region: names[k] for region, names in _NAMES.items() if len(names) > k}
    for k, lang in enumerate(("zh", "zh-TW", "ru"), start=1)
}
