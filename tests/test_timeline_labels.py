"""Timeline labels and axes: the largest pledges labelled where they fit, never on top of
each other or outside the plot, and a readable date range and totals axis."""

import pandas as pd
import pytest

from viz.timeline import (
    LABELLED,
    Box,
    Candidate,
    label_box,
    money_ticks,
    padded_date_range,
    place_labels,
    short_company,
)

PLOT_PX = 200


def _dot(key, x, y, radius=4.0, texts=("Japan US$2.9bn", "Japan<br>US$2.9bn")):
    return Candidate(key=key, x_px=x, y_px=y, radius_px=radius, texts=texts)


def test_a_label_sits_beside_its_dot_on_its_own_row():
    placed = place_labels(
        [_dot("small", 10, 60, radius=3), _dot("big", 100, 150, radius=18)],
        plot_width_px=PLOT_PX,
        obstacles=[],
    )
    assert placed["small"] == ("Japan US$2.9bn", "middle right")
    assert placed["big"] == ("Japan<br>US$2.9bn", "middle right"), "two lines when one is too wide"


def test_a_label_moves_or_wraps_rather_than_leave_the_plot():
    near_right = _dot("r", PLOT_PX - 5, 60)
    (text, position) = place_labels([near_right], plot_width_px=PLOT_PX, obstacles=[])["r"]
    box = label_box(near_right, text, position)
    assert position.endswith("left") and box.left >= 0 and box.right <= PLOT_PX


def test_a_label_that_fits_nowhere_is_left_out():
    wide = _dot("w", 100, 60, texts=("A label far wider than the whole plot is",))
    assert place_labels([wide], plot_width_px=PLOT_PX, obstacles=[]) == {}


def test_labels_never_overlap_each_other_or_an_obstacle():
    dots = [_dot(i, 40 + 12 * i, 60 + (i % 2) * 10) for i in range(8)]
    title = Box(0, 120, -20, 0)
    placed = place_labels(dots, plot_width_px=PLOT_PX, obstacles=[title])
    boxes = [label_box(d, *placed[d.key]) for d in dots if d.key in placed]
    assert boxes, "some labels fit"
    for i, a in enumerate(boxes):
        assert not a.overlaps(title)
        assert a.left >= 0 and a.right <= PLOT_PX
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)


def test_at_most_the_labelled_count():
    dots = [_dot(i, 20 + 40 * (i % 5), 40 * (i + 1), texts=("x",)) for i in range(12)]
    assert len(place_labels(dots, plot_width_px=PLOT_PX, obstacles=[])) == LABELLED


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Amazon (incl. AWS)", "Amazon"),
        ("Google (Alphabet)", "Google"),
        ("Huawei Cloud", "Huawei"),
        ("ByteDance (TikTok)", "ByteDance"),
        ("Microsoft", "Microsoft"),
    ],
)
def test_short_company_names(name, short):
    assert short_company(name) == short


@pytest.mark.parametrize(
    ("largest", "labels"),
    [
        (1.03e12, ["0", "US$500bn", "US$1tn", "US$1.5tn"]),
        (3.7e10, ["0", "US$10bn", "US$20bn", "US$30bn", "US$40bn"]),
        (2.9e9, ["0", "US$1bn", "US$2bn", "US$3bn"]),
        (0, ["0"]),
    ],
)
def test_running_total_ticks_are_round_money(largest, labels):
    values, texts = money_ticks(largest)
    assert texts == labels and values[-1] >= largest


def test_a_single_date_gets_a_year_wide_axis_and_a_long_span_is_left_alone():
    one = pd.Series(pd.to_datetime(["2022-02-23"]))
    assert padded_date_range(one) == ["2021-08-24", "2022-08-24"]
    many = pd.Series(pd.to_datetime(["2019-01-01", "2026-01-01"]))
    assert padded_date_range(many) is None
