"""Every chart reads on a phone and on a desktop: no label cut off, none on top of another.

Measured in Chromium on the drawn SVG (tests/browser/geometry.py), at 360 and 1200 px, in
the places a reader meets a chart: the live app's embed mode, the app page itself, the
published static embeds, and the images a journalist downloads.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from charts.images import PRESETS, image_bytes
from charts.views import compare_view, country_view, map_view, timeline_view
from investments.comparison import DEFAULT_ITEMS, bases
from investments.filters import Filter
from investments.load import load_dataset
from investments.normalize import normalize
from tests.browser.geometry import measure, problems
from tests.browser.hosting import static_server
from viz.theme import company_colours

pytestmark = pytest.mark.browser
WIDTHS = (360, 1200)
AS_OF = dt.date(2026, 11, 25)
BASE_YEAR = 2025

LIVE = [
    "compare?embed=true",
    "compare?items=country:USA,country:IND,country:JPN,country:GBR&currency=JPY&embed=true",
    "timeline?lineage=all&embed=true",
    "country?iso3=USA&embed=true",
    "map?basis=per_capita&embed=true",
]
PAGES = ["compare", "timeline", "country?iso3=USA"]
PUBLISHED = [
    "compare-microsoft-jpn-2024-04-microsoft-aus-2023-10",
    "timeline-all-recorded-pledges-us-at-announcement",
    "country-jpn",
    "country-usa",
    "map-all-recorded-pledges-us-per-person",
]


def _measured(where, *, geo: bool = False) -> list[str]:
    expect(where.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=40_000)
    if geo:
        expect(where.locator("path.choroplethlocation").first).to_be_attached(timeout=40_000)
    where.wait_for_timeout(600)  # plotly's last relayout after the frame settles
    boxes = measure(where)
    assert len(boxes) >= 3, "the chart's labels were found"
    return problems(boxes)


@pytest.fixture(scope="module")
def site(published_site):
    return published_site[0]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("view", LIVE)
def test_live_embed_labels_fit(tab, app_url, view, width):
    tab.set_viewport_size({"width": width, "height": 900})
    tab.goto(f"{app_url}/{view}")
    assert _measured(tab, geo=view.startswith("map")) == []


@pytest.mark.parametrize("view", PAGES)
def test_app_page_labels_fit_on_a_phone(tab, app_url, view):
    tab.set_viewport_size({"width": 360, "height": 900})
    tab.goto(f"{app_url}/{view}")
    assert _measured(tab) == []


_SLIDER_JS = """
() => {
  const chart = document.querySelector('.js-plotly-plot');
  const box = (e) => e.getBoundingClientRect().toJSON();
  const dates = Array.from(chart.querySelectorAll('.xaxislayer-above text'))
    .map(box).filter((b) => b.height > 0);
  const key = chart.querySelector('.legend .legendtext');
  return {chart: box(chart), slider: box(chart.querySelector('.rangeslider-bg')),
          lowestDate: Math.max(...dates.map((b) => b.bottom)), key: key ? box(key) : null,
          bottomMarginPx: chart._fullLayout._size.b, laidOutPx: chart.layout.margin.b};
}
"""


@pytest.mark.parametrize(
    "view",
    [
        "timeline?lineage=all",
        "timeline?lineage=all&lang=ja",  # "2020年" turned 30 degrees at this width
        "timeline?from=2024&to=2024&lineage=all&lang=ja",  # "2024年4月", the deepest
    ],
)
def test_timeline_range_slider_has_room_of_its_own(tab, app_url, view):
    """On a phone the slider sits under the date labels, above the dotted lines' key and
    inside the chart, in the room the figure laid out for it: plotly was not left to grow
    the bottom margin, which squeezed the panels and drew the figure twice."""
    tab.set_viewport_size({"width": 360, "height": 900})
    tab.goto(f"{app_url}/{view}")
    expect(tab.locator(".js-plotly-plot .rangeslider-bg").first).to_be_attached(timeout=40_000)
    tab.wait_for_timeout(600)
    found = tab.evaluate(_SLIDER_JS)
    slider = found["slider"]
    assert found["lowestDate"] <= slider["top"], found
    assert found["key"] is not None and slider["bottom"] <= found["key"]["top"], found
    assert slider["bottom"] <= found["chart"]["bottom"], found
    assert found["bottomMarginPx"] == found["laidOutPx"], found


@pytest.mark.parametrize("width", WIDTHS)
def test_published_embed_labels_fit(browser, site, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    with static_server(site) as base:
        for slug in PUBLISHED:
            page.goto(f"{base}/embed/{slug}.html")
            assert _measured(page, geo=slug.startswith("map")) == [], slug
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 1, f"{slug} scrolls sideways by {overflow}px"
    page.close()


@pytest.fixture(scope="module")
def views():
    dataset = load_dataset()
    normalized = normalize(dataset, base_year=BASE_YEAR)
    colours = company_colours(dataset.companies)
    return {
        "compare": compare_view(
            normalized,
            list(DEFAULT_ITEMS),
            base_year=BASE_YEAR,
            bases=bases(BASE_YEAR),
            company_colours=colours,
        ),
        "compare-4": compare_view(
            normalized,
            ["country:USA", "country:IND", "country:JPN", "country:GBR"],
            base_year=BASE_YEAR,
            bases=bases(BASE_YEAR),
            company_colours=colours,
        ),
        "timeline": timeline_view(
            normalized, Filter(lineage="all"), base_year=BASE_YEAR, colours=colours
        ),
        "country": country_view(normalized, "USA", base_year=BASE_YEAR, colours=colours),
        "map": map_view(normalized, Filter(basis="per_capita"), base_year=BASE_YEAR),
    }


@pytest.mark.parametrize("preset", list(PRESETS))
@pytest.mark.parametrize("kind", ["compare", "compare-4", "timeline", "country", "map"])
def test_exported_svg_keeps_every_label_inside(browser, views, tmp_path, kind, preset):
    """The SVG as downloaded: title and credit line inside its width, nothing overlapping."""
    view = views[kind]
    svg = image_bytes(view, as_of=AS_OF, fmt="svg", preset=preset).decode("utf-8")
    size = PRESETS[preset]
    (tmp_path / "image.html").write_text(
        "<!doctype html><html><body style='margin:0'>"
        f"<div class='js-plotly-plot' style='display:inline-block'>{svg}</div></body></html>",
        encoding="utf-8",
    )
    page = browser.new_page(viewport={"width": size.width_px, "height": 900})
    page.goto((tmp_path / "image.html").as_uri())
    boxes = measure(page)
    words = " ".join(b["words"] for b in boxes)
    assert view.text.title.split()[0] in words and "Source: company announcements" in words
    chart = page.evaluate("() => document.querySelector('svg').getBoundingClientRect().toJSON()")
    assert round(chart["width"]) == size.width_px
    if size.height_px:
        assert round(chart["height"]) == size.height_px
    assert problems(boxes) == []
    page.close()
