"""Amounts as a reader expects to see them: "US$2.9 billion", "¥2.26 trillion".

Charts, tables, captions and alt text all phrase money through here, so a figure reads the
same wherever it appears.
"""

from __future__ import annotations

import math
import re

import pandas as pd

# Prefixes as newsrooms write them; an unambiguous "US$" rather than a bare "$" because
# readers meet A$, C$, NZ$ and S$ in the same table.
CURRENCY_PREFIX: dict[str, str] = {
    "USD": "US$",
    "AUD": "A$",
    "CAD": "C$",
    "NZD": "NZ$",
    "SGD": "S$",
    "HKD": "HK$",
    "BRL": "R$",
    "MXN": "MX$",
    "TWD": "NT$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "CNY": "CN¥",
    "INR": "₹",
    "KRW": "₩",
    "ZAR": "R",
}

QUALIFIER_WORDS: dict[str, str] = {
    "exact": "",
    "at_least": "at least ",
    "up_to": "up to ",
    "about": "about ",
}

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
FIGURES = 3  # significant figures of a converted or computed amount


def significant(value: float, digits: int = FIGURES) -> str:
    """119.38 -> "119", 23.39 -> "23.4", 0.000712 -> "0.000712", 1234.5 -> "1,234", 2.0
    -> "2": as many figures as the sources justify, never an exponent."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    decimals = digits - 1 - math.floor(math.log10(abs(value)))
    text = f"{round(value, decimals):,.{max(decimals, 0)}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _scaled(value: float, digits: int | None) -> str:
    if digits is not None:  # rounding first: 999.7 billion at three figures is 1 trillion
        value = float(significant(value, digits).replace(",", ""))
    for size, word in _SCALES:
        if abs(value) >= size:
            number = value / size
            text = (
                significant(number, digits)
                if digits is not None
                else f"{number:,.2f}".rstrip("0").rstrip(".")
            )
            return f"{text} {word}"
    return significant(value, digits) if digits is not None else f"{value:,.0f}"


def format_money(amount: float, currency: str, *, digits: int | None = None) -> str:
    """`2.9e9, "USD"` -> "US$2.9 billion"; unknown currencies get their ISO code first.

    Without `digits` the amount reads as announced (up to two decimals of its scale);
    converted or summed amounts pass `digits=FIGURES` (see `format_usd`)."""
    if pd.isna(amount):
        return "–"
    prefix = CURRENCY_PREFIX.get(currency)
    scaled = _scaled(amount, digits)
    return f"{prefix}{scaled}" if prefix else f"{currency} {scaled}"


def format_usd(amount: float, currency: str = "USD") -> str:
    """A converted or summed amount: "US$3.18 billion", "US$109 billion", "US$2.14 trillion"."""
    return format_money(amount, currency, digits=FIGURES)


def format_per_person(value: float, currency: str = "USD") -> str:
    """ "US$306 per person" (whole units from 100), "US$23.4 per person" below."""
    if pd.isna(value):
        return "not available"
    prefix = CURRENCY_PREFIX.get(currency, f"{currency} ")
    number = f"{value:,.0f}" if abs(value) >= 100 else significant(value)
    return f"{prefix}{number} per person"


def format_share_of_gdp(value: float) -> str:
    """ "0.184% of GDP", "1.2% of GDP"."""
    return "not available" if pd.isna(value) else f"{significant(value)}% of GDP"


def format_measure(value: float, basis: str, currency: str = "USD") -> str:
    """A value on one of the filter's bases, as readers read it everywhere."""
    if pd.isna(value):
        return "not available"
    if basis == "share_of_gdp":
        return format_share_of_gdp(value)
    if basis == "per_capita":
        return format_per_person(value, currency)
    return format_usd(value, currency)


_SHORT_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k"))


def format_money_short(amount: float, currency: str) -> str:
    """`6e11, "USD"` -> "US$600bn", `7.3e8` -> "US$730m": for labels inside charts, where
    a phone has room for a dozen characters."""
    if pd.isna(amount):
        return "–"
    size, word = next(((s, w) for s, w in _SHORT_SCALES if abs(amount) >= s), (1, ""))
    number = amount / size
    text = f"{number:,.1f}".rstrip("0").rstrip(".") if number < 100 else f"{number:,.0f}"
    prefix = CURRENCY_PREFIX.get(currency)
    return f"{prefix}{text}{word}" if prefix else f"{currency} {text}{word}"


# Sentence case for the data's codes: "ai_infrastructure" -> "AI infrastructure".
_CODE_WORDS = {"ai": "AI"}


def code_label(code: str) -> str:
    """A purpose or status code as a reader reads it ("Cloud datacentres", "Under way")."""
    words = [_CODE_WORDS.get(w, w) for w in str(code).split("_")]
    return " ".join(words)[:1].upper() + " ".join(words)[1:]


_THE = re.compile(
    r"^(United |Netherlands|Philippines|Dominican Republic|Czech Republic|Bahamas|Gambia|"
    r"Maldives|Marshall Islands|Solomon Islands|Central African Republic|Democratic Republic|"
    r"Comoros|Seychelles|Republic of|State of)"
)


def country_in_prose(name: str) -> str:
    """ "the United States", "the Netherlands", "Japan": a country inside a sentence."""
    return f"the {name}" if _THE.match(str(name)) else str(name)


def count_of(number: int, noun: str, plural: str | None = None) -> str:
    """ "1 pledge", "2 pledges", "1,234 announcements"."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


def format_as_announced(amount: float, currency: str, qualifier: str = "exact") -> str:
    """The amount with its qualifier, e.g. "at least US$8 billion"."""
    return QUALIFIER_WORDS.get(qualifier, "") + format_money(amount, currency)


def format_period(start_year: int | None, end_year: int | None) -> str:
    """ "2024–2025", "by 2027" or "period not stated"."""
    has_start, has_end = not pd.isna(start_year), not pd.isna(end_year)
    if has_start and has_end:
        return (
            f"{int(start_year)}" if start_year == end_year else f"{int(start_year)}–{int(end_year)}"
        )
    if has_end:
        return f"by {int(end_year)}"
    if has_start:
        return f"from {int(start_year)}"
    return "period not stated"


def pledge_labels(rows, *, country: bool = True) -> dict[str, str]:
    """id -> "Microsoft · Japan · Apr 2024 · US$2.9 billion", for pickers and legends;
    without the country when the picker lists one country's pledges (a phone's select box
    shows one line, and the amount comes last)."""
    from investments.load import COMPANY_NAME, COUNTRY_NAME  # the loader's derived names
    from investments.schema import Col

    return {
        pledge_id: " · ".join(
            (
                company,
                *([where] if country else []),
                f"{announced:%b %Y}",
                format_as_announced(amount, currency, qualifier),
            )
        )
        for pledge_id, company, where, announced, amount, currency, qualifier in zip(
            rows[Col.ID],
            rows[COMPANY_NAME],
            rows[COUNTRY_NAME],
            rows[Col.ANNOUNCED_ON],
            rows[Col.AMOUNT],
            rows[Col.CURRENCY],
            rows[Col.AMOUNT_QUALIFIER],
            strict=True,
        )
    }
