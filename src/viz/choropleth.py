"""World map of pledges by host country, drawn from shapes the app serves itself."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from investments.formatting import format_per_person, significant
from investments.i18n import N_
from investments.load import COUNTRY_NAME
from investments.schema import Col
from investments.style import EN, Style
from viz.text import plotly_text
from viz.theme import BORDER_COLOUR, NO_DATA_COLOUR, SEQUENTIAL_SCALE, TEMPLATE_NAME

NO_PLEDGE_LABEL = N_("No recorded pledge")
SET_ASIDE_LABEL = N_("Only headline figures")
SET_ASIDE_COLOUR = "#E8D9B5"  # pale sand: outside the blue scale, not the grey of no data


def value_text(value: float, basis: str, style: Style = EN) -> str:
    """A basis value as readers read it: "US$3.18 billion", "US$119 per person", "0.184% of
    GDP" (in Japanese "31億8000万ドル", "1人当たり119ドル", "GDPの0.184%")."""
    return style.measure(value, basis)


def tick_text(value: float, basis: str, style: Style = EN) -> str:
    """A colour-bar tick as short as a phone needs: "US$10bn", "US$0.10", "0.5%"."""
    if basis in ("nominal", "constant"):
        return style.money_short(value, "USD")
    if basis == "per_capita":
        return (
            style.usd(value)
            if style.lang != "en"
            else format_per_person(value).replace(" per person", "")
        )
    return f"{significant(value)}%"


def _log_ticks(
    low: float, high: float, basis: str, style: Style = EN
) -> tuple[list[float], list[str]]:
    """Colour-bar ticks at powers of ten (and 2, 5 × when the range is short), in the basis' units."""
    ticks, labels = [], []
    decades = range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1)
    mantissas = (1, 2, 5) if len(decades) <= 3 else (1,)
    step = 1 if len(decades) <= 6 else 2
    for exponent in decades[::step]:
        for mantissa in mantissas:
            value = mantissa * 10**exponent
            if low <= value <= high:
                ticks.append(math.log10(value))
                labels.append(tick_text(value, basis, style))
    return ticks, labels


def country_totals_map(
    totals: pd.DataFrame,
    *,
    basis: str,
    legend_title: str,
    width_px: int | None = None,
    height_px: int | None = None,
    set_aside: pd.DataFrame | None = None,
    style: Style = EN,
) -> go.Figure:
    """Countries shaded by their total on `basis` (log colour scale); grey: no recorded pledge.

    `set_aside` (country_iso3, country_name, text) names countries whose only pledges are
    figures the comparable basis does not add (economy-wide, with partners' or public
    money): they get their own colour and key, so they do not read as "no pledge".

    `totals` has one row per country: country_iso3, country_name, total, pledges, largest
    (the largest pledge as announced, as text). Given `width_px` (an image), the height
    follows the projection's proportions, or `height_px` when that is set.
    """
    shown = totals[totals["total"] > 0]
    z = np.log10(shown["total"].to_numpy(dtype=float)) if len(shown) else np.array([])
    customdata = [
        [
            plotly_text(name),
            value_text(total, basis, style),
            style.count(int(count), "pledge"),
            plotly_text(largest),
        ]
        for name, total, count, largest in zip(
            shown[COUNTRY_NAME], shown["total"], shown["pledges"], shown["largest"], strict=True
        )
    ]
    colorbar = {
        "title": {"text": legend_title, "side": "top"},
        "thickness": 12,
        "len": 0.9,  # three or four ticks fit side by side on a phone
        "orientation": "h",
        "y": -0.02,
        "x": 0.5,
        "xanchor": "center",
    }
    if len(shown):
        low, high = float(shown["total"].min()), float(shown["total"].max())
        if high / low < 10:  # too narrow for decades: label the ends
            colorbar.update(
                tickvals=[math.log10(low), math.log10(high)],
                ticktext=[tick_text(low, basis, style), tick_text(high, basis, style)],
            )
        else:
            tickvals, ticktext = _log_ticks(low, high, basis, style)
            colorbar.update(tickvals=tickvals, ticktext=ticktext)
    fig = go.Figure(
        go.Choropleth(
            locations=shown[Col.COUNTRY_ISO3].tolist(),
            z=z,
            locationmode="ISO-3",
            colorscale=SEQUENTIAL_SCALE,
            marker_line_color=BORDER_COLOUR,
            marker_line_width=0.5,
            colorbar=colorbar,
            customdata=customdata,
            hovertemplate=(
                "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}"
                "<br>"
                + plotly_text(style._("Largest as announced: {amount}")).format(
                    amount="%{customdata[3]}"
                )
                + "<extra></extra>"
            ),
            name="",
        )
    )
    if set_aside is not None and len(set_aside):
        fig.add_trace(
            go.Choropleth(
                locations=set_aside[Col.COUNTRY_ISO3].tolist(),
                z=[0] * len(set_aside),
                locationmode="ISO-3",
                colorscale=[[0, SET_ASIDE_COLOUR], [1, SET_ASIDE_COLOUR]],
                showscale=False,
                marker_line_color=BORDER_COLOUR,
                marker_line_width=0.5,
                customdata=[
                    [plotly_text(name), plotly_text(text)]
                    for name, text in zip(set_aside[COUNTRY_NAME], set_aside["text"], strict=True)
                ],
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
                name="",
            )
        )
        fig.add_trace(_legend_key(style._(SET_ASIDE_LABEL), SET_ASIDE_COLOUR))
    # A legend entry for the grey countries, as Our World in Data labels missing data.
    fig.add_trace(_legend_key(style._(NO_PLEDGE_LABEL), NO_DATA_COLOUR))
    fig.update_geos(
        projection_type="natural earth",
        showframe=False,
        showcoastlines=False,
        showland=True,
        landcolor=NO_DATA_COLOUR,
        showcountries=True,
        countrycolor=BORDER_COLOUR,
        lataxis_range=[-58, 85],
        domain={"x": [0, 1], "y": [0.16, 1]},  # the colour bar sits below the map
    )
    natural_px = round(width_px * 0.5 / 0.84) + 110 if width_px else 520
    fig.update_layout(
        template=TEMPLATE_NAME,
        height=min(height_px, natural_px) if height_px else natural_px,
        # The top margin holds the "No recorded pledge" key, so nothing drawn above the
        # chart (an image's title) runs into it.
        margin={"l": 0, "r": 0, "t": 34, "b": 10},
        legend={"orientation": "h", "x": 0, "y": 1, "yanchor": "bottom"},
        clickmode="event+select",
    )
    return fig


def _legend_key(name: str, colour: str) -> go.Scattergeo:
    """A square in the legend for a colour the colour bar does not explain."""
    return go.Scattergeo(
        lon=[None],
        lat=[None],
        mode="markers",
        name=name,
        showlegend=True,
        marker={
            "symbol": "square",
            "size": 14,
            "color": colour,
            "line": {"color": "#9AA5B1", "width": 1},
        },
        hoverinfo="skip",
    )
