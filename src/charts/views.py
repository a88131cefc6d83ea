"""A chart view: the figure, its words (title, units, credit, alt text) and its data.

The app's pages, the downloads and `python -m investments publish` all build views here,
so an embed, a PNG and the page show the same chart with the same credit line.

`figure` is laid out to read at any width from a phone's up (the app sends one figure to
every screen). Where the width is known or bounded (an image, a published page that can
switch layouts as it is resized) `figure_for` lays the same chart out for that width and,
for an image, a height.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pandas as pd
import plotly.graph_objects as go

from investments import normalize as n
from investments.aggregate import country_totals
from investments.chart_text import ChartText, compare_text, country_text, map_text, timeline_text
from investments.comparison import comparison_sentence, in_language, resolve, scope_sentences
from investments.comparison_ja import comparison_sentence_ja, scope_sentences_ja
from investments.filters import Filter, basis_column, basis_label
from investments.i18n import N_
from investments.load import COMPANY_NAME, COUNTRY_NAME
from investments.schema import Col
from investments.scope import COUNTED_AMOUNT, DEFAULT_FIGURES, counted_on_basis
from investments.style import EN, Style, with_names
from viz.choropleth import country_totals_map, value_text
from viz.compare import comparison_small_multiples, fit_comparison, item_colours
from viz.theme import limit_hues
from viz.timeline import fit_timeline, pledge_timeline


@dataclass(frozen=True)
class ChartView:
    kind: str  # "map", "timeline", "compare", "country"
    figure: go.Figure
    text: ChartText
    data: pd.DataFrame  # what the chart shows, as the CSV offered beside it
    page: str  # the app page's URL path
    query: dict[str, str] = field(default_factory=dict)
    # (width_px, height_px or None, still) -> the figure laid out for that size; `still`
    # leaves out what only works interactively (a range slider).
    redraw: Callable[[int, int | None, bool], go.Figure] | None = None

    @property
    def is_geo(self) -> bool:
        return any(trace.type in ("choropleth", "scattergeo") for trace in self.figure.data)

    def figure_for(
        self, *, width_px: int, height_px: int | None = None, still: bool = False
    ) -> go.Figure:
        """The chart laid out for `width_px` and wider (and at most `height_px` tall)."""
        if self.redraw is None:
            return self.figure
        return self.redraw(width_px, height_px, still)

    def width_variants(self) -> list[tuple[int, go.Figure]]:
        """(narrowest width, figure) pairs for a page that switches layout as it is resized:
        the any-width figure, then one with more room from WIDE_FROM_PX on."""
        if self.redraw is None:
            return [(0, self.figure)]
        return [(0, self.figure), (WIDE_FROM_PX, self.figure_for(width_px=WIDE_FROM_PX))]


WIDE_FROM_PX = 640  # a published chart this wide or wider gets the roomier layout


def _slug(*parts: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", "-".join(parts).lower()).strip("-")[:100]


def _largest(rows: pd.DataFrame, style: Style, count: int = 3) -> list[tuple[str, str]]:
    """The largest pledges as ("Microsoft in Japan", "US$2.9 billion"); `rows` carry their
    names in `style`'s language already."""
    top = rows.sort_values(n.AMOUNT_USD_NOMINAL, ascending=False).head(count)
    return [
        (
            style._("{company} in {country}").format(company=company, country=country),
            style.as_announced(amount, currency, qualifier),
        )
        for company, country, amount, currency, qualifier in zip(
            top[COMPANY_NAME],
            top[COUNTRY_NAME],
            top[Col.AMOUNT],
            top[Col.CURRENCY],
            top[Col.AMOUNT_QUALIFIER],
            strict=True,
        )
    ]


def map_view(
    normalized: pd.DataFrame, chosen: Filter, *, base_year: int, style: Style = EN
) -> ChartView:
    rows = with_names(chosen.apply(normalized), style)
    basis = chosen.basis
    measure = basis_label(basis, base_year, style)
    totals = country_totals(rows, value=basis_column(basis, base_year), style=style)
    description = chosen.describe(normalized, base_year=base_year, style=style)
    aside = _set_aside_countries(normalized, chosen, totals, style)
    text = map_text(
        totals,
        rows,
        basis=basis,
        base_year=base_year,
        measure=measure,
        description=description,
        value_text=lambda v: value_text(v, basis, style),
        figures=chosen.figures,
        set_aside_countries=tuple(aside[COUNTRY_NAME]),
        style=style,
        slug=_slug(
            "map",
            chosen.filename(normalized, base_year=base_year, suffix="")[
                len("big-tech-investments_") :
            ],
        ),
    )
    figure = country_totals_map(
        totals, basis=basis, legend_title=measure, set_aside=aside, style=style
    )
    data = totals.rename(
        columns={"total": f"total ({measure})", "largest": "largest pledge as announced"}
    )

    def redraw(width_px: int, height_px: int | None, still: bool) -> go.Figure:
        return country_totals_map(
            totals,
            basis=basis,
            legend_title=measure,
            width_px=width_px,
            height_px=height_px,
            set_aside=aside,
            style=style,
        )

    return ChartView("map", figure, text, data, "map", _query(chosen.to_query(), style), redraw)


