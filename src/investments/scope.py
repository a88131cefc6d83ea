"""Comparable figures: which part of each announced figure is the company's own new money.

A headline figure can count money already spent, partners' or a government's money, or
purchases and wages across a whole economy. Set side by side with a data-centre pledge as
equals, such figures make a comparison untrue. The comparable basis, the default on every
page, therefore counts:

- the new money where a source states it (`new_money_amount`), else the amount;
- only company-funded figures (`funding == "company"`);
- only the company's own capital spending or programmes (`spend_kind` capex or mixed).

Figures it leaves out are not dropped silently: `set_aside` lists them, and every page
says how many there are and what they add up to. The headline basis counts every figure
as announced.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from investments import normalize as n
from investments.i18n import N_
from investments.lineage import latest_per_lineage, without_counted_parts
from investments.schema import Col

FIGURES: dict[str, str] = {
    "comparable": N_("comparable figures"),
    "headline": N_("headline figures"),
}
DEFAULT_FIGURES = "comparable"

FIGURES_HELP = N_(
    "Comparable figures count each company's own new money: the forward-looking part of a "
    "figure that includes earlier spending, where a source states it; no partners' or "
    "public money; no economy-wide figures (supplier purchases, wages or R&D across a "
    "country). Headline figures are the totals as announced."
)

# Counted amount in the row's own currency, on the chosen basis.
COUNTED_AMOUNT = "counted_amount"
SCOPE_COLUMN_DOCS = {
    "figures": "The basis the row's US-dollar columns are on: `comparable` (the company's own "
    "new money: new_money_amount where stated, company-funded, no economy-wide figures) or "
    "`headline` (the amount as announced). The full dataset is always headline.",
    COUNTED_AMOUNT: "The amount counted on that basis, in the announced currency: "
    "new_money_amount where it is stated and the basis is comparable, else amount. "
    "amount_usd_nominal and the columns after it convert this figure.",
}
# Columns that scale with the amount (same rate, same date, same population and GDP).
_SCALED = (n.AMOUNT_USD_NOMINAL, n.USD_PER_CAPITA, n.SHARE_OF_GDP_PCT)


def comparable_mask(rows: pd.DataFrame) -> pd.Series:
    """True for the figures the comparable basis counts."""
    return (
        ((rows[Col.FUNDING] == "company") & (rows[Col.SPEND_KIND] != "economy_wide"))
        .fillna(False)
        .astype(bool)
    )


def on_basis(rows: pd.DataFrame, figures: str) -> pd.DataFrame:
    """`rows` (normalized) as counted on `figures`: headline rows unchanged; comparable
    rows without the set-aside figures, and with every money column scaled to the new money
    where one is stated (a conversion is linear in the amount, so scaling is exact)."""
    if figures == "headline":
        out = rows.copy()
        out[COUNTED_AMOUNT] = out[Col.AMOUNT]
        return out
    out = rows[comparable_mask(rows)].copy()
    new = out[Col.NEW_MONEY_AMOUNT]
    out[COUNTED_AMOUNT] = new.fillna(out[Col.AMOUNT])
    has_new = new.notna()
    if has_new.any():
        factor = (new / out[Col.AMOUNT]).where(has_new, 1.0).astype("float64")
        columns = list(_SCALED) + [c for c in out.columns if c.startswith("amount_usd_constant_")]
        for column in columns:
            out[column] = out[column].astype("float64") * factor
        # The new money's own period is not recorded: a per-year figure of the headline
        # period would be wrong, so it is left blank.
        out.loc[has_new, n.USD_PER_YEAR] = np.nan
    return out


def linked_on_basis(normalized: pd.DataFrame, figures: str) -> pd.DataFrame:
    """`normalized` with the lineage links that hold on `figures`.

    A later figure that includes earlier pledges replaces them as announced; counted as its
    new money, it no longer includes them (new money is what comes after the announcement,
    and the earlier pledges were announced before it), so on the comparable basis they
    count again: the Quebec pledge of 2023 and the new money of Canada's 2025 figure.
    """
    if figures == "headline":
        return normalized
    with_new = normalized[Col.NEW_MONEY_AMOUNT].notna()
    if not with_new.any():
        return normalized
    out = normalized.copy()
    out.loc[with_new, Col.SUPERSEDES] = pd.NA
    counted_as_new = set(normalized.loc[with_new, Col.ID])
    out.loc[out[Col.PART_OF].isin(counted_as_new), Col.PART_OF] = pd.NA
    return out


def counted_on_basis(normalized: pd.DataFrame, figures: str) -> pd.DataFrame:
    """The rows a total adds up on `figures`: the latest pledge per lineage, on the basis,
    then parts left out only where the broader pledge is still counted (a state's share of
    an economy-wide national figure counts on the comparable basis)."""
    linked = linked_on_basis(normalized, figures)
    rows = on_basis(latest_per_lineage(linked), figures)
    return without_counted_parts(rows, linked)


def figures_note(figures: str, style=None) -> str:
    """One line for a chart's units and alt text: what its figures count (in `style`'s
    language, an investments.style.Style; English without one)."""
    from investments.style import EN

    _ = (style or EN)._
    if figures == "headline":
        return _(
            "headline figures as announced, including any economy-wide figures, partners' "
            "or public money and earlier spending"
        )
    return _(
        "comparable figures: each company's own new money, without economy-wide figures "
        "or partners' and public money"
    )


@dataclass(frozen=True)
class SetAside:
    """What the comparable basis leaves out of a view, for the page's notice."""

    economy_wide: pd.DataFrame
    shared_funding: pd.DataFrame  # with partners or with public funds
    prior_spending_usd: float  # earlier spending taken out where the new money is stated

    @property
    def empty(self) -> bool:
        return self.economy_wide.empty and self.shared_funding.empty and not self.prior_spending_usd


def set_aside(rows: pd.DataFrame) -> SetAside:
    """The figures of `rows` (counted, headline) that the comparable basis does not add."""
    kept = comparable_mask(rows)
    economy = rows[~kept & (rows[Col.SPEND_KIND] == "economy_wide")]
    shared = rows[~kept & (rows[Col.SPEND_KIND] != "economy_wide")]
    new = rows.loc[kept, Col.NEW_MONEY_AMOUNT]
    stated = new.notna()
    earlier = rows.loc[kept & stated.reindex(rows.index, fill_value=False)]
    prior_usd = float(
        ((earlier[Col.AMOUNT] - earlier[Col.NEW_MONEY_AMOUNT]) * earlier[n.USD_PER_LOCAL]).sum()
    )
    return SetAside(economy_wide=economy, shared_funding=shared, prior_spending_usd=prior_usd)


def scope_caveats(row: pd.Series) -> list[str]:
    """What one figure covers beyond the company's own new capital, in words, or []."""
    caveats = []
    if row[Col.SPEND_KIND] == "economy_wide":
        caveats.append("counts spending across the economy (suppliers, wages or R&D)")
    if row[Col.FUNDING] == "with_partners":
        caveats.append("includes partners' money")
    elif row[Col.FUNDING] == "with_public_funds":
        caveats.append("includes public funds")
    if row[Col.INCLUDES_PRIOR_SPENDING] == "yes":
        caveats.append("includes money already spent")
    elif row[Col.INCLUDES_PRIOR_SPENDING] == "unknown":
        caveats.append("may include money already spent")
    return caveats
