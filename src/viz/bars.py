"""Bar charts of announcement counts."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from investments.load import COMPANY_NAME
from viz.theme import TEMPLATE_NAME


def announcements_by_company(investments: pd.DataFrame, *, colours: dict[str, str]) -> go.Figure:
    """Horizontal bars: how many announcements each company made, largest at the top."""
    counts = investments[COMPANY_NAME].value_counts().sort_values()
    fig = go.Figure(
        go.Bar(
            x=counts.to_numpy(),
            y=counts.index.tolist(),
            orientation="h",
            marker_color=[colours.get(name, "#999999") for name in counts.index],
            hovertemplate="%{y}: %{x} announcements<extra></extra>",
            text=counts.to_numpy(),
            textposition="outside",
            cliponaxis=False,
        )
    )
    fig.update_layout(
        template=TEMPLATE_NAME,
        height=max(220, 28 * len(counts) + 60),
        xaxis={"title": "Announcements recorded", "range": [0, counts.max() * 1.12]},
        yaxis_title=None,
        showlegend=False,
    )
    return fig
