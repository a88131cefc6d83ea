"""Data text inside plotly labels: plotly renders a subset of HTML in text, so escape it."""

from __future__ import annotations

import html


def plotly_text(value: object) -> str:
    """`<b>` in a CSV cell shows as "<b>", never as bold (or anything worse)."""
    return html.escape(str(value), quote=False)
