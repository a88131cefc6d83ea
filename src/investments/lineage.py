"""Pledge lineages: which announcements restate or raise earlier ones, or are part of them.

A later row names the earlier one in `supersedes` when its amount includes or replaces
it. A row names a broader pledge in `part_of` when that pledge's amount already includes
it (a state's share of a national figure). Counting only rows that nothing supersedes, and
leaving out parts whose broader pledge is counted too ("latest pledge per lineage"), gives
totals without double counting; counting every row shows how much was *announced*.
"""

from __future__ import annotations

import pandas as pd

from investments.schema import Col


def superseded_ids(investments: pd.DataFrame) -> set[str]:
    return set(investments[Col.SUPERSEDES].dropna())


def latest_per_lineage(investments: pd.DataFrame) -> pd.DataFrame:
    """The rows no other row supersedes: the current pledge of each lineage."""
    return investments[~investments[Col.ID].isin(superseded_ids(investments))]


def without_counted_parts(rows: pd.DataFrame, investments: pd.DataFrame) -> pd.DataFrame:
    """`rows` less the parts whose broader pledge (or its latest restatement) is among
    them: shown alone a part counts, next to the pledge that includes it, it does not."""
    parts = rows[Col.PART_OF].dropna()
    if parts.empty:
        return rows
    restated = investments[Col.SUPERSEDES].notna()
    superseded_by = dict(
        zip(
            investments.loc[restated, Col.SUPERSEDES],
            investments.loc[restated, Col.ID],
            strict=True,
        )
    )

    def latest(pledge: str) -> str:
        # A chain ends: validate requires each restatement to come after what it restates.
        while pledge in superseded_by:
            pledge = superseded_by[pledge]
        return pledge

    present = set(rows[Col.ID])
    return rows.drop(index=[i for i, broader in parts.items() if latest(broader) in present])


def counted(investments: pd.DataFrame) -> pd.DataFrame:
    """The rows a total adds up: latest pledge per lineage, parts of counted pledges left out."""
    return without_counted_parts(latest_per_lineage(investments), investments)


def counted_in_country(investments: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """A country's counted rows (restatements and parts link only within one country)."""
    return counted(investments[investments[Col.COUNTRY_ISO3] == iso3])


def totals(
    frame: pd.DataFrame, by: str | list[str], value: str, *, latest_only: bool = True
) -> pd.DataFrame:
    """Sum of `value` and count of pledges per group, without double counting by default.

    `latest_only=True` counts the newest announcement of each lineage ("latest pledge per
    lineage"); False counts every announcement (what was *announced*, restatements included).
    """
    rows = counted(frame) if latest_only else frame
    grouped = rows.groupby(by, observed=True, dropna=False)
    return grouped.agg(total=(value, "sum"), pledges=(Col.ID, "size")).reset_index()
