"""What only a browser shows: charts drawn, map filled from local shapes, nothing external."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.app_state import settled

pytestmark = pytest.mark.browser

PAGES = ["/", "/map", "/timeline", "/compare", "/explore", "/sources", "/changes"]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_offline_without_errors(page, app_url, path):
    page.goto(app_url + path)
    expect(page.locator("[data-testid='stMainBlockContainer'] h1").first).to_be_visible(
        timeout=30_000
    )
    if path in ("/", "/map", "/timeline"):
        expect(page.locator("[data-testid='stPlotlyChart'] .main-svg").first).to_be_visible(
            timeout=30_000
        )
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
    assert page.external_requests == []
    assert page.console_errors == []
    assert page.failed_responses == []


def test_map_draws_countries_from_local_shapes(page, app_url):
    page.goto(app_url + "/map")
    countries = page.locator("path.choroplethlocation")
    expect(countries.first).to_be_attached(timeout=30_000)
    assert countries.count() >= 40
    assert page.external_requests == []


def test_first_reader_after_start_gets_the_app_not_a_bare_page(browser):
    """A fresh server's first request for /map must run app.py (menu, page config)."""
    from tests.apprunner import running_app

    with running_app() as url:
        page = browser.new_page()
        page.goto(url + "/map")
        expect(page.locator("path.choroplethlocation").first).to_be_attached(timeout=30_000)
        menu = page.locator("[data-testid='stTopNav']")
        expect(menu).to_contain_text("Sources & methodology")
        expect(menu).not_to_contain_text("overview")  # the bare file names of pages/
        expect(page.locator("[data-testid='stSidebarNav']")).to_have_count(0)
        page.close()


def test_copied_explore_url_shows_the_same_rows(page, app_url):
    """A URL copied from the address bar reproduces the filtered table."""
    from investments.filters import Filter
    from investments.load import load_dataset
    from investments.normalize import normalize
    from investments.prices import latest_complete_year

    normalized = normalize(load_dataset(), base_year=latest_complete_year())
    expected = len(
        Filter(companies=("amazon",), regions=("Asia",), lineage="all").apply(normalized)
    )

    page.goto(app_url + "/explore?company=amazon&region=Asia&lineage=all")
    count = page.locator("[data-testid='stMarkdownContainer'] strong").first
    expect(count).to_have_text(str(expected), timeout=30_000)
    # The app rewrote nothing: the address still holds the view.
    assert "company=amazon" in page.url and "region=Asia" in page.url and "lineage=all" in page.url
    assert page.external_requests == []


def test_filter_change_updates_the_address(page, app_url):
    page.goto(app_url + "/map")
    expect(page.locator("path.choroplethlocation").first).to_be_attached(timeout=30_000)
    page.get_by_text("Filters ·").click()  # the section after the chart, collapsed
    page.get_by_text("US$ per person").click()
    expect(page).to_have_url(re.compile(r"basis=per_capita"), timeout=15_000)


def test_hostile_data_never_runs_in_the_browser(browser, hostile_dir):
    """Rows whose text holds <script>, <img onerror> and inline handlers show as text."""
    from tests.apprunner import running_app

    with running_app(env={"INVESTMENTS_DATA_DIR": str(hostile_dir)}) as url:
        context = browser.new_context()
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in (
            "/",
            "/explore?lineage=all",
            "/timeline?lineage=all",
            "/compare",
            "/country?iso3=JPN",
            "/sources",
            "/map?selected=JPN",
        ):
            page.goto(url + path)
            expect(page.locator("[data-testid='stMainBlockContainer'] h1").first).to_be_visible(
                timeout=30_000
            )
            settled(page)
            assert page.locator("img[onerror], [onmouseover]").count() == 0, path
        assert dialogs == []
        context.close()


def test_the_figures_link_switches_the_basis_and_keeps_the_view(page, app_url):
    """The comparable/headline link under a chart, clicked as a reader clicks it: the
    address gains or loses `figures=headline` and keeps every other parameter."""
    page.goto(app_url + "/map?region=Asia&basis=per_capita")
    expect(page.locator("path.choroplethlocation").first).to_be_attached(timeout=30_000)
    page.get_by_role("link", name="Show headline figures (as announced)").click()
    expect(page).to_have_url(re.compile(r"figures=headline"), timeout=15_000)
    expect(page.get_by_text("Headline figures", exact=False).first).to_be_visible()
    assert "region=Asia" in page.url and "basis=per_capita" in page.url
    expect(page.locator("path.choroplethlocation").first).to_be_attached(timeout=30_000)
    page.get_by_role("link", name="Show comparable figures (each company's own new money)").click()
    expect(page).not_to_have_url(re.compile(r"figures="), timeout=15_000)
    assert "region=Asia" in page.url and "basis=per_capita" in page.url
    assert page.external_requests == [] and page.console_errors == []
