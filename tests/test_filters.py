"""The filter: applies itself, describes itself, and survives a trip through the URL."""

from __future__ import annotations

import pytest

from investments.filters import Choices, Filter, Notice, from_query
from investments.load import load_dataset
from investments.normalize import normalize

BASE_YEAR = 2024


@pytest.fixture
def normalized(valid_dir):
    return normalize(load_dataset(valid_dir), base_year=BASE_YEAR)


@pytest.fixture
def choices(normalized):
    return Choices.of(normalized, base_years=range(2019, 2026))


@pytest.mark.parametrize(
    ("chosen", "ids", "words"),
    [
        (Filter(), 3, "All recorded pledges · US$ at announcement · comparable figures"),
        (
            Filter(lineage="all"),
            4,
            "All recorded pledges · US$ at announcement · comparable figures · every announcement",
        ),
        (
            Filter(companies=("microsoft",)),
            2,
            "Microsoft · US$ at announcement · comparable figures",
        ),
        (
            Filter(countries=("JPN", "AUS")),
            2,
            "Japan and Australia · US$ at announcement · comparable figures",
        ),
        (Filter(regions=("Asia",)), 1, "Asia · US$ at announcement · comparable figures"),
        (
            Filter(regions=("Australia and New Zealand",)),
            1,
            "Australia and New Zealand · US$ at announcement · comparable figures",
        ),
        (Filter(years=(2024, 2024)), 2, "2024 · US$ at announcement · comparable figures"),
        (
            Filter(min_usd=3e9),
            2,
            "at least US$3 billion · US$ at announcement · comparable figures",
        ),
        (
            Filter(min_usd=1e9, max_usd=5e9),
            2,
            "US$1 billion to US$5 billion · US$ at announcement · comparable figures",
        ),
        (
            Filter(text="fixture"),
            2,
            "matching “fixture” · US$ at announcement · comparable figures",
        ),
        (
            Filter(text="MISSISSIPPI"),
            1,
            "matching “MISSISSIPPI” · US$ at announcement · comparable figures",
        ),
        (
            Filter(basis="constant"),
            3,
            f"All recorded pledges · constant {BASE_YEAR} US$ · comparable figures",
        ),
        (
            Filter(companies=("amazon",), lineage="all"),
            2,
            "Amazon (incl. AWS) · US$ at announcement · comparable figures · every announcement",
        ),
    ],
)
def test_filters_apply_and_describe(normalized, chosen, ids, words):
    assert len(chosen.apply(normalized)) == ids
    assert chosen.describe(normalized, base_year=BASE_YEAR) == words


def test_filename_is_made_from_the_description(normalized):
    name = Filter(countries=("JPN", "AUS"), years=(2023, 2024)).filename(
        normalized, base_year=BASE_YEAR
    )
    assert name == "big-tech-investments_japan-and-australia-2023-2024-us-at-announcement.csv"


ROUND_TRIPS = [
    Filter(),
    Filter(companies=("microsoft", "amazon")),
    Filter(countries=("JPN",), regions=("Oceania",), years=(2024, 2024)),
    Filter(purposes=("mixed",), statuses=("announced",), min_usd=1e9, max_usd=2.5e10),
    Filter(text="data centre", basis="per_capita", lineage="all", base_year=2020),
]


@pytest.mark.parametrize("chosen", ROUND_TRIPS)
def test_round_trip_through_query_params(choices, chosen):
    query = chosen.to_query()
    assert all(isinstance(v, str) for v in query.values())
    again, notices = from_query(query, choices)
    assert again == chosen
    assert notices == []


@pytest.mark.parametrize(
    ("query", "expected", "notice"),
    [
        (
            {"company": "microsoft,evilcorp"},
            Filter(companies=("microsoft",)),
            Notice("company", "evilcorp", "not in the data"),
        ),
        ({"from": "99999"}, Filter(), Notice("from", "99999", "not a year from 2023 to 2024")),
        (
            {"to": "2023", "from": "2024"},
            Filter(years=(2023, 2023)),
            Notice("from", "2024", "after to=2023"),
        ),
        (
            {"country": "<script>alert(1)</script>"},
            Filter(),
            Notice("country", "<script>alert(1)</script>", "not in the data"),
        ),
        ({"basis": "eval(1)"}, Filter(), Notice("basis", "eval(1)", "not an option")),
        ({"lineage": "none"}, Filter(), Notice("lineage", "none", "not an option")),
        ({"min_usd": "-5"}, Filter(), Notice("min_usd", "-5", "not an amount in US dollars")),
        ({"max_usd": "1e400"}, Filter(), Notice("max_usd", "1e400", "not an amount in US dollars")),
        (
            {"min_usd": "9", "max_usd": "1"},
            Filter(max_usd=1.0),
            Notice("min_usd", "9", "larger than max_usd"),
        ),
        ({"base_year": "1850"}, Filter(), Notice("base_year", "1850", "not an option")),
        ({"q": "x" * 81}, Filter(), Notice("q", "x" * 81, "longer than 80 characters")),
        ({"pickle": "gASV"}, Filter(), Notice("pickle", "gASV", "not a setting of this page")),
    ],
)
def test_bad_query_values_are_dropped_with_a_notice(choices, query, expected, notice):
    chosen, notices = from_query(query, choices)
    assert chosen == expected
    assert notices == [notice]


def test_page_keys_are_not_reported(choices):
    _, notices = from_query({"selected": "JPN"}, choices, other_keys=("selected",))
    assert notices == []
