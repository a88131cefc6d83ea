"""A broken data file gives a clear banner on the page, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from investments.paths import DATA_DIR_VARIABLE

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def _run(page: str = "pages/explore.py") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page(page)
    at.run()
    return at


def _break(data_dir: Path) -> None:
    path = data_dir / "investments.csv"
    path.write_text(path.read_text().replace("microsoft,JPN,", "microsoft,JPX,"))


def test_broken_data_shows_error_naming_file_line_column(valid_dir, monkeypatch):
    _break(valid_dir)
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(valid_dir))
    at = _run()
    assert not at.exception
    shown = at.error[0].value.replace("\\", "")  # drop markdown escapes
    assert (
        "investments.csv:2: country_iso3: 'JPX' is not an ISO 3166-1 alpha-3 country code" in shown
    )


def test_last_good_data_is_kept_when_files_break(valid_dir, monkeypatch):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(valid_dir))
    at = _run()
    assert len(at.dataframe[0].value) == 3  # latest pledge per lineage
    _break(valid_dir)
    at = _run()
    assert not at.exception
    assert "Showing the last valid version" in at.warning[0].value
    assert len(at.dataframe[0].value) == 3, "readers keep the last good rows"
