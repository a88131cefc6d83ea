"""The source line every chart, table and download carries, written in one place."""

from __future__ import annotations

PROJECT_NAME = "Big Tech Investment Tracker"
DATA_LICENCE = "CC BY 4.0"


def source_line(*, data_version: str, fx: bool = False, world_bank: bool = False) -> str:
    """ "Source: company announcements and news reports, compiled by …; data version …"."""
    parts = [f"Source: company announcements and news reports, compiled by {PROJECT_NAME}"]
    if fx:
        parts.append("FX: ECB euro reference rates")
    if world_bank:
        parts.append("population and GDP: World Bank WDI")
    return "; ".join(parts) + f". Data version {data_version}, licence {DATA_LICENCE}."
