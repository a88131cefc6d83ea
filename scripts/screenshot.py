"""Screenshot pages of a running app with Debian's Chromium (no browser download).

Usage: python scripts/screenshot.py BASE_URL OUT_DIR [path ...]
Waits for charts to draw (map: a filled country path) before each shot.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.apprunner import CHROMIUM  # noqa: E402
from tests.apprunner import CHROMIUM_ARGS as ARGS  # noqa: E402


def main(base: str, out_dir: str, paths: list[str]) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for path in paths or ["/"]:
            page.goto(base.rstrip("/") + path)
            page.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=30_000)
            if page.locator("[data-testid='stPlotlyChart']").count():
                page.wait_for_selector(".main-svg", timeout=30_000)
            if path.startswith("/map"):
                page.wait_for_selector("path.choroplethlocation", timeout=30_000)
            page.wait_for_timeout(800)  # let plotly finish its transition before the shot
            # Streamlit scrolls inside its main block, so grow the viewport to the content.
            height = page.evaluate(
                "() => document.querySelector('[data-testid=\"stMain\"]')?.scrollHeight || 900"
            )
            page.set_viewport_size({"width": 1280, "height": min(int(height), 6000)})
            page.wait_for_timeout(500)
            name = path.strip("/").split("?")[0] or "overview"
            page.screenshot(path=str(out / f"{name}.png"))
            page.set_viewport_size({"width": 1280, "height": 900})
            print(out / f"{name}.png")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
