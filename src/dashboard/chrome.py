"""Page furniture shared by every page: the credit line under charts and tables."""

from __future__ import annotations

import re

import streamlit as st

from investments.credits import source_line
from investments.load import Dataset

# plotly.js fetches map shapes from this path instead of its CDN (see static/topojson).
PLOTLY_CONFIG = {
    "topojsonURL": "/app/static/topojson/",
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


def plotly_chart(fig, *, key: str) -> None:
    st.plotly_chart(fig, config=PLOTLY_CONFIG, key=key, width="stretch")


def credit(dataset: Dataset, **kwargs: bool) -> None:
    st.caption(source_line(data_version=dataset.version, **kwargs))


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def md_escape(text: object) -> str:
    """Data text shown through st.markdown stays text: no links, emphasis or HTML from a CSV."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))
