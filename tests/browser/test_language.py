"""The language switch, where a reader uses it: in Chromium, with the address bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.app_state import settled

pytestmark = pytest.mark.browser


def _open(browser, app_url, path, width=1280):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(app_url + path)
    settled(page)
    return page


def test_switch_puts_japanese_in_the_address_and_keeps_it_across_pages(browser, app_url):
    page = _open(browser, app_url, "/map")
    page.get_by_role("link", name="日本語").click()
    expect(page.get_by_role("link", name="概要")).to_be_visible(timeout=15_000)
    page.wait_for_url("**lang=ja**", timeout=15_000)
    page.get_by_role("link", name="概要").click()
    expect(page.get_by_role("heading", name="ビッグテック投資トラッカー")).to_be_visible(
        timeout=15_000
    )
    page.wait_for_url("**lang=ja**", timeout=15_000)
    # The address as it stands reproduces the view in a fresh browser.
    copied = page.url
    page.close()
    fresh = _open(browser, "", copied, width=390)
    expect(fresh.get_by_role("heading", name="ビッグテック投資トラッカー")).to_be_visible()
    assert "円" in fresh.inner_text("body") or "ドル" in fresh.inner_text("body")
    fresh.close()


def test_the_page_says_its_language_as_the_reader_switches(browser, app_url):
    """Screen readers pick their voice, and Chromium its Japanese line breaks, from
    <html lang>; Streamlit's HTML says "en" whatever the page shows."""
    page = _open(browser, app_url, "/timeline", width=360)
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "en")
    page.get_by_role("link", name="日本語").click()
    expect(page.get_by_role("heading", name="投資表明の時期")).to_be_visible(timeout=15_000)
    expect(html).to_have_attribute("lang", "ja")
    title = page.get_by_role("heading", name="投資表明の時期")
    assert title.evaluate("h => getComputedStyle(h).wordBreak") == "auto-phrase"
    page.get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", name="When the pledges were made")).to_be_visible(
        timeout=15_000
    )
    expect(html).to_have_attribute("lang", "en")
    page.close()
    fresh = _open(browser, app_url, "/?lang=ja", width=360)  # the root, from a shared link
    expect(fresh.locator("html")).to_have_attribute("lang", "ja")
    fresh.close()


def test_explicit_lang_beats_the_browser_language(browser, app_url):
    context = browser.new_context(locale="ja-JP", extra_http_headers={"Accept-Language": "ja"})
    page = context.new_page()
    page.goto(app_url + "/?lang=en")
    expect(page.get_by_role("heading", name="Big Tech Investment Tracker")).to_be_visible(
        timeout=30_000
    )
    page.goto(app_url + "/")
    expect(page.get_by_role("heading", name="ビッグテック投資トラッカー")).to_be_visible(
        timeout=30_000
    )
    context.close()


def test_japanese_embed_code_from_the_share_panel_frames_a_japanese_chart(
    browser, app_url, tmp_path
):
    """A Japanese journalist copies the embed code from /compare?lang=ja and pastes it into
    a plain page: the framed chart speaks Japanese, title to credit line."""
    from tests.browser.hosting import host_page, static_server

    page = _open(browser, app_url, "/compare?lang=ja")
    expect(page.locator("[data-testid='stPlotlyChart'] .main-svg").first).to_be_visible(
        timeout=40_000
    )
    page.get_by_text("このグラフを共有・埋め込み・ダウンロード").click()
    code = page.locator(".st-key-compare-share [data-testid='stCode']").nth(1)
    expect(code).to_contain_text("<iframe", timeout=20_000)
    snippet = code.inner_text()
    page.close()
    assert "lang=ja" in snippet
    host = host_page(tmp_path, [snippet], width_px=390)
    viewer = browser.new_page(viewport={"width": 500, "height": 900})
    with static_server(tmp_path) as base:
        viewer.goto(f"{base}/{host}")
        frame = viewer.frame_locator("iframe")
        expect(frame.locator("h3")).to_contain_text("マイクロソフト", timeout=40_000)
        expect(frame.locator(".main-svg").first).to_be_visible(timeout=40_000)
        caption = frame.locator("[data-testid='stCaptionContainer']").last
        expect(caption).to_contain_text("出典：企業発表")
        expect(caption).to_contain_text("データを入手")
        assert "倍" in frame.locator("body").inner_text()  # the comparison sentence
    viewer.close()


def test_published_japanese_chart_reached_from_the_index(browser, published_site):
    """`publish --lang en,ja`: from the English index a reader follows 日本語, then a
    chart; the page is marked lang="ja", draws, and its words and credit are Japanese."""
    from tests.browser.hosting import static_server

    page = browser.new_page(viewport={"width": 390, "height": 900})
    with static_server(published_site[0]) as base:
        page.goto(f"{base}/index.html")
        page.get_by_role("link", name="日本語").click()
        expect(page.locator("h1")).to_contain_text("埋め込み用グラフ")
        page.locator("a[href^='embed/compare-']").first.click()
        expect(page.locator("html")).to_have_attribute("lang", "ja")
        expect(page.locator(".main-svg").first).to_be_visible(timeout=30_000)
        expect(page.locator("h1")).to_contain_text("マイクロソフトの日本への投資（29億ドル）")
        expect(page.locator(".sentence")).to_contain_text("1.1倍")
        expect(page.locator("figcaption")).to_contain_text("データは2026年11月25日現在")
        expect(page.locator("figcaption a")).to_have_text("データを入手")
        assert "Source:" not in page.locator("body").inner_text()
    page.close()


def test_japanese_png_downloaded_from_the_share_panel(browser, app_url):
    """The PNG a reader downloads from /map?lang=ja is a real image laid out for its
    preset (its Japanese words were looked at: docs/screenshots/ja-map-article.png)."""
    import struct

    page = _open(browser, app_url, "/map?lang=ja")
    expect(page.locator("[data-testid='stPlotlyChart'] .main-svg").first).to_be_visible(
        timeout=40_000
    )
    page.get_by_text("このグラフを共有・埋め込み・ダウンロード").click()
    settled(page)  # the panel's run is over: a click during it could be lost to the rerun
    button = page.locator(".st-key-map-png button")
    expect(button).to_be_enabled(timeout=20_000)
    with page.expect_download(timeout=90_000) as info:
        button.click()
    payload = Path(info.value.path()).read_bytes()
    page.close()
    assert payload[:8] == b"\x89PNG\r\n\x1a\n"
    width, _height = struct.unpack(">II", payload[16:24])
    assert width == 1200  # the article preset: 600 CSS px at 2x
