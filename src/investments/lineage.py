"""Pledge lineages: which announcements restate or raise earlier ones.

A later row names the earlier one in `supersedes` when its amount includes or replaces
it. Counting only rows that nothing supersedes ("latest pledge per lineage") gives totals
without double counting; counting every row shows how much was *announced*.
"""

from __future__ import annotations

import pandas as pd

from investments.schema import Col


def superseded_ids(investments: pd.DataFrame) -> set[str]:
    return set(investments[Col.SUPERSEDES].dropna())


def latest_per_lineage(investments: pd.DataFrame) -> pd.DataFrame:
    """The rows no other row supersedes: the current pledge of each lineage."""
    return investments[~investments[Col.ID].isin(superseded_ids(investments))]


def totals(
    frame: pd.DataFrame, by: str | list[str], value: str, *, latest_only: bool = True
) -> pd.DataFrame:
    """Sum of `value` and count of pledges per group, without double counting by default.

    `latest_only=True` counts the newest announcement of each lineage ("latest pledge per
    lineage"); False counts every announcement (what was *announced*, restatements included).
    """
    rows = latest_per_lineage(frame) if latest_only else frame
    grouped = rows.groupby(by, observed=True, dropna=False)
    return grouped.agg(total=(value, "sum"), pledges=(Col.ID, "size")).reset_index()
