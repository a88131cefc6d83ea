"""Japanese newsroom style for money, dates and names: "29億ドル", "2兆2600億円",
"50億豪ドル", "2024年4月10日", "マイクロソフト".

Japanese counts large numbers in 万 (10⁴), 億 (10⁸) and 兆 (10¹²), and writes each unit's
part in plain digits: 2.26 trillion yen is 2兆2600億円, not 2.26兆円. Converted amounts
keep three significant figures, as in English, before they are split into units. Babel
supplies the plain-number rules; the unit split and the currency names as newsrooms write
them (豪ドル, not オーストラリア ドル) are here, in one reviewed table.
"""

from __future__ import annotations

import datetime as dt
import gettext
import math
from functools import cache

import pandas as pd
import pycountry
from babel import Locale

from investments.formatting import FIGURES

_UNITS = ((10**12, "兆"), (10**8, "億"), (10**4, "万"))

# Amounts: the name as it follows a figure in a Japanese news report.
CURRENCY_SUFFIX_JA: dict[str, str] = {
    "USD": "ドル",
    "AUD": "豪ドル",
    "CAD": "カナダドル",
    "NZD": "NZドル",
    "SGD": "シンガポールドル",
    "HKD": "香港ドル",
    "TWD": "台湾ドル",
    "JPY": "円",
    "EUR": "ユーロ",
    "GBP": "ポンド",
    "CHF": "スイスフラン",
    "CNY": "人民元",
    "INR": "ルピー",
    "IDR": "ルピア",
    "KRW": "ウォン",
    "MYR": "リンギ",
    "THB": "バーツ",
    "PHP": "フィリピンペソ",
    "BRL": "レアル",
    "MXN": "メキシコペソ",
    "ZAR": "ランド",
    "TRY": "トルコリラ",
    "ILS": "シェケル",
    "PLN": "ズロチ",
    "HUF": "フォリント",
    "CZK": "チェココルナ",
    "RON": "レウ",
    "BGN": "レフ",
    "DKK": "デンマーククローネ",
    "NOK": "ノルウェークローネ",
    "SEK": "スウェーデンクローナ",
    "ISK": "アイスランドクローナ",
}
# Lists and labels: the full name where a bare "ドル" would be ambiguous.
CURRENCY_NAME_JA: dict[str, str] = {**CURRENCY_SUFFIX_JA, "USD": "米ドル"}

QUALIFIER_JA: dict[str, tuple[str, str]] = {  # (before, after) the amount
    "exact": ("", ""),
    "at_least": ("", "以上"),
    "up_to": ("最大", ""),
    "about": ("約", ""),
}

COMPANY_NAME_JA: dict[str, str] = {
    "microsoft": "マイクロソフト",
    "amazon": "アマゾン（AWSを含む）",
    "alphabet": "グーグル（アルファベット）",
    "meta": "メタ",
    "oracle": "オラクル",
    "apple": "アップル",
    "nvidia": "エヌビディア",
    "alibaba": "アリババクラウド",
    "tencent": "テンセントクラウド",
    "bytedance": "バイトダンス（TikTok）",
    "ibm": "IBM",
    "openai": "オープンAI",
    "salesforce": "セールスフォース",
    "huawei": "ファーウェイ・クラウド",
    "tsmc": "TSMC",
    "samsung": "サムスン電子",
    "intel": "インテル",
    "micron": "マイクロン",
    "sk_hynix": "SKハイニックス",
    "globalfoundries": "グローバルファウンドリーズ",
    "texas_instruments": "テキサス・インスツルメンツ",
}

# Where pycountry's Japanese name is not the one Japanese newsrooms use.
COUNTRY_NAME_JA_OVERRIDES: dict[str, str] = {
    "USA": "米国",
    "GBR": "英国",
    "KOR": "韓国",
    "ARE": "アラブ首長国連邦",
    "TWN": "台湾",
    "HKG": "香港",
    "PSE": "パレスチナ",
    "CHN": "中国",
    "RUS": "ロシア",
    "VNM": "ベトナム",
}


REGION_NAME_JA: dict[str, str] = {  # UN M49 regions
    "Africa": "アフリカ",
    "Americas": "南北アメリカ",
    "Asia": "アジア",
    "Europe": "ヨーロッパ",
    "Oceania": "オセアニア",
    # UN M49 sub-regions
    "Australia and New Zealand": "オーストラリア・ニュージーランド",
    "Central Asia": "中央アジア",
    "Eastern Asia": "東アジア",
    "Eastern Europe": "東欧",
    "Latin America and the Caribbean": "中南米・カリブ",
    "Melanesia": "メラネシア",
    "Micronesia": "ミクロネシア",
    "Northern Africa": "北アフリカ",
    "Northern America": "北米",
    "Northern Europe": "北欧",
    "Polynesia": "ポリネシア",
    "South-eastern Asia": "東南アジア",
    "Southern Asia": "南アジア",
    "Southern Europe": "南欧",
    "Sub-Saharan Africa": "サハラ以南アフリカ",
    "Western Asia": "西アジア",
    "Western Europe": "西欧",
}


