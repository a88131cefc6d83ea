"""The analyst's CSV, byte for byte, and the rules that keep it safe in a spreadsheet."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from investments.cli import main
from investments.export import defuse_cell, export_columns, to_csv_bytes
from investments.load import load_dataset
from investments.normalize import normalize
from tests.golden_files import assert_matches_golden

BASE_YEAR = 2024


def _csv(data_dir, base_year=BASE_YEAR) -> bytes:
    dataset = load_dataset(data_dir)
    return to_csv_bytes(
        normalize(dataset, base_year=base_year),
        base_year=base_year,
        release=dataset.package.release_columns,
    )


def test_export_matches_golden_file(valid_dir):
    assert_matches_golden("export_fixture.csv", _csv(valid_dir))


def test_export_header_and_rows_byte_for_byte(valid_dir):
    lines = _csv(valid_dir).decode("utf-8").splitlines()
    assert lines[0] == "\ufeff" + ",".join(export_columns(BASE_YEAR))
    australia = next(line for line in lines if line.startswith("microsoft-aus-2023-10,"))
    # A$5 billion at the ECB fixing of 24 Oct 2023: 1.0632 US$/EUR / 1.6708 A$/EUR.
    assert australia.startswith(
        "microsoft-aus-2023-10,microsoft,AUS,Australia,Oceania,Australia and New Zealand,,,2023-10-24,5000000000,AUD,exact,2023,2024,"
        "cloud_datacentres,announced,no,company,capex,,headline,5000000000,"
        "2023-10-24,0.6363418722,ECB euro foreign exchange reference rates,"
        "3181709360.79,"
    )


def test_cli_export_writes_the_same_bytes(valid_dir, tmp_path):
    out = tmp_path / "out.csv"
    assert (
        main(
            [
                "export",
                "--data-dir",
                str(valid_dir),
                "--out",
                str(out),
                "--base-year",
                str(BASE_YEAR),
            ]
        )
        == 0
    )
    assert out.read_bytes() == _csv(valid_dir)


def test_export_reads_back_cleanly_in_pandas(valid_dir):
    frame = pd.read_csv(io.BytesIO(_csv(valid_dir)))
    assert list(frame.columns) == list(export_columns(BASE_YEAR))
    assert frame.loc[frame["id"] == "microsoft-jpn-2024-04", "amount"].item() == 2_900_000_000
    assert frame["amount_usd_nominal"].notna().all()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tlead", "'\tlead"),
        ("\rlead", "'\rlead"),
        ("Microsoft", "Microsoft"),
        ("A$5 billion", "A$5 billion"),
    ],
)
def test_formula_cells_are_defused(text, expected):
    assert defuse_cell(text) == expected


def test_export_defuses_text_from_data(valid_dir):
    path = valid_dir / "investments.csv"
    path.write_text(path.read_text().replace("Fixture row.", "=cmd|' /C calc'!A0"))
    payload = _csv(valid_dir).decode("utf-8-sig")
    assert ",'=cmd|' /C calc'!A0" in payload


def test_filtered_csv_matches_golden_file(valid_dir):
    from investments.filters import Filter

    normalized = normalize(load_dataset(valid_dir), base_year=BASE_YEAR)
    chosen = Filter(companies=("microsoft",), years=(2024, 2024))
    payload = to_csv_bytes(chosen.apply(normalized), base_year=BASE_YEAR)
    assert_matches_golden("export_microsoft_2024.csv", payload)
    assert (
        chosen.filename(normalized, base_year=BASE_YEAR)
        == "big-tech-investments_microsoft-2024-us-at-announcement.csv"
    )


def test_hyperlink_in_notes_arrives_neutralized(valid_dir):
    path = valid_dir / "investments.csv"
    path.write_text(
        path.read_text().replace("Fixture row.", '"=HYPERLINK(""http://evil.example"",""click"")"')
    )
    payload = _csv(valid_dir).decode("utf-8-sig")
    assert ',"\'=HYPERLINK(""http://evil.example"",""click"")",2026-11-25,' in payload
    frame = pd.read_csv(io.BytesIO(_csv(valid_dir)))
    assert frame["amount"].dtype.kind in "if", "numbers stay numbers"


def test_data_package_zip_holds_every_file_and_a_readme(valid_dir):
    import zipfile

    from investments.package_zip import FOLDER, data_package_zip

    payload = data_package_zip(valid_dir, data_version="abc123")
    assert payload == data_package_zip(valid_dir, data_version="abc123"), "same data, same bytes"
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        names = sorted(archive.namelist())
        readme = archive.read(f"{FOLDER}/README.md").decode()
        assert (
            archive.read(f"{FOLDER}/investments.csv")
            == (valid_dir / "investments.csv").read_bytes()
        )
    assert names == sorted(
        f"{FOLDER}/{n}"
        for n in (
            "README.md",
            "datapackage.json",
            "investments.csv",
            "companies.csv",
            "country_indicators.csv",
            "fx_rates_supplement.csv",
            "regions.csv",
            "variants.csv",
            "commitments.csv",
            "verifications.csv",
            "releases.csv",
            "release_changes.csv",
        )
    )
    assert "CC BY 4.0" in readme and "World Bank" in readme and "data version abc123" in readme
