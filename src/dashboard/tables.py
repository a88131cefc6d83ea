"""The announcements table, as every page shows it: the amount first, in words a reader
reads ("A$5 billion", "US$3.18 billion"), then who, where and when, then the sources.

On a phone only the first columns are in view, so they are the amounts. Numbers are
shown as text with their units; the CSV downloads carry the plain numbers. The table's
columns keep their English names (pages and tests read them); the headers a reader sees
are set in the reader's language through `column_config`.
"""

from __future__ import annotations

import gettext
from functools import cache

import pandas as pd
import pycountry
import streamlit as st
from babel import Locale, UnknownLocaleError

from dashboard import language
from dashboard.language import _
from investments.formatting import code_label
from investments.i18n import DEFAULT_LANGUAGE, N_
from investments.load import COMPANY_NAME, COUNTRY_NAME, SUBDIVISION_NAME
from investments.normalize import AMOUNT_USD_NOMINAL, FX_DATE, USD_PER_LOCAL
from investments.schema import Col
from investments.scope import COUNTED_AMOUNT

# code_label() of every purpose and status code, marked so the reader's language can name it.
CODE_LABELS = (
    N_("Cloud datacentres"),
    N_("AI infrastructure"),
    N_("Skilling"),
    N_("Research"),
    N_("Manufacturing"),
    N_("Semiconductors"),
    N_("Mixed"),
    N_("Other"),
    N_("Announced"),
    N_("Reported"),
    N_("Under way"),
    N_("Completed"),
    N_("Paused"),
    N_("Cancelled"),
)

# Column -> header a reader sees (the English header is the column's own name).
HEADERS = {
    "Amount as announced": N_("Amount as announced"),
    "US$ at announcement": N_("US$ at announcement"),
    "Exchange rate (ECB)": N_("Exchange rate (ECB)"),
    "Company": N_("Company"),
    "Where": N_("Where"),
    "Announced": N_("Announced"),  # a date; other languages: "Date announced" (headers())
    "Period": N_("Period"),
    "Purpose": N_("Purpose"),
    "Status": N_("Status"),
    "Source": N_("Source"),
    "Publisher": N_("Publisher"),
    "Quote language": N_("Quote language"),
    "Quote": N_("Quote"),
    "Id": N_("Id"),
}

# Sub-national regions as Japanese newsrooms name them, with 州/県/省; others fall back to
# pycountry's Japanese name, then to the English one.
SUBDIVISION_NAME_JA: dict[str, str] = {
    "AU-NSW": "ニューサウスウェールズ州",
    "BR-CE": "セアラ州",
    "BR-SP": "サンパウロ州",
    "CA-AB": "アルバータ州",
    "CA-QC": "ケベック州",
    "CL-RM": "サンティアゴ首都州",
    "CN-GD": "広東省",
    "CN-JS": "江蘇省",
    "CN-SN": "陝西省",
    "CR-H": "エレディア州",
    "DE-BB": "ブランデンブルク州",
    "DE-BY": "バイエルン州",
    "DE-HE": "ヘッセン州",
    "DE-SN": "ザクセン州",
    "DE-ST": "ザクセン・アンハルト州",
    "DK-83": "南デンマーク地域",
    "ES-AR": "アラゴン州",
    "ES-CM": "カスティーリャ・ラ・マンチャ州",
    "FI-09": "キュメンラークソ県",
    "FI-16": "パイヤト・ハメ県",
    "HU-FE": "フェイェール県",
    "ID-JT": "中部ジャワ州",
    "IE-KE": "キルデア県",
    "IE-MH": "ミース県",
    "IN-AP": "アンドラプラデシュ州",
    "IN-GJ": "グジャラート州",
    "IN-MH": "マハラシュトラ州",
    "IN-TS": "テランガナ州",
    "IT-25": "ロンバルディア州",
    "JP-34": "広島県",
    "JP-43": "熊本県",
    "KR-31": "蔚山広域市",
    "KR-41": "京畿道",
    "KR-43": "忠清北道",
    "MX-QUE": "ケレタロ州",
    "MY-01": "ジョホール州",
    "MY-07": "ペナン州",
    "NZ-AUK": "オークランド地方",
    "PL-02": "下シレジア県",
    "US-AL": "アラバマ州",
    "US-AR": "アーカンソー州",
    "US-AZ": "アリゾナ州",
    "US-CA": "カリフォルニア州",
    "US-GA": "ジョージア州",
    "US-IA": "アイオワ州",
    "US-ID": "アイダホ州",
    "US-IL": "イリノイ州",
    "US-IN": "インディアナ州",
    "US-KY": "ケンタッキー州",
    "US-LA": "ルイジアナ州",
    "US-MN": "ミネソタ州",
    "US-MO": "ミズーリ州",
    "US-MS": "ミシシッピ州",
    "US-NC": "ノースカロライナ州",
    "US-NE": "ネブラスカ州",
    "US-NM": "ニューメキシコ州",
    "US-NV": "ネバダ州",
    "US-NY": "ニューヨーク州",
    "US-OH": "オハイオ州",
    "US-OK": "オクラホマ州",
    "US-OR": "オレゴン州",
    "US-PA": "ペンシルベニア州",
    "US-SC": "サウスカロライナ州",
    "US-TN": "テネシー州",
    "US-TX": "テキサス州",
    "US-UT": "ユタ州",
    "US-VA": "バージニア州",
    "US-WA": "ワシントン州",
    "US-WI": "ウィスコンシン州",
    "US-WY": "ワイオミング州",
}


