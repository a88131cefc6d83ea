"""Ranked horizontal bars, phone first: each name above its bar, each value at its end.

The same layout as Compare's panels (viz.compare): names never compete with the bars for
width, and a value sits inside its bar where it fits and reads, beyond it otherwise.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from investments.load import COMPANY_NAME
from viz.compare import MIN_TEXT_CONTRAST, place_values, value_bars
from viz.text import plotly_text
from viz.text_width import text_width_px, wrap_px
from viz.theme import (
    MUTED_COLOUR,
    NARROWEST_FIGURE_PX,
    TEMPLATE_NAME,
    TEXT_COLOUR,
    contrast_ratio,
    contrasting_text,
)

SIDE_PX = 10
NAME_PX = 13
VALUE_PX = 12
BAR_PX = 20
GAP_PX = 12
LINE_HEIGHT = 1.3


def ranked_bars(
    names: list[str],
    values: list[float],
    *,
    value_texts: list[str],
    colours: list[str],
    notes: list[str] | None = None,
    width_px: int | None = None,
) -> go.Figure:
    """One bar per name, in the order given; `notes` (e.g. "12 pledges") follow the name
    in grey. Laid out to read from `width_px` (default: a 320 px phone) up."""
    plot_px = (width_px or NARROWEST_FIGURE_PX) - 2 * SIDE_PX
    line_px = NAME_PX * LINE_HEIGHT
    labels = []
    for i, name in enumerate(names):
        lines = [
            f"<b>{plotly_text(line)}</b>"
            for line in wrap_px(name, width_px=plot_px, size_px=NAME_PX, bold=True)
        ]
        if notes and notes[i]:
            lines[-1] += f" <span style='color:{MUTED_COLOUR}'>· {plotly_text(notes[i])}</span>"
        labels.append(lines)
    largest = max([v for v in values if pd.notna(v)] or [1.0]) or 1.0
    inside, axis = place_values(
        [max(float(v), 0) / largest if pd.notna(v) else 0.0 for v in values],
        [text_width_px(t, size_px=VALUE_PX) for t in value_texts],
        plot_px=plot_px,
        readable_inside=[
            contrast_ratio(contrasting_text(c), c) >= MIN_TEXT_CONTRAST for c in colours
        ],
    )
    fig = go.Figure()
    centres, y = [], 0.0
    for lines in labels:
        label_px = len(lines) * line_px
        fig.add_annotation(
            text="<br>".join(lines),
            xref="x domain",
            yref="y",
            x=0,
            y=y + label_px + 1,
            xanchor="left",
            yanchor="bottom",
            align="left",
            showarrow=False,
            font={"size": NAME_PX, "color": TEXT_COLOUR},
        )
        centres.append(y + label_px + BAR_PX / 2)
        y += label_px + BAR_PX + GAP_PX
    fig.add_trace(
        value_bars(
            [v if pd.notna(v) else 0 for v in values],
            centres,
            bar_px=BAR_PX,
            colours=colours,
            texts=value_texts,
            inside=inside,
            hover=[f"{plotly_text(n)}: {t}" for n, t in zip(names, value_texts, strict=True)],
        )
    )
    fig.update_layout(
        template=TEMPLATE_NAME,
        height=round(y + 4),
        margin={"l": SIDE_PX, "r": SIDE_PX, "t": 0, "b": 0, "autoexpand": False},
        xaxis={"range": [0, largest * axis], "visible": False, "fixedrange": True},
        yaxis={"range": [y, 0], "visible": False, "fixedrange": True},
        bargap=0,
    )
    return fig


def announcements_by_company(investments: pd.DataFrame, *, colours: dict[str, str]) -> go.Figure:
    """How many announcements each company made, most first."""
    counts = investments[COMPANY_NAME].value_counts()
    return ranked_bars(
        [str(name) for name in counts.index],
        [float(c) for c in counts],
        value_texts=[f"{c:,} announcement{'s' if c != 1 else ''}" for c in counts],
        colours=[colours.get(name, "#999999") for name in counts.index],
    )
