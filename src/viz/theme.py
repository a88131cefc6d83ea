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

REGION_COLOUR = "#2B6CB0"  # one hue for places, so no colour is read as a company's

# Okabe-Ito colours for telling compared items apart when they share a company.
ITEM_PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"]

TEMPLATE_NAME = "investment_tracker"

# The narrowest a chart is drawn: a 320 px phone less the page's padding. A layout that
# cannot know the reader's screen (the app lays a figure out once, on the server) is
# made to read at this width and at every wider one.
NARROWEST_FIGURE_PX = 288

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


def relative_luminance(colour_hex: str) -> float:
    """WCAG 2 relative luminance of "#RRGGBB"."""
    channels = [int(colour_hex.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a_hex: str, b_hex: str) -> float:
    high, low = sorted((relative_luminance(a_hex), relative_luminance(b_hex)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def contrasting_text(background_hex: str) -> str:
    """The text colour or white, whichever reads better on `background_hex`."""
    if contrast_ratio(TEXT_COLOUR, background_hex) >= contrast_ratio("#FFFFFF", background_hex):
        return TEXT_COLOUR
    return "#FFFFFF"


MAX_HUES = 8  # more hues than this cannot be told apart, colour-blind or not
OTHER_COLOUR = "#BCC3CB"  # the companies beyond them (lighter than IBM's grey)


def limit_hues(
    ranked: list[str], colours: dict[str, str], *, keep: tuple[str, ...] = ()
) -> dict[str, str]:
    """Own colours for the first MAX_HUES names (those in `keep`, the reader's selection,
    first, then by rank); the rest share one light grey."""
    if len(ranked) <= MAX_HUES:
        return dict(colours)
    coloured = [n for n in keep if n in ranked][:MAX_HUES]
    coloured += [n for n in ranked if n not in coloured][: MAX_HUES - len(coloured)]
    return {
        name: colours.get(name, OTHER_COLOUR) if name in coloured else OTHER_COLOUR
        for name in set(ranked) | set(colours)
    }


def company_colours(companies: pd.DataFrame) -> dict[str, str]:
    """Display name -> hex colour, from companies.csv (colour-blind-safe palette)."""
    return dict(
        zip(companies[CompanyCol.DISPLAY_NAME], companies[CompanyCol.COLOUR_HEX], strict=True)
    )
