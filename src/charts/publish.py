"""`python -m investments publish --out DIR`: every standard chart as a static embed.

A folder any static host or CDN can serve with no Streamlit behind it, so embeds stay up
when a story sends a front-page spike of readers:

    index.html               every chart, its alt text and its embed code
    embed/<slug>.html        one page per chart (title, units, chart, credit, "Get the data")
    data/<slug>.csv          the chart's own data
    ja/…                     the same in Japanese (`--lang ja` or `--lang en,ja`): index.html,
                             embed/ and data/, sharing the assets
    assets/plotly.min.js     one shared copy of plotly.js
    assets/topojson/*.js     the map shapes as scripts (MIT, from plotly.js), so the
                             maps also draw when the folder is opened from disk
"""

from __future__ import annotations

import datetime as dt
import html
import shutil
from pathlib import Path

from plotly.offline import get_plotlyjs

from charts.html import chart_page, geo_asset_script
from charts.snippet import embed_snippet, published_embed_url
from charts.views import ChartView, compare_view, country_view, map_view, timeline_view
from investments.comparison import DEFAULT_ITEMS, bases, parse_item
from investments.credits import PROJECT_NAME
from investments.export import frame_to_csv_bytes
from investments.filters import Filter
from investments.i18n import LANGUAGES
from investments.load import Dataset
from investments.normalize import normalize
from investments.paths import topojson_dir
from investments.schema import Col
from investments.style import style_for
from viz.theme import company_colours


def standard_views(dataset: Dataset, *, base_year: int, lang: str = "en") -> list[ChartView]:
    """The maps on each measure, the timeline, Japan versus Australia, and every country."""
    normalized = normalize(dataset, base_year=base_year)
    colours = company_colours(dataset.companies)
    style = style_for(lang)
    views = [
        map_view(normalized, Filter(basis=b), base_year=base_year, style=style)
        for b in ("nominal", "constant", "per_capita", "share_of_gdp")
    ]
    views.append(
        timeline_view(normalized, Filter(), base_year=base_year, colours=colours, style=style)
    )
    items = [i for i in DEFAULT_ITEMS if parse_item(i, normalized)]
    if len(items) == 2:
        views.append(
            compare_view(
                normalized,
                items,
                base_year=base_year,
                bases=bases(base_year, style),
                company_colours=colours,
                style=style,
            )
        )
    for iso3 in sorted(normalized[Col.COUNTRY_ISO3].unique()):
        views.append(
            country_view(normalized, iso3, base_year=base_year, colours=colours, style=style)
        )
    return views


def _index_page(
    views: list[ChartView], *, base_url: str, as_of: dt.date, lang: str, languages: list[str]
) -> str:
    e = html.escape
    style = style_for(lang)
    _ = style._
    items = []
    for view in views:
        src = (
            published_embed_url(base_url, view.text.slug, lang)
            if base_url
            else f"embed/{view.text.slug}.html"
        )
        snippet = embed_snippet(src, title=view.text.title, kind=view.kind)
        items.append(
            f'<li><h2><a href="embed/{e(view.text.slug)}.html">{e(view.text.title)}</a></h2>'
            f"<p>{e(view.text.alt)}</p>"
            f'<p><a href="data/{e(view.text.slug)}.csv" download>{e(_("Data (CSV)"))}</a></p>'
            f"<details><summary>{e(_('Embed code'))}</summary>"
            f"<pre><code>{e(snippet)}</code></pre></details></li>"
        )
    others = [
        f'<a href="{"../" if lang != "en" else ""}{"" if other == "en" else other + "/"}'
        f'index.html" hreflang="{other}" lang="{other}">{e(LANGUAGES[other])}</a>'
        for other in languages
        if other != lang
    ]
    title = _("{project}: embeddable charts").format(project=PROJECT_NAME)
    intro = _(
        "Published {day}. {count} charts; each is a static page with its title, units, "
        "credit line and a link to its data. Paste the embed code into any page."
    ).format(day=style.date(as_of), count=len(views))
    return f"""<!doctype html>
<html lang="{e(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<style>body{{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK JP",Arial,sans-serif;max-width:900px;margin:0 auto;
padding:16px;color:#1F2933}} li{{margin-bottom:18px}} h2{{font-size:18px;margin:0}} pre{{white-space:pre-wrap;
background:#F5F7FA;padding:8px;font-size:12px}}</style></head>
<body><h1>{e(title)}</h1>
{f"<p>{' · '.join(others)}</p>" if others else ""}
<p>{e(intro)}</p>
<ul>{"".join(items)}</ul></body></html>
"""


def publish(
    dataset: Dataset,
    out_dir: Path,
    *,
    base_year: int,
    as_of: dt.date,
    base_url: str = "",
    languages: tuple[str, ...] = ("en",),
) -> list[Path]:
    """Write the folder (English at its root, other languages in a folder of their own,
    sharing the assets); returns the embed pages written."""
    out_dir = Path(out_dir)
    topojson = out_dir / "assets" / "topojson"
    topojson.mkdir(parents=True, exist_ok=True)
    (out_dir / "assets" / "plotly.min.js").write_text(get_plotlyjs(), encoding="utf-8")
    for path in topojson_dir().iterdir():
        if path.suffix == ".json":
            (topojson / f"{path.stem}.js").write_text(geo_asset_script(path.stem), encoding="utf-8")
        elif path.suffix in (".txt", ".md"):
            shutil.copy(path, topojson / path.name)

    written = []
    for lang in languages:
        root = out_dir if lang == "en" else out_dir / lang
        assets = "../assets/" if lang == "en" else "../../assets/"
        (root / "embed").mkdir(parents=True, exist_ok=True)
        (root / "data").mkdir(exist_ok=True)
        views = standard_views(dataset, base_year=base_year, lang=lang)
        for view in views:
            page = root / "embed" / f"{view.text.slug}.html"
            page.write_text(
                chart_page(
                    view.width_variants(),
                    view.text,
                    as_of=as_of,
                    self_contained=False,
                    assets_href=assets,
                    data_href=f"../data/{view.text.slug}.csv",
                    geo=view.is_geo,
                ),
                encoding="utf-8",
            )
            (root / "data" / f"{view.text.slug}.csv").write_bytes(frame_to_csv_bytes(view.data))
            written.append(page)
        (root / "index.html").write_text(
            _index_page(
                views, base_url=base_url, as_of=as_of, lang=lang, languages=list(languages)
            ),
            encoding="utf-8",
        )
    return written
