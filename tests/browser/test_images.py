"""PNG and SVG downloads: one size per preset, with the title, sentence and dated credit
line drawn in (kaleido + Chromium). Label geometry: test_chart_geometry.py."""

from __future__ import annotations

import datetime as dt

import pytest

from charts.images import PRESETS, image_bytes
from charts.views import compare_view, map_view, timeline_view
from investments.comparison import bases
from investments.filters import Filter
from investments.load import load_dataset
from investments.normalize import normalize

pytestmark = pytest.mark.browser
AS_OF = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def normalized():
    return normalize(load_dataset(), base_year=2025)


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


@pytest.mark.parametrize(
    ("preset", "size"),
    [("article", (1200, None)), ("social", (1200, 675)), ("phone", (1080, 1350))],
)
def test_png_presets_have_their_size(normalized, preset, size):
    view = map_view(normalized, Filter(), base_year=2025)
    width, height = _png_size(image_bytes(view, as_of=AS_OF, fmt="png", preset=preset))
    assert width == size[0]
    assert height == size[1] if size[1] else height > 600


def test_svg_carries_title_sentence_and_credit(normalized):
    view = compare_view(
        normalized,
        ["microsoft-jpn-2024-04", "microsoft-aus-2023-10"],
        base_year=2025,
        bases=bases(2025),
        company_colours={},
    )
    svg = image_bytes(view, as_of=AS_OF, fmt="svg").decode("utf-8")
    assert "Microsoft in Japan (US$2.9 billion)" in svg
    assert "is 1.1 times its US$2.9 billion for Japan" in svg
    assert "Source: company announcements compiled by Big Tech Investment Tracker" in svg
    assert "25 November 2026" in svg


def test_images_have_no_range_slider(normalized):
    view = timeline_view(normalized, Filter(), base_year=2025, colours={})
    assert view.figure.layout.xaxis2.rangeslider.visible, "the page has one"
    for preset in PRESETS:
        still = view.figure_for(width_px=PRESETS[preset].width_px, still=True)
        assert not any(
            still.layout[axis].rangeslider.visible
            for axis in ("xaxis", "xaxis2")
            if axis in still.layout
        )
