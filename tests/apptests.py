"""Running a page of the real app in AppTest, with query parameters as a link would give."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")
HOME = "pages/overview.py"
PAGES = [
    HOME,
    "pages/map.py",
    "pages/timeline.py",
    "pages/compare.py",
    "pages/explore.py",
    "pages/sources.py",
    "pages/country.py",
    "pages/changes.py",
]


def run_page(page: str, query: dict[str, str] | None = None, *, timeout_s: float = 30) -> AppTest:
    """Open the app as a reader would (query first), then go to `page`."""
    at = AppTest.from_file(APP, default_timeout=timeout_s)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page != HOME:
        at.switch_page(page)
        at.run()
    return at
