"""The dataset as pages get it: loaded once per data version, last good version kept.

If the files on disk become invalid while the app runs, readers keep seeing the last
version that validated, under a banner that names the problems, instead of an error page.
The banner speaks the reader's language; the problems themselves are the validator's
`file:line: column: message` lines, in English, for whoever fixes the files.

The caches are shared by every reader whatever their language, so their own spinners are
off; the first call for a key is wrapped in an `st.spinner` that speaks the reader's
language (later calls skip it: a spinner costs a thread and an element on every run).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import language
from dashboard.chrome import md_escape
from dashboard.language import _
from dashboard.startup import ensure_app_navigation
from investments.load import Dataset, data_version, load_dataset
from investments.normalize import AMOUNT_USD_NOMINAL, convert_usd, normalize
from investments.paths import NotFound
from investments.paths import data_dir as find_data_dir
from investments.problems import DataError

MAX_PROBLEMS_SHOWN = 20


def data_dir() -> Path:
    """TRACKER_DATA_DIR, ./data or the shipped copy (investments.paths), per page run, so a
    changed setting or file is noticed."""
    return find_data_dir()


@st.cache_resource(show_spinner=False)
def _last_good() -> dict:
    """Process-wide holder of the last dataset that validated (shared by all sessions)."""
    return {"dataset": None, "lock": threading.Lock()}


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(directory: str, version: str) -> Dataset:
    # Keyed on the version so a changed file is loaded once, by whichever session sees it
    # first; cache_resource shares one read-only copy instead of pickling per reader.
    return load_dataset(Path(directory))


def get_dataset() -> Dataset | None:
    """The dataset to show, or None (with an error on the page) if none ever validated."""
    ensure_app_navigation()  # every page starts here; see dashboard.startup
    holder = _last_good()
    try:
        directory = data_dir()
    except NotFound as missing:
        st.error(
            _("The data files could not be found: {problem}").format(problem=md_escape(missing))
        )
        return holder["dataset"]
    try:
        key = (str(directory), data_version(directory))
        dataset = _first_with_spinner(key, _("Loading data…"), lambda: _load(*key))
    except DataError as error:
        _show_problems(error, stale=holder["dataset"])
        return holder["dataset"]
    with holder["lock"]:
        holder["dataset"] = dataset
    if dataset.investments.empty:
        st.info(_("The data files are valid but hold no announcements yet."))
        return None
    return dataset


def _show_problems(error: DataError, *, stale: Dataset | None) -> None:
    shown = "\n".join(f"- {md_escape(p)}" for p in error.problems[:MAX_PROBLEMS_SHOWN])
    more = len(error.problems) - MAX_PROBLEMS_SHOWN
    if more > 0:
        shown += "\n- " + _("… and {more} more (run python -m investments validate data)").format(
            more=more
        )
    # "3 problems in the data" / "3件"
    found = _("{count} in the data").format(count=language.count(len(error.problems), "problem"))
    if stale is not None:
        st.warning(
            _(
                "The data files on the server have {problems}. Showing the last valid version "
                "({version}) until they are fixed."
            ).format(problems=found, version=stale.version)
            + f"\n\n{shown}"
        )
    else:
        st.error(
            _("The data files could not be loaded: {problems}.").format(problems=found)
            + f"\n\n{shown}"
        )


@st.cache_resource(show_spinner=False, max_entries=16)
def _normalized(version: str, base_year: int, _dataset: Dataset) -> pd.DataFrame:
    # Keyed on the data version and base year (the dataset itself is not hashed): one
    # shared, read-only frame per pair; pages must not mutate it.
    return normalize(_dataset, base_year=base_year)


def get_normalized(dataset: Dataset, base_year: int) -> pd.DataFrame:
    """The dataset's normalized table for `base_year`, computed once per data version."""
    return _first_with_spinner(
        (dataset.version, base_year),
        _("Converting currencies…"),
        lambda: _normalized(dataset.version, base_year, dataset),
    )


_WARM: set[tuple] = set()  # keys whose cached call has completed once in this process


def _first_with_spinner(key: tuple, message: str, call):
    """`call()`, under a spinner in the reader's language the first time `key` is asked
    for (a cache miss, seconds long); after that the cached call returns at once."""
    if key in _WARM:
        return call()
    with st.spinner(message):
        result = call()
    _WARM.add(key)
    return result


@st.cache_resource(max_entries=32)
def _display_per_usd(version: str, base_year: int, currency: str, _dataset: Dataset) -> pd.Series:
    normalized = _normalized(version, base_year, _dataset)
    converted = convert_usd(normalized, currency, supplement=_dataset.fx_supplement)
    return converted / normalized[AMOUNT_USD_NOMINAL]


def display_per_usd(dataset: Dataset, base_year: int, currency: str) -> pd.Series:
    """Units of `currency` per US dollar at each row's fixing date (for readers' currency)."""
    return _display_per_usd(dataset.version, base_year, currency, dataset)
