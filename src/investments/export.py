"""The CSV an analyst downloads: one function for the CLI and the Explore page alike.

Numbers are plain (no thousands separators), dates ISO 8601, text UTF-8 with a
byte-order mark so Excel opens accents correctly, and no cell can start a formula.
"""

from __future__ import annotations

import io

import pandas as pd

from investments.load import COUNTRY_NAME, SUBDIVISION_NAME
from investments.schema import Col

EXPORT_COLUMNS: tuple[str, ...] = (
    Col.ID,
    Col.COMPANY,
    Col.COUNTRY_ISO3,
    COUNTRY_NAME,
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
    Col.SUPERSEDES,
    Col.SOURCE_URL,
    Col.SOURCE_PUBLISHER,
    Col.QUOTE,
    Col.SECOND_SOURCE_URL,
    Col.SECOND_SOURCE_QUOTE,
    Col.NOTES,
)

# OWASP CSV injection: a spreadsheet treats a cell starting with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def defuse_cell(text: str) -> str:
    """Prefix a quote mark to text a spreadsheet would run as a formula."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _format_amount(value: float) -> str:
    """Full-unit amounts as plain digits: 2900000000, not 2.9e9 or 2,900,000,000."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _cell_text(column: str, value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if column == Col.ANNOUNCED_ON:
        return value.strftime("%Y-%m-%d")
    if column == Col.AMOUNT:
        return _format_amount(value)
    if column in (Col.PERIOD_START_YEAR, Col.PERIOD_END_YEAR):
        return str(int(value))
    return defuse_cell(str(value))


def export_frame(investments: pd.DataFrame) -> pd.DataFrame:
    """The export table as text cells, in the documented column order."""
    cells = {
        column: [_cell_text(column, v) for v in investments[column].tolist()]
        for column in EXPORT_COLUMNS
    }
    return pd.DataFrame(cells, columns=list(EXPORT_COLUMNS), dtype=object)


def to_csv_bytes(investments: pd.DataFrame) -> bytes:
    """The exact bytes of the analyst's CSV (UTF-8 with BOM, CRLF-free, every field as text)."""
    buffer = io.StringIO()
    export_frame(investments).to_csv(buffer, index=False, lineterminator="\n")
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
