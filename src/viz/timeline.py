"""Announcements in time: a dot per pledge sized by amount, and each company's running total.

Laid out for phones first. Row names are short ("Amazon", "Huawei") with a dot of the
company's colour, which is also the key to the running-total lines, so no legend takes
the width. Heights are fixed in pixels; the figure is laid out for the narrowest width it
will be drawn at (`width_px`, by default a 320 px phone), and a dot's label is drawn only
where it fits there without touching another label, so the same figure reads at every
wider size too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from investments.i18n import N_
from investments.load import COMPANY_NAME, COUNTRY_NAME
from investments.schema import Col
from investments.style import EN, Style
from viz.choropleth import value_text
from viz.text import plotly_text
from viz.text_width import text_width_px
from viz.theme import MUTED_COLOUR, NARROWEST_FIGURE_PX, OTHER_COLOUR, TEMPLATE_NAME

LABELLED = 5  # at most this many of the largest pledges get a text label
CANDIDATES = 10  # the largest pledges tried for a label, in order of size
MAX_MARKER_PX = 38  # diameter of the largest dot
MIN_SPAN_DAYS = 365  # a narrower view (one pledge, one date) is padded to a year around it

ROW_PX = 30
TICK_PX = 12
LABEL_PX = 11
LABEL_LINE_PX = 14
LABEL_COLOUR = "#3E4C59"
TITLE_PX = 13
TITLE_BAND_PX = 24  # a panel title and the space under it
PANEL_GAP_PX = 18
CUMULATIVE_PX = 190
X_TICKS_PX = 24  # date labels written flat
# plotly draws a range slider SLIDER_PAD_PX (its `extraPad`) below the axis's labels,
# which it turns 30 degrees where they do not fit flat ("2024年" on a phone): then they
# reach up to TURNED_TICKS_PX deep ("2024年10月"). SLIDER_PX holds the slider below
# either, and a gap before the legend.
TURNED_TICKS_PX = 58
SLIDER_PAD_PX = 15
SLIDER_BAND_PX = 26
SLIDER_PX = (TURNED_TICKS_PX - X_TICKS_PX) + SLIDER_PAD_PX + SLIDER_BAND_PX + 6
LEGEND_PX = 24
SIDE_PAD_PX = 10


def short_company(name: str) -> str:
    """ "Amazon (incl. AWS)" -> "Amazon", "Huawei Cloud" -> "Huawei": row names for phones
    (in Japanese too: "アマゾン（AWSを含む）" -> "アマゾン", "ファーウェイ・クラウド" -> "ファーウェイ")."""
    name = re.sub(r"\s*[(（].*[)）]$", "", str(name))
    return re.sub(r"(\s+Cloud|・クラウド)$", "", name)


def padded_date_range(dates: pd.Series) -> list[str] | None:
    """A year-wide x range centred on the pledges when they span less than MIN_SPAN_DAYS;
    left to Plotly, a single date stretches to milliseconds either side of itself."""
    dates = pd.to_datetime(dates).dropna()
    if dates.empty or (dates.max() - dates.min()).days >= MIN_SPAN_DAYS:
        return None
    middle = dates.min() + (dates.max() - dates.min()) / 2
    half = pd.Timedelta(days=MIN_SPAN_DAYS / 2)
    return [(middle - half).strftime("%Y-%m-%d"), (middle + half).strftime("%Y-%m-%d")]


@dataclass(frozen=True)
class Candidate:
    """A dot that may get a label, in the dots panel's pixels (origin: its top left).
    `texts` are the label's forms, preferred first (one line, then two)."""

    key: object
    x_px: float
    y_px: float
    radius_px: float
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Box:
    left: float
    right: float
    top: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )


LABEL_GAP_PX = 3  # between a dot's edge and its label


