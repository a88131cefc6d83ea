"""Embeds as a newsroom uses them: framed in a plain page at phone to desktop widths,
published as static files, downloaded as one HTML file and opened offline."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from charts.html import chart_page
from charts.views import map_view
from investments.filters import Filter
from investments.load import load_dataset
from investments.normalize import normalize
from tests.browser.hosting import host_page, static_server

pytestmark = pytest.mark.browser
WIDTHS = (360, 1200)
AS_OF = dt.date(2026, 11, 25)
LIVE_VIEWS = (
    "map?basis=per_capita",
    "compare",
    "timeline?company=microsoft,amazon",
    "country?iso3=AUS",
)


@pytest.fixture(scope="module")
def site(published_site):
    return published_site


def _published_snippets(page, base: str, slugs: list[str]) -> list[str]:
    """The embed code of each chart, copied from the published index page."""
    page.goto(f"{base}/index.html")
    snippets = []
    for slug in slugs:
        item = page.locator("li", has=page.locator(f"a[href='embed/{slug}.html']"))
        item.locator("summary").click()
        snippets.append(item.locator("code").inner_text())
    return snippets


def _check_frames(page, *, expect_map: bool) -> None:
    frames = [f for f in page.frames if f != page.main_frame]
    assert frames, "the host page has iframes"
    for frame in frames:
        svg = frame.locator(".main-svg").first
        expect(svg).to_be_visible(timeout=30_000)
        if expect_map:
            expect(frame.locator("path.choroplethlocation").first).to_be_attached(timeout=30_000)
        overflow = frame.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, f"{frame.url} overflows by {overflow}px"


@pytest.mark.parametrize("width", WIDTHS)
def test_published_embeds_fit_every_width(page, site, width):
    out, slugs = site
    chosen = (
        [s for s in slugs if s.startswith("map-")][:1]
        + ["country-jpn"]
        + [s for s in slugs if s.startswith("compare-")]
    )
    with static_server(out) as base:
        host = host_page(out, _published_snippets(page, base, chosen), width_px=width)
        page.goto(f"{base}/{host}")
        _check_frames(page, expect_map=False)
        heights = page.evaluate(
            "() => Array.from(document.querySelectorAll('iframe')).map(f => f.offsetHeight)"
        )
        docs = [f.evaluate("() => document.documentElement.scrollHeight") for f in page.frames[1:]]
        for height, doc in zip(heights, docs, strict=True):
            assert height >= doc - 2, "the resizer grew the iframe to its content"
    assert page.console_errors == []
    assert page.external_requests == []
    assert page.failed_responses == []


def test_every_kind_of_published_embed_draws(page, site):
    """The index lists every embed; each kind draws (every map, the timeline, Compare and
    a spread of country profiles: all are the same template)."""
    out, slugs = site
    countries = [s for s in slugs if s.startswith("country-")]
    sample = [s for s in slugs if not s.startswith("country-")] + countries[
        :: max(len(countries) // 6, 1)
    ]
    with static_server(out) as base:
        page.goto(f"{base}/index.html")
        expect(page.locator("li")).to_have_count(len(slugs))
        for slug in sample:
            page.goto(f"{base}/embed/{slug}.html")
            expect(page.locator(".main-svg").first).to_be_visible(timeout=30_000)
            if slug.startswith("map-"):
                expect(page.locator("path.choroplethlocation").first).to_be_attached(timeout=30_000)
            expect(page.locator("figcaption")).to_contain_text("Source: company announcements")
            if slug.startswith("compare-"):  # the page's quotable sentence travels with it
                expect(page.locator(".sentence")).to_contain_text("times its US$2.9 billion")
    assert page.console_errors == []
    assert page.external_requests == []


@pytest.fixture(scope="module")
def live_snippets(browser, app_url):
    """The embed code of four views, as their share panels show it."""
    snippets = []
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for view in LIVE_VIEWS:
        page.goto(f"{app_url}/{view}")
        expect(page.locator("[data-testid='stPlotlyChart'] .main-svg").first).to_be_visible(
            timeout=40_000
        )
        page.get_by_text("Share, embed or download this chart").click()
        key = view.split("?")[0]
        code = page.locator(f".st-key-{key}-share [data-testid='stCode']").nth(1)
        expect(code).to_contain_text("<iframe", timeout=20_000)
        snippets.append(code.inner_text())
    page.close()
    return snippets


@pytest.mark.parametrize("width", WIDTHS)
def test_live_app_embeds_fit_every_width(page, live_snippets, tmp_path, width):
    host = host_page(tmp_path, live_snippets, width_px=width)
    with static_server(tmp_path) as base:
        page.goto(f"{base}/{host}")
        _check_frames(page, expect_map=False)
        for frame in page.frames[1:]:
            expect(frame.locator("[data-testid='stSidebar']")).to_have_count(0)
            expect(frame.locator("[data-testid='stCaptionContainer']").last).to_contain_text(
                "Get the data"
            )
    assert page.external_requests == []
    assert page.console_errors == []


def test_downloaded_html_draws_offline(browser, tmp_path):
    """One file, opened from disk with every request refused: the map still draws."""
    normalized = normalize(load_dataset(), base_year=2025)
    view = map_view(normalized, Filter(), base_year=2025)
    path = tmp_path / "map.html"
    path.write_text(
        chart_page(view.width_variants(), view.text, as_of=AS_OF, self_contained=True, geo=True)
    )
    context = browser.new_context()
    requested = []

    def refuse(route):
        if not route.request.url.startswith("file://"):
            requested.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", refuse)
    page = context.new_page()
    page.goto(path.as_uri())
    expect(page.locator("path.choroplethlocation").first).to_be_attached(timeout=30_000)
    assert page.locator("path.choroplethlocation").count() >= 40
    expect(page.locator("h1")).to_have_text(view.text.title)
    assert requested == []
    context.close()


def test_published_folder_opened_from_disk_draws_its_maps(browser, site):
    """A journalist double-clicks the folder's files before uploading them: no server."""
    out, slugs = site
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    requested = []

    def refuse(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            requested.append(route.request.url)
            route.abort()

    context.route("**/*", refuse)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    maps = [s for s in slugs if s.startswith("map-")]
    assert len(maps) == 4
    for slug in maps:
        page.goto((out / "embed" / f"{slug}.html").as_uri())
        shapes = page.locator("path.choroplethlocation")
        expect(shapes.first).to_be_attached(timeout=30_000)
        assert shapes.count() >= 40, slug
    page.goto((out / "index.html").as_uri())
    titles = page.locator("li h2").all_inner_texts()
    assert len(titles) == len(slugs) and len(set(titles)) == len(titles), "distinct titles"
    assert requested == [] and errors == []
    context.close()