def region_name_ja(name: str) -> str:
    return REGION_NAME_JA.get(name, name)


def _split_units(value: int) -> str:
    """1_230_000_000 -> "12億3000万"; below 10,000 -> plain digits."""
    parts = []
    rest = value
    for size, unit in _UNITS:
        if rest >= size:
            parts.append(f"{rest // size}{unit}")
            rest %= size
    if rest or not parts:
        parts.append(str(rest))
    return "".join(parts)


def format_number_ja(value: float, *, digits: int | None = None) -> str:
    """2.9e9 -> "29億", 2.26e12 -> "2兆2600億", 5e7 -> "5000万", -1e9 -> "−10億", 0 ->
    "0". With `digits`, the value is first rounded to that many significant figures."""
    if not math.isfinite(value):
        return "–"
    sign = "−" if value < 0 else ""
    magnitude = abs(value)
    if digits is not None and magnitude:
        magnitude = round(magnitude, digits - 1 - math.floor(math.log10(magnitude)))
    if magnitude < 10**4 and magnitude != int(magnitude):  # small amounts keep decimals
        return sign + f"{magnitude:.{FIGURES}g}"
    return sign + _split_units(int(round(magnitude)))


def format_money_ja(
    amount: float, currency: str, qualifier: str = "exact", *, digits: int | None = None
) -> str:
    """`2.9e9, "USD"` -> "29億ドル"; `5e9, "AUD", "at_least"` -> "50億豪ドル以上"."""
    if pd.isna(amount):
        return "–"
    before, after = QUALIFIER_JA.get(qualifier, ("", ""))
    name = CURRENCY_SUFFIX_JA.get(currency) or currency_name_ja(currency)
    return f"{before}{format_number_ja(float(amount), digits=digits)}{name}{after}"


def format_usd_ja(amount: float) -> str:
    """A converted or summed US-dollar amount, three significant figures: "31億8000万ドル"."""
    return format_money_ja(amount, "USD", digits=FIGURES)


def format_per_person_ja(value: float) -> str:
    """ "1人当たり305ドル" (whole dollars from 100 up, three figures below)."""
    if pd.isna(value):
        return "–"
    shown = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.{FIGURES}g}"
    return f"1人当たり{shown}ドル"


def format_share_of_gdp_ja(value: float) -> str:
    """ "GDPの0.45%"."""
    if pd.isna(value):
        return "–"
    return f"GDPの{value:.{FIGURES}g}%"


def format_date_ja(day: dt.date | pd.Timestamp) -> str:
    """ "2024年4月10日"."""
    return f"{day.year}年{day.month}月{day.day}日"


def format_year_ja(year: int) -> str:
    return f"{int(year)}年"


@cache
def currency_name_ja(code: str) -> str:
    """The reviewed name, else Babel's (CLDR) Japanese name, else the ISO code."""
    if code in CURRENCY_NAME_JA:
        return CURRENCY_NAME_JA[code]
    return Locale("ja").currencies.get(code, code)


@cache
def _pycountry_ja() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"], fallback=True)


def country_name_ja(iso3: str) -> str:
    """The newsroom name: the reviewed table, else CLDR's Japanese name (Babel: the short
    "オーストラリア" where pycountry has "オーストラリア連邦"), else pycountry's translation."""
    if iso3 in COUNTRY_NAME_JA_OVERRIDES:
        return COUNTRY_NAME_JA_OVERRIDES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return iso3
    return Locale("ja").territories.get(country.alpha_2) or _pycountry_ja().gettext(country.name)


def company_name_ja(company: str, english: str = "") -> str:
    return COMPANY_NAME_JA.get(company, english or company)


def format_money_short_ja(amount: float, currency: str) -> str:
    """For labels inside charts, as Japanese charts write them: "6000億ドル", "2.3兆ドル",
    "29億ドル", "730万ドル" (two significant figures at most, one decimal for 兆)."""
    if pd.isna(amount):
        return "–"
    name = CURRENCY_SUFFIX_JA.get(currency) or currency_name_ja(currency)
    value = abs(float(amount))
    sign = "−" if amount < 0 else ""
    for size, unit in ((1e12, "兆"), (1e8, "億"), (1e4, "万")):
        if value >= size:
            number = value / size
            text = f"{number:.1f}".rstrip("0").rstrip(".") if number < 10 else f"{number:.0f}"
            return f"{sign}{text}{unit}{name}"
    return f"{sign}{value:.0f}{name}"
