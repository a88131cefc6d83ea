"""Small multiples: the same pledges on every basis, one panel per basis, stacked for phones.

Laid out for phones first. Each bar's name sits above the bar, not beside it, so the bar
keeps the width; a value sits inside its bar when it fits there and just beyond it
otherwise, with the axis stretched until it does. Whether a label fits is estimated at
the narrowest width the figure must serve (`width_px`; by default a 320 px phone), so
the one figure the app sends reads on every screen. Vertical sizes are fixed in pixels,
so a bar's label always clears the bar above it.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from investments.comparison import Basis
from investments.style import EN, Style
from viz.text import plotly_text
from viz.text_width import text_width_px, wrap_px
from viz.theme import (
    ITEM_PALETTE,
    MUTED_COLOUR,
    NARROWEST_FIGURE_PX,
    TEMPLATE_NAME,
    TEXT_COLOUR,
    contrast_ratio,
    contrasting_text,
)

_DISPLAY_COLUMN = {
    "nominal": "nominal_display",
    "per_capita": "per_capita_display",
    "per_year": "per_year_display",
}
SIDE_MARGIN_PX = 10
TOP_MARGIN_PX = 8
PANEL_TITLE_PX = 13
PANEL_GAP_PX = 22
LABEL_PX = 12
LINE_HEIGHT = 1.3
BAR_PX = 22
BAR_GAP_PX = 10
VALUE_PX = 12
VALUE_PAD_PX = 8  # between a value and the end of its bar, inside or out
MIN_TEXT_CONTRAST = 4.5  # WCAG AA for text of this size


def _value_text(basis: Basis, value: float, currency: str, style: Style = EN) -> str:
    if pd.isna(value):
        return style._("not available")
    text = style.measure(value, "nominal" if basis.key == "per_year" else basis.key, currency)
    return style._("{amount} a year").format(amount=text) if basis.key == "per_year" else text


def _panel_title(basis: Basis, currency: str, style: Style = EN) -> str:
    if currency != "USD" and basis.key in _DISPLAY_COLUMN:
        if style.lang == "en":
            return basis.title.replace("US$", f"{currency}, converted from US$", 1)
        return style._("{title}, shown in {currency}").format(
            title=basis.title, currency=style.currency(currency)
        )
    return basis.title


def item_colours(items: pd.DataFrame, company_colours: dict[str, str]) -> list[str]:
    """Company colours when they tell the items apart, else a palette per item."""
    colours = [company_colours.get(name, MUTED_COLOUR) for name in items["company_name"]]
    return colours if len(set(colours)) == len(colours) else ITEM_PALETTE[: len(items)]


def value_bars(x, y, *, bar_px, colours, texts, inside, hover, **axes) -> go.Bar:
    """Horizontal bars with their values written in (`inside`, in a contrasting colour)
    or just past their end: the one way every bar chart here labels its bars."""
    return go.Bar(
        x=x,
        y=y,
        width=bar_px,
        orientation="h",
        marker_color=colours,
        text=texts,
        textposition=["inside" if i else "outside" for i in inside],
        insidetextanchor="end",
        textfont={
            "size": VALUE_PX,
            "color": [
                contrasting_text(c) if i else TEXT_COLOUR
                for c, i in zip(colours, inside, strict=True)
            ],
        },
        constraintext="none",
        cliponaxis=False,
        hovertext=hover,
        hoverinfo="text",
        showlegend=False,
        **axes,
    )


def place_values(
    fractions: list[float],
    text_widths_px: list[float],
    *,
    plot_px: float,
    readable_inside: list[bool] | None = None,
) -> tuple[list[bool], float]:
    """For bars of `fractions` of the largest, whether each value goes inside its bar, and
    the axis length (in units of the largest bar) that leaves room for those outside.
    A value goes inside only where it fits and its colour on the bar is readable."""
    readable = readable_inside or [True] * len(fractions)
    axis = 1.0
    inside = [False] * len(fractions)
    for _ in range(6):  # a longer axis shortens every bar; settle in a few rounds
        inside = [
            ok and f / axis * plot_px >= w + 2 * VALUE_PAD_PX
            for f, w, ok in zip(fractions, text_widths_px, readable, strict=True)
        ]
        needed = max(
            [
                f + (w + VALUE_PAD_PX) / plot_px * axis
                for f, w, ins in zip(fractions, text_widths_px, inside, strict=True)
                if not ins
            ]
            or [1.0]
        )
        if needed <= axis + 1e-9:
            break
        axis = needed
    return inside, axis


def comparison_small_multiples(
    items: pd.DataFrame,
    *,
    bases: tuple[Basis, ...],
    colours: list[str],
    width_px: int | None = None,
    announced_in: str = "first",
    bar_px: int = BAR_PX,
    style: Style = EN,
) -> go.Figure:
    """One horizontal bar panel per basis; each bar named above, its value at its end.

    `items` comes from `investments.comparison.resolve`; `colours` has one colour per item.
    `width_px` is the narrowest width the figure will be drawn at. The amount as announced
    follows the name in the first panel (`announced_in="every"` repeats it in each,
    "none" leaves it to the title).
    """
    currency = str(items["display_currency"].iloc[0]) if "display_currency" in items else "USD"
    figure_px = width_px or NARROWEST_FIGURE_PX
    plot_px = figure_px - 2 * SIDE_MARGIN_PX
    line_px = LABEL_PX * LINE_HEIGHT
    title_line_px = PANEL_TITLE_PX * LINE_HEIGHT

    names = [
        wrap_px(str(label), width_px=plot_px, size_px=LABEL_PX, bold=True)
        for label in items["label"]
    ]
    panels = []  # (basis, title lines, label lines per item, height px)
    for number, basis in enumerate(bases):
        title = wrap_px(
            _panel_title(basis, currency, style), width_px=plot_px, size_px=PANEL_TITLE_PX
        )
        labels = []
        for lines, announced in zip(names, items["as_announced"], strict=True):
            shown = [f"<b>{plotly_text(line)}</b>" for line in lines]
            if announced_in == "every" or (announced_in == "first" and number == 0):
                shown += [
                    f"<span style='color:{MUTED_COLOUR}'>{plotly_text(line)}</span>"
                    for line in wrap_px(
                        style._("as announced: {amount}").format(amount=announced),
                        width_px=plot_px,
                        size_px=LABEL_PX,
                    )
                ]
            labels.append(shown)
        slots = [len(lines) * line_px + bar_px + BAR_GAP_PX for lines in labels]
        panels.append((basis, title, labels, slots))

    heights = [len(t) * title_line_px + 6 + sum(slots) for _, t, _, slots in panels]
    total_px = TOP_MARGIN_PX + sum(heights) + PANEL_GAP_PX * (len(panels) - 1) + 4
    fig = go.Figure()
    layout: dict = {}
    top = TOP_MARGIN_PX
    for number, ((basis, title, labels, slots), height) in enumerate(
        zip(panels, heights, strict=True), start=1
    ):
        x_axis, y_axis = ("xaxis", "yaxis") if number == 1 else (f"xaxis{number}", f"yaxis{number}")
        x_ref, y_ref = x_axis.replace("axis", ""), y_axis.replace("axis", "")
        title_px = len(title) * title_line_px + 6
        plot_top, plot_bottom = top + title_px, top + height
        # y in pixels from the panel's plot top, downwards: every label and bar is placed
        # exactly, whatever the figure's width.
        layout[y_axis] = {
            "domain": [1 - plot_bottom / total_px, 1 - plot_top / total_px],
            "range": [plot_bottom - plot_top, 0],
            "visible": False,
            "fixedrange": True,
        }
        column = _DISPLAY_COLUMN.get(basis.key, basis.key) if currency != "USD" else basis.key
        shown_currency = currency if column.endswith("_display") else "USD"
        values = items[column].astype("float64")
        texts = [_value_text(basis, v, shown_currency, style) for v in values]
        largest = values.max()
        largest = largest if pd.notna(largest) and largest > 0 else 1.0
        fractions = [float(v) / largest if pd.notna(v) and v > 0 else 0.0 for v in values]
        inside, axis = place_values(
            fractions,
            [text_width_px(t, size_px=VALUE_PX) for t in texts],
            plot_px=plot_px,
            readable_inside=[
                contrast_ratio(contrasting_text(c), c) >= MIN_TEXT_CONTRAST for c in colours
            ],
        )
        layout[x_axis] = {
            "domain": [0, 1],
            "range": [0, largest * axis],
            "visible": False,
            "fixedrange": True,
        }
        centres, y = [], 0.0
        for lines, slot in zip(labels, slots, strict=True):
            label_px = len(lines) * line_px
            centres.append(y + label_px + bar_px / 2)
            fig.add_annotation(
                text="<br>".join(lines),
                xref=f"{x_ref} domain",
                yref=y_ref,
                x=0,
                y=y + label_px + 1,
                xanchor="left",
                yanchor="bottom",
                align="left",
                showarrow=False,
                font={"size": LABEL_PX, "color": TEXT_COLOUR},
            )
            y += slot
        hover = [
            f"<b>{label}</b><br>{text}<br>"
            + plotly_text(style._("As announced: {amount}")).format(amount=announced)
            + "<br>"
            + plotly_text(style._("Rate: {rate}")).format(rate=fx)
            for label, text, announced, fx in zip(
                items["label"].map(plotly_text),
                texts,
                items["as_announced"].map(plotly_text),
                items["fx_hover"].map(plotly_text),
                strict=True,
            )
        ]
        fig.add_trace(
            value_bars(
                values.fillna(0).to_numpy(),
                centres,
                bar_px=bar_px,
                colours=colours,
                texts=texts,
                inside=inside,
                hover=hover,
                xaxis=x_ref,
                yaxis=y_ref,
            )
        )
        fig.add_annotation(
            text="<br>".join(plotly_text(line) for line in title),
            xref="paper",
            yref="paper",
            x=0,
            y=1 - top / total_px,
            xanchor="left",
            yanchor="top",
            align="left",
            showarrow=False,
            font={"size": PANEL_TITLE_PX, "color": MUTED_COLOUR},
        )
        top += height + PANEL_GAP_PX
    fig.update_layout(
        template=TEMPLATE_NAME,
        height=round(total_px),
        margin={"l": SIDE_MARGIN_PX, "r": SIDE_MARGIN_PX, "t": 0, "b": 0, "autoexpand": False},
        bargap=0,
        **layout,
    )
    return fig


# Which panels an image keeps when it is too short for all of them, most telling first.
KEEP_FIRST = ("nominal", "per_capita", "share_of_gdp", "constant", "per_year")


def fit_comparison(
    items: pd.DataFrame,
    *,
    bases: tuple[Basis, ...],
    colours: list[str],
    width_px: int,
    height_px: int | None = None,
    style: Style = EN,
) -> go.Figure:
    """The small multiples for `width_px`, with as many panels as fit in `height_px`
    (dropping the least telling first, keeping the reading order); at least one, then
    without the "as announced" line if that is what it takes."""
    figure = comparison_small_multiples(
        items, bases=bases, colours=colours, width_px=width_px, style=style
    )
    if height_px is None or figure.layout.height <= height_px:
        return figure
    ranked = sorted(
        bases, key=lambda b: KEEP_FIRST.index(b.key) if b.key in KEEP_FIRST else len(KEEP_FIRST)
    )
    for count in range(len(bases) - 1, 0, -1):
        kept = {b.key for b in ranked[:count]}
        figure = comparison_small_multiples(
            items,
            bases=tuple(b for b in bases if b.key in kept),
            colours=colours,
            width_px=width_px,
            style=style,
        )
        if figure.layout.height <= height_px:
            return figure
    return comparison_small_multiples(
        items,
        bases=tuple(b for b in bases if b.key == ranked[0].key),
        colours=colours,
        width_px=width_px,
        announced_in="none",
        bar_px=BAR_PX * 3 // 4,
        style=style,
    )
