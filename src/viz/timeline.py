"""Announcements in time, one row per company."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from investments.formatting import format_as_announced
from investments.load import COMPANY_NAME, COUNTRY_NAME
from investments.schema import Col
from viz.theme import TEMPLATE_NAME


def announcement_timeline(investments: pd.DataFrame, *, colours: dict[str, str]) -> go.Figure:
    """A dot per announcement on its date, a row and colour per company."""
    fig = go.Figure()
    for company, rows in investments.groupby(COMPANY_NAME, observed=True, sort=True):
        amounts = [
            format_as_announced(a, c, q)
            for a, c, q in zip(
                rows[Col.AMOUNT], rows[Col.CURRENCY], rows[Col.AMOUNT_QUALIFIER], strict=True
            )
        ]
        fig.add_trace(
            go.Scatter(
                x=rows[Col.ANNOUNCED_ON],
                y=[company] * len(rows),
                mode="markers",
                name=str(company),
                marker={
                    "color": colours.get(str(company), "#999999"),
                    "size": 11,
                    "opacity": 0.8,
                    "line": {"color": "white", "width": 1},
                },
                customdata=list(
                    zip(rows[COUNTRY_NAME], amounts, rows[Col.SOURCE_PUBLISHER], strict=True)
                ),
                hovertemplate=(
                    "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{x|%d %b %Y}"
                    "<br>Source: %{customdata[2]}<extra>%{y}</extra>"
                ),
            )
        )
    fig.update_layout(
        template=TEMPLATE_NAME,
        height=max(260, 40 * investments[COMPANY_NAME].nunique() + 80),
        showlegend=False,
        xaxis_title="Date announced",
        yaxis={"title": None, "categoryorder": "category descending"},
    )
    return fig
