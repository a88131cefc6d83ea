"""Amounts as a reader expects to see them: "US$2.9 billion", "¥2.26 trillion".

Charts, tables, captions and alt text all phrase money through here, so a figure reads the
same wherever it appears.
"""

from __future__ import annotations

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


def _scaled(value: float) -> str:
    for size, word in _SCALES:
        if abs(value) >= size:
            number = value / size
            text = f"{number:,.2f}".rstrip("0").rstrip(".")
            return f"{text} {word}"
    return f"{value:,.0f}"


def format_money(amount: float, currency: str) -> str:
    """`2.9e9, "USD"` -> "US$2.9 billion"; unknown currencies get their ISO code first."""
    if pd.isna(amount):
        return "–"
    prefix = CURRENCY_PREFIX.get(currency)
    return f"{prefix}{_scaled(amount)}" if prefix else f"{currency} {_scaled(amount)}"


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


def pledge_labels(rows) -> dict[str, str]:
    """id -> "Microsoft · Japan · Apr 2024 · US$2.9 billion", for pickers and legends."""
    from investments.load import COMPANY_NAME, COUNTRY_NAME  # the loader's derived names
    from investments.schema import Col

    return {
        pledge_id: f"{company} · {country} · {announced:%b %Y} · {format_as_announced(amount, currency, qualifier)}"
        for pledge_id, company, country, announced, amount, currency, qualifier in zip(
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
