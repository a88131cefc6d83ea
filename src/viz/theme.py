"""One look for every chart: system fonts (nothing fetched), quiet grid, company colours."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from investments.schema import CompanyCol

# System font stack: no web font is ever downloaded (the app works offline).
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
TEXT_COLOUR = "#1F2933"
MUTED_COLOUR = "#616E7C"
GRID_COLOUR = "#E4E7EB"
NO_DATA_COLOUR = "#E9ECEF"  # countries with no recorded pledge
BORDER_COLOUR = "#FFFFFF"
SEQUENTIAL_SCALE = ["#DEEBF7", "#9ECAE1", "#4292C6", "#08519C", "#08306B"]  # ColorBrewer Blues

# Okabe-Ito colours for telling compared items apart when they share a company.
ITEM_PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"]

TEMPLATE_NAME = "investment_tracker"

pio.templates[TEMPLATE_NAME] = go.layout.Template(
    layout=go.Layout(
        font={"family": FONT_FAMILY, "size": 13, "color": TEXT_COLOUR},
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        xaxis={"gridcolor": GRID_COLOUR, "zeroline": False, "linecolor": GRID_COLOUR},
        yaxis={"gridcolor": GRID_COLOUR, "zeroline": False, "linecolor": GRID_COLOUR},
        hoverlabel={"font": {"family": FONT_FAMILY}},
        legend={"orientation": "h", "y": -0.15},
    )
)


def company_colours(companies: pd.DataFrame) -> dict[str, str]:
    """Display name -> hex colour, from companies.csv (colour-blind-safe palette)."""
    return dict(
        zip(companies[CompanyCol.DISPLAY_NAME], companies[CompanyCol.COLOUR_HEX], strict=True)
    )
