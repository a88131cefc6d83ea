"""A real app server on a free loopback port, and Debian's Chromium to look at it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apprunner import CHROMIUM, CHROMIUM_ARGS, running_app

STREAMLIT_BASE_PATH_PROBES = ("/_stcore/health", "/_stcore/host-config")


@pytest.fixture(scope="session")
def app_url():
    with running_app() as url:
        yield url


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    """`python -m investments publish --lang en,ja` of the shipped data: (folder, the
    English embeds' slugs; the Japanese ones are in ja/embed/)."""
    import datetime as dt

    from charts.publish import publish
    from investments.load import load_dataset

    out = tmp_path_factory.mktemp("site")
    written = publish(
        load_dataset(), out, base_year=2025, as_of=dt.date(2026, 11, 25), languages=("en", "ja")
    )
    return out, [p.stem for p in written if p.parent == out / "embed"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, app_url):
    """A page that records console errors and every request leaving loopback."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.external_requests = []
    page.failed_responses = []

    def _console(message):
        # Chromium logs every failed response as "Failed to load resource"; those are
        # checked by URL below, where the frontend's known probes can be told apart.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            page.console_errors.append(message.text)

    def _response(response):
        # Streamlit's frontend, opened at /map, first probes /map/_stcore/health and
        # /map/_stcore/host-config to discover its base path; those 404s are expected.
        if response.status >= 400 and not response.url.endswith(STREAMLIT_BASE_PATH_PROBES):
            page.failed_responses.append(f"{response.status} {response.url}")

    page.on("console", _console)
    page.on("response", _response)
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))

    def _route(route):
        host = route.request.url.split("/")[2] if "://" in route.request.url else ""
        if host.split(":")[0] in ("127.0.0.1", "localhost") or route.request.url.startswith(
            "data:"
        ):
            route.continue_()
        else:
            page.external_requests.append(route.request.url)
            route.abort()

    context.route("**/*", _route)
    yield page
    context.close()
