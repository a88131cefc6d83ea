"""Announcements in time: a dot per pledge sized by amount, and each company's running total."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from investments.formatting import format_as_announced, format_money, format_period
from investments.load import COMPANY_NAME, COUNTRY_NAME
from investments.schema import Col
from viz.choropleth import value_text
from viz.text import plotly_text
from viz.theme import MUTED_COLOUR, TEMPLATE_NAME

LABELLED = 5  # the largest pledges get a text label
LABEL_GAP_SHARE = 0.25  # a label is about a quarter of the plot wide
MAX_MARKER_PX = 38
MIN_SPAN_DAYS = 365  # a narrower view (one pledge, one date) is padded to a year around it


def padded_date_range(dates: pd.Series) -> list[str] | None:
    """A year-wide x range centred on the pledges when they span less than MIN_SPAN_DAYS;
    left to Plotly, a single date stretches to milliseconds either side of itself."""
    dates = pd.to_datetime(dates).dropna()
    if dates.empty or (dates.max() - dates.min()).days >= MIN_SPAN_DAYS:
        return None
    middle = dates.min() + (dates.max() - dates.min()) / 2
    half = pd.Timedelta(days=MIN_SPAN_DAYS / 2)
    return [(middle - half).strftime("%Y-%m-%d"), (middle + half).strftime("%Y-%m-%d")]


def labelled_pledges(
    rows: pd.DataFrame, values: pd.Series, company_column: str, company_order: list | None = None
) -> set:
    """The largest pledges to label, skipping one whose label would sit on a larger one's.
    A label is drawn above its dot, so a big dot pushes it into the row above: labels on
    the same or neighbouring company rows closer in time than LABEL_GAP_SHARE of the span
    collide."""
    dates = pd.to_datetime(rows[Col.ANNOUNCED_ON])
    span_days = max((dates.max() - dates.min()).days, 1)
    gap_days = span_days * LABEL_GAP_SHARE
    order = {company: i for i, company in enumerate(company_order or [])}

    def rows_apart(a, b) -> int:
        if a == b:
            return 0
        if a in order and b in order:
            return abs(order[a] - order[b])
        return 2  # unknown order: only the same row counts as crowded

    chosen: list = []
    for index in values.dropna().sort_values(ascending=False).index:
        if len(chosen) == LABELLED:
            break
        crowded = any(
            rows_apart(rows.at[other, company_column], rows.at[index, company_column]) <= 1
            and abs((dates[other] - dates[index]).days) < gap_days
            for other in chosen
        )
        if not crowded:
            chosen.append(index)
    return set(chosen)


def _hover_rows(rows: pd.DataFrame, value: str, basis: str) -> list[list[str]]:
    return [
        [
            plotly_text(country),
            plotly_text(format_as_announced(amount, currency, qualifier)),
            value_text(shown, basis),
            plotly_text(format_period(start, end)),
            plotly_text(publisher),
        ]
        for country, amount, currency, qualifier, shown, start, end, publisher in zip(
            rows[COUNTRY_NAME],
            rows[Col.AMOUNT],
            rows[Col.CURRENCY],
            rows[Col.AMOUNT_QUALIFIER],
            rows[value],
            rows[Col.PERIOD_START_YEAR],
            rows[Col.PERIOD_END_YEAR],
            rows[Col.SOURCE_PUBLISHER],
            strict=True,
        )
    ]


def pledge_timeline(
    rows: pd.DataFrame,
    *,
    value: str,
    basis: str,
    value_label: str,
    colours: dict[str, str],
    show_lineage: bool,
) -> go.Figure:
    """Top: one dot per announcement on its date, a row per company, area ∝ amount on the
    basis, the largest labelled; restatements joined to what they restate by a grey line.
    Bottom: each company's cumulative total on the basis."""
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        row_heights=[0.62, 0.38],
        vertical_spacing=0.08,
        subplot_titles=[
            "Each announcement (dot area ∝ amount)",
            f"Cumulative total, {value_label}",
        ],
    )
    if rows.empty:
        return fig.update_layout(template=TEMPLATE_NAME, height=420)
    values = rows[value].astype("float64")
    top = values.max() if values.notna().any() else 1.0
    sizeref = 2.0 * top / MAX_MARKER_PX**2 if top > 0 else 1
    # Short names ("Amazon", not "Amazon (incl. AWS)") keep the axis readable in a 360 px embed.
    rows = rows.assign(
        **{COMPANY_NAME: rows[COMPANY_NAME].astype(str).str.replace(r"\s*\(.*\)$", "", regex=True)}
    )
    colours = {name.split(" (")[0]: colour for name, colour in colours.items()}
    companies = sorted(rows[COMPANY_NAME].dropna().unique(), reverse=True)

    if show_lineage:
        by_id = rows.set_index(Col.ID)
        xs, ys = [], []
        for _, row in rows[rows[Col.SUPERSEDES].notna()].iterrows():
            earlier = row[Col.SUPERSEDES]
            if earlier in by_id.index:
                xs += [by_id.at[earlier, Col.ANNOUNCED_ON], row[Col.ANNOUNCED_ON], None]
                ys += [by_id.at[earlier, COMPANY_NAME], row[COMPANY_NAME], None]
        if xs:
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    mode="lines",
                    line={"color": "#9AA5B1", "width": 1.5, "dash": "dot"},
                    name="restates or raises",
                    hoverinfo="skip",
                    showlegend=True,
                ),
                row=1,
                col=1,
            )

    labelled = labelled_pledges(rows, values, COMPANY_NAME, companies)
    padded = padded_date_range(rows[Col.ANNOUNCED_ON])
    last_date = pd.Timestamp(padded[1]) if padded else rows[Col.ANNOUNCED_ON].max()
    for company in companies:
        mine = rows[rows[COMPANY_NAME] == company].sort_values(Col.ANNOUNCED_ON)
        colour = colours.get(company, MUTED_COLOUR)
        size = mine[value].astype("float64").fillna(0).clip(lower=0)
        labels = [
            plotly_text(f"{country} {format_money(v, 'USD')}")
            if i in labelled and basis in ("nominal", "constant")
            else plotly_text(str(country))
            if i in labelled
            else ""
            for i, country, v in zip(mine.index, mine[COUNTRY_NAME], mine[value], strict=True)
        ]
        fig.add_trace(
            go.Scatter(
                x=mine[Col.ANNOUNCED_ON],
                y=[company] * len(mine),
                mode="markers+text",
                text=labels,
                textposition="top center",
                textfont={"size": 11, "color": MUTED_COLOUR},
                name=str(company),
                legendgroup=str(company),
                showlegend=False,
                marker={
                    "color": colour,
                    "size": np.maximum(size.to_numpy(), top * 0.002),
                    "sizemode": "area",
                    "sizeref": sizeref,
                    "sizemin": 4,
                    "opacity": 0.75,
                    "line": {"color": "white", "width": 1},
                },
                customdata=_hover_rows(mine, value, basis),
                hovertemplate=(
                    "<b>%{customdata[0]}</b> · %{x|%d %b %Y}<br>As announced: %{customdata[1]}"
                    "<br>%{customdata[2]}<br>Period: %{customdata[3]}<br>Source: %{customdata[4]}<extra>%{y}</extra>"
                ),
                cliponaxis=False,
            ),
            row=1,
            col=1,
        )
        cumulative = size.cumsum()
        # Carry each running total to the last date shown, so a company with one pledge
        # still draws a line (a step needs two points).
        dates = list(mine[Col.ANNOUNCED_ON]) + [last_date]
        totals = list(cumulative) + [cumulative.iloc[-1]]
        fig.add_trace(
            go.Scatter(
                x=dates,
                y=totals,
                mode="lines",
                line_shape="hv",
                line={"color": colour, "width": 2},
                name=str(company),
                legendgroup=str(company),
                hovertemplate=f"{plotly_text(company)}<br>%{{x|%d %b %Y}}: %{{customdata}}<extra></extra>",
                customdata=[value_text(v, basis) for v in totals],
            ),
            row=2,
            col=1,
        )
    fig.update_yaxes(categoryorder="array", categoryarray=companies, row=1, col=1)
    fig.update_yaxes(title=None, rangemode="tozero", row=2, col=1)
    fig.update_xaxes(rangeslider={"visible": True, "thickness": 0.05}, row=2, col=1)
    if padded is not None:
        fig.update_xaxes(range=padded)
    fig.update_annotations(font={"size": 13, "color": MUTED_COLOUR}, xanchor="left", x=0)
    fig.update_layout(
        template=TEMPLATE_NAME,
        height=max(560, 34 * len(companies) + 420),
        legend={"orientation": "h", "y": -0.2, "yanchor": "top"},  # below the range slider
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
    )
    return fig
