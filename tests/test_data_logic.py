"""Loading, names, lineage, filters and formatting on the small fixture."""

from __future__ import annotations

import pandas as pd
import pytest

from investments.countries import NAME_OVERRIDES, country_name, subdivision_name
from investments.formatting import format_as_announced, format_money, format_period
from investments.lineage import counted, latest_per_lineage, without_counted_parts
from investments.load import COMPANY_NAME, COUNTRY_NAME, data_version, load_dataset
from investments.problems import DataError


@pytest.fixture
def rows(valid_dir):
    return load_dataset(valid_dir).investments


def test_load_types_and_names(rows):
    assert rows["announced_on"].dtype == "datetime64[ns]"
    assert rows["amount"].dtype == "float64"
    assert str(rows["period_start_year"].dtype) == "Int64"
    jpn = rows.set_index("id").loc["microsoft-jpn-2024-04"]
    assert jpn[COUNTRY_NAME] == "Japan"
    assert jpn[COMPANY_NAME] == "Microsoft"
    assert list(rows["announced_on"]) == sorted(rows["announced_on"], reverse=True)


def test_load_refuses_invalid_data(valid_dir):
    path = valid_dir / "investments.csv"
    path.write_text(path.read_text().replace(",AUD,", ",AUX,"))
    with pytest.raises(DataError) as caught:
        load_dataset(valid_dir)
    assert (
        "investments.csv:3: currency: 'AUX' is not an ISO 4217 currency code"
        in caught.value.report()
    )


def test_data_version_changes_with_content(valid_dir):
    before = data_version(valid_dir)
    assert before == data_version(valid_dir)
    (valid_dir / "companies.csv").write_text((valid_dir / "companies.csv").read_text() + "\n")
    assert data_version(valid_dir) != before


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("JPN", "Japan"),
        ("KOR", "South Korea"),
        ("TWN", "Taiwan"),
        ("VNM", "Vietnam"),
        ("RUS", "Russia"),
    ],
)
def test_country_names(code, name):
    assert country_name(code) == name


def test_name_overrides_are_known_codes():
    assert all(len(code) == 3 for code in NAME_OVERRIDES)
    with pytest.raises(KeyError):
        country_name("XXX")
    assert subdivision_name("US-MS") == "Mississippi"


def test_latest_per_lineage_drops_superseded(rows):
    latest = latest_per_lineage(rows)
    assert "amazon-usa-2024-01-mississippi" not in set(latest["id"])
    assert "amazon-usa-2024-06-mississippi" in set(latest["id"])
    assert len(latest) == len(rows) - 1


@pytest.mark.parametrize(
    ("amount", "currency", "qualifier", "text"),
    [
        (2.9e9, "USD", "exact", "US$2.9 billion"),
        (5e9, "AUD", "exact", "A$5 billion"),
        (2.26e12, "JPY", "exact", "¥2.26 trillion"),
        (8e9, "USD", "at_least", "at least US$8 billion"),
        (1.5e8, "EUR", "up_to", "up to €150 million"),
        (33.7e9, "SEK", "about", "about SEK 33.7 billion"),
        (6e11, "INR", "exact", "₹600 billion"),
    ],
)
def test_format_as_announced(amount, currency, qualifier, text):
    assert format_as_announced(amount, currency, qualifier) == text


def test_format_edge_cases():
    assert format_money(float("nan"), "USD") == "–"
    assert format_period(2024, 2025) == "2024–2025"
    assert format_period(pd.NA, 2027) == "by 2027"
    assert format_period(pd.NA, pd.NA) == "period not stated"
    assert format_period(2026, 2026) == "2026"


def _pledges(*spec):
    """(id, supersedes, part_of, purpose, amount) rows, enough for the counting rules."""
    return pd.DataFrame(
        [
            {
                "id": i,
                "supersedes": s or None,
                "part_of": p or None,
                "purpose": purpose,
                "amount": amount,
            }
            for i, s, p, purpose, amount in spec
        ]
    )


NATIONAL_AND_STATE = _pledges(
    ("national-2021", None, None, "mixed", 430.0),
    ("national-2025", "national-2021", None, "mixed", 600.0),
    ("state-2025", None, "national-2021", "research", 2.5),  # names the older figure
    ("other-state", None, None, "research", 1.0),
)


def test_a_part_is_left_out_when_the_pledge_including_it_is_counted():
    # national-2021 was raised to national-2025, which therefore includes state-2025.
    assert set(counted(NATIONAL_AND_STATE)["id"]) == {"national-2025", "other-state"}


def test_a_part_counts_when_the_pledge_including_it_is_not_in_view():
    research_only = NATIONAL_AND_STATE[NATIONAL_AND_STATE["purpose"] == "research"]
    assert set(without_counted_parts(research_only, NATIONAL_AND_STATE)["id"]) == {
        "state-2025",
        "other-state",
    }
