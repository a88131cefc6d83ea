"""The CSV an analyst downloads: one function for the CLI and the Explore page alike.

Numbers are plain (no thousands separators), dates ISO 8601, text UTF-8 with a
byte-order mark so Excel opens accents correctly, and no cell can start a formula.
Amounts as announced sit beside the converted ones, with the rate and fixing date used.
"""

from __future__ import annotations

import io
import math

import pandas as pd

from investments import normalize as n
from investments.load import COUNTRY_NAME, REGION, SUB_REGION, SUBDIVISION_NAME
from investments.schema import Col
from investments.scope import COUNTED_AMOUNT

FIGURES_COLUMN = "figures"
DATA_VERSION, DATA_CURRENT_TO = "data_version", "data_current_to"
RELEASE_COLUMN_DOCS = {
    DATA_VERSION: "The data release the row comes from (datapackage.json `version`): cite it.",
    DATA_CURRENT_TO: "The date of that release's latest curation round (datapackage.json "
    "`last_updated`): the data is current to this date, not to its latest announcement.",
}


def export_columns(base_year: int) -> tuple[str, ...]:
    """The export's columns, in order; the constant-dollar column names its base year."""
    return (
        Col.ID,
        Col.COMPANY,
        Col.COUNTRY_ISO3,
        COUNTRY_NAME,
        REGION,
        SUB_REGION,
        Col.SUBDIVISION,
        SUBDIVISION_NAME,
        Col.ANNOUNCED_ON,
        Col.AMOUNT,
        Col.CURRENCY,
        Col.AMOUNT_QUALIFIER,
        Col.PERIOD_START_YEAR,
        Col.PERIOD_END_YEAR,
        Col.PURPOSE,
        Col.STATUS,
        Col.INCLUDES_PRIOR_SPENDING,
        Col.FUNDING,
        Col.SPEND_KIND,
        Col.NEW_MONEY_AMOUNT,
        FIGURES_COLUMN,
        COUNTED_AMOUNT,
        n.FX_DATE,
        n.USD_PER_LOCAL,
        n.FX_SOURCE,
        n.AMOUNT_USD_NOMINAL,
        n.constant_column(base_year),
        n.CPI_BASIS,
        n.POPULATION,
        n.POPULATION_YEAR,
        n.GDP_USD,
        n.GDP_YEAR,
        n.USD_PER_CAPITA,
        n.SHARE_OF_GDP_PCT,
        n.PERIOD_YEARS,
        n.USD_PER_YEAR,
        Col.SUPERSEDES,
        Col.PART_OF,
        Col.SOURCE_URL,
        Col.SOURCE_PUBLISHER,
        Col.QUOTE,
        Col.QUOTE_LANGUAGE,
        Col.SECOND_SOURCE_URL,
        Col.SECOND_SOURCE_QUOTE,
        Col.SECOND_SOURCE_QUOTE_LANGUAGE,
        Col.SCOPE_QUOTE,
        Col.SCOPE_QUOTE_LANGUAGE,
        Col.SCOPE_SOURCE_URL,
        Col.SCOPE_NOTE,
        Col.NOTES,
        Col.LAST_VERIFIED,
        DATA_VERSION,
        DATA_CURRENT_TO,
    )


# OWASP CSV injection: a spreadsheet treats a cell starting with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")

_DATE_COLUMNS = {Col.ANNOUNCED_ON, n.FX_DATE, Col.LAST_VERIFIED}
_INTEGER_COLUMNS = {
    Col.PERIOD_START_YEAR,
    Col.PERIOD_END_YEAR,
    n.POPULATION_YEAR,
    n.GDP_YEAR,
    n.PERIOD_YEARS,
}
# Decimals kept per numeric column: cents for dollars, ten significant digits for rates.
_DECIMALS = {
    n.AMOUNT_USD_NOMINAL: 2,
    n.GDP_USD: 0,
    n.POPULATION: 0,
    n.USD_PER_CAPITA: 4,
    n.SHARE_OF_GDP_PCT: 6,
    n.USD_PER_YEAR: 2,
}