def label_box(c: Candidate, text: str, position: str) -> Box:
    """The box a label annotation covers: beside or above its dot, clear of the dot."""
    lines = text.split("<br>")
    width = max(text_width_px(line, size_px=LABEL_PX) for line in lines) + 4  # + padding
    height = LABEL_LINE_PX * len(lines) + 4
    vertical, horizontal = position.split()
    if vertical == "top":
        bottom = c.y_px - c.radius_px - LABEL_GAP_PX
        top = bottom - height
    else:  # "middle"
        top = c.y_px - height / 2
        bottom = top + height
    if horizontal == "center":
        left = c.x_px - width / 2
    elif horizontal == "right":
        left = c.x_px + c.radius_px + LABEL_GAP_PX
    else:  # "left"
        left = c.x_px - c.radius_px - LABEL_GAP_PX - width
    return Box(left, left + width, top, bottom)


def label_annotation(c: Candidate, text: str, position: str, *, x, y) -> dict:
    """The plotly annotation drawing `label_box`: on a light plate, so a dot under it
    does not garble it."""
    vertical, horizontal = position.split()
    gap = c.radius_px + LABEL_GAP_PX
    return {
        "text": text,
        "x": x,
        "y": y,
        "xref": "x",
        "yref": "y",
        "showarrow": False,
        "xanchor": {"center": "center", "right": "left", "left": "right"}[horizontal],
        "yanchor": "bottom" if vertical == "top" else "middle",
        "xshift": {"center": 0, "right": gap, "left": -gap}[horizontal],
        "yshift": gap if vertical == "top" else 0,
        "align": "left" if horizontal == "right" else "right" if horizontal == "left" else "center",
        "font": {"size": LABEL_PX, "color": LABEL_COLOUR},
        "bgcolor": "rgba(255,255,255,0.85)",
        "borderpad": 1,
    }


# Beside the dot only: a label above a dot sits between two rows and reads as the upper
# row's.
POSITIONS = ("middle right", "middle left")


def _tries(c: Candidate) -> list[tuple[str, str]]:
    """(text, position) in order of preference: right of the dot, then left; one line
    before two."""
    return [(text, position) for position in POSITIONS for text in c.texts]


def place_labels(
    candidates: list[Candidate],
    *,
    plot_width_px: float,
    obstacles: list[Box],
    limit: int = LABELLED,
) -> dict[object, tuple[str, str]]:
    """Labels for the candidates, largest first: each takes the first of its forms and
    positions that stays inside the plot's width and clears every label kept so far and
    every obstacle (a panel title). A candidate that fits nowhere goes without.
    Returns key -> (text, textposition)."""
    kept: dict[object, tuple[str, str]] = {}
    taken = list(obstacles)
    # The other candidates' dots are obstacles too: a label reaching across a neighbour's
    # dot fits at this width but collides with that dot's label on a wider screen (the
    # layout serves every width from its own up, and dots move apart as it grows).
    dots = {
        c.key: Box(
            c.x_px - c.radius_px, c.x_px + c.radius_px, c.y_px - c.radius_px, c.y_px + c.radius_px
        )
        for c in candidates
    }
    for c in candidates:
        if len(kept) == limit:
            break
        for text, position in _tries(c):
            box = label_box(c, text, position)
            if box.left < 0 or box.right > plot_width_px:
                continue
            if any(box.overlaps(other) for other in taken):
                continue
            if any(box.overlaps(dot) for key, dot in dots.items() if key != c.key):
                continue
            kept[c.key] = (text, position)
            taken.append(box)
            break
    return kept


def money_ticks(
    largest: float, *, count: int = 4, style: Style = EN
) -> tuple[list[float], list[str]]:
    """Round tick values from 0 past `largest`, labelled as chart labels are ("US$500bn")."""
    if not largest or largest <= 0 or not np.isfinite(largest):
        return [0.0], ["0"]
    rough = largest / count
    magnitude = 10 ** np.floor(np.log10(rough))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough)
    values = [float(step * i) for i in range(int(np.ceil(largest / step)) + 1)]
    return values, ["0"] + [style.money_short(v, "USD") for v in values[1:]]


