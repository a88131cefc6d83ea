"""A language's words and number style in one value, for code that runs without a page.

Charts, their alt text, published pages and images are built outside Streamlit (and
cached across readers), so they cannot ask the session for its language: they take a
`Style`. `style_for("ja")` writes "29億ドル" and "2024年4月10日" where `style_for("en")`
writes "US$2.9 billion" and "10 April 2024"; words come from the gettext catalogue.

English and Japanese have reviewed newsroom styles (investments.formatting,
investments.ja_style). Any other language with a catalogue gets Babel's (CLDR) number,
currency, date and territory names, so it needs no code here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_compact_currency, format_percent

from investments import formatting as en
from investments import ja_style
from investments.collation import sort_key as _sort_key
from investments.i18n import DEFAULT_LANGUAGE, LANGUAGES, translator


@dataclass(frozen=True)
class Style:
    lang: str = DEFAULT_LANGUAGE

    # ------------------------------------------------------------ words

    def _(self, message: str) -> str:
        return translator(self.lang).gettext(message)

    def and_list(self, items: list[str]) -> str:
        """ "A", "A and B", "A, B and C" / "A、B、C"."""
        items = [str(i) for i in items]
        if self.lang == "ja":
            return "、".join(items)
        if len(items) <= 2:
            return self._(" and ").join(items) if self.lang != "en" else " and ".join(items)
        return ", ".join(items[:-1]) + " and " + items[-1]

    def sentences(self, *parts: str) -> str:
        """Sentences run on: a space after a full stop in English, none after "。"."""
        joiner = "" if self.lang in ("ja", "zh") else " "
        return joiner.join(p for p in parts if p)

    # ------------------------------------------------------------ numbers

    def usd(self, amount: float, currency: str = "USD") -> str:
        """A converted or summed amount: "US$3.18 billion" / "31億8000万ドル"."""
        if self.lang == "en":
            return en.format_usd(amount, currency)
        if self.lang == "ja":
            return ja_style.format_money_ja(amount, currency, digits=en.FIGURES)
        return self._compact(amount, currency)

    def money(self, amount: float, currency: str) -> str:
        """An amount as announced, without rounding beyond the announcement's own."""
        if self.lang == "en":
            return en.format_money(amount, currency)
        if self.lang == "ja":
            return ja_style.format_money_ja(amount, currency)
        return self._compact(amount, currency)

    def as_announced(self, amount: float, currency: str, qualifier: str = "exact") -> str:
        if self.lang == "en":
            return en.format_as_announced(amount, currency, qualifier)
        if self.lang == "ja":
            return ja_style.format_money_ja(amount, currency, qualifier)
        return self._compact(amount, currency)

    def money_short(self, amount: float, currency: str) -> str:
        """For labels inside charts: "US$600bn" / "6000億ドル", "2.3兆ドル"."""
        if self.lang == "en":
            return en.format_money_short(amount, currency)
        if self.lang == "ja":
            return ja_style.format_money_short_ja(amount, currency)
        return self._compact(amount, currency)

    def per_person(self, value: float, currency: str = "USD") -> str:
        if self.lang == "en":
            return en.format_per_person(value, currency)
        if self.lang == "ja":
            return ja_style.format_per_person_ja(value)
        return self._("{amount} per person").format(amount=self._compact(value, currency))

    def share_of_gdp(self, value: float) -> str:
        if self.lang == "en":
            return en.format_share_of_gdp(value)
        if self.lang == "ja":
            return ja_style.format_share_of_gdp_ja(value)
        return self._("{share} of GDP").format(
            share=format_percent(value / 100, "#,##0.###%", locale=self.lang)
        )

    def measure(self, value: float, basis: str, currency: str = "USD") -> str:
        """A value on one of the filter's bases (US$, constant US$, per person, % of GDP)."""
        if pd.isna(value):
            return self._("not available")
        if basis == "share_of_gdp":
            return self.share_of_gdp(value)
        if basis == "per_capita":
            return self.per_person(value, currency)
        return self.usd(value, currency)

    def count(self, number: int, noun: str, plural: str | None = None) -> str:
        """ "3 pledges" / "3件"; `noun` is English (the catalogue has no plurals to pick)."""
        if self.lang == "en":
            return en.count_of(number, noun, plural)
        return self._("{count} items").format(count=f"{number:,}")

    def _compact(self, amount: float, currency: str) -> str:
        if pd.isna(amount):
            return "–"
        return format_compact_currency(
            amount, currency, locale=self.lang, fraction_digits=1, format_type="short"
        )

    # ------------------------------------------------------------ dates

    def date(self, day: dt.date | pd.Timestamp) -> str:
        if self.lang == "en":
            return f"{day:%-d %B %Y}"
        if self.lang == "ja":
            return ja_style.format_date_ja(day)
        return format_date(day, "long", locale=self.lang)

    def short_date(self, day: dt.date | pd.Timestamp) -> str:
        """ "10 Apr 2024" / "2024年4月10日"."""
        return f"{day:%-d %b %Y}" if self.lang == "en" else self.date(day)

    def month(self, day: dt.date | pd.Timestamp) -> str:
        """ "Apr 2024" / "2024年4月"."""
        if self.lang == "en":
            return f"{day:%b %Y}"
        if self.lang == "ja":
            return f"{day.year}年{day.month}月"
        return format_date(day, "MMM y", locale=self.lang)

    def years(self, first: int, last: int) -> str:
        """ "2019–2024" / "2019〜2024年"; one year alone: "2024" / "2024年"."""
        span = str(first) if first == last else f"{first}–{last}"
        return f"{span}年".replace("–", "〜") if self.lang == "ja" else span

    def period(self, start_year, end_year) -> str:
        """ "2024–2025", "by 2027" / "2024〜2025年", "2027年まで"."""
        if self.lang == "en":
            return en.format_period(start_year, end_year)
        has_start, has_end = not pd.isna(start_year), not pd.isna(end_year)
        if has_start and has_end:
            return self.years(int(start_year), int(end_year))
        if has_end:
            return self._("by {year}").format(year=int(end_year))
        if has_start:
            return self._("from {year}").format(year=int(start_year))
        return self._("period not stated")

    # ------------------------------------------------------------ names

    def sort_key(self, name: str) -> str:
        """Orders names as this language's index does (investments.collation)."""
        return _sort_key(name, self.lang)

    def company(self, key: str, english: str) -> str:
        if self.lang == "ja":
            return ja_style.company_name_ja(key, english)
        return english

    def country(self, iso3: str, english: str) -> str:
        if self.lang == "en":
            return english
        if self.lang == "ja":
            return ja_style.country_name_ja(iso3)
        return _territory(self.lang, iso3) or english

    def country_in_prose(self, name: str) -> str:
        """ "the United States" in an English sentence; other languages need no article."""
        return en.country_in_prose(name) if self.lang == "en" else str(name)

    def region(self, name: str) -> str:
        if self.lang == "ja":
            return ja_style.region_name_ja(name)
        return self._(name) if self.lang != "en" else name

    def currency(self, code: str) -> str:
        """The currency's name: "Australian dollar" / "豪ドル"."""
        if self.lang == "ja":
            return ja_style.currency_name_ja(code)
        return Locale.parse(self.lang).currencies.get(code, code)


