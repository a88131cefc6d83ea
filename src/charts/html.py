"""One HTML page per chart: title, subtitle, units, the chart, alt text, credit, "Get the data".

Two forms from one template:
- self-contained (a downloaded file): plotly.js and, for maps, the map shapes inlined, so
  it opens and draws from an e-mail attachment with no network;
- published (a static embed): plotly.js and the shapes loaded from a shared folder beside
  it, so a static host or CDN serves hundreds of embeds without repeating 5 MB in each.

Every page reports its height to the page that frames it (`postMessage`,
type `btit:height`), so the embed snippet can size the iframe to its content.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from functools import cache
from pathlib import Path

import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from investments.chart_text import ChartText

TOPOJSON_DIR = Path(__file__).resolve().parents[2] / "static" / "topojson"
HEIGHT_MESSAGE = "btit:height"


@cache
def inline_geo_assets() -> str:
    """`window.PlotlyGeoAssets` with every shipped map shape, so plotly.js fetches nothing."""
    shapes = {
        path.stem: json.loads(path.read_text()) for path in sorted(TOPOJSON_DIR.glob("*_110m.json"))
    }
    return "window.PlotlyGeoAssets = {topojson: " + json.dumps(shapes, separators=(",", ":")) + "};"


def _figure_json(figure: go.Figure, *, fill_width: bool) -> str:
    layout_changes = {"autosize": True, "width": None}
    if fill_width:
        layout_changes["height"] = None  # the container's CSS aspect ratio sets it
    fig = go.Figure(figure).update_layout(**layout_changes)
    # "</" inside a <script> would end it early; JSON allows the escaped form.
    return fig.to_json().replace("</", "<\\/")


_STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; overflow-x: hidden; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: #1F2933; }
figure { margin: 0; padding: 10px 12px 8px; max-width: 1200px; }
h1 { font-size: clamp(17px, 2.4vw, 22px); line-height: 1.25; margin: 0 0 4px; }
.subtitle { font-size: 14px; margin: 0 0 2px; color: #3E4C59; }
.units { font-size: 13px; margin: 0 0 6px; color: #616E7C; }
.chart { width: 100%; }
.chart.fill { aspect-ratio: 16 / 10; min-height: 220px; }
@media (max-width: 520px) { .chart.fill { aspect-ratio: 4 / 3.4; } }
figcaption { font-size: 12px; color: #616E7C; margin-top: 4px; line-height: 1.4; }
figcaption a { color: #0072B2; }
.alt { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
"""

_SCRIPT = """
(function () {
  var fig = %(figure)s;
  var config = {responsive: true, displaylogo: false, displayModeBar: false%(topojson)s};
  Plotly.newPlot("chart", fig.data, fig.layout, config).then(function () {
    function report() {
      var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (window.parent !== window) { window.parent.postMessage({type: "%(message)s", height: height}, "*"); }
    }
    report();
    window.addEventListener("resize", function () { setTimeout(report, 120); });
  });
})();
"""


def chart_page(
    figure: go.Figure,
    text: ChartText,
    *,
    as_of: dt.date,
    self_contained: bool,
    assets_href: str = "assets/",
    data_href: str | None = None,
    geo: bool = False,
) -> str:
    """The chart's HTML page. `assets_href` (published form) holds plotly.min.js and topojson/."""
    fill = geo  # maps scale with width; bar and dot charts keep their own height
    if self_contained:
        head_scripts = ""
        if geo:
            head_scripts += f"<script>{inline_geo_assets()}</script>\n"
        head_scripts += f"<script>{get_plotlyjs()}</script>"
        topojson = ""
    else:
        head_scripts = f'<script src="{html.escape(assets_href)}plotly.min.js"></script>'
        topojson = f', topojsonURL: "{assets_href}topojson/"' if geo else ""
    data_link = (
        f' · <a href="{html.escape(data_href)}" download target="_blank" rel="noopener">Get the data</a>'
        if data_href
        else ""
    )
    script = _SCRIPT % {
        "figure": _figure_json(figure, fill_width=fill),
        "topojson": topojson,
        "message": HEIGHT_MESSAGE,
    }
    e = html.escape
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(text.title)}</title>
<meta name="description" content="{e(text.alt)}">
<style>{_STYLE}</style>
{head_scripts}
</head>
<body>
<figure aria-labelledby="chart-title" aria-describedby="chart-alt">
<h1 id="chart-title">{e(text.title)}</h1>
<p class="subtitle">{e(text.subtitle)}</p>
<p class="units">{e(text.units)}</p>
<div id="chart" class="chart{" fill" if fill else ""}" role="img" aria-label="{e(text.alt)}"></div>
<p id="chart-alt" class="alt">{e(text.alt)}</p>
<figcaption>{e(text.credit_line(as_of=as_of))}{data_link}</figcaption>
</figure>
<script>{script}</script>
</body>
</html>
"""
