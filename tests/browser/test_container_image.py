"""The project's Dockerfile, built unchanged and run as a newsroom would run it.

`make image-test` (not part of `make test`: a build takes about three minutes and 15 GB
of scratch space). Uses Debian's podman with runc; no container registry is reachable
here, so the Dockerfile's base image, python:3.11-slim-bookworm, is a stand-in built from
Debian's own packages and tagged with that name (tests/container/). Checked:

- the image holds only what .dockerignore lets in, and runs as the non-root user;
- its health check passes; it runs with a read-only root file system, as the
  Kubernetes example runs it;
- /, /map and /compare draw in Chromium, the map filled, no request leaving the machine;
- two containers behind deploy/nginx.conf: the reader's container stops, a reload is
  served by the other.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.apprunner import ROOT, free_port, wait_healthy
from tests.browser.hosting import nginx_in_front, upstream

pytestmark = [pytest.mark.browser, pytest.mark.image]

PODMAN = [
    "podman",
    "--runtime",
    "runc",  # crun: "cgroups in hybrid mode not supported" on these machines
    "--storage-driver",
    "vfs",
    "--cgroup-manager",
    "cgroupfs",
]
LIMITS = ["--ulimit", "nofile=20000:20000", "--ulimit", "nproc=4096:4096"]
BASE = "localhost/python:3.11-slim-bookworm"  # the Dockerfile's FROM, resolved locally
DEBIAN = "localhost/debian:bookworm-min"
IMAGE = "localhost/big-tech-investment-tracker:image-test"
SECRET = secrets.token_hex(16)  # shared by both replicas, as docs/DEPLOY.md says


def podman(*args: str, check: bool = True, timeout: float = 900) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [*PODMAN, *args], check=False, capture_output=True, text=True, timeout=timeout
    )
    if check and done.returncode:
        raise AssertionError(f"podman {' '.join(args[:3])}… failed:\n{done.stderr[-2000:]}")
    return done


def _mirror() -> str:
    sources = Path("/etc/apt/sources.list.d/debian.sources")
    if sources.exists():
        for line in sources.read_text().splitlines():
            if line.startswith("URIs:"):
                return line.split()[1]
    return "http://deb.debian.org/debian"


def _ensure_stand_in_base() -> None:
    if podman("image", "exists", BASE, check=False).returncode == 0:
        return
    with tempfile.TemporaryDirectory() as work:
        rootfs = Path(work) / "rootfs"
        subprocess.run(
            ["debootstrap", "--variant=minbase", "bookworm", str(rootfs), _mirror()],
            check=True,
            capture_output=True,
        )
        tar = subprocess.Popen(["tar", "-C", str(rootfs), "-c", "."], stdout=subprocess.PIPE)
        subprocess.run([*PODMAN, "import", "-", DEBIAN], stdin=tar.stdout, check=True)
        tar.wait()
        context = Path(work) / "context"
        context.mkdir()
        shutil.copy(
            ROOT / "tests" / "container" / "stand-in-base.Containerfile", context / "Containerfile"
        )
        shutil.copy("/etc/ssl/certs/ca-certificates.crt", context / "host-ca.crt")
        podman("build", "--network", "host", *LIMITS, "-t", BASE, str(context))


@pytest.fixture(scope="module")
def image():
    if not shutil.which("podman") or not shutil.which("debootstrap"):
        pytest.fail("needs podman, runc and debootstrap: make image-test installs them")
    _ensure_stand_in_base()
    started = time.monotonic()
    podman(
        "build",
        "--format",
        "docker",  # OCI images drop HEALTHCHECK
        "--pull=never",
        "--network",
        "host",
        *LIMITS,
        "-t",
        IMAGE,
        str(ROOT),
        timeout=1800,
    )
    size = podman("image", "inspect", "--format", "{{.Size}}", IMAGE).stdout.strip()
    print(f"\nimage built in {time.monotonic() - started:.0f} s, {int(size) / 1e6:.0f} MB")
    yield IMAGE
    podman("rmi", "-f", IMAGE, check=False)
    podman("image", "prune", "-f", check=False)


@contextlib.contextmanager
def container(image: str, name: str):
    """One container as docs/DEPLOY.md runs it: the shared cookie secret, a read-only
    root file system with /tmp and the home folder writable; yields its URL."""
    port = free_port()
    podman("rm", "-f", name, check=False)
    podman(
        "run",
        "-d",
        "--name",
        name,
        "-p",
        f"127.0.0.1:{port}:8501",
        "-e",
        f"STREAMLIT_SERVER_COOKIE_SECRET={SECRET}",
        "--read-only",
        "--tmpfs",
        "/tmp",  # noqa: S108 (inside the container)
        "--tmpfs",
        "/home/tracker:mode=1777",
        *LIMITS,
        image,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, timeout_s=90)
        yield url
    finally:
        podman("rm", "-f", name, check=False)


RENDER_PNG = """
import datetime as dt
from charts.images import image_bytes
from charts.views import map_view
from investments.filters import Filter
from investments.load import load_dataset
from investments.normalize import normalize
view = map_view(normalize(load_dataset(), base_year=2025), Filter(), base_year=2025)
png = image_bytes(view, as_of=dt.date.today(), fmt="png", preset="social")
size = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
print(f"{png[1:4].decode()} {size[0]}x{size[1]}")
"""


def _offline_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.external_requests = []

    def route(request_route):
        host = request_route.request.url.split("/")[2].split(":")[0]
        if host in ("127.0.0.1", "localhost"):
            request_route.continue_()
        else:
            page.external_requests.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    return context, page


def test_image_holds_the_app_only_and_runs_as_non_root(image):
    listing = podman("run", "--rm", *LIMITS, image, "ls", "-A", "/app").stdout.split()
    assert set(listing) == {
        ".streamlit", "LICENSE", "README.md", "app.py", "data", "pages", "pyproject.toml",
        "serve.py", "src", "static",
    }  # fmt: skip
    assert (
        podman("image", "inspect", "--format", "{{.Config.User}}", image).stdout.strip()
        == "tracker"
    )
    assert podman("run", "--rm", *LIMITS, image, "id", "-u").stdout.strip() == "10001"


def test_container_is_healthy_and_draws_its_pages(image, browser):
    with container(image, "tracker-image-test") as url:
        health = podman("healthcheck", "run", "tracker-image-test", check=False)
        assert health.returncode == 0, health.stdout + health.stderr
        # A PNG download renders in the container's Chromium, with its root read-only.
        png = podman("exec", "tracker-image-test", "python", "-c", RENDER_PNG, timeout=120)
        assert png.stdout.strip() == "PNG 1200x675"
        context, page = _offline_page(browser)
        for path in ("/", "/map", "/compare"):
            page.goto(url + path)
            expect(page.locator("[data-testid='stPlotlyChart'] .main-svg").first).to_be_visible(
                timeout=60_000
            )
            expect(page.locator("[data-testid='stException']")).to_have_count(0)
            expect(page.get_by_text("could not be")).to_have_count(0)
            if path == "/map":
                shapes = page.locator("path.choroplethlocation")
                expect(shapes.first).to_be_attached(timeout=60_000)
                assert shapes.count() >= 40
        assert page.external_requests == []
        context.close()


def test_two_containers_behind_nginx_survive_losing_one(image, browser, tmp_path):
    with (
        container(image, "tracker-replica-a") as a,
        container(image, "tracker-replica-b") as b,
    ):
        names = {
            int(a.rsplit(":", 1)[1]): "tracker-replica-a",
            int(b.rsplit(":", 1)[1]): "tracker-replica-b",
        }
        with nginx_in_front(list(names), tmp_path) as url:
            context, page = _offline_page(browser)
            page.goto(url + "/map")
            expect(page.locator("path.choroplethlocation").first).to_be_attached(timeout=60_000)
            serving = int(upstream(url).rsplit(":", 1)[1])
            podman("stop", "-t", "5", names[serving])
            page.reload()
            expect(page.locator("path.choroplethlocation").first).to_be_attached(timeout=60_000)
            other = int(upstream(url).rsplit(":", 1)[1])
            assert other != serving, "the reader is now served by the other container"
            with urllib.request.urlopen(url + "/_stcore/health", timeout=5) as response:
                assert response.read() == b"ok"
            assert page.external_requests == []
            context.close()


def test_no_container_is_left_running(image):
    del image
    running = podman("ps", "--format", "{{.Names}}").stdout.split()
    assert not [n for n in running if n.startswith("tracker-")]
