"""Data releases: `python -m investments diff`, the release record it writes, and its
agreement with the data."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from investments.diff import diff, release_notes
from investments.schema import Col

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = [
    Col.ID,
    Col.COMPANY,
    Col.COUNTRY_ISO3,
    Col.ANNOUNCED_ON,
    Col.AMOUNT,
    Col.CURRENCY,
    Col.AMOUNT_QUALIFIER,
    Col.SUPERSEDES,
    Col.PART_OF,
    Col.SOURCE_URL,
    Col.NOTES,
]


def _folder(path: Path, rows: list[tuple]) -> Path:
    path.mkdir()
    with (path / "investments.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


def _row(row_id, company, iso3, day, amount, supersedes="", notes=""):
    return (
        row_id,
        company,
        iso3,
        day,
        amount,
        "USD",
        "exact",
        supersedes,
        "",
        "https://x/" + row_id,
        notes,
    )


@pytest.fixture
def two_versions(tmp_path):
    old = _folder(
        tmp_path / "old",
        [
            _row("a", "microsoft", "JPN", "2024-01-01", 100),
            _row("b", "microsoft", "AUS", "2024-01-02", 50),
            _row("c", "amazon", "JPN", "2024-01-03", 30),
        ],
    )
    new = _folder(
        tmp_path / "new",
        [
            _row("a", "microsoft", "JPN", "2024-01-01", 120, notes="amount corrected"),
            _row("c", "amazon", "JPN", "2024-01-03", 30),
            _row("d", "amazon", "JPN", "2024-06-01", 80, supersedes="c"),
            _row("e", "alphabet", "KOR", "2024-07-01", 10),
        ],
    )
    return old, new


def test_diff_finds_added_removed_corrected_and_restated(two_versions):
    result = diff(*two_versions)
    assert list(result.new_pledges[Col.ID]) == ["e"]
    assert list(result.restated[Col.ID]) == ["d"]
    assert list(result.removed[Col.ID]) == ["b"]
    assert result.corrected_ids == ["a"]
    amount = next(c for c in result.changes if c.field == Col.AMOUNT)
    assert (amount.id, amount.before, amount.after) == ("a", "100", "120")
    assert result.updated_ids == []  # a's note changed too, but a is counted as corrected
    assert result.kind == "minor"


def test_diff_effect_on_totals_by_hand(two_versions):
    """Headline, latest per lineage: JPN 100 + 30 = 130 becomes 120 + 80 (d restates c) =
    200; AUS loses b's 50; KOR gains e's 10. By company: Microsoft 150 -> 120, Amazon
    30 -> 80, Alphabet 0 -> 10."""
    result = diff(*two_versions)
    countries = result.country_totals.set_index(Col.COUNTRY_ISO3)["change_usd"].to_dict()
    assert countries == {"JPN": 70.0, "AUS": -50.0, "KOR": 10.0}
    companies = result.company_totals.set_index(Col.COMPANY)["change_usd"].to_dict()
    assert companies == {"amazon": 50.0, "microsoft": -30.0, "alphabet": 10.0}
    notes = release_notes(result, version="1.1.0", date="2024-08-01", old="old", new="new")
    assert "## 1.1.0 (2024-08-01)" in notes
    assert "1 new pledge, 1 restated, 1 corrected, 1 removed" in notes
    assert "- `a` amount: 100 → 120" in notes
    assert "- JPN: +US$70" in notes


def test_a_new_column_is_a_major_release(two_versions, tmp_path):
    old, new = two_versions
    frame = pd.read_csv(new / "investments.csv", dtype=str, keep_default_na=False)
    frame.assign(quote_language="en").to_csv(new / "investments.csv", index=False)
    result = diff(old, new)
    assert result.new_columns == ["quote_language"]
    assert result.kind == "major"


def test_cli_prints_the_draft_notes(two_versions):
    old, new = two_versions
    done = subprocess.run(
        [sys.executable, "-m", "investments", "diff", str(old), str(new), "--version", "1.1.0"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("## 1.1.0")
    assert "suggested version step: minor" in done.stderr
    refused = subprocess.run(
        [sys.executable, "-m", "investments", "diff", "--upload-pack=x", str(new)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert refused.returncode != 0


# ---------------------------------------------------------------- the shipped record


def _releases() -> pd.DataFrame:
    return pd.read_csv(ROOT / "data" / "releases.csv", dtype=str, keep_default_na=False)


def test_release_record_names_the_package_version():
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    releases = _releases()
    assert releases["version"].iloc[0] == package["version"]  # newest first
    assert releases["released_on"].iloc[0] == package["last_updated"]
    assert list(releases["version"]) == sorted(
        releases["version"], key=lambda v: tuple(int(p) for p in v.split(".")), reverse=True
    )
    # the history from git: the first sourced dataset, the second, and the current one
    assert {"1.0.0", "2.0.0", "3.0.0"} <= set(releases["version"])


def _revision_available(revision: str) -> bool:
    done = subprocess.run(
        ["git", "-C", str(ROOT), "cat-file", "-e", f"{revision}:data/investments.csv"],
        capture_output=True,
    )
    return done.returncode == 0


def test_current_release_record_matches_diff_against_the_previous():
    """What release_changes.csv says the current release did is what `diff` finds between
    the previous release's commit and data/ now."""
    releases = _releases()
    current, previous = releases.iloc[0], releases.iloc[1]
    if not _revision_available(previous["git_revision"]):
        pytest.skip(f"git history without {previous['git_revision']} (a shallow clone)")
    result = diff(previous["git_revision"], ROOT / "data")
    changes = pd.read_csv(ROOT / "data" / "release_changes.csv", dtype=str, keep_default_na=False)
    mine = changes[changes["version"] == current["version"]]
    assert set(mine.loc[mine["change"] == "added", "announcement_id"]) == set(
        result.new_pledges[Col.ID]
    )
    assert set(mine.loc[mine["change"] == "restated", "announcement_id"]) == set(
        result.restated[Col.ID]
    )
    assert set(mine.loc[mine["change"] == "removed", "announcement_id"]) == set(
        result.removed[Col.ID]
    )
    assert set(mine.loc[mine["change"] == "corrected", "announcement_id"]) == set(
        result.corrected_ids
    )
    assert list(mine.loc[mine["change"] == "schema", "field"]) == result.new_columns
    assert int(current["corrected"]) == len(result.corrected_ids)
    assert int(current["new_pledges"]) == len(result.new_pledges)
    changelog = (ROOT / "data" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {current['version']} ({current['released_on']})" in changelog


def test_chart_data_cites_its_release():
    """A chart's CSV (share panel, published data/) carries the release it was drawn from."""
    from investments.export import with_release
    from investments.load import load_dataset

    package = load_dataset().package
    frame = with_release(pd.DataFrame({"total": [1.0]}), package)
    assert list(frame.columns) == ["total", "data_version", "data_current_to"]
    assert frame.iloc[0]["data_version"] == package.version == _releases()["version"].iloc[0]
