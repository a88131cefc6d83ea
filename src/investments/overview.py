"""The Overview's story in numbers: how much, who, where, and what is new.

Every total counts a pledge once: the latest announcement of each lineage, and a state's
share left out when the national pledge that includes it is counted (lineage.counted).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from investments import normalize as n
from investments.formatting import country_in_prose
from investments.lineage import counted
from investments.load import COMPANY_NAME, COUNTRY_NAME, REGION
from investments.schema import Col
from investments.scope import DEFAULT_FIGURES, SetAside, counted_on_basis, set_aside

TOP_COMPANIES = 8  # more bars than this no longer read on a phone


@dataclass(frozen=True)
class Overview:
    total_usd: float
    pledges: int
    largest: pd.Series  # one counted row
    latest_year: int
    latest_year_usd: float
    latest_year_pledges: int
    previous_year_usd: float
    previous_year_pledges: int
    last_announced: pd.Timestamp
    recent_largest: pd.DataFrame  # counted rows of the 12 months to last_announced, largest first
    by_company: pd.DataFrame  # name, total_usd, pledges; top companies then "Others"
    by_region: pd.DataFrame  # name, total_usd, pledges
    announcements: int  # every announcement, restatements included
    companies: int
    countries: int
    first_announced: pd.Timestamp
    figures: str
    set_aside: SetAside  # what the comparable basis leaves out of the totals


def _ranked(rows: pd.DataFrame, by: str) -> pd.DataFrame:
    grouped = (
        rows.groupby(by, observed=True)
        .agg(total_usd=(n.AMOUNT_USD_NOMINAL, "sum"), pledges=(Col.ID, "size"))
        .reset_index()
        .rename(columns={by: "name"})
    )
    return grouped.sort_values("total_usd", ascending=False, ignore_index=True)


def overview(
    normalized: pd.DataFrame, *, recent: int = 6, figures: str = DEFAULT_FIGURES
) -> Overview:
    """The headline figures of `normalized` (normalize.normalize output, every row), on
    `figures` (scope.FIGURES)."""
    rows = counted_on_basis(normalized, figures)
    dated = rows[Col.ANNOUNCED_ON]
    last = normalized[Col.ANNOUNCED_ON].max()
    latest_year = int(last.year)
    this_year = rows[dated.dt.year == latest_year]
    previous = rows[dated.dt.year == latest_year - 1]
    window = rows[dated > last - pd.DateOffset(years=1)]
    companies = _ranked(rows, COMPANY_NAME)
    if len(companies) > TOP_COMPANIES:
        rest = companies.iloc[TOP_COMPANIES - 1 :]
        others = pd.DataFrame(
            {
                "name": [f"{len(rest)} other companies"],
                "total_usd": [rest["total_usd"].sum()],
                "pledges": [rest["pledges"].sum()],
            }
        )
        companies = pd.concat([companies.iloc[: TOP_COMPANIES - 1], others], ignore_index=True)
    return Overview(
        total_usd=float(rows[n.AMOUNT_USD_NOMINAL].sum()),
        pledges=len(rows),
        largest=rows.loc[rows[n.AMOUNT_USD_NOMINAL].idxmax()],
        latest_year=latest_year,
        latest_year_usd=float(this_year[n.AMOUNT_USD_NOMINAL].sum()),
        latest_year_pledges=len(this_year),
        previous_year_usd=float(previous[n.AMOUNT_USD_NOMINAL].sum()),
        previous_year_pledges=len(previous),
        last_announced=last,
        recent_largest=window.sort_values(n.AMOUNT_USD_NOMINAL, ascending=False).head(recent),
        by_company=companies,
        by_region=_ranked(rows, REGION),
        announcements=len(normalized),
        companies=normalized[Col.COMPANY].nunique(),
        countries=normalized[Col.COUNTRY_ISO3].nunique(),
        first_announced=normalized[Col.ANNOUNCED_ON].min(),
        figures=figures,
        set_aside=set_aside(counted(normalized)),
    )


def pledge_line(row: pd.Series) -> str:
    """ "Apple in the United States, 24 Feb 2025": who, where, when, for lists."""
    return (
        f"{row[COMPANY_NAME]} in {country_in_prose(row[COUNTRY_NAME])}, "
        f"{row[Col.ANNOUNCED_ON]:%-d %b %Y}"
    )