def _query(query: dict[str, str], style: Style) -> dict[str, str]:
    """A view's URL parameters, with the language where it is not English."""
    return query if style.lang == "en" else {**query, "lang": style.lang}


def _set_aside_countries(
    normalized: pd.DataFrame, chosen: Filter, totals: pd.DataFrame, style: Style = EN
) -> pd.DataFrame:
    """Countries in view whose every figure the comparable basis leaves out, with words for
    the hover ("Microsoft US$10 billion, with partners' money: shown as headline figures")."""
    if chosen.figures != DEFAULT_FIGURES:
        return pd.DataFrame(columns=[Col.COUNTRY_ISO3, COUNTRY_NAME, "text"])
    headline = with_names(replace(chosen, figures="headline").apply(normalized), style)
    only = headline[~headline[Col.COUNTRY_ISO3].isin(set(totals[Col.COUNTRY_ISO3]))]
    rows = []
    for iso3, pledges in only.groupby(Col.COUNTRY_ISO3, sort=True):
        words = style._("; ").join(
            style._("{company} {amount}, {why}").format(
                company=company,
                amount=style.as_announced(amount, currency, qualifier),
                why=style._(_why_aside(row)),
            )
            for company, amount, currency, qualifier, row in zip(
                pledges[COMPANY_NAME],
                pledges[Col.AMOUNT],
                pledges[Col.CURRENCY],
                pledges[Col.AMOUNT_QUALIFIER],
                (r for _, r in pledges.iterrows()),
                strict=True,
            )
        )
        rows.append(
            {
                Col.COUNTRY_ISO3: iso3,
                COUNTRY_NAME: pledges[COUNTRY_NAME].iloc[0],
                "text": style._(
                    "{pledges}. Not a comparable figure: switch to headline figures."
                ).format(pledges=words),
            }
        )
    return pd.DataFrame(rows, columns=[Col.COUNTRY_ISO3, COUNTRY_NAME, "text"])


def _why_aside(row: pd.Series) -> str:
    if row[Col.SPEND_KIND] == "economy_wide":
        return N_("economy-wide")
    if row[Col.FUNDING] == "with_public_funds":
        return N_("with public money")
    return N_("with partners' money")


def timeline_view(
    normalized: pd.DataFrame,
    chosen: Filter,
    *,
    base_year: int,
    colours: dict[str, str],
    style: Style = EN,
) -> ChartView:
    rows = with_names(chosen.apply(normalized), style)
    colours = _named_colours(normalized, colours, style)
    measure = basis_label(chosen.basis, base_year, style)
    value = basis_column(chosen.basis, base_year)
    ranked = list(
        rows.groupby(COMPANY_NAME, observed=True)[value].sum().sort_values(ascending=False).index
    )
    names = dict(zip(rows[Col.COMPANY], rows[COMPANY_NAME], strict=True))
    colours = limit_hues(
        [str(r) for r in ranked],
        colours,
        keep=tuple(str(names[c]) for c in chosen.companies if c in names),
    )
    options = {
        "value": value,
        "basis": chosen.basis,
        "value_label": measure,
        "colours": colours,
        "show_lineage": not chosen.latest_only,
        "style": style,
    }
    figure = pledge_timeline(rows, **options)
    text = timeline_text(
        rows,
        measure=measure,
        description=chosen.describe(normalized, base_year=base_year, style=style),
        top_rows=_largest(rows, style),
        figures=chosen.figures,
        style=style,
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
            COUNTED_AMOUNT,
            value,
            Col.INCLUDES_PRIOR_SPENDING,
            Col.FUNDING,
            Col.SPEND_KIND,
            Col.SUPERSEDES,
            Col.PART_OF,
            Col.SOURCE_URL,
        ]
    ].rename(columns={value: measure})
    redraw = _timeline_redraw(rows, options)
    return ChartView(
        "timeline", figure, text, data, "timeline", _query(chosen.to_query(), style), redraw
    )


def _timeline_redraw(rows: pd.DataFrame, options: dict):
    def redraw(width_px: int, height_px: int | None, still: bool) -> go.Figure:
        return fit_timeline(rows, width_px=width_px, height_px=height_px, still=still, **options)

    return redraw