@cache
def _territory(lang: str, iso3: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    return Locale.parse(lang).territories.get(country.alpha_2) if country else None


@cache
def style_for(lang: str) -> Style:
    return Style(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)


EN = style_for(DEFAULT_LANGUAGE)


def with_names(frame: pd.DataFrame, style: Style) -> pd.DataFrame:
    """`frame` with its company and country names in `style`'s language (the keys, and
    everything else, unchanged): charts label their bars, rows and hovers from these."""
    from investments.load import COMPANY_NAME, COUNTRY_NAME
    from investments.schema import Col

    if style.lang == DEFAULT_LANGUAGE or frame.empty:
        return frame
    renamed = {}
    if COMPANY_NAME in frame and Col.COMPANY in frame:
        renamed[COMPANY_NAME] = [
            style.company(k, str(n))
            for k, n in zip(frame[Col.COMPANY], frame[COMPANY_NAME], strict=True)
        ]
    if COUNTRY_NAME in frame and Col.COUNTRY_ISO3 in frame:
        renamed[COUNTRY_NAME] = [
            style.country(k, str(n))
            for k, n in zip(frame[Col.COUNTRY_ISO3], frame[COUNTRY_NAME], strict=True)
        ]
    return frame.assign(**renamed)


def pledge_labels(
    rows: pd.DataFrame, style: Style, *, sep: str = " · ", country: bool = True
) -> dict[str, str]:
    """id -> "Microsoft · Japan · Apr 2024 · US$2.9 billion" in `style`'s language, for
    pickers ("マイクロソフト · 日本 · 2024年4月 · 29億ドル"); English as formatting makes it.
    `country=False` leaves the country out, for a picker over one country's pledges."""
    from investments.load import COMPANY_NAME, COUNTRY_NAME
    from investments.schema import Col

    if style.lang == DEFAULT_LANGUAGE:
        return en.pledge_labels(rows, country=country)
    named = with_names(rows, style)
    return {
        pledge_id: sep.join(
            (
                company,
                *([where] if country else []),
                style.month(day),
                style.as_announced(amount, money, how),
            )
        )
        for pledge_id, company, where, day, amount, money, how in zip(
            named[Col.ID],
            named[COMPANY_NAME],
            named[COUNTRY_NAME],
            named[Col.ANNOUNCED_ON],
            named[Col.AMOUNT],
            named[Col.CURRENCY],
            named[Col.AMOUNT_QUALIFIER],
            strict=True,
        )
    }
