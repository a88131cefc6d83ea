"""deploy/nginx.conf in front of two app replicas: every page loads through it, and a
reader whose replica stops is served by the other after a reload."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.apprunner import ROOT, free_port, start_app, stop, wait_healthy

pytestmark = pytest.mark.browser
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PAGES = ["/", "/map", "/timeline", "/compare", "/explore", "/sources", "/country"]


@contextlib.contextmanager
def nginx_in_front(upstream_ports: list[int], work_dir):
    port = free_port()
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    conf = conf.replace("APP_UPSTREAMS", " ".join(f"server 127.0.0.1:{p};" for p in upstream_ports))
    conf = conf.replace("LISTEN", f"127.0.0.1:{port}")
    # Run unprivileged-style: every path nginx writes lives in the test's folder.
    conf = conf.replace(
        "http {",
        f"pid {work_dir}/nginx.pid;\nerror_log {work_dir}/error.log;\nhttp {{\n"
        f"    access_log off; client_body_temp_path {work_dir}/body; proxy_temp_path {work_dir}/proxy;\n"
        f"    fastcgi_temp_path {work_dir}/fcgi; uwsgi_temp_path {work_dir}/uwsgi; scgi_temp_path {work_dir}/scgi;",
        1,
    )
    (work_dir / "nginx.conf").write_text(conf)
    process = subprocess.Popen(
        [NGINX, "-c", str(work_dir / "nginx.conf"), "-p", str(work_dir), "-g", "daemon off;"]
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, timeout_s=20)
        yield url
    finally:
        stop(process)


def _upstream(url: str) -> str:
    with urllib.request.urlopen(url + "/", timeout=5) as response:
        return response.headers["X-Tracker-Upstream"]


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
                "Country profile"
            )

            serving = int(_upstream(url).rsplit(":", 1)[1])
            stop(replicas[serving])
            page.goto(url + "/map")
            expect(page.locator("path.choroplethlocation").first).to_be_attached(timeout=30_000)
            other = int(_upstream(url).rsplit(":", 1)[1])
            assert other != serving, "the reader is now served by the other replica"
        assert page.external_requests == []
    finally:
        for process in replicas.values():
            stop(process)
