"""PNG and SVG of a chart with its title, units and credit line baked into the image.

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
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from investments.chart_text import ChartText
from viz.text import plotly_text

TOPOJSON_DIR = Path(__file__).resolve().parents[2] / "static" / "topojson"
EXPORT_WIDTH_PX = 1000
_LOCK = threading.Lock()
_STARTED = False


class ImageExportUnavailable(RuntimeError):
    """No Chromium for kaleido on this machine; the chart toolbar's PNG still works."""


def chromium_available() -> bool:
    return any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome"))


def with_credits(figure: go.Figure, text: ChartText, *, as_of: dt.date) -> go.Figure:
    """A copy of `figure` with title, subtitle, units and the dated credit line in the image.

    The words are annotations stacked above the plot area (plotly's own title overlaps
    subplot titles when it has several lines).
    """
    fig = go.Figure(figure)
    top, bottom = 150, 74
    fig.update_layout(
        title=None,
        margin={"t": top, "b": bottom},
        height=(fig.layout.height or 520) + top + bottom - 40,
        width=EXPORT_WIDTH_PX,
    )
    fig.update_yaxes(automargin=True)
    lines = (
        (text.title, 20, "#1F2933", 96, True),
        (text.subtitle, 14, "#3E4C59", 72, False),
        (text.units, 12, "#616E7C", 50, False),
    )
    for words, size, colour, shift, bold in lines:
        shown = plotly_text(words)
        fig.add_annotation(
            text=f"<b>{shown}</b>" if bold else shown,
            xref="paper",
            yref="paper",
            x=0,
            y=1,
            xanchor="left",
            yanchor="bottom",
            yshift=shift,
            showarrow=False,
            font={"size": size, "color": colour},
        )
    fig.add_annotation(
        text=f"{plotly_text(text.source)}<br>{as_of:%-d %B %Y}",
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-bottom + 8,
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        align="left",
        font={"size": 11, "color": "#616E7C"},
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
    pio.defaults.topojson = TOPOJSON_DIR.as_uri() + "/"
    kaleido.start_sync_server(silence_warnings=True)
    _STARTED = True


def image_bytes(figure: go.Figure, text: ChartText, *, as_of: dt.date, fmt: str) -> bytes:
    """PNG (2x) or SVG bytes of the credited chart."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unsupported image format {fmt!r}")
    with _LOCK:
        _ensure_server()
        credited = with_credits(figure, text, as_of=as_of)
        with warnings.catch_warnings():
            warnings.simplefilter(
                "ignore"
            )  # kaleido notes that per-call options are unused with a server
            return pio.to_image(credited, format=fmt, scale=2 if fmt == "png" else 1)
