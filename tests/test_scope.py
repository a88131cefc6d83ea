"""Like-for-like figures: scope values, the comparable basis, and where they show.

The fixture's four pledges are edited so that the Japan pledge states its new money
(US$1 billion of US$2.9 billion) and the raised Mississippi pledge is a package with
partners; the totals below are worked out by hand from those numbers.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from frictionless import validate as frictionless_validate

from investments.export import to_csv_bytes
from investments.filters import Choices, Filter, from_query
from investments.load import load_dataset
from investments.normalize import AMOUNT_USD_NOMINAL, USD_PER_LOCAL, normalize
from investments.overview import overview
from investments.package_zip import FOLDER, data_package_zip
from investments.paths import shipped_data_dir
from investments.schema import Col, read_package
from investments.scope import COUNTED_AMOUNT, counted_on_basis, set_aside
from investments.validate import validate_dir
from tests.apptests import run_page

JPN, AUS = "microsoft-jpn-2024-04", "microsoft-aus-2023-10"
MS_OLD, MS_NEW = "amazon-usa-2024-01-mississippi", "amazon-usa-2024-06-mississippi"
NEW_MONEY_QUOTE = "Of this, US$1 billion is new money for 2025."


def _edit_rows(data_dir: Path, changes: dict[str, dict[str, str]]) -> None:
    path = data_dir / "investments.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row.update(changes.get(row[Col.ID], {}))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


SCOPED = {
    JPN: {
        Col.INCLUDES_PRIOR_SPENDING: "yes",
        Col.NEW_MONEY_AMOUNT: "1000000000",
        Col.SCOPE_QUOTE: NEW_MONEY_QUOTE,
        Col.SCOPE_QUOTE_LANGUAGE: "en",
    },
    MS_NEW: {
        Col.FUNDING: "with_partners",
        Col.SCOPE_QUOTE: "With its partners, =1+1.",
        Col.SCOPE_QUOTE_LANGUAGE: "en",
    },
}


@pytest.fixture
def scoped_dir(valid_dir: Path) -> Path:
    _edit_rows(valid_dir, SCOPED)
    return valid_dir


@pytest.fixture
def scoped(scoped_dir: Path) -> pd.DataFrame:
    return normalize(load_dataset(scoped_dir), base_year=2024)


def _aud_in_usd(normalized: pd.DataFrame) -> float:
    return float(normalized.loc[normalized[Col.ID] == AUS, USD_PER_LOCAL].iloc[0]) * 5e9


def test_comparable_totals_are_the_hand_computed_ones(scoped):
    australia = _aud_in_usd(scoped)
    comparable = counted_on_basis(scoped, "comparable")
    headline = counted_on_basis(scoped, "headline")
    # Japan's new money, Australia as announced; the partner-funded Mississippi total is
    # set aside, with the pledge it raised.
    assert sorted(comparable[Col.ID]) == [AUS, JPN]
    assert comparable[AMOUNT_USD_NOMINAL].sum() == pytest.approx(1e9 + australia)
    assert comparable.set_index(Col.ID).at[JPN, COUNTED_AMOUNT] == 1e9
    # Headline: every latest figure as announced.
    assert sorted(headline[Col.ID]) == [MS_NEW, AUS, JPN]
    assert headline[AMOUNT_USD_NOMINAL].sum() == pytest.approx(2.9e9 + australia + 12e9)


def test_per_person_and_share_scale_with_the_new_money(scoped):
    headline = counted_on_basis(scoped, "headline").set_index(Col.ID)
    comparable = counted_on_basis(scoped, "comparable").set_index(Col.ID)
    for column in ("usd_per_capita", "share_of_gdp_pct", "amount_usd_constant_2024"):
        assert comparable.at[JPN, column] == pytest.approx(headline.at[JPN, column] / 2.9)
    assert pd.isna(comparable.at[JPN, "usd_per_year"])  # the new money's period is not recorded


def test_set_aside_names_what_comparable_leaves_out(scoped):
    aside = set_aside(counted_on_basis(scoped, "headline"))
    assert list(aside.shared_funding[Col.ID]) == [MS_NEW]
    assert aside.economy_wide.empty
    assert aside.prior_spending_usd == pytest.approx(1.9e9)


def test_overview_defaults_to_comparable(scoped):
    story = overview(scoped)
    assert story.figures == "comparable"
    assert story.total_usd == pytest.approx(1e9 + _aud_in_usd(scoped))
    assert overview(scoped, figures="headline").total_usd == pytest.approx(
        2.9e9 + _aud_in_usd(scoped) + 12e9
    )


def test_filter_counts_comparable_by_default_and_keeps_the_basis_in_the_url(scoped):
    choices = Choices.of(scoped, base_years=[2024])
    assert Filter().to_query() == {}
    chosen, notices = from_query({"figures": "headline"}, choices)
    assert chosen.figures == "headline" and not notices
    assert chosen.to_query() == {"figures": "headline"}
    assert len(chosen.apply(scoped)) == 3 and len(Filter().apply(scoped)) == 2
    _, notices = from_query({"figures": "everything"}, choices)
    assert [(n.key, n.reason) for n in notices] == [("figures", "not an option")]


def test_a_superseded_pledge_counts_again_under_new_money(valid_dir):
    """The later figure counted as its new money no longer includes the earlier pledge."""
    _edit_rows(
        valid_dir,
        {
            MS_NEW: {
                Col.INCLUDES_PRIOR_SPENDING: "yes",
                Col.NEW_MONEY_AMOUNT: "2000000000",
                Col.SCOPE_QUOTE: "It adds US$2 billion of new money.",
                Col.SCOPE_QUOTE_LANGUAGE: "en",
            }
        },
    )
    rows = normalize(load_dataset(valid_dir), base_year=2024)
    mississippi = counted_on_basis(rows, "comparable")
    mississippi = mississippi[mississippi[Col.COUNTRY_ISO3] == "USA"]
    assert sorted(mississippi[Col.ID]) == [MS_OLD, MS_NEW]
    assert mississippi[AMOUNT_USD_NOMINAL].sum() == pytest.approx(10e9 + 2e9)
    headline = counted_on_basis(rows, "headline")
    assert list(headline.loc[headline[Col.COUNTRY_ISO3] == "USA", Col.ID]) == [MS_NEW]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {Col.INCLUDES_PRIOR_SPENDING: "yes"},
            "scope_quote: needs the sentence that states that the figure includes earlier spending",
        ),
        (
            {Col.SPEND_KIND: "economy_wide"},
            "scope_quote: needs the sentence that states that the figure counts spending across the economy",
        ),
        (
            {Col.INCLUDES_PRIOR_SPENDING: "unknown"},
            "scope_note: includes_prior_spending is unknown: say what was looked for",
        ),
        (
            {
                Col.INCLUDES_PRIOR_SPENDING: "yes",
                Col.NEW_MONEY_AMOUNT: "3000000000",
                Col.SCOPE_QUOTE: "US$3 billion",
            },
            "new_money_amount: 3,000,000,000 is more than the amount 2,900,000,000",
        ),
        (
            {Col.NEW_MONEY_AMOUNT: "1000000000", Col.SCOPE_QUOTE: "US$1 billion"},
            "new_money_amount: new money is the part of a figure that includes earlier spending",
        ),
        (
            {
                Col.INCLUDES_PRIOR_SPENDING: "yes",
                Col.NEW_MONEY_AMOUNT: "1000000000",
                Col.SCOPE_QUOTE: "Some of it is new.",
            },
            "scope_quote: does not state the new money 1,000,000,000 in figures",
        ),
        ({Col.FUNDING: "government"}, "funding:"),
        ({Col.SPEND_KIND: "capex"}, "spend_kind: capex for a mixed pledge: say why in scope_note"),
    ],
)
def test_scope_rules_name_file_line_and_column(valid_dir, changes, message):
    _edit_rows(valid_dir, {JPN: changes})
    problems = [str(p) for p in validate_dir(valid_dir).problems]
    assert any(p.startswith("investments.csv:2: ") and message in p for p in problems), problems


def test_unknown_on_more_than_a_tenth_of_rows_is_refused(valid_dir):
    unknown = {Col.INCLUDES_PRIOR_SPENDING: "unknown", Col.SCOPE_NOTE: "Looked at the release."}
    _edit_rows(valid_dir, {JPN: unknown})
    problems = [str(p) for p in validate_dir(valid_dir).problems]
    assert any("unknown on 25% of rows (1); at most 10% may be unknown" in p for p in problems)


def test_shipped_scope_values_are_allowed_and_new_money_fits():
    rows = load_dataset(shipped_data_dir()).investments
    assert set(rows[Col.INCLUDES_PRIOR_SPENDING]) <= {"no", "yes", "unknown"}
    assert set(rows[Col.FUNDING]) <= {"company", "with_partners", "with_public_funds"}
    assert set(rows[Col.SPEND_KIND]) <= {"capex", "mixed", "economy_wide"}
    stated = rows[rows[Col.NEW_MONEY_AMOUNT].notna()]
    assert (stated[Col.NEW_MONEY_AMOUNT] <= stated[Col.AMOUNT]).all()
    assert (rows[Col.INCLUDES_PRIOR_SPENDING] == "unknown").mean() <= 0.10


def test_export_carries_scope_columns_and_defuses_them(scoped):
    rows = Filter().apply(scoped)
    text = to_csv_bytes(rows, base_year=2024, figures="comparable").decode("utf-8-sig")
    table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False).set_index("id")
    assert table.at[JPN, "new_money_amount"] == "1000000000"
    assert table.at[JPN, "counted_amount"] == "1000000000"
    assert table.at[JPN, "figures"] == "comparable"
    assert table.at[JPN, "amount"] == "2900000000"
    assert table.at[JPN, "amount_usd_nominal"] == "1000000000"
    full = to_csv_bytes(scoped, base_year=2024).decode("utf-8-sig")
    table = pd.read_csv(io.StringIO(full), dtype=str, keep_default_na=False).set_index("id")
    assert table.at[MS_NEW, "funding"] == "with_partners"
    assert table.at[MS_NEW, "scope_quote"] == "With its partners, =1+1."  # not a formula start
    assert table.at[MS_NEW, "figures"] == "headline"
    hostile = scoped.assign(**{Col.SCOPE_NOTE: "=HYPERLINK(1)"})
    cells = to_csv_bytes(hostile, base_year=2024).decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in cells


def test_shipped_data_package_passes_the_reference_validator():
    report = frictionless_validate(str(shipped_data_dir() / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_the_explore_zip_passes_the_reference_validator(tmp_path):
    payload = data_package_zip(shipped_data_dir(), data_version="test")
    zipfile.ZipFile(io.BytesIO(payload)).extractall(tmp_path)
    report = frictionless_validate(str(tmp_path / FOLDER / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    assert read_package(tmp_path / FOLDER).version


def test_compare_names_the_scope_difference_in_words():
    at = run_page("pages/compare.py", {"items": "microsoft-are-2025-11,microsoft-ind-2025-12"})
    assert not at.exception
    text = " ".join(m.value for m in at.markdown).replace("\\", "")  # markdown escapes
    assert "The United Arab Emirates figure includes about US$7.3 billion already spent" in text
    assert "its new money is about US$7.9 billion" in text
