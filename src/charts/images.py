"""PNG and SVG of a chart with its title, units, sentence and credit line baked in.

An image is laid out for its own size, not the page's: a newsroom needs an article image,
a social card and a phone-shaped image, and each gets the chart drawn for that width
(`ChartView.figure_for`), with no range slider, and with the words wrapped to fit.
Width is estimated with the widest common font (`viz.text_width`), so a title never runs
off the edge; browser tests measure the drawn SVG.

Rendered by kaleido with the machine's Chromium (Debian's /usr/bin/chromium; kaleido never
downloads a browser here) and the map shapes the app ships, so nothing is fetched. One
kaleido server is kept per process: the first image takes about 2 s, later ones about
0.2 s (docs/PERFORMANCE.md).
"""

from __future__ import annotations

import datetime as dt
import shutil
import threading
import warnings
from dataclasses import dataclass

import plotly.graph_objects as go
import plotly.io as pio

from charts.views import ChartView
from investments.i18n import N_
from investments.paths import topojson_dir
from investments.style import EN, Style
from viz.text import plotly_text
from viz.text_width import wrap_px
from viz.theme import MUTED_COLOUR, TEXT_COLOUR

_LOCK = threading.Lock()
_STARTED = False

SIDE_PX = 14
LINE_HEIGHT = 1.3
BLOCK_GAP_PX = 5
HEADER_PAD_PX = 12  # above the title and under the last header line
CREDIT_PX = 11
FOOTER_GAP_PX = 10  # between the chart and the credit line


@dataclass(frozen=True)
class ImagePreset:
    """An image size: the chart is laid out `width_px` wide (CSS pixels) and saved at
    `scale`, so the file is `width_px * scale` pixels wide; `height_px` fixes the height
    (a social card) or, when None, the chart's own height decides it."""

    key: str
    label: str
    width_px: int
    height_px: int | None
    scale: float

    @property
    def file_size(self) -> str:
        return self.size_words(EN)

    def size_words(self, style: Style) -> str:
        """ "1200 px wide" / "幅1200ピクセル"; "1200 × 675 px"."""
        width = round(self.width_px * self.scale)
        if self.height_px is None:
            return style._("{width} px wide").format(width=width)
        return f"{width} × {round(self.height_px * self.scale)} px"


PRESETS: dict[str, ImagePreset] = {
    p.key: p
    for p in (
        ImagePreset("article", N_("Article"), 600, None, 2),
        ImagePreset("social", N_("Social card"), 800, 450, 1.5),
        ImagePreset("phone", N_("Phone, portrait"), 540, 675, 2),
    )
}


class ImageExportUnavailable(RuntimeError):
    """No Chromium for kaleido on this machine; the chart toolbar's PNG still works."""


def chromium_available() -> bool:
    return any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome"))


@dataclass(frozen=True)
class _Block:
    lines: list[str]
    size_px: int
    colour: str
    bold: bool

    @property
    def height_px(self) -> float:
        return len(self.lines) * self.size_px * LINE_HEIGHT


def _blocks(view: ChartView, text_px: float, *, subtitle: bool = True) -> list[_Block]:
    text = view.text
    wanted = [
        (text.title, 20, TEXT_COLOUR, True),
        (text.subtitle if subtitle else "", 14, "#3E4C59", False),
        (text.units, 12, MUTED_COLOUR, False),
        (text.sentence, 14, TEXT_COLOUR, True),
        (text.caveats, 12, TEXT_COLOUR, False),
    ]
    return [
        _Block(wrap_px(words, width_px=text_px, size_px=size, bold=bold), size, colour, bold)
        for words, size, colour, bold in wanted
        if words
    ]


