"""A real app server on a free loopback port, and Debian's Chromium to look at it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apprunner import CHROMIUM, CHROMIUM_ARGS, is_local, running_app

STREAMLIT_BASE_PATH_PROBES = ("/_stcore/health", "/_stcore/host-config")
DESKTOP = {"width": 1280, "height": 900}


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


@pytest.fixture(scope="session")
def _kept_tab(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def tab(_kept_tab):
    """One tab kept for the whole session, at 1280×900 and on a blank page when handed over.

    A reader moving from page to page keeps the app's scripts cached and compiled; a new
    tab compiles the 4.7 MB plotly bundle again (about a second per page on two cores).
    Tests of a first-time reader, a language or clipboard permissions open their own
    context instead.
    """
    tab = _kept_tab
    tab.set_viewport_size(DESKTOP)
    yield tab
    tab.goto("about:blank")


@pytest.fixture
def page(tab):
    """The kept tab, recording console errors, failed responses and every request that
    leaves loopback (Chromium resolves no other host: `CHROMIUM_ARGS`)."""
    tab.console_errors = []
    tab.external_requests = []
    tab.failed_responses = []

    def _console(message):
        # Chromium logs every failed response as "Failed to load resource"; those are
        # checked by URL below, where the frontend's known probes can be told apart.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            tab.console_errors.append(message.text)

    def _response(response):
        # Streamlit's frontend, opened at /map, first probes /map/_stcore/health and
        # /map/_stcore/host-config to discover its base path; those 404s are expected.
        if response.status >= 400 and not response.url.endswith(STREAMLIT_BASE_PATH_PROBES):
            tab.failed_responses.append(f"{response.status} {response.url}")

    def _request(request):
        if not is_local(request.url):
            tab.external_requests.append(request.url)

    listeners = {
        "console": _console,
        "response": _response,
        "request": _request,
        "pageerror": lambda e: tab.console_errors.append(str(e)),
    }
    for event, listener in listeners.items():
        tab.on(event, listener)
    yield tab
    for event, listener in listeners.items():
        tab.remove_listener(event, listener)
