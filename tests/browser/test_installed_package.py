"""Installed as a newsroom would install it: a wheel (not editable) in a fresh virtual
environment, run from a directory that has nothing of the project in it. The command
line and the app must find the data and map shapes shipped inside the package."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import venv

import pytest
from playwright.sync_api import expect

from tests.apprunner import ROOT, free_port, stop, wait_healthy

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    work = tmp_path_factory.mktemp("install")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", work / "wheel", ROOT],
        check=True,
        capture_output=True,
    )
    wheel = next((work / "wheel").glob("*.whl"))
    venv.create(work / "venv", with_pip=True)
    python = work / "venv" / "bin" / "python"
    # --no-compile: byte-compiling every file of plotly, pandas and pyarrow is a third of
    # the install's time; Python compiles what it imports as it goes.
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-compile", wheel],
        check=True,
        capture_output=True,
    )
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("TRACKER_DATA_DIR", "INVESTMENTS_DATA_DIR", "PYTHONPATH", "VIRTUAL_ENV")
    }
    return python, elsewhere, env


def _run(installed, *args: str) -> subprocess.CompletedProcess:
    python, elsewhere, env = installed
    return subprocess.run(
        [python, "-m", "investments", *args],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_command_line_works_on_the_shipped_data(installed):
    python, elsewhere, _ = installed
    checked = _run(installed, "validate")
    assert checked.returncode == 0, checked.stderr
    assert "site-packages/investments/shipped_data: valid" in checked.stderr

    exported = _run(installed, "export", "--out", "all.csv")
    assert exported.returncode == 0, exported.stderr
    with (elsewhere / "all.csv").open(encoding="utf-8-sig") as f:
        assert len(list(csv.DictReader(f))) > 200

    published = _run(installed, "publish", "--out", "site")
    assert published.returncode == 0, published.stderr
    assert (elsewhere / "site" / "assets" / "topojson" / "world_110m.js").is_file()
    assert len(list((elsewhere / "site" / "embed").glob("map-*.html"))) == 4


def test_a_missing_data_folder_is_named(installed):
    missing = _run(installed, "export", "--data", "no-such-folder", "--out", "x.csv")
    assert missing.returncode != 0
    assert "no-such-folder" in missing.stdout + missing.stderr


def test_the_installed_app_draws_a_filled_map(installed, browser):
    python, elsewhere, env = installed
    port = free_port()
    process = subprocess.Popen(
        [
            python,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=elsewhere,
        env={**env, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url)
        page = browser.new_page()
        page.goto(url + "/map")
        shapes = page.locator("path.choroplethlocation")
        expect(shapes.first).to_be_attached(timeout=40_000)
        assert shapes.count() >= 40
        expect(page.locator("[data-testid='stException']")).to_have_count(0)
        expect(page.get_by_text("could not be loaded")).to_have_count(0)
        page.close()
    finally:
        stop(process)
