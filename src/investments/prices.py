"""US consumer prices, to express dollars of different years in one base year's dollars.

Uses the CPI-U (all urban consumers, U.S. city average, all items, not seasonally
adjusted; BLS series CUUR0000SA0) as shipped offline by the `cpi` package. An amount
announced in year Y is multiplied by CPI(base) / CPI(Y), with CPI the annual average.
For a year whose annual average is not yet published, the average of the months
published so far is used, and the label says so.
"""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass
from functools import cache

with warnings.catch_warnings():
    # The package warns at import when its data is older than a few months; the data in
    # use is stated on every label (CPI_SOURCE, basis), so the warning is noise here.
    warnings.simplefilter("ignore")
    import cpi

CPI_SOURCE = "US CPI-U annual average (BLS series CUUR0000SA0)"


@dataclass(frozen=True)
class PriceLevel:
    year: int
    cpi: float
    basis: str  # "annual average" or "average of Jan–Aug"


@cache
def latest_complete_year() -> int:
    """The latest year with a published annual average: the default base year."""
    return int(cpi.LATEST_YEAR)


@cache
def price_level(year: int) -> PriceLevel:
    """CPI-U for `year`: the annual average, or the partial-year average if incomplete."""
    if year <= latest_complete_year():
        return PriceLevel(year, float(cpi.get(year)), "annual average")
    latest_month: dt.date = cpi.LATEST_MONTH
    if year > latest_month.year:
        raise ValueError(
            f"no US CPI data for {year} (latest month published: {latest_month:%B %Y})"
        )
    months = [float(cpi.get(dt.date(year, m, 1))) for m in range(1, latest_month.month + 1)]
    basis = f"average of Jan–{dt.date(year, latest_month.month, 1):%b} {year}"
    return PriceLevel(year, sum(months) / len(months), basis)


def constant_dollar_factor(from_year: int, base_year: int) -> float:
    """Multiply nominal dollars of `from_year` by this to get dollars of `base_year`."""
    if base_year > latest_complete_year():
        raise ValueError(
            f"base year {base_year} has no complete CPI annual average; the latest is {latest_complete_year()}"
        )
    return price_level(base_year).cpi / price_level(from_year).cpi
