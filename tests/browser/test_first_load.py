"""A page's first load finds the app's root at once: no base-path probe (serve.py).

Without the hint, Streamlit's frontend opened at /map asks /map/_stcore/health, gets a 404,
waits and asks again one level up (docs/PERFORMANCE.md). Checked in the browser, at the
root and under a path prefix, on the pages a shared link lands on.
"""

import pytest

from tests.apprunner import running_app

pytestmark = pytest.mark.browser

PAGES = ("map", "compare", "country?iso3=JPN", "timeline?region=Asia")


def _asked_for_the_root(browser, url: str) -> list[str]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    for path in PAGES:
        page.goto(f"{url}/{path}")
        page.wait_for_selector(".main-svg .trace", state="attached", timeout=60_000)
    context.close()
    return [u for u in asked if "/_stcore/health" in u or "/_stcore/host-config" in u]


def test_pages_ask_for_the_root_once(browser, app_url):
    asked = _asked_for_the_root(browser, app_url)
    assert len(asked) == 2 * len(PAGES), asked  # health and host-config, once per load
    assert all(u.startswith(app_url + "/_stcore/") for u in asked), asked


def test_under_a_path_prefix_too(browser):
    with running_app(base_path="tracker") as url:
        asked = _asked_for_the_root(browser, url)
    assert len(asked) == 2 * len(PAGES), asked
    assert all(u.startswith(url + "/_stcore/") for u in asked), asked