def _hover_rows(rows: pd.DataFrame, value: str, basis: str, style: Style) -> list[list[str]]:
    return [
        [
            plotly_text(country),
            plotly_text(style.as_announced(amount, currency, qualifier)),
            value_text(shown, basis, style),
            plotly_text(style.period(start, end)),
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


def _label_texts(
    country: str, amount: float, basis: str, *, with_country: bool, style: Style = EN
) -> tuple[str, ...]:
    """A label's forms: "Japan US$2.9bn", then "Japan<br>US$2.9bn" (escaped for plotly)."""
    money = style.money_short(amount, "USD") if basis in ("nominal", "constant") else ""
    parts = [plotly_text(p) for p in (country if with_country else "", money) if p]
    return (" ".join(parts), "<br>".join(parts)) if len(parts) == 2 else (" ".join(parts),)


def pledge_timeline(
    rows: pd.DataFrame,
    *,
    value: str,
    basis: str,
    value_label: str,
    colours: dict[str, str],
    show_lineage: bool,
    width_px: int | None = None,
    label_country: bool = True,
    slider: bool = True,
    cumulative: bool = True,
    row_px: int = ROW_PX,
    style: Style = EN,
) -> go.Figure:
    """Top: one dot per announcement on its date, a row per company, area ∝ amount on the
    basis, the largest labelled where they fit; restatements joined to what they restate
    by a dotted line. Bottom (`cumulative`): each company's running total on the basis.

    `width_px` is the narrowest width the figure will be drawn at; `slider` adds a range
    slider (interactive pages only: an image has no use for one); `label_country` puts the
    host country in each label (a country profile leaves it out); `row_px` is the height
    of a company's row (the largest dot shrinks with it)."""
    fig = go.Figure()
    if rows.empty:
        return fig.update_layout(template=TEMPLATE_NAME, height=320)
    marker_px = min(MAX_MARKER_PX, row_px * 1.25)
    values = rows[value].astype("float64")
    top_value = values.max() if values.notna().any() and values.max() > 0 else 1.0
    rows = rows.assign(**{COMPANY_NAME: rows[COMPANY_NAME].map(short_company)})
    colours = {short_company(name): colour for name, colour in colours.items()}
    companies = sorted(rows[COMPANY_NAME].dropna().unique(), key=style.sort_key)
    row_of = {company: i for i, company in enumerate(companies)}
    tick_text = [
        f"<span style='color:{colours.get(c, MUTED_COLOUR)}'>●</span> {plotly_text(c)}"
        for c in companies
    ]

    tick_values, tick_labels = money_ticks(
        max(values[rows[COMPANY_NAME] == c].clip(lower=0).sum() for c in companies),
        style=style,
    )
    each_title = style._("Each announcement (dot area ∝ amount)")
    day_format = "%Y年%-m月%-d日" if style.lang == "ja" else "%d %b %Y"

    # Horizontal geometry: the left margin fits the longest row name or total's tick.
    figure_px = width_px or NARROWEST_FIGURE_PX
    left_px = 12 + max(
        [text_width_px(f"● {c}", size_px=TICK_PX) for c in companies]
        + ([text_width_px(t, size_px=TICK_PX) for t in tick_labels] if cumulative else [])
    )
    plot_px = figure_px - left_px - SIDE_PAD_PX
    padded = padded_date_range(rows[Col.ANNOUNCED_ON])
    first = pd.Timestamp(padded[0]) if padded else rows[Col.ANNOUNCED_ON].min()
    last = pd.Timestamp(padded[1]) if padded else rows[Col.ANNOUNCED_ON].max()

    def radius_px(amount: float) -> float:
        share = max(amount, 0) / top_value if pd.notna(amount) else 0.0
        return max(marker_px / 2 * float(np.sqrt(share)), 2.0)

    # plotly pads an autoranged axis by the radius of the dots at either end.
    dates = rows[Col.ANNOUNCED_ON]
    pad_left = 0.0 if padded else radius_px(values[dates == first].max()) + 1
    pad_right = 0.0 if padded else radius_px(values[dates == last].max()) + 1

    # Vertical geometry, in pixels from the top.
    dots_top = TITLE_BAND_PX
    top_room_px = max(4.0, marker_px / 2 - row_px / 2 + 4)  # the first row's largest dot
    dots_px = top_room_px + len(companies) * row_px
    cumulative_top = dots_top + dots_px + PANEL_GAP_PX + TITLE_BAND_PX
    body_px = cumulative_top + CUMULATIVE_PX if cumulative else dots_top + dots_px
    slider_px = SLIDER_PX if slider else 0
    lineage_px = LEGEND_PX if show_lineage and rows[Col.SUPERSEDES].notna().any() else 0
    bottom_px = X_TICKS_PX + slider_px + lineage_px + 4
    height_px = body_px + bottom_px
    plot_height_px = body_px

    def domain(top: float, bottom: float) -> list[float]:
        return [1 - bottom / plot_height_px, 1 - top / plot_height_px]

    # The axis range is set, not left to plotly's autorange (which pads matched axes by
    # more than the end dots' radius), so the labels' boxes are where plotly draws them.
    per_px = (last - first) / max(plot_px - pad_left - pad_right, 1.0)
    x_range = padded or [
        str(first - per_px * pad_left),
        str(last + per_px * pad_right),
    ]

    # Labels: the largest pledges, where they fit at this width.
    def x_px(date) -> float:
        share = (pd.Timestamp(date) - first) / max(last - first, pd.Timedelta(days=1))
        return pad_left + share * (plot_px - pad_left - pad_right)

    def y_px(company) -> float:
        return top_room_px + (row_of[company] + 0.5) * row_px

    candidates = [
        Candidate(
            key=index,
            x_px=x_px(rows.at[index, Col.ANNOUNCED_ON]),
            y_px=y_px(rows.at[index, COMPANY_NAME]),
            radius_px=radius_px(values[index]),
            texts=_label_texts(
                rows.at[index, COUNTRY_NAME],
                values[index],
                basis,
                with_country=label_country,
                style=style,
            ),
        )
        for index in values.dropna().sort_values(ascending=False).index[:CANDIDATES]
    ]
    title_box = Box(
        SIDE_PAD_PX - left_px,
        SIDE_PAD_PX + text_width_px(each_title, size_px=TITLE_PX) - left_px,
        -TITLE_BAND_PX,
        0,
    )
    placed = place_labels(candidates, plot_width_px=plot_px, obstacles=[title_box])

    if lineage_px:
        by_id = rows.set_index(Col.ID)
        xs, ys = [], []
        for _, row in rows[rows[Col.SUPERSEDES].notna()].iterrows():
            earlier = row[Col.SUPERSEDES]
            if earlier in by_id.index:
                xs += [by_id.at[earlier, Col.ANNOUNCED_ON], row[Col.ANNOUNCED_ON], None]
                ys += [row_of[by_id.at[earlier, COMPANY_NAME]], row_of[row[COMPANY_NAME]], None]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                line={"color": "#9AA5B1", "width": 1.5, "dash": "dot"},
                name=style._("Restates an earlier pledge"),
                hoverinfo="skip",
                showlegend=True,
            )
        )

    sizeref = 2.0 * top_value / marker_px**2
    for company in companies:
        mine = rows[rows[COMPANY_NAME] == company].sort_values(Col.ANNOUNCED_ON)
        colour = colours.get(company, MUTED_COLOUR)
        size = mine[value].astype("float64").fillna(0).clip(lower=0)
        fig.add_trace(
            go.Scatter(
                x=mine[Col.ANNOUNCED_ON],
                y=[row_of[company]] * len(mine),
                mode="markers",
                name=str(company),
                showlegend=False,
                marker={
                    "color": colour,
                    "size": np.maximum(size.to_numpy(), top_value * 0.002),
                    "sizemode": "area",
                    "sizeref": sizeref,
                    "sizemin": 4,
                    "opacity": 0.75,
                    "line": {"color": "white", "width": 1},
                },
                customdata=_hover_rows(mine, value, basis, style),
                hovertemplate=(
                    f"<b>%{{customdata[0]}}</b> · %{{x|{day_format}}}<br>"
                    + "<br>".join(
                        (
                            plotly_text(style._("As announced: {amount}")),
                            "{converted}",
                            plotly_text(style._("Period: {period}")),
                            plotly_text(style._("Source: {source}")),
                        )
                    ).format(
                        amount="%{customdata[1]}",
                        converted="%{customdata[2]}",
                        period="%{customdata[3]}",
                        source="%{customdata[4]}",
                    )
                    + f"<extra>{plotly_text(company)}</extra>"
                ),
                cliponaxis=False,
            )
        )
        if cumulative:
            running = size.cumsum()
            # Carry each running total to the last date shown, so a company with one pledge
            # still draws a line (a step needs two points).
            fig.add_trace(
                go.Scatter(
                    x=[*mine[Col.ANNOUNCED_ON], last],
                    y=[*running, running.iloc[-1]],
                    mode="lines",
                    line_shape="hv",
                    line={"color": colour, "width": 2},
                    name=str(company),
                    showlegend=False,
                    xaxis="x2",
                    yaxis="y2",
                    hovertemplate=f"{plotly_text(company)}<br>%{{x|{day_format}}}: %{{customdata}}<extra></extra>",
                    customdata=[value_text(v, basis, style) for v in [*running, running.iloc[-1]]],
                )
            )

    annotations = [
        {
            "text": each_title,
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 1,
            "xanchor": "left",
            "yanchor": "top",
            "xshift": SIDE_PAD_PX - left_px,
            "showarrow": False,
            "font": {"size": TITLE_PX, "color": MUTED_COLOUR},
        }
    ]
    by_key = {c.key: c for c in candidates}
    annotations += [
        label_annotation(
            by_key[index],
            text,
            position,
            x=rows.at[index, Col.ANNOUNCED_ON],
            y=row_of[rows.at[index, COMPANY_NAME]],
        )
        for index, (text, position) in placed.items()
    ]
    bottom_axis = "xaxis2" if cumulative else "xaxis"
    layout = {
        "xaxis": {
            "range": x_range,
            "domain": [0, 1],
            "anchor": "y",
            "showticklabels": not cumulative,
            "type": "date",
            **({"matches": "x2"} if cumulative else {}),
        },
        "yaxis": {
            "domain": domain(dots_top, dots_top + dots_px),
            "range": [len(companies) - 0.5, -0.5 - top_room_px / row_px],
            "tickmode": "array",
            "tickvals": list(range(len(companies))),
            "ticktext": tick_text,
            "tickfont": {"size": TICK_PX},
            "showgrid": True,
            "fixedrange": True,
            "anchor": "x",
        },
    }
    if cumulative:
        annotations.append(
            {
                **annotations[0],
                "text": plotly_text(
                    style._("Running total, {measure}").format(measure=value_label)
                ),
                "y": 1 - (cumulative_top - TITLE_BAND_PX) / plot_height_px,
            }
        )
        layout["xaxis2"] = {
            "range": x_range,
            "domain": [0, 1],
            "anchor": "y2",
            "type": "date",
        }
        layout["yaxis2"] = {
            "domain": domain(cumulative_top, cumulative_top + CUMULATIVE_PX),
            "range": [0, tick_values[-1] * 1.04],
            "tickmode": "array",
            "tickvals": tick_values,
            "ticktext": tick_labels,
            "tickfont": {"size": TICK_PX},
            "fixedrange": True,
            "anchor": "x2",
        }
    if style.lang == "ja":  # plotly's own date ticks are English ("Jan 2024")
        layout[bottom_axis]["tickformatstops"] = JA_DATE_TICKS
    if slider:
        layout[bottom_axis]["rangeslider"] = {
            "visible": True,
            "thickness": SLIDER_BAND_PX / plot_height_px,
            "range": x_range,  # the whole chart, so nothing reads as zoomed in
        }
    fig.update_layout(
        template=TEMPLATE_NAME,
        height=round(height_px),
        # The margins above hold every label, the slider and the legend to the pixel, so
        # plotly is not let to grow them: it pushes the bottom margin by a range slider's
        # height on top of `b` whatever `b` holds, which squeezed the panels and drew the
        # whole figure a second time (0.1-0.15 s in the browser; docs/PERFORMANCE.md).
        margin={
            "l": round(left_px),
            "r": SIDE_PAD_PX,
            "t": 0,
            "b": round(bottom_px),
            "autoexpand": False,
        },
        showlegend=bool(lineage_px),
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": -(X_TICKS_PX + slider_px) / plot_height_px,
            "yanchor": "top",
            "font": {"size": TICK_PX},
        },
        annotations=annotations,
        **layout,
    )
    return fig


