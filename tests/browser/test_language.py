"""The language switch, where a reader uses it: in Chromium, with the address bar."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _open(browser, app_url, path, width=1280):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(app_url + path)
    expect(page.locator("[data-testid='stMainBlockContainer']").first).to_be_visible(timeout=30_000)
    page.wait_for_load_state("networkidle")
    return page


def test_switch_puts_japanese_in_the_address_and_keeps_it_across_pages(browser, app_url):
    page = _open(browser, app_url, "/map")
    page.get_by_role("radio", name="日本語").click()
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