def compare_view(
    normalized: pd.DataFrame,
    items: list[str],
    *,
    base_year: int,
    bases,
    company_colours: dict[str, str],
    display_per_usd: pd.Series | None = None,
    currency: str = "USD",
    figures: str = DEFAULT_FIGURES,
    style: Style = EN,
) -> ChartView:
    resolved = resolve(
        items,
        normalized,
        base_year=base_year,
        display_per_usd=display_per_usd,
        display_currency=currency,
        figures=figures,
    )
    colours = item_colours(resolved, company_colours)
    if style.lang == "ja":
        sentence = comparison_sentence_ja(resolved)
        caveats = "".join(scope_sentences_ja(resolved))
    else:
        sentence = comparison_sentence(resolved)
        caveats = " ".join(scope_sentences(resolved))
    shown = in_language(resolved, style)
    figure = comparison_small_multiples(shown, bases=bases, colours=colours, style=style)
    text = compare_text(
        shown,
        sentence=sentence,
        base_year=base_year,
        slug=_slug("compare", *items),
        caveats=caveats,
        style=style,
    )
    data = resolved.assign(scope=resolved["caveats"].map("; ".join))[
        [
            "item",
            "label",
            "as_announced",
            "new_money_amount",
            "uses_new_money",
            "scope",
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
    if figures != DEFAULT_FIGURES:
        query["figures"] = figures

    def redraw(width_px: int, height_px: int | None, still: bool) -> go.Figure:
        return fit_comparison(
            shown,
            bases=bases,
            colours=colours,
            width_px=width_px,
            height_px=height_px,
            style=style,
        )

    return ChartView("compare", figure, text, data, "compare", _query(query, style), redraw)


def country_view(
    normalized: pd.DataFrame,
    iso3: str,
    *,
    base_year: int,
    colours: dict[str, str],
    figures: str = DEFAULT_FIGURES,
    style: Style = EN,
) -> ChartView:
    rows = with_names(
        counted_on_basis(normalized[normalized[Col.COUNTRY_ISO3] == iso3], figures), style
    )
    colours = _named_colours(normalized, colours, style)
    name = str(rows[COUNTRY_NAME].iloc[0]) if not rows.empty else style.country(iso3, iso3)
    options = {
        "value": n.AMOUNT_USD_NOMINAL,
        "basis": "nominal",
        "value_label": basis_label("nominal", base_year, style),
        "colours": colours,
        "show_lineage": False,
        "label_country": False,
        "style": style,
    }
    figure = pledge_timeline(rows, **options)
    total = rows[n.AMOUNT_USD_NOMINAL].sum()
    text = country_text(
        name,
        rows,
        total_text=style.usd(total),
        per_person_text=value_text(rows[n.USD_PER_CAPITA].sum(min_count=1), "per_capita", style),
        share_text=value_text(rows[n.SHARE_OF_GDP_PCT].sum(min_count=1), "share_of_gdp", style),
        top_rows=[
            (company, amount)
            for company, amount in zip(
                rows.sort_values(n.AMOUNT_USD_NOMINAL, ascending=False).head(3)[COMPANY_NAME],
                (a for _, a in _largest(rows, style)),
                strict=False,
            )
        ],
        slug=_slug("country", iso3),
        figures=figures,
        style=style,
    )
    data = rows[
        [
            Col.ID,
            Col.ANNOUNCED_ON,
            COMPANY_NAME,
            Col.AMOUNT,
            Col.CURRENCY,
            Col.AMOUNT_QUALIFIER,
            COUNTED_AMOUNT,
            Col.INCLUDES_PRIOR_SPENDING,
            Col.FUNDING,
            Col.SPEND_KIND,
            n.FX_DATE,
            n.USD_PER_LOCAL,
            n.AMOUNT_USD_NOMINAL,
            n.constant_column(base_year),
            n.USD_PER_CAPITA,
            n.SHARE_OF_GDP_PCT,
            Col.SOURCE_URL,
        ]
    ]
    query = {"iso3": iso3} | ({} if figures == DEFAULT_FIGURES else {"figures": figures})
    return ChartView(
        "country",
        figure,
        text,
        data,
        "country",
        _query(query, style),
        _timeline_redraw(rows, options),
    )


def _named_colours(normalized: pd.DataFrame, colours: dict[str, str], style: Style) -> dict:
    """Company colours keyed by the names the chart shows in `style`'s language."""
    if style.lang == "en":
        return colours
    keys = dict(zip(normalized[COMPANY_NAME].astype(str), normalized[Col.COMPANY], strict=True))
    return {style.company(keys.get(name, name), name): c for name, c in colours.items()}
