"""One HTML page per chart: title, subtitle, units, the chart, alt text, credit, "Get the data".

Two forms from one template:
- self-contained (a downloaded file): plotly.js and, for maps, the map's shapes inlined,
  so it opens and draws from an e-mail attachment with no network;
- published (a static embed): plotly.js and the shapes loaded from a shared folder beside
  it, so a static host or CDN serves hundreds of embeds without repeating 5 MB in each.
  The shapes are script files that fill `window.PlotlyGeoAssets`, not JSON that plotly.js
  would fetch: browsers refuse a fetch from `file://`, but run a script, so the folder
  also draws its maps when a journalist opens it from disk.

Every page reports its height to the page that frames it (`postMessage`,
type `btit:height`), so the embed snippet can size the iframe to its content.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from functools import cache

import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from investments.chart_text import ChartText
from investments.paths import topojson_dir
from investments.style import Style

HEIGHT_MESSAGE = "btit:height"


def geo_shape_names(figure: go.Figure) -> list[str]:
    """The topojson files plotly.js would fetch for `figure` ("world_110m", …)."""
    names = []
    for key in figure.layout:
        if not key.startswith("geo"):
            continue
        geo = figure.layout[key]
        scope = (geo.scope or "world").replace(" ", "-")
        name = f"{scope}_{geo.resolution or 110}m"
        if name not in names:
            names.append(name)
    return names


@cache
def geo_asset_script(name: str) -> str:
    """A script that adds one map shape to `window.PlotlyGeoAssets` (plotly.js then
    fetches nothing for it)."""
    shape = json.loads((topojson_dir() / f"{name}.json").read_text())
    return (
        "(window.PlotlyGeoAssets = window.PlotlyGeoAssets || {}).topojson = "
        "window.PlotlyGeoAssets.topojson || {};\n"
        f"window.PlotlyGeoAssets.topojson[{json.dumps(name)}] = "
        + json.dumps(shape, separators=(",", ":"))
        + ";\n"
    )


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
.sentence { font-size: 15px; font-weight: 600; line-height: 1.35; margin: 6px 0 8px; }
.caveats { font-size: 14px; line-height: 1.35; margin: 0 0 8px; }
.chart { width: 100%; }
.chart.fill { aspect-ratio: 16 / 10; min-height: 220px; }
@media (max-width: 520px) { .chart.fill { aspect-ratio: 4 / 3.4; } }
figcaption { font-size: 12px; color: #616E7C; margin-top: 4px; line-height: 1.4; }
figcaption a { color: #0072B2; }
.alt { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
"""

_SCRIPT = """
(function () {
  // Layouts by the narrowest width each is made for: the page draws the one that fits
  // its column and switches when a resize crosses a boundary.
  var variants = %(variants)s;
  var config = {responsive: true, displaylogo: false, displayModeBar: false};
  var chart = document.getElementById("chart");
  function fitting() {
    var width = chart.clientWidth, chosen = variants[0][1];
    variants.forEach(function (v) { if (width >= v[0]) chosen = v[1]; });
    return chosen;
  }
  function report() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (window.parent !== window) { window.parent.postMessage({type: "%(message)s", height: height}, "*"); }
  }
  var shown = fitting();
  Plotly.newPlot(chart, shown.data, shown.layout, config).then(function () {
    report();
    window.addEventListener("resize", function () {
      var next = fitting();
      if (next !== shown) { shown = next; Plotly.react(chart, next.data, next.layout, config); }
      setTimeout(report, 120);
    });
  });
})();
"""


def chart_page(
    variants: list[tuple[int, go.Figure]],
    text: ChartText,
    *,
    as_of: dt.date,
    self_contained: bool,
    assets_href: str = "assets/",
    data_href: str | None = None,
    geo: bool = False,
) -> str:
    """The chart's HTML page. `variants` are (narrowest width, figure) pairs, narrowest
    first (`ChartView.width_variants`); `assets_href` (published form) holds
    plotly.min.js and topojson/."""
    fill = geo  # maps scale with width; bar and dot charts keep their own height
    shapes = geo_shape_names(variants[0][1]) if geo else []
    if self_contained:
        head_scripts = "".join(f"<script>{geo_asset_script(name)}</script>\n" for name in shapes)
        head_scripts += f"<script>{get_plotlyjs()}</script>"
    else:
        head_scripts = "".join(
            f'<script src="{html.escape(assets_href)}topojson/{name}.js"></script>\n'
            for name in shapes
        )
        head_scripts += f'<script src="{html.escape(assets_href)}plotly.min.js"></script>'
    words = Style(text.lang)
    data_link = (
        f' · <a href="{html.escape(data_href)}" download target="_blank" rel="noopener">'
        f"{html.escape(words._('Get the data'))}</a>"
        if data_href
        else ""
    )
    script = _SCRIPT % {
        "variants": "["
        + ",".join(f"[{width},{_figure_json(fig, fill_width=fill)}]" for width, fig in variants)
        + "]",
        "message": HEIGHT_MESSAGE,
    }
    e = html.escape
    return f"""<!doctype html>
<html lang="{e(text.lang)}">
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
{f'<p class="sentence">{e(text.sentence)}</p>' if text.sentence else ""}
{f'<p class="caveats">{e(text.caveats)}</p>' if text.caveats else ""}
<div id="chart" class="chart{" fill" if fill else ""}" role="img" aria-label="{e(text.alt)}"></div>
<p id="chart-alt" class="alt">{e(text.alt)}</p>
<figcaption>{e(text.credit_line(as_of=as_of))}{data_link}</figcaption>
</figure>
<script>{script}</script>
</body>
</html>
"""
