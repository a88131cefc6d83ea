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


def lineage_heads(investments: pd.DataFrame) -> dict[str, str]:
    """Each id mapped to the newest announcement of its chain (itself if nothing supersedes it)."""
    superseded_by = dict(
        zip(
            investments[Col.SUPERSEDES].dropna(),
            investments.loc[investments[Col.SUPERSEDES].notna(), Col.ID],
            strict=True,
        )
    )
    heads = {}
    for start in investments[Col.ID]:
        head, seen = start, set()
        while head in superseded_by and head not in seen:  # validate forbids cycles; stay safe
            seen.add(head)
            head = superseded_by[head]
        heads[start] = head
    return heads


def without_counted_parts(rows: pd.DataFrame, investments: pd.DataFrame) -> pd.DataFrame:
    """`rows` less the parts whose broader pledge (or its latest restatement) is among
    them: shown alone a part counts, next to the pledge that includes it, it does not."""
    parts = rows[Col.PART_OF].notna() if Col.PART_OF in rows else pd.Series(False, index=rows.index)
    if not parts.any():
        return rows
    heads = lineage_heads(investments)
    present = set(rows[Col.ID])
    included = rows.loc[parts, Col.PART_OF].map(
        lambda broader: heads.get(broader, broader) in present
    )
    return rows.drop(index=included[included].index)


def counted(investments: pd.DataFrame) -> pd.DataFrame:
    """The rows a total adds up: latest pledge per lineage, parts of counted pledges left out."""
    return without_counted_parts(latest_per_lineage(investments), investments)


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