@cache
def _pycountry_subdivisions(lang: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def subdivision_name(code: str, english: str) -> str:
    """ "Texas" / "テキサス州": the reviewed Japanese table, else pycountry's translation."""
    lang = language.current()
    if lang == DEFAULT_LANGUAGE:
        return english
    if lang == "ja" and code in SUBDIVISION_NAME_JA:
        return SUBDIVISION_NAME_JA[code]
    return _pycountry_subdivisions(lang).gettext(english)


def language_name(code: object) -> str:
    """An ISO 639-1 code in the reader's language: "es" -> "Spanish" / "スペイン語"; "" if none."""
    if not isinstance(code, str) or not code.strip():
        return ""
    code = code.strip()
    try:
        return Locale.parse(language.current()).languages.get(code, code)
    except (UnknownLocaleError, ValueError):
        return code


def quoted_in(code: object) -> str:
    """ "Quoted in Spanish" / "原文（スペイン語）" when the quote is not in the reader's
    language; "" when it is, or when its language is not recorded."""
    name = language_name(code)
    if not name or str(code).strip() == language.current():
        return ""
    return _("Quoted in {language}").format(language=name)


def headers() -> dict[str, str]:
    """The table's column names -> the headers in the reader's language."""
    names = {column: _(message) for column, message in HEADERS.items()}
    if language.current() != DEFAULT_LANGUAGE:  # "Announced" alone is also a status
        names["Announced"] = _("Date announced")
    return names


def _rate(currency: str, usd_per_local: float, fx_date) -> str:
    if currency == "USD" or pd.isna(usd_per_local):
        return "" if currency == "USD" else _("not available")
    name = (
        currency if language.current() == DEFAULT_LANGUAGE else language.style().currency(currency)
    )
    return _("1 {currency} = {rate} US$ ({day})").format(
        currency=name, rate=f"{usd_per_local:.4g}", day=language.date(fx_date, "%-d %b %Y")
    )


def _period(start_year, end_year) -> str:
    """ "2024–2025" / "2024〜2025年", "by 2027" / "2027年まで", "period not stated"."""
    return language.style().period(start_year, end_year)


def measure_text(value: float, basis: str) -> str:
    """A value on one of the filter's bases, in the reader's language."""
    return language.style().measure(value, basis)


def display_frame(
    investments: pd.DataFrame, measure: tuple[str, str, str] | None = None
) -> pd.DataFrame:
    """Reader-facing columns, amounts first.

    `measure` is (label, column, basis) of the measure chosen in the filters, shown after
    the US dollar amount when it is another one.
    """
    countries = [
        language.country(iso3, name)
        for iso3, name in zip(
            investments[Col.COUNTRY_ISO3], investments[COUNTRY_NAME].astype(str), strict=True
        )
    ]
    joined = _("{subdivision}, {country}")
    place = [
        joined.format(subdivision=subdivision_name(code, name), country=country)
        if pd.notna(name)
        else country
        for code, name, country in zip(
            investments[Col.SUBDIVISION], investments[SUBDIVISION_NAME], countries, strict=True
        )
    ]
    announced = [
        language.as_announced(a, c, q)
        for a, c, q in zip(
            investments[Col.AMOUNT],
            investments[Col.CURRENCY],
            investments[Col.AMOUNT_QUALIFIER],
            strict=True,
        )
    ]
    if COUNTED_AMOUNT in investments:  # comparable figures count the new money, say which
        counted = investments[COUNTED_AMOUNT]
        announced = [
            _("{amount} (new money {new_money})").format(
                amount=text, new_money=language.as_announced(n, c, "exact")
            )
            if n != a
            else text
            for text, a, n, c in zip(
                announced,
                investments[Col.AMOUNT],
                counted,
                investments[Col.CURRENCY],
                strict=True,
            )
        ]
    amounts = {"Amount as announced": announced}
    if AMOUNT_USD_NOMINAL in investments:
        amounts["US$ at announcement"] = investments[AMOUNT_USD_NOMINAL].map(language.usd)
    if measure is not None and measure[1] != AMOUNT_USD_NOMINAL and measure[1] in investments:
        amounts[measure[0]] = investments[measure[1]].map(lambda v: measure_text(v, measure[2]))
    rates = {}
    if USD_PER_LOCAL in investments:
        rates["Exchange rate (ECB)"] = [
            _rate(c, r, d)
            for c, r, d in zip(
                investments[Col.CURRENCY],
                investments[USD_PER_LOCAL],
                investments[FX_DATE],
                strict=True,
            )
        ]
    quote_language = {}
    if Col.QUOTE_LANGUAGE in investments:
        quote_language["Quote language"] = investments[Col.QUOTE_LANGUAGE].map(language_name)
    return pd.DataFrame(
        {
            **amounts,
            "Company": [
                language.company(key, name)
                for key, name in zip(
                    investments[Col.COMPANY], investments[COMPANY_NAME], strict=True
                )
            ],
            "Where": place,
            "Announced": investments[Col.ANNOUNCED_ON].dt.date,
            "Period": [
                _period(s, e)
                for s, e in zip(
                    investments[Col.PERIOD_START_YEAR],
                    investments[Col.PERIOD_END_YEAR],
                    strict=True,
                )
            ],
            "Purpose": investments[Col.PURPOSE].map(lambda code: _(code_label(code))),
            "Status": investments[Col.STATUS].map(lambda code: _(code_label(code))),
            **rates,
            "Source": investments[Col.SOURCE_URL],
            "Publisher": investments[Col.SOURCE_PUBLISHER],
            **quote_language,
            "Quote": investments[Col.QUOTE],
            "Id": investments[Col.ID],
        },
        index=investments.index,
    )


def announcements_table(
    investments: pd.DataFrame,
    *,
    key: str,
    height: int | str = "auto",
    measure: tuple[str, str, str] | None = None,
) -> None:
    names = headers()
    date_format = "YYYY年M月D日" if language.current() == "ja" else "D MMM YYYY"
    st.dataframe(
        display_frame(investments, measure),
        key=key,
        hide_index=True,
        height=height,
        column_config={
            **{column: st.column_config.Column(label) for column, label in names.items()},
            "Announced": st.column_config.DateColumn(names["Announced"], format=date_format),
            "Source": st.column_config.LinkColumn(names["Source"], display_text=_("source ↗")),
            "Quote": st.column_config.TextColumn(names["Quote"], width="large"),
        },
    )
