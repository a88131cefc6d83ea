"""PNG and SVG downloads carry the title and the dated credit line (kaleido + Chromium)."""

from __future__ import annotations

import datetime as dt

import pytest

from charts.images import image_bytes
from charts.views import compare_view, map_view
from investments.comparison import bases
from investments.filters import Filter
from investments.load import load_dataset
from investments.normalize import normalize

pytestmark = pytest.mark.browser
AS_OF = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def normalized():
    return normalize(load_dataset(), base_year=2025)


def test_png_is_a_2x_image(normalized):
    view = map_view(normalized, Filter(), base_year=2025)
    png = image_bytes(view.figure, view.text, as_of=AS_OF, fmt="png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(png[16:20], "big")
    assert width == 2000, "1000 px at scale 2"


def test_svg_carries_title_and_credit(normalized):
    view = compare_view(
        normalized,
        ["microsoft-jpn-2024-04", "microsoft-aus-2023-10"],
        base_year=2025,
        bases=bases(2025),
        company_colours={},
    )
    svg = image_bytes(view.figure, view.text, as_of=AS_OF, fmt="svg").decode("utf-8")
    assert "Microsoft in Japan (US$2.9 billion)" in svg
    assert "Source: company announcements compiled by Big Tech Investment Tracker" in svg
    assert "25 November 2026" in svg
