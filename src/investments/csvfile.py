"""Reading a CSV file strictly, keeping each record's physical line number.

pandas.read_csv would guess types, skip bad lines or raise on the first one; curators
need every structural problem at once, located by the line an editor shows.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from investments.problems import Problem

UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Record:
    """One data row: its first physical line and its cells by column name."""

    line: int
    cells: dict[str, str]


@dataclass(frozen=True)
class CsvContent:
    header: list[str]
    records: list[Record]


def read_csv(path: Path, expected_columns: list[str]) -> tuple[CsvContent | None, list[Problem]]:
    """Read `path`; return its records and every structural problem found.

    Returns `None` content when the file cannot be read as CSV at all (missing, empty,
    not UTF-8, or without the expected header).
    """
    name = path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(name, None, None, "file is missing")]
    except OSError as exc:
        return None, [Problem(name, None, None, f"cannot be read: {exc.strerror or exc}")]

    if raw.startswith(UTF8_BOM):
        # Excel writes a byte-order mark; it is harmless, so accept it silently.
        raw = raw[len(UTF8_BOM) :]
    if not raw.strip():
        return None, [Problem(name, None, None, "file is empty (expected a header row)")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, [
            Problem(
                name, line, None, f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save as UTF-8"
            )
        ]

    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        return None, [Problem(name, 1, None, f"header is not valid CSV: {exc}")]

    missing = [c for c in expected_columns if c not in header]
    unknown = [c for c in header if c not in expected_columns]
    duplicated = sorted({c for c in header if header.count(c) > 1})
    for column in missing:
        problems.append(Problem(name, 1, column, "column is missing from the header"))
    for column in unknown:
        problems.append(Problem(name, 1, column, "column is not described in datapackage.json"))
    for column in duplicated:
        problems.append(Problem(name, 1, column, "column appears more than once in the header"))
    if missing or duplicated:
        return None, problems

    records: list[Record] = []
    previous_end = reader.line_num
    while True:
        start = previous_end + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(
                Problem(name, start, None, f"is not valid CSV (check its quote marks): {exc}")
            )
            break
        previous_end = reader.line_num
        if not row or row == [""]:
            problems.append(Problem(name, start, None, "blank line (remove it)"))
            continue
        if len(row) != len(header):
            problems.append(
                Problem(name, start, None, f"has {len(row)} fields, the header has {len(header)}")
            )
            continue
        records.append(Record(start, dict(zip(header, row, strict=True))))

    if text and not text.endswith(("\n", "\r")):
        # A file cut short mid-write usually loses its final newline; say so, since the
        # last row may be incomplete even when it parses.
        problems.append(
            Problem(name, previous_end, None, "file does not end with a newline (truncated?)")
        )
    return CsvContent(header, records), problems
