"""The announcements table, as every page shows it: amounts as announced, source links."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from investments.formatting import code_label, format_as_announced, format_period
from investments.load import COMPANY_NAME, COUNTRY_NAME, SUBDIVISION_NAME
from investments.normalize import AMOUNT_USD_NOMINAL, FX_DATE, USD_PER_LOCAL
from investments.schema import Col


def display_frame(
    investments: pd.DataFrame, measure: tuple[str, str] | None = None
) -> pd.DataFrame:
    """Reader-facing columns; amounts phrased as announced ("A$5 billion").

    `measure` is (label, column) of the basis chosen in the filter panel, shown after the
    amount as announced.
    """
    place = investments[COUNTRY_NAME].astype(str)
    has_sub = investments[SUBDIVISION_NAME].notna()
    place = place.where(~has_sub, investments[SUBDIVISION_NAME].astype(str) + ", " + place)
    converted = {}
    if measure is not None and measure[1] != AMOUNT_USD_NOMINAL:
        converted[measure[0]] = investments[measure[1]]
    if AMOUNT_USD_NOMINAL in investments:
        converted = {
            "US$ bn at announcement": investments[AMOUNT_USD_NOMINAL] / 1e9,
            "Rate (US$ per unit)": investments[USD_PER_LOCAL],
            "Rate date": investments[FX_DATE].dt.date,
        }
    return pd.DataFrame(
        {
            "Announced": investments[Col.ANNOUNCED_ON].dt.date,
            "Company": investments[COMPANY_NAME],
            "Where": place,
            "Amount as announced": [
                format_as_announced(a, c, q)
                for a, c, q in zip(
                    investments[Col.AMOUNT],
                    investments[Col.CURRENCY],
                    investments[Col.AMOUNT_QUALIFIER],
                    strict=True,
                )
            ],
            **converted,
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
    measure: tuple[str, str] | None = None,
) -> None:
    st.dataframe(
        display_frame(investments, measure),
        key=key,
        hide_index=True,
        height=height,
        column_config={
            "Announced": st.column_config.DateColumn(format="YYYY-MM-DD"),
            "US$ bn at announcement": st.column_config.NumberColumn(format="%.3f"),
            **({measure[0]: st.column_config.NumberColumn(format="%.4g")} if measure else {}),
            "Rate (US$ per unit)": st.column_config.NumberColumn(format="%.6g"),
            "Rate date": st.column_config.DateColumn(format="YYYY-MM-DD"),
            "Source": st.column_config.LinkColumn(display_text="source ↗"),
            "Quote": st.column_config.TextColumn(width="large"),
        },
    )
