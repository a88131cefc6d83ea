"""The analyst's CSV, byte for byte, and the rules that keep it safe in a spreadsheet."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from investments.cli import main
from investments.export import EXPORT_COLUMNS, defuse_cell, to_csv_bytes
from investments.load import load_dataset
from tests.golden_files import assert_matches_golden


def test_export_matches_golden_file(valid_dir):
    assert_matches_golden("export_fixture.csv", to_csv_bytes(load_dataset(valid_dir).investments))


def test_cli_export_writes_the_same_bytes(valid_dir, tmp_path):
    out = tmp_path / "out.csv"
    assert main(["export", "--data-dir", str(valid_dir), "--out", str(out)]) == 0
    assert out.read_bytes() == to_csv_bytes(load_dataset(valid_dir).investments)


def test_export_reads_back_cleanly_in_pandas(valid_dir):
    frame = pd.read_csv(io.BytesIO(to_csv_bytes(load_dataset(valid_dir).investments)))
    assert list(frame.columns) == list(EXPORT_COLUMNS)
    assert frame.loc[frame["id"] == "microsoft-jpn-2024-04", "amount"].item() == 2_900_000_000


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
    payload = to_csv_bytes(load_dataset(valid_dir).investments).decode("utf-8-sig")
    assert ",'=cmd|' /C calc'!A0" in payload
