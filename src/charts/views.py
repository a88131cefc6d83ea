"""A chart view: the figure, its words (title, units, credit, alt text) and its data.

The app's pages, the downloads and `python -m investments publish` all build views here,
so an embed, a PNG and the page show the same chart with the same credit line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from investments import normalize as n
from investments.aggregate import country_totals
from investments.chart_text import ChartText, compare_text, country_text, map_text, timeline_text
from investments.comparison import comparison_sentence, resolve
from investments.filters import Filter, basis_column, basis_label
from investments.formatting import format_as_announced, format_money
from investments.lineage import counted_in_country
from investments.load import COMPANY_NAME, COUNTRY_NAME
from investments.schema import Col
from viz.choropleth import country_totals_map, value_text
from viz.compare import comparison_small_multiples, item_colours
from viz.timeline import pledge_timeline


@dataclass(frozen=True)
class ChartView:
    kind: str  # "map", "timeline", "compare", "country"
    figure: go.Figure
    text: ChartText
    data: pd.DataFrame  # what the chart shows, as the CSV offered beside it
    page: str  # the app page's URL path
    query: dict[str, str] = field(default_factory=dict)

    @property
    def is_geo(self) -> bool:
        return any(trace.type in ("choropleth", "scattergeo") for trace in self.figure.data)


def _slug(*parts: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", "-".join(parts).lower()).strip("-")[:100]


def _largest(rows: pd.DataFrame, count: int = 3) -> list[tuple[str, str]]:
    top = rows.sort_values(n.AMOUNT_USD_NOMINAL, ascending=False).head(count)
    return [
        (f"{company} in {country}", format_as_announced(amount, currency, qualifier))
        for company, country, amount, currency, qualifier in zip(
            top[COMPANY_NAME],
            top[COUNTRY_NAME],
            top[Col.AMOUNT],
            top[Col.CURRENCY],
            top[Col.AMOUNT_QUALIFIER],
            strict=True,
        )
    ]


def map_view(normalized: pd.DataFrame, chosen: Filter, *, base_year: int) -> ChartView:
    rows = chosen.apply(normalized)
    basis = chosen.basis
    measure = basis_label(basis, base_year)
    totals = country_totals(rows, value=basis_column(basis, base_year))
    description = chosen.describe(normalized, base_year=base_year)
    text = map_text(
        totals,
        rows,
        basis=basis,
        base_year=base_year,
        measure=measure,
        description=description,
        value_text=lambda v: value_text(v, basis),
        slug=_slug(
            "map",
            chosen.filename(normalized, base_year=base_year, suffix="")[
                len("big-tech-investments_") :
            ],
        ),
    )
    figure = country_totals_map(totals, basis=basis, legend_title=measure)
    data = totals.rename(
        columns={"total": f"total ({measure})", "largest": "largest pledge as announced"}
    )
    return ChartView("map", figure, text, data, "map", chosen.to_query())


def timeline_view(
    normalized: pd.DataFrame, chosen: Filter, *, base_year: int, colours: dict[str, str]
) -> ChartView:
    rows = chosen.apply(normalized)
    measure = basis_label(chosen.basis, base_year)
    value = basis_column(chosen.basis, base_year)
    figure = pledge_timeline(
        rows,
        value=value,
        basis=chosen.basis,
        value_label=measure,
        colours=colours,
        show_lineage=not chosen.latest_only,
    )
    text = timeline_text(
        rows,
        measure=measure,
        description=chosen.describe(normalized, base_year=base_year),
        top_rows=_largest(rows),
        slug=_slug(
            "timeline",
            chosen.filename(normalized, base_year=base_year, suffix="")[
                len("big-tech-investments_") :
            ],
        ),
    )
    data = rows[
        [
            Col.ID,
            Col.ANNOUNCED_ON,
            COMPANY_NAME,
            COUNTRY_NAME,
            Col.AMOUNT,
            Col.CURRENCY,
            value,
            Col.SUPERSEDES,
            Col.PART_OF,
            Col.SOURCE_URL,
        ]
    ].rename(columns={value: measure})
    return ChartView("timeline", figure, text, data, "timeline", chosen.to_query())


def compare_view(
    normalized: pd.DataFrame,
    items: list[str],
    *,
    base_year: int,
    bases,
    company_colours: dict[str, str],
    display_per_usd: pd.Series | None = None,
    currency: str = "USD",
) -> ChartView:
    resolved = resolve(
        items,
        normalized,
        base_year=base_year,
        display_per_usd=display_per_usd,
        display_currency=currency,
    )
    sentence = comparison_sentence(resolved)
    figure = comparison_small_multiples(
        resolved, bases=bases, colours=item_colours(resolved, company_colours)
    )
    text = compare_text(
        resolved, sentence=sentence, base_year=base_year, slug=_slug("compare", *items)
    )
    data = resolved[
        [
            "item",
            "label",
            "as_announced",
            "period",
            "fx_date",
            "usd_per_local",
            "fx_source",
            "nominal",
            "constant",
            "per_capita",
            "share_of_gdp",
            "per_year",
            "source_url",
        ]
    ].rename(
        columns={
            "nominal": "usd_nominal",
            "constant": f"usd_constant_{base_year}",
            "per_capita": "usd_per_capita",
            "share_of_gdp": "share_of_gdp_pct",
            "per_year": "usd_per_year",
        }
    )
    query = {"items": ",".join(items), "base_year": str(base_year), "currency": currency}
    return ChartView("compare", figure, text, data, "compare", query)


def country_view(
    normalized: pd.DataFrame, iso3: str, *, base_year: int, colours: dict[str, str]
) -> ChartView:
    rows = counted_in_country(normalized, iso3)
    name = str(rows[COUNTRY_NAME].iloc[0]) if not rows.empty else iso3
    figure = pledge_timeline(
        rows,
        value=n.AMOUNT_USD_NOMINAL,
        basis="nominal",
        value_label="US$ at announcement",
        colours=colours,
        show_lineage=False,
    )
    total = rows[n.AMOUNT_USD_NOMINAL].sum()
    text = country_text(
        name,
        rows,
        total_text=format_money(total, "USD"),
        per_person_text=value_text(rows[n.USD_PER_CAPITA].sum(min_count=1), "per_capita"),
        share_text=value_text(rows[n.SHARE_OF_GDP_PCT].sum(min_count=1), "share_of_gdp"),
        top_rows=[
            (company, amount)
            for company, amount in ((c.split(" in ")[0], a) for c, a in _largest(rows))
        ],
        slug=_slug("country", iso3),
    )
    data = rows[
        [
            Col.ID,
            Col.ANNOUNCED_ON,
            COMPANY_NAME,
            Col.AMOUNT,
            Col.CURRENCY,
            Col.AMOUNT_QUALIFIER,
            n.FX_DATE,
            n.USD_PER_LOCAL,
            n.AMOUNT_USD_NOMINAL,
            n.constant_column(base_year),
            n.USD_PER_CAPITA,
            n.SHARE_OF_GDP_PCT,
            Col.SOURCE_URL,
        ]
    ]
    return ChartView("country", figure, text, data, "country", {"iso3": iso3})
