"""Page furniture shared by every page: the credit line under charts and tables."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from investments.credits import source_line
from investments.load import Dataset

T = TypeVar("T")

PLOTLY_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
}
STATIC_TOPOJSON_PATH = "app/static/topojson/"  # static/topojson/, served by the app


def plotly_chart(fig, *, key: str, on_select: str = "ignore", selection_mode=("points",)):
    """Every chart through one door: local map shapes, PNG at 2x, no Plotly logo.

    plotly.js fetches map shapes from `topojsonURL` instead of its CDN; the path follows
    the app's root in the reader's browser, so it holds under `server.baseUrlPath`.
    """
    from dashboard.url_state import base_path  # url_state imports this module

    return st.plotly_chart(
        fig,
        config={**PLOTLY_CONFIG, "topojsonURL": base_path() + STATIC_TOPOJSON_PATH},
        key=key,
        width="stretch",
        on_select=on_select,
        selection_mode=selection_mode,
    )


@st.cache_resource(max_entries=64, show_spinner=False)
def _cached(kind: str, version: str, view_key: tuple, _build: Callable[[], T]) -> T:
    return _build()


def cached(kind: str, dataset: Dataset, view_key: tuple, build: Callable[[], T]) -> T:
    """Build a chart view once per (data version, view): reruns with the same filter reuse it.

    Results are shared between sessions; callers must not mutate them.
    """
    return _cached(kind, dataset.version, view_key, build)


def is_embedded() -> bool:
    """True inside an iframe opened with ?embed=true (Streamlit hides that parameter)."""
    return bool(getattr(st.context, "is_embedded", False))


def credit(dataset: Dataset, **kwargs: bool) -> None:
    st.caption(source_line(data_version=dataset.version, **kwargs))


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def md_escape(text: object) -> str:
    """Data text shown through st.markdown stays text: no links, emphasis or HTML from a CSV."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))