def credited_figure(view: ChartView, preset: ImagePreset, *, as_of: dt.date) -> go.Figure:
    """The chart laid out for `preset`, with its words above it and the dated credit
    line at the foot, all inside the image."""
    text_px = preset.width_px - 2 * SIDE_PX
    words = Style(view.text.lang)
    credit = wrap_px(view.text.source, width_px=text_px, size_px=CREDIT_PX) + [
        words._("Data current to {day}").format(day=words.date(as_of))
    ]
    footer_px = FOOTER_GAP_PX + len(credit) * CREDIT_PX * LINE_HEIGHT + 10
    # A fixed-size image whose chart cannot shrink enough gives up the subtitle first (the
    # title, units, sentence and scope caveats say what the chart shows).
    for subtitle in (True, False):
        blocks = _blocks(view, text_px, subtitle=subtitle)
        header_px = (
            HEADER_PAD_PX * 2 + sum(b.height_px for b in blocks) + BLOCK_GAP_PX * (len(blocks) - 1)
        )
        budget = (
            int(preset.height_px - header_px - footer_px) if preset.height_px is not None else None
        )
        fig = go.Figure(view.figure_for(width_px=preset.width_px, height_px=budget, still=True))
        chart_px = fig.layout.height or 520
        if budget is None or chart_px <= budget:
            break
    margin = fig.layout.margin
    left, top, bottom = margin.l or 0, margin.t or 0, margin.b or 0
    # A chart that cannot shrink to a fixed size makes the image taller rather than cramped.
    total_px = max(preset.height_px or 0, round(header_px + chart_px + footer_px))
    # A fixed-size image taller than its chart: the room goes above and below the chart.
    extra_px = max(total_px - header_px - chart_px - footer_px, 0)
    above_px, below_px = extra_px // 2, extra_px - extra_px // 2
    fig.update_layout(
        title=None,
        width=preset.width_px,
        height=round(total_px),
        margin={
            "t": round(top + header_px + above_px),
            "b": round(bottom + footer_px + below_px),
        },
    )
    plot_top_px = round(top + header_px + above_px)  # image top to the plot area's top
    offset = HEADER_PAD_PX
    for block in blocks:
        shown = "<br>".join(plotly_text(line) for line in block.lines)
        fig.add_annotation(
            text=f"<b>{shown}</b>" if block.bold else shown,
            xref="paper",
            yref="paper",
            x=0,
            y=1,
            xanchor="left",
            yanchor="top",
            xshift=SIDE_PX - left,
            yshift=plot_top_px - offset,
            align="left",
            showarrow=False,
            font={"size": block.size_px, "color": block.colour},
        )
        offset += block.height_px + BLOCK_GAP_PX
    fig.add_annotation(
        text="<br>".join(plotly_text(line) for line in credit),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        xshift=SIDE_PX - left,
        yshift=-(bottom + below_px + FOOTER_GAP_PX),
        align="left",
        showarrow=False,
        font={"size": CREDIT_PX, "color": MUTED_COLOUR},
    )
    return fig


def _ensure_server() -> None:
    global _STARTED
    if _STARTED:
        return
    if not chromium_available():
        raise ImageExportUnavailable("no Chromium on this machine (apt-get install chromium)")
    import kaleido

    pio.defaults.mathjax = None  # MathJax would come from a CDN
    pio.defaults.topojson = topojson_dir().as_uri() + "/"
    kaleido.start_sync_server(silence_warnings=True)
    _STARTED = True


def image_bytes(
    view: ChartView, *, as_of: dt.date, fmt: str, preset: str | ImagePreset = "article"
) -> bytes:
    """PNG or SVG bytes of the credited chart at one of PRESETS."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unsupported image format {fmt!r}")
    size = PRESETS[preset] if isinstance(preset, str) else preset
    with _LOCK:
        _ensure_server()
        credited = credited_figure(view, size, as_of=as_of)
        with warnings.catch_warnings():
            warnings.simplefilter(
                "ignore"
            )  # kaleido notes that per-call options are unused with a server
            return pio.to_image(
                credited,
                format=fmt,
                width=size.width_px,
                height=credited.layout.height,
                scale=size.scale if fmt == "png" else 1,
            )
