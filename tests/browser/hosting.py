"""A plain host page, as a newsroom CMS would serve one, for embed code pasted as is."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import subprocess
import threading
import urllib.request
from pathlib import Path

from tests.apprunner import ROOT, free_port, stop, wait_healthy

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@contextlib.contextmanager
def static_server(directory: Path):
    """Serve `directory` on a free loopback port (another origin than the app's)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def host_page(directory: Path, snippets: list[str], *, width_px: int) -> str:
    """Write a page holding each snippet in an article column `width_px` wide; its name."""
    frames = "\n".join(f'<div style="width:{width_px}px">{s}</div>' for s in snippets)
    name = f"host-{width_px}-{abs(hash(tuple(snippets))) % 10**8}.html"
    (directory / name).write_text(
        "<!doctype html><html><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'></head>"
        f"<body style='margin:0'>{frames}</body></html>",
        encoding="utf-8",
    )
    return name


@contextlib.contextmanager
def nginx_in_front(upstream_ports: list[int], work_dir, *, tls: bool = False):
    """deploy/nginx.conf rendered as docs/DEPLOY.md says, in front of the given ports; yields
    its plain HTTP/1.1 address, or with `tls` its HTTPS + HTTP/2 one (a throwaway certificate)."""
    port, tls_port = free_port(), free_port()
    cert, key = throwaway_certificate(work_dir)
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    conf = conf.replace("APP_UPSTREAMS", " ".join(f"server 127.0.0.1:{p};" for p in upstream_ports))
    conf = conf.replace("LISTEN_TLS", f"127.0.0.1:{tls_port}")
    conf = conf.replace("LISTEN", f"127.0.0.1:{port}")
    conf = conf.replace("TLS_CERT", str(cert)).replace("TLS_KEY", str(key))
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
        yield f"https://127.0.0.1:{tls_port}" if tls else url
    finally:
        stop(process)


def throwaway_certificate(work_dir) -> tuple:
    """A self-signed certificate for 127.0.0.1, valid for a day (openssl, as Debian ships it)."""
    cert, key = work_dir / "tls.crt", work_dir / "tls.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def upstream(url: str) -> str:
    """The replica that answered (deploy/nginx.conf's X-Tracker-Upstream header)."""
    with urllib.request.urlopen(url + "/", timeout=5) as response:
        return response.headers["X-Tracker-Upstream"]
