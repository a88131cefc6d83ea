"""Bad input gets a clear message and loses nothing (docs/RELIABILITY.md lists each case)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from charts.html import chart_page
from charts.views import map_view, timeline_view
from investments.filters import Filter
from investments.load import load_dataset
from investments.normalize import normalize
from investments.paths import DATA_DIR_VARIABLE
from investments.validate import validate_dir
from tests.apptests import PAGES, run_page

HOSTILE_VALUES = [
    "no-such-thing",
    "9" * 400,
    "x" * 5000,
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "é ü 中文 💥",
    "1e309",
    "-1",
    "%00",
]
HOSTILE_KEYS = [
    "company",
    "country",
    "region",
    "from",
    "to",
    "min_usd",
    "q",
    "basis",
    "lineage",
    "base_year",
    "items",
    "currency",
    "figures",
    "iso3",
    "peer",
    "selected",
    "unknown_key",
]


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def _unescaped_angle(markdown: str):
    """A "<" that markdown would treat as the start of a tag (not escaped with a backslash)."""
    return re.search(r"(?<!\\)<[A-Za-z/!]", markdown)


def _run(page: str, query: dict[str, str] | None = None) -> AppTest:
    return run_page(page, query)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=range(len(HOSTILE_VALUES)))
def test_hostile_url_values_give_notices_never_tracebacks(page, value):
    at = _run(page, {key: value for key in HOSTILE_KEYS})
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error
    assert at.info, "every ignored value is named in a notice"
    shown = " ".join(i.value for i in at.info)
    assert _unescaped_angle(shown) is None, "notices show data as escaped text"


def test_replaced_valid_file_is_picked_up(valid_dir, monkeypatch):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(valid_dir))
    at = _run("pages/explore.py", {"lineage": "all"})
    assert len(at.dataframe[0].value) == 4
    path = valid_dir / "investments.csv"
    path.write_text(
        path.read_text()
        + "microsoft-aus-2024-06,microsoft,AUS,,2024-06-01,1000000000,AUD,exact,,,skilling,announced,,,"
        'https://example.com/new,Example News,"It will invest A$1 billion.",en,,,,no,company,mixed,,,,,,,'
        "2026-11-25\n"
    )
    checks = valid_dir / "verifications.csv"
    checks.write_text(
        checks.read_text() + "microsoft-aus-2024-06,2026-11-25,test,curator,quote,found,test\n"
    )
    at = _run("pages/explore.py", {"lineage": "all"})
    assert len(at.dataframe[0].value) == 5
    assert not at.warning


BROKEN_FILES = [
    (
        "a validation error",
        lambda d: _edit(d / "investments.csv", "microsoft,JPN,", "microsoft,JPX,"),
        "investments.csv:2: country_iso3",
    ),
    (
        "a truncated file",
        lambda d: (d / "investments.csv").write_bytes((d / "investments.csv").read_bytes()[:-60]),
        "truncated",
    ),
    (
        "a wrong encoding",
        lambda d: (d / "companies.csv").write_bytes(
            (d / "companies.csv")
            .read_bytes()
            .replace(b"Microsoft Corporation", "Micrösoft".encode("latin-1"))
        ),
        "not valid UTF-8",
    ),
    (
        "duplicate ids",
        lambda d: _edit(d / "investments.csv", "microsoft-aus-2023-10,", "microsoft-jpn-2024-04,"),
        "duplicates line 2",
    ),
    ("an empty file", lambda d: (d / "investments.csv").write_text(""), "file is empty"),
    (
        "a missing file",
        lambda d: (d / "country_indicators.csv").unlink(),
        "country_indicators.csv: file is missing",
    ),
]


def _edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text().replace(old, new, 1))


@pytest.mark.parametrize(
    ("case", "breaker", "message"), BROKEN_FILES, ids=[b[0] for b in BROKEN_FILES]
)
def test_broken_file_keeps_last_good_data_with_a_banner(
    valid_dir, monkeypatch, case, breaker, message
):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(valid_dir))
    at = _run("pages/explore.py", {"lineage": "all"})
    assert len(at.dataframe[0].value) == 4
    breaker(valid_dir)
    assert validate_dir(valid_dir).problems, "validate reports it too"
    at = _run("pages/explore.py", {"lineage": "all"})
    assert not at.exception
    banner = at.warning[0].value.replace("\\", "")
    assert "Showing the last valid version" in banner and message in banner
    assert len(at.dataframe[0].value) == 4, "readers keep the last good rows"


# ------------------------------------------------------------------ hostile data text


def test_javascript_source_urls_are_refused(valid_dir):
    _edit(valid_dir / "investments.csv", "https://example.com/msft-japan", "javascript:alert(1)")
    assert any(
        "is not a well-formed http(s) URL" in str(p) for p in validate_dir(valid_dir).problems
    )


@pytest.mark.parametrize("page", PAGES)
def test_hostile_data_text_renders_as_text_on_every_page(hostile_dir, monkeypatch, page):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(hostile_dir))
    at = _run(
        page, {"lineage": "all"} if page in ("pages/explore.py", "pages/timeline.py") else None
    )
    assert not at.exception
    for element in [*at.markdown, *at.caption, *at.info, *at.warning]:
        raw = element.value
        assert _unescaped_angle(raw) is None, (
            f"{page}: markup reached markdown unescaped: {raw[:160]}"
        )


def test_hostile_data_text_is_escaped_in_embeds_and_published_pages(hostile_dir):
    normalized = normalize(load_dataset(hostile_dir), base_year=2024)
    for view in (
        map_view(normalized, Filter(), base_year=2024),
        timeline_view(normalized, Filter(lineage="all"), base_year=2024, colours={}),
    ):
        page = chart_page(
            view.width_variants(),
            view.text,
            as_of=dt.date(2026, 11, 25),
            self_contained=False,
            geo=view.is_geo,
        )
        assert "<script>alert" not in page and "<img src=x" not in page
    figure_json = timeline_view(
        normalized, Filter(lineage="all"), base_year=2024, colours={}
    ).figure.to_json()
    assert "<img src=x" not in figure_json, "hover text escapes data before plotly renders it"
    assert (
        "&lt;img src=x onerror=alert(&#x27;publisher&#x27;)&gt;" in figure_json
        or "&lt;img" in figure_json
    )