def defuse_cell(text: str) -> str:
    """Prefix a quote mark to text a spreadsheet would run as a formula."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _plain_number(value: float, decimals: int | None) -> str:
    """Digits only: 2900000000, 0.6363418706, never 2.9e9 or 2,900,000,000."""
    if decimals is None:  # rates: ten significant digits, no exponent
        text = f"{value:.10g}"
        if "e" in text:
            text = f"{value:.12f}".rstrip("0").rstrip(".")
        return text
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _cell_text(column: str, value: object) -> str:
    if (
        value is None
        or value is pd.NA
        or value is pd.NaT
        or (isinstance(value, float) and math.isnan(value))
    ):
        return ""
    if column in _DATE_COLUMNS:
        return value.strftime("%Y-%m-%d")
    if column in _INTEGER_COLUMNS:
        return str(int(value))
    if column in (Col.AMOUNT, Col.NEW_MONEY_AMOUNT, COUNTED_AMOUNT):
        return _plain_number(float(value), 2)
    if column == n.USD_PER_LOCAL:
        return _plain_number(float(value), None)
    if column in _DECIMALS or column.startswith("amount_usd_constant_"):
        return _plain_number(float(value), _DECIMALS.get(column, 2))
    return defuse_cell(str(value))


def export_frame(
    normalized: pd.DataFrame,
    *,
    base_year: int,
    figures: str = "headline",
    release: tuple[str, str] = ("", ""),
) -> pd.DataFrame:
    """The export table as text cells, in the documented column order.

    `figures` names the basis the rows' dollars are on (scope.on_basis): headline rows are
    as announced; comparable rows count their new money (`counted_amount`)."""
    columns = export_columns(base_year)
    normalized = normalized.assign(
        **{FIGURES_COLUMN: figures, DATA_VERSION: release[0], DATA_CURRENT_TO: release[1]}
    )
    if COUNTED_AMOUNT not in normalized:
        normalized = normalized.assign(**{COUNTED_AMOUNT: normalized[Col.AMOUNT]})
    cells = {
        column: [_cell_text(column, v) for v in normalized[column].tolist()] for column in columns
    }
    return pd.DataFrame(cells, columns=list(columns), dtype=object)


def to_csv_bytes(
    normalized: pd.DataFrame,
    *,
    base_year: int,
    figures: str = "headline",
    release: tuple[str, str] = ("", ""),
) -> bytes:
    """The exact bytes of the analyst's CSV (UTF-8 with BOM, LF line ends); `release` is
    (version, current-to date) of the data package."""
    buffer = io.StringIO()
    export_frame(normalized, base_year=base_year, figures=figures, release=release).to_csv(
        buffer, index=False, lineterminator="\n"
    )
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def frame_to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """Any small table (a chart's own data) as the same safe CSV: UTF-8 with BOM, plain
    numbers, ISO dates, formula-safe text."""
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        series = frame[column]
        if pd.api.types.is_datetime64_any_dtype(series):
            out[column] = series.dt.strftime("%Y-%m-%d").fillna("")
        elif pd.api.types.is_integer_dtype(series):
            out[column] = series.astype("string").fillna("")
        elif pd.api.types.is_float_dtype(series):
            out[column] = [("" if pd.isna(v) else _plain_number(float(v), None)) for v in series]
        else:
            out[column] = [
                ("" if v is None or v is pd.NA or v != v else defuse_cell(str(v))) for v in series
            ]
    buffer = io.StringIO()
    out.astype(object).to_csv(buffer, index=False, lineterminator="\n")
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def with_release(frame: pd.DataFrame, package) -> pd.DataFrame:
    """A chart's own data with the data release it was drawn from (`data_version`,
    `data_current_to`), as the full export carries them: a downloaded chart CSV cites its
    version too."""
    version, current_to = package.release_columns
    return frame.assign(**{DATA_VERSION: version, DATA_CURRENT_TO: current_to})
