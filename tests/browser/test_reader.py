"""The reader's edition, checked where readers meet it: in Chromium, on a phone and on a
desktop. Accessibility (axe-core, WCAG 2.1 AA), honest empty states, the money in every
label with its unit, Compare in the reader's currency, a labelled menu and filters."""

from __future__ import annotations

import re
from pathlib import Path

import axe_playwright_python
import pytest
from playwright.sync_api import expect

from tests.browser.app_state import settled

pytestmark = pytest.mark.browser

AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
PAGES = [
    "/",
    "/map",
    "/timeline",
    "/compare",
    "/explore",
    "/country?iso3=JPN",
    "/sources",
    "/changes",
    "/compare?embed=true",
    "/timeline?q=nothing-matches-this&lineage=all",
]
# Every page on a phone; on a desktop, the pages whose layout differs there.
CHECKS = [(path, 390) for path in PAGES] + [
    (path, 1280) for path in ("/", "/map", "/compare", "/explore", "/country?iso3=JPN")
]
BARE_SI = re.compile(r"^-?[\d.,]+\s?[kMGBT]$")  # "15B", "0.8T": a number without its unit
FALSE_PRECISION = re.compile(
    r"US\$[\d,]{3,}\.\d\d per person|\(s\)|\b\d+\.\d{4,} (billion|trillion)"
)


def _open(tab, app_url, path, width):
    tab.set_viewport_size({"width": width, "height": 900})
    tab.goto(app_url + path)
    settled(tab)
    return tab


@pytest.mark.parametrize(("path", "width"), CHECKS)
def test_no_serious_accessibility_violation(tab, app_url, path, width):
    page = _open(tab, app_url, path, width)
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | '))"""
    )
    assert violations == []
    text = page.inner_text("body")
    assert not FALSE_PRECISION.search(text), FALSE_PRECISION.search(text).group(0)


@pytest.mark.parametrize("path", ["/timeline", "/country?iso3=JPN", "/map", "/"])
def test_every_axis_label_has_its_unit(tab, app_url, path):
    page = _open(tab, app_url, path, 1280)
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=30_000)
    ticks = page.evaluate(
        "() => Array.from(document.querySelectorAll('.xtick text, .ytick text, .cbaxis text, "
        ".colorbar text')).map(t => t.textContent.trim()).filter(Boolean)"
    )
    assert not [t for t in ticks if BARE_SI.match(t)], ticks


def test_an_empty_view_offers_the_way_back(tab, app_url):
    page = _open(tab, app_url, "/timeline?q=nothing-matches-this", 390)
    expect(page.get_by_text("No pledges match this view")).to_be_visible()
    expect(page.locator(".js-plotly-plot")).to_have_count(0)
    expect(page.get_by_text("Share, embed or download this chart")).to_have_count(0)
    page.get_by_role("button", name="Show all pledges").click()
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=30_000)
    expect(page).not_to_have_url(re.compile(r"q=nothing"))


def test_an_unknown_page_says_so(tab, app_url):
    page = _open(tab, app_url, "/doesnotexist", 1280)
    expect(page.get_by_text("There is no page “doesnotexist”")).to_be_visible()


def test_compare_speaks_the_readers_currency(tab, app_url):
    page = _open(tab, app_url, "/compare?currency=JPY", 1280)
    sentence = page.get_by_text("Microsoft's A$5 billion for Australia (about ¥")
    expect(sentence.first).to_be_visible(timeout=30_000)
    expect(page.get_by_text("for Japan (about ¥").first).to_be_visible()


def test_a_phone_reader_finds_the_menu_the_amounts_and_the_filters(tab, app_url):
    page = _open(tab, app_url, "/explore?company=microsoft", 390)
    menu = page.locator("[data-testid='stExpandSidebarButton']")
    expect(menu).to_be_visible()
    assert (
        page.evaluate(
            "() => getComputedStyle(document.querySelector(\"[data-testid='stExpandSidebarButton']\"), '::after').content"
        )
        == '"Menu"'
    )
    expect(page.get_by_text("Filters · Microsoft")).to_be_visible()
    header = page.locator("[data-testid='stDataFrame'] [role='columnheader']")
    expect(header.first).to_be_attached(timeout=30_000)  # the grid draws after the run
    headers = header.all_inner_texts()
    assert headers[:2] == ["Amount as announced", "US$ at announcement"], headers

    page.goto(page.url.replace("/explore?company=microsoft", "/map"))
    chart = page.locator(".js-plotly-plot").first
    expect(chart).to_be_visible(timeout=30_000)
    filters = page.get_by_text("Filters ·")
    assert filters.bounding_box()["y"] > chart.bounding_box()["y"], "filters come after the chart"
    width = chart.bounding_box()["width"]
    assert width > 330, "the map fills the phone's width"


def test_keyboard_focus_is_visible(tab, app_url):
    page = _open(tab, app_url, "/", 1280)
    for _ in range(3):
        page.keyboard.press("Tab")
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); "
        "return [document.activeElement.tagName, s.outlineStyle, parseFloat(s.outlineWidth)]; }"
    )
    assert outline[1] != "none" and outline[2] >= 2, outline