MIN_ROW_PX = 12


def fit_timeline(
    rows: pd.DataFrame, *, width_px: int, height_px: int | None, still: bool, **options
) -> go.Figure:
    """The timeline for `width_px`, within `height_px` if given: without the running
    totals if they do not fit, then with rows squeezed (down to MIN_ROW_PX)."""
    figure = pledge_timeline(rows, width_px=width_px, slider=not still, **options)
    if height_px is None or figure.layout.height <= height_px:
        return figure
    figure = pledge_timeline(rows, width_px=width_px, slider=not still, cumulative=False, **options)
    if figure.layout.height <= height_px:
        return figure
    count = max(rows[COMPANY_NAME].map(short_company).nunique(), 1)
    fixed_px = figure.layout.height - count * ROW_PX
    fits = max(int((height_px - fixed_px - 1) // MIN_ROW_PX), 2)
    if count > fits:  # the smallest companies share one row, named as such
        rows, count = _others_merged(rows, options["value"], keep=fits - 1), fits
        others = Style(options.get("style", EN).lang)._(OTHERS_ROW)
        rows = rows.assign(**{COMPANY_NAME: rows[COMPANY_NAME].replace(OTHERS_ROW, others)})
        options = {**options, "colours": {**options["colours"], others: OTHER_COLOUR}}
    row_px = max(MIN_ROW_PX, int((height_px - fixed_px - 1) // count))
    return pledge_timeline(
        rows, width_px=width_px, slider=not still, cumulative=False, row_px=row_px, **options
    )


OTHERS_ROW = N_("Other companies")

# Date ticks as Japanese charts write them: "2024年", "2024年4月", "4月10日".
JA_DATE_TICKS = [
    {"dtickrange": [None, 86_400_000 * 27], "value": "%-m月%-d日"},
    {"dtickrange": [86_400_000 * 27, "M11"], "value": "%Y年%-m月"},
    {"dtickrange": ["M12", None], "value": "%Y年"},
]


def _others_merged(rows: pd.DataFrame, value: str, *, keep: int) -> pd.DataFrame:
    """`rows` with every company beyond the `keep` largest (by total) on one shared row."""
    totals = rows.groupby(COMPANY_NAME, observed=True)[value].sum().sort_values(ascending=False)
    kept = set(totals.index[:keep])
    names = rows[COMPANY_NAME].astype(object)
    return rows.assign(**{COMPANY_NAME: names.where(names.isin(kept), OTHERS_ROW)})
