"""Totals per country or company for maps and tables, from already-filtered rows.

Lineage is the filter's job (latest pledge per lineage or every announcement), so these
functions sum what they are given. Per-person and share-of-GDP totals add each pledge's
own figure, each computed with the population or GDP of its own announcement year.
"""

from __future__ import annotations

import pandas as pd

from investments import normalize as n
from investments.load import COUNTRY_NAME
from investments.schema import Col
from investments.style import EN, Style


def country_totals(rows: pd.DataFrame, *, value: str, style: Style = EN) -> pd.DataFrame:
    """One row per host country: total of `value`, number of pledges, largest pledge as
    announced (in `style`'s number style)."""
    if rows.empty:
        return pd.DataFrame(columns=[Col.COUNTRY_ISO3, COUNTRY_NAME, "total", "pledges", "largest"])
    largest = rows.sort_values(n.AMOUNT_USD_NOMINAL, ascending=False).drop_duplicates(
        Col.COUNTRY_ISO3
    )
    largest_text = {
        iso3: style.as_announced(amount, currency, qualifier)
        for iso3, amount, currency, qualifier in zip(
            largest[Col.COUNTRY_ISO3],
            largest[Col.AMOUNT],
            largest[Col.CURRENCY],
            largest[Col.AMOUNT_QUALIFIER],
            strict=True,
        )
    }
    totals = (
        rows.groupby([Col.COUNTRY_ISO3, COUNTRY_NAME], observed=True)
        .agg(total=(value, lambda s: s.sum(min_count=1)), pledges=(Col.ID, "size"))
        .reset_index()
    )
    totals["largest"] = totals[Col.COUNTRY_ISO3].map(largest_text)
    return totals.sort_values("total", ascending=False, ignore_index=True)
