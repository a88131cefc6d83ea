"""Small multiples: the same pledges on every basis, one panel per basis, stacked for phones."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from investments.comparison import Basis
from investments.formatting import CURRENCY_PREFIX, format_money
from viz.text import plotly_text
from viz.theme import ITEM_PALETTE, MUTED_COLOUR, TEMPLATE_NAME

_DISPLAY_COLUMN = {
    "nominal": "nominal_display",
    "per_capita": "per_capita_display",
    "per_year": "per_year_display",
}


def _value_text(basis: Basis, value: float, currency: str) -> str:
    if pd.isna(value):
        return "not available"
    if basis.key == "share_of_gdp":
        return f"{value:.3f}% of GDP"
    if basis.key == "per_capita":
        prefix = CURRENCY_PREFIX.get(currency, f"{currency} ")
        return f"{prefix}{value:,.2f} per person"
    text = format_money(value, currency)
    return f"{text} a year" if basis.key == "per_year" else text


def _panel_title(basis: Basis, currency: str) -> str:
    if currency != "USD" and basis.key in _DISPLAY_COLUMN:
        return basis.title.replace("US dollars", f"{currency}, converted from US dollars")
    return basis.title


def item_colours(items: pd.DataFrame, company_colours: dict[str, str]) -> list[str]:
    """Company colours when they tell the items apart, else a palette per item."""
    colours = [company_colours.get(name, MUTED_COLOUR) for name in items["company_name"]]
    return colours if len(set(colours)) == len(colours) else ITEM_PALETTE[: len(items)]


def comparison_small_multiples(
    items: pd.DataFrame, *, bases: tuple[Basis, ...], colours: list[str]
) -> go.Figure:
    """One horizontal bar panel per basis; each bar labelled with its value and hover details.

    `items` comes from `investments.comparison.resolve`; `colours` has one colour per item.
    The amount as announced sits under each label, so it stays visible on every basis.
    """
    currency = str(items["display_currency"].iloc[0]) if "display_currency" in items else "USD"
    fig = make_subplots(
        rows=len(bases),
        cols=1,
        subplot_titles=[_panel_title(b, currency) for b in bases],
        vertical_spacing=0.32 / len(bases),
    )
    labels = [
        f"{plotly_text(label)}<br><span style='font-size:11px'>{plotly_text(announced)}</span>"
        for label, announced in zip(items["label"], items["as_announced"], strict=True)
    ]
    for row, basis in enumerate(bases, start=1):
        column = _DISPLAY_COLUMN.get(basis.key, basis.key) if currency != "USD" else basis.key
        shown_currency = currency if column.endswith("_display") else "USD"
        values = items[column].astype("float64")
        texts = [_value_text(basis, v, shown_currency) for v in values]
        hover = [
            f"<b>{label}</b><br>{text}<br>As announced: {announced}<br>Rate: {fx}"
            for label, text, announced, fx in zip(
                items["label"].map(plotly_text),
                texts,
                items["as_announced"].map(plotly_text),
                items["fx_hover"].map(plotly_text),
                strict=True,
            )
        ]
        fig.add_trace(
            go.Bar(
                x=values.fillna(0).to_numpy(),
                y=labels,
                orientation="h",
                marker_color=colours,
                text=texts,
                textposition="outside",
                cliponaxis=False,
                hovertext=hover,
                hoverinfo="text",
                showlegend=False,
            ),
            row=row,
            col=1,
        )
        top = values.max()
        fig.update_xaxes(
            range=[0, (top if pd.notna(top) and top > 0 else 1) * 1.45],
            showticklabels=False,
            showgrid=False,
            row=row,
            col=1,
        )
        fig.update_yaxes(autorange="reversed", row=row, col=1)
    fig.update_annotations(font={"size": 13, "color": MUTED_COLOUR}, xanchor="left", x=0)
    fig.update_layout(
        template=TEMPLATE_NAME,
        height=len(bases) * (70 + 34 * len(items)),
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        bargap=0.25,
    )
    return fig
