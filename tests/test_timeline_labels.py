"""Timeline labels and axis: the largest pledges labelled, never two on top of each other, and a readable date range."""

import pandas as pd

from investments.schema import Col
from viz.timeline import LABELLED, labelled_pledges, padded_date_range


def _rows(spec):
    return pd.DataFrame(
        [{"company": c, Col.ANNOUNCED_ON: pd.Timestamp(d), "usd": v} for c, d, v in spec]
    )


def test_a_label_next_to_a_larger_one_on_the_same_row_is_skipped():
    rows = _rows(
        [
            ("A", "2024-01-01", 100),
            ("A", "2024-01-20", 90),  # 19 days after the largest, same row: crowded
            ("B", "2024-01-20", 80),  # same date, other company row: fine
            ("A", "2026-01-01", 10),
        ]
    )
    assert labelled_pledges(rows, rows["usd"], "company") == {0, 2, 3}


def test_at_most_the_labelled_count():
    rows = _rows([(f"company {i}", f"{2019 + i}-06-01", 10 * i) for i in range(8)])
    assert len(labelled_pledges(rows, rows["usd"], "company")) == LABELLED


def test_a_single_date_gets_a_year_wide_axis_and_a_long_span_is_left_alone():
    one = pd.Series(pd.to_datetime(["2022-02-23"]))
    assert padded_date_range(one) == ["2021-08-24", "2022-08-24"]
    many = pd.Series(pd.to_datetime(["2019-01-01", "2026-01-01"]))
    assert padded_date_range(many) is None


def test_labels_on_neighbouring_rows_also_collide():
    rows = _rows(
        [
            ("A", "2024-01-01", 100),
            ("B", "2024-02-01", 90),
            ("C", "2024-02-01", 80),
            ("C", "2026-01-01", 1),
        ]
    )
    # B sits right under A, so its label would run into A's; C is two rows away.
    assert labelled_pledges(rows, rows["usd"], "company", ["A", "B", "C"]) == {0, 2, 3}
