"""deploy/nginx.conf in front of two app replicas: every page loads through it, and a
reader whose replica stops is served by the other after a reload."""

from __future__ import annotations

import re
import shutil
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.apprunner import free_port, start_app, stop, wait_healthy
from tests.browser.hosting import NGINX, nginx_in_front, upstream

pytestmark = pytest.mark.browser
PAGES = ["/", "/map", "/timeline", "/compare", "/explore", "/sources", "/country"]


@pytest.mark.skipif(
    not shutil.which("nginx") and not __import__("os").path.exists(NGINX), reason="needs nginx"
)
def test_two_replicas_behind_nginx(page, tmp_path):
    secret = {"STREAMLIT_SERVER_COOKIE_SECRET": "test-shared-secret-for-both-replicas"}
    ports = [free_port(), free_port()]
    replicas = {p: start_app(p, env=secret) for p in ports}
    try:
        for p in ports:
            wait_healthy(f"http://127.0.0.1:{p}")
        with nginx_in_front(ports, tmp_path) as url:
            for path in PAGES:
                page.goto(url + path)
                expect(page.locator("[data-testid='stMainBlockContainer'] h1").first).to_be_visible(
                    timeout=30_000
                )
                expect(page.locator("[data-testid='stException']")).to_have_count(0)
            expect(page.locator("[data-testid='stMainBlockContainer'] h1").first).to_have_text(
                re.compile("Big-tech pledges to Japan")
            )

            serving = int(upstream(url).rsplit(":", 1)[1])
            stop(replicas[serving])
            page.goto(url + "/map")
            expect(page.locator("path.choroplethlocation").first).to_be_attached(timeout=30_000)
            other = int(upstream(url).rsplit(":", 1)[1])
            assert other != serving, "the reader is now served by the other replica"
        assert page.external_requests == []
    finally:
        for process in replicas.values():
            stop(process)


@pytest.mark.skipif(
    not shutil.which("nginx") and not __import__("os").path.exists(NGINX), reason="needs nginx"
)
def test_https_listener_speaks_http2_with_cache_headers(browser, tmp_path):
    """deploy/nginx.conf's HTTPS listener: the page, its scripts and the websocket work over
    HTTP/2; hashed bundles are immutable for a year, the app's own files for an hour."""
    port = free_port()
    replica = start_app(port)
    try:
        wait_healthy(f"http://127.0.0.1:{port}")
        with nginx_in_front([port], tmp_path, tls=True) as url:
            context = browser.new_context(ignore_https_errors=True)
            page = context.new_page()
            headers = {}
            page.on("response", lambda r: headers.setdefault(urlsplit(r.url).path, r.headers))
            page.goto(url + "/map")
            expect(page.locator("path.choroplethlocation").first).to_be_attached(timeout=30_000)
            protocol = page.evaluate(
                "performance.getEntriesByType('navigation')[0].nextHopProtocol"
            )
            context.close()
    finally:
        stop(replica)
    assert protocol == "h2"
    bundles = [p for p in headers if p.startswith("/static/js/")]
    assert bundles and all(
        "immutable" in headers[p]["cache-control"]
        and "max-age=31536000" in headers[p]["cache-control"]
        for p in bundles
    )
    assert (
        headers["/app/static/topojson/world_110m.json"]["cache-control"] == "public, max-age=3600"
    )
