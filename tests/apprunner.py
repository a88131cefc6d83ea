"""Start and stop real app servers on loopback for browser, deployment and load tests."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

LOOPBACK = ("127.0.0.1", "localhost", "::1")
ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"  # Debian's; Playwright never downloads a browser here
# Without the background-networking flags Chromium tries to reach Google at start-up.
# The resolver rule makes every host but loopback unknown, so nothing can leave the machine
# even by accident; tests record such requests (`is_local`) instead of intercepting every
# request, which would turn off the browser's cache.
CHROMIUM_ARGS = [
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def is_local(url: str) -> bool:
    """Whether a request for `url` stays on this machine (loopback, files, inline data)."""
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "file", "about") or parts.hostname in LOOPBACK


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, *, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer /_stcore/health within {timeout_s} s")


def start_app(
    port: int, *, env: dict[str, str] | None = None, script: Path | None = None
) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script or ROOT / "serve.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **(env or {})},
    )


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@contextlib.contextmanager
def running_app(*, env: dict[str, str] | None = None, base_path: str = ""):
    """A fresh `streamlit run serve.py` on a free loopback port; yields its URL (with the
    `server.baseUrlPath` prefix when `base_path` is given, e.g. ".../tracker")."""
    port = free_port()
    if base_path:
        env = {**(env or {}), "STREAMLIT_SERVER_BASE_URL_PATH": base_path}
    process = start_app(port, env=env)
    url = f"http://127.0.0.1:{port}" + (f"/{base_path.strip('/')}" if base_path else "")
    try:
        wait_healthy(url)
        yield url
    finally:
        stop(process)
