"""A filter is a value: it applies itself to the table and says in words what it kept.

The words go into captions and download filenames, so a CSV called
`microsoft-amazon_2023-2025.csv` contains what its name says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from investments.lineage import latest_per_lineage
from investments.load import COMPANY_NAME, COUNTRY_NAME
from investments.schema import Col


@dataclass(frozen=True)
class Filter:
    """Empty tuples mean "all"; `years` is an inclusive (first, last) announcement year."""

    companies: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    latest_only: bool = False

    def apply(self, investments: pd.DataFrame) -> pd.DataFrame:
        # Lineage first: whether a row is superseded depends on the whole table, not on
        # what survives the other filters.
        rows = latest_per_lineage(investments) if self.latest_only else investments
        mask = pd.Series(True, index=rows.index)
        if self.companies:
            mask &= rows[Col.COMPANY].isin(self.companies)
        if self.countries:
            mask &= rows[Col.COUNTRY_ISO3].isin(self.countries)
        if self.purposes:
            mask &= rows[Col.PURPOSE].isin(self.purposes)
        if self.years:
            year = rows[Col.ANNOUNCED_ON].dt.year
            mask &= year.between(*self.years)
        return rows[mask]

    def describe(self, investments: pd.DataFrame) -> str:
        """ "Microsoft and Amazon (incl. AWS) · Japan · 2023–2025 · latest pledge per lineage"."""
        parts = []
        if self.companies:
            names = _names(investments, Col.COMPANY, COMPANY_NAME, self.companies)
            parts.append(_and_list(names))
        if self.countries:
            names = _names(investments, Col.COUNTRY_ISO3, COUNTRY_NAME, self.countries)
            parts.append(_and_list(names))
        if self.purposes:
            parts.append(_and_list([p.replace("_", " ") for p in self.purposes]))
        if self.years:
            first, last = self.years
            parts.append(str(first) if first == last else f"{first}–{last}")
        if self.latest_only:
            parts.append("latest pledge per lineage")
        return " · ".join(parts) if parts else "All announcements"

    def filename(self, investments: pd.DataFrame, *, suffix: str = ".csv") -> str:
        """A safe file name made from the description."""
        slug = re.sub(r"[^a-z0-9]+", "-", self.describe(investments).lower()).strip("-")
        return f"big-tech-investments_{slug[:120]}{suffix}"


def _names(investments: pd.DataFrame, key: str, name: str, keys: tuple[str, ...]) -> list[str]:
    lookup = dict(zip(investments[key], investments[name], strict=True))
    return [str(lookup.get(k, k)) for k in keys]


def _and_list(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
