"""The announcements table, as every page shows it: the amount first, in words a reader
reads ("A$5 billion", "US$3.18 billion"), then who, where and when, then the sources.

On a phone only the first columns are in view, so they are the amounts. Numbers are
shown as text with their units; the CSV downloads carry the plain numbers.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from investments.formatting import (
    code_label,
    format_as_announced,
    format_measure,
    format_period,
    format_usd,
)
from investments.load import COMPANY_NAME, COUNTRY_NAME, SUBDIVISION_NAME
from investments.normalize import AMOUNT_USD_NOMINAL, FX_DATE, USD_PER_LOCAL
from investments.schema import Col
from investments.scope import COUNTED_AMOUNT


def _rate(currency: str, usd_per_local: float, fx_date) -> str:
    if currency == "USD" or pd.isna(usd_per_local):
        return "" if currency == "USD" else "not available"
    return f"1 {currency} = {usd_per_local:.4g} US$ ({fx_date:%-d %b %Y})"


def display_frame(
    investments: pd.DataFrame, measure: tuple[str, str, str] | None = None
) -> pd.DataFrame:
    """Reader-facing columns, amounts first.

    `measure` is (label, column, basis) of the measure chosen in the filters, shown after
    the US dollar amount when it is another one.
    """
    place = investments[COUNTRY_NAME].astype(str)
    has_sub = investments[SUBDIVISION_NAME].notna()
    place = place.where(~has_sub, investments[SUBDIVISION_NAME].astype(str) + ", " + place)
    announced = [
        format_as_announced(a, c, q)
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
            f"{text} (new money {format_as_announced(n, c, 'exact')})" if n != a else text
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
        amounts["US$ at announcement"] = investments[AMOUNT_USD_NOMINAL].map(format_usd)
    if measure is not None and measure[1] != AMOUNT_USD_NOMINAL and measure[1] in investments:
        amounts[measure[0]] = investments[measure[1]].map(lambda v: format_measure(v, measure[2]))
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
    return pd.DataFrame(
        {
            **amounts,
            "Company": investments[COMPANY_NAME],
            "Where": place,
            "Announced": investments[Col.ANNOUNCED_ON].dt.date,
            "Period": [
                format_period(s, e)
                for s, e in zip(
                    investments[Col.PERIOD_START_YEAR],
                    investments[Col.PERIOD_END_YEAR],
                    strict=True,
                )
            ],
            "Purpose": investments[Col.PURPOSE].map(code_label),
            "Status": investments[Col.STATUS].map(code_label),
            **rates,
            "Source": investments[Col.SOURCE_URL],
            "Publisher": investments[Col.SOURCE_PUBLISHER],
            "Quote": investments[Col.QUOTE],
            "Id": investments[Col.ID],
        }
    )


def announcements_table(
    investments: pd.DataFrame,
    *,
    key: str,
    height: int | str = "auto",
    measure: tuple[str, str, str] | None = None,
) -> None:
    st.dataframe(
        display_frame(investments, measure),
        key=key,
        hide_index=True,
        height=height,
        column_config={
            "Announced": st.column_config.DateColumn(format="D MMM YYYY"),
            "Source": st.column_config.LinkColumn(display_text="source ↗"),
            "Quote": st.column_config.TextColumn(width="large"),
        },
    )
