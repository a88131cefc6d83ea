"""Every page runs on the shipped data without an exception and shows real data."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")

PAGES = [
    "pages/overview.py",
    "pages/map.py",
    "pages/timeline.py",
    "pages/compare.py",
    "pages/explore.py",
    "pages/sources.py",
]


def _run(page: str, query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page != PAGES[0]:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_clean(page):
    at = _run(page)
    assert not at.error, [e.value for e in at.error]
    assert at.title, "every page has a title"


def test_overview_shows_headline_figures():
    at = _run("pages/overview.py")
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Announcements"].replace(",", "")) >= 120
    assert int(metrics["Host countries"]) >= 40
    assert int(metrics["Companies"]) >= 7
    assert len(at.dataframe[0].value) == 12


@pytest.mark.parametrize("page", ["pages/map.py", "pages/timeline.py", "pages/overview.py"])
def test_chart_pages_draw_a_chart(page):
    at = _run(page)
    charts = at.get("plotly_chart")
    assert charts, "a plotly chart is on the page"
    assert "topojsonURL" in charts[0].proto.config, "maps fetch shapes from the app, not a CDN"


def test_compare_defaults_to_japan_and_australia():
    at = _run("pages/compare.py")
    assert [s.value for s in at.selectbox][:2] == ["JPN", "AUS"]
    text = " ".join(m.value for m in at.markdown).replace("\\", "")  # drop markdown escapes
    assert "US$2.9 billion" in text
    assert "A$5 billion" in text


def test_compare_ignores_unknown_country_in_url():
    at = _run("pages/compare.py", {"a": "<script>alert(1)</script>", "b": "AUS"})
    assert any("Ignored the link" in i.value for i in at.info)
    assert at.selectbox[0].value == "JPN"


def test_explore_filters_and_counts():
    at = _run("pages/explore.py")
    total = len(at.dataframe[0].value)
    at.multiselect[0].set_value(["microsoft"]).run()
    shown = at.dataframe[0].value
    assert 0 < len(shown) < total
    assert set(shown["Company"]) == {"Microsoft"}
    assert f"of {total:,} announcements" in at.markdown[0].value


def test_explore_empty_selection_disables_download():
    at = _run("pages/explore.py")
    at.multiselect[0].set_value(["microsoft"]).run()
    at.multiselect[1].set_value(["NGA"]).run()  # Microsoft has one Nigerian row
    at.multiselect[2].set_value(["manufacturing"]).run()  # … which is not manufacturing
    assert len(at.dataframe[0].value) == 0
    assert at.get("download_button")[0].proto.disabled


def test_sources_page_documents_every_column():
    at = _run("pages/sources.py")
    documented = set(at.dataframe[0].value["column"])
    from investments.export import EXPORT_COLUMNS

    assert set(EXPORT_COLUMNS) <= documented
