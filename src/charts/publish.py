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
    feeds/releases.atom      Atom feeds (investments.feeds): every data release and new
    feeds/country/<ISO3>.atom  pledge; each country's and each company's new pledges and
    feeds/company/<key>.atom   corrections, linking to the app's pages at `app_url`
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
from investments.export import frame_to_csv_bytes, with_release
from investments.feeds import DEFAULT_APP_URL, FEEDS_FOLDER, RELEASES_FEED, write_feeds
from investments.filters import Filter
from investments.i18n import LANGUAGES
from investments.load import COMPANY_NAME, COUNTRY_NAME, Dataset
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


def feeds_section(dataset: Dataset, feeds: list[Path], *, lang: str) -> tuple[str, str]:
    """The index's "Feeds" section and its autodiscovery <link>, in `lang` (the feeds
    themselves are in English); empty when no feeds were written."""
    if not feeds:
        return "", ""
    e = html.escape
    style = style_for(lang)
    _ = style._
    up = "" if lang == "en" else "../"
    written = {(p.parent.name, p.stem) for p in feeds}
    rows = dataset.investments

    def links(kind: str, key_column: str, name_column: str, name) -> str:
        pairs = rows[[key_column, name_column]].drop_duplicates().sort_values(name_column)
        return "\u00a0· ".join(  # the dot stays with the name before it
            f'<a href="{up}{FEEDS_FOLDER}/{kind}/{e(key)}.atom" type="application/atom+xml">'
            f"{e(name(key, english))}</a>"
            for key, english in zip(pairs[key_column], pairs[name_column], strict=True)
            if (kind, key) in written
        )

    releases_href = f"{up}{FEEDS_FOLDER}/{RELEASES_FEED}"
    releases_title = _("Data releases and new pledges")
    intro = _(
        "Atom feeds, for a feed reader: every data release, and every new pledge and "
        "correction with its source and its amount in US dollars. The entries are in English."
    )
    countries = links("country", Col.COUNTRY_ISO3, COUNTRY_NAME, style.country)
    companies = links("company", Col.COMPANY, COMPANY_NAME, style.company)
    # Babel's extraction does not read inside f-strings: the words are named first.
    heading, by_country, by_company = _("Feeds"), _("By country"), _("By company")
    section = (
        f'<section id="feeds"><h2>{e(heading)}</h2><p>{e(intro)}</p>'
        f'<p><a href="{releases_href}" type="application/atom+xml">{e(releases_title)}</a></p>'
        f"<h3>{e(by_country)}</h3><p>{countries}</p>"
        f"<h3>{e(by_company)}</h3><p>{companies}</p></section>"
    )
    head = (
        f'<link rel="alternate" type="application/atom+xml" title="{e(releases_title)}" '
        f'href="{releases_href}">'
    )
    return section, head


def _index_page(
    views: list[ChartView],
    *,
    base_url: str,
    as_of: dt.date,
    lang: str,
    languages: list[str],
    feeds: tuple[str, str] = ("", ""),
) -> str:
    e = html.escape
    style = style_for(lang)
    _ = style._
    items = []
    # Babel's extraction does not read inside f-strings: the words are named first.
    data_words, embed_words = _("Data (CSV)"), _("Embed code")
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
            f'<p><a href="data/{e(view.text.slug)}.csv" download>{e(data_words)}</a></p>'
            f"<details><summary>{e(embed_words)}</summary>"
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
<title>{e(title)}</title>{feeds[1]}
<style>body{{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK JP",Arial,sans-serif;max-width:900px;margin:0 auto;
padding:16px;color:#1F2933}} li{{margin-bottom:18px}} h2{{font-size:18px;margin:0}} pre{{white-space:pre-wrap;
background:#F5F7FA;padding:8px;font-size:12px}} #feeds a{{white-space:nowrap}} #feeds p{{line-height:1.8}}</style></head>
<body><h1>{e(title)}</h1>
{f"<p>{' · '.join(others)}</p>" if others else ""}
<p>{e(intro)}</p>
<ul>{"".join(items)}</ul>
{feeds[0]}</body></html>
"""


def publish(
    dataset: Dataset,
    out_dir: Path,
    *,
    base_year: int,
    as_of: dt.date,
    base_url: str = "",
    languages: tuple[str, ...] = ("en",),
    app_url: str = DEFAULT_APP_URL,
    data_dir: Path | None = None,
) -> list[Path]:
    """Write the folder (English at its root, other languages in a folder of their own,
    sharing the assets, and the Atom feeds); returns the embed pages written.

    `base_url` is the folder's public address (embed code, the feeds' self links);
    `app_url` the app's, which the feeds link to; `data_dir` the folder the dataset was
    read from (for its release tables, where the dataset does not carry them)."""
    out_dir = Path(out_dir)
    topojson = out_dir / "assets" / "topojson"
    topojson.mkdir(parents=True, exist_ok=True)
    (out_dir / "assets" / "plotly.min.js").write_text(get_plotlyjs(), encoding="utf-8")
    for path in topojson_dir().iterdir():
        if path.suffix == ".json":
            (topojson / f"{path.stem}.js").write_text(geo_asset_script(path.stem), encoding="utf-8")
        elif path.suffix in (".txt", ".md"):
            shutil.copy(path, topojson / path.name)

    feeds = write_feeds(
        dataset,
        out_dir / FEEDS_FOLDER,
        app_url=app_url,
        feeds_url=f"{base_url.rstrip('/')}/{FEEDS_FOLDER}" if base_url else "",
        base_year=base_year,
        data_dir=data_dir,
    )
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
            (root / "data" / f"{view.text.slug}.csv").write_bytes(
                frame_to_csv_bytes(with_release(view.data, dataset.package))
            )
            written.append(page)
        (root / "index.html").write_text(
            _index_page(
                views,
                base_url=base_url,
                as_of=as_of,
                lang=lang,
                languages=list(languages),
                feeds=feeds_section(dataset, feeds, lang=lang),
            ),
            encoding="utf-8",
        )
    return written
