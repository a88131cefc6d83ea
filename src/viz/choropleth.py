"""World map of pledges by host country, drawn from shapes the app serves itself."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from investments.load import COUNTRY_NAME
from investments.schema import Col
from viz.theme import BORDER_COLOUR, NO_DATA_COLOUR, SEQUENTIAL_SCALE, TEMPLATE_NAME


def announcement_count_map(investments: pd.DataFrame) -> go.Figure:
    """Countries shaded by number of announcements; grey land means no recorded pledge."""
    counts = (
        investments.groupby([Col.COUNTRY_ISO3, COUNTRY_NAME], observed=True)
        .size()
        .reset_index(name="announcements")
    )
    fig = go.Figure(
        go.Choropleth(
            locations=counts[Col.COUNTRY_ISO3].tolist(),
            z=counts["announcements"].to_numpy(),
            text=counts[COUNTRY_NAME].tolist(),
            locationmode="ISO-3",
            colorscale=SEQUENTIAL_SCALE,
            marker_line_color=BORDER_COLOUR,
            marker_line_width=0.5,
            colorbar={"title": {"text": "Announcements"}, "thickness": 12, "len": 0.6},
            hovertemplate="%{text}: %{z} announcements<extra></extra>",
        )
    )
    fig.update_geos(
        projection_type="natural earth",
        showframe=False,
        showcoastlines=False,
        showland=True,
        landcolor=NO_DATA_COLOUR,
        showcountries=True,
        countrycolor=BORDER_COLOUR,
        lataxis_range=[-58, 85],
    )
    fig.update_layout(
        template=TEMPLATE_NAME,
        height=460,
        margin={"l": 0, "r": 0, "t": 10, "b": 10},
        annotations=[
            {
                "text": "Grey: no recorded pledge",
                "showarrow": False,
                "x": 0,
                "y": 0,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "left",
                "font": {"size": 12},
            }
        ],
    )
    return fig
