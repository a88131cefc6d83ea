"""Shared fixtures: a small valid data directory built from the shipped schema."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from investments.paths import shipped_data_dir
from investments.schema import DATAPACKAGE_FILENAME

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def valid_dir(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/valid with the shipped datapackage.json beside it."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "valid", target)
    shutil.copy(shipped_data_dir() / DATAPACKAGE_FILENAME, target / DATAPACKAGE_FILENAME)
    return target


HOSTILE_NOTES = "<script>alert('notes')</script>"
HOSTILE_PUBLISHER = "<img src=x onerror=alert('publisher')>"
HOSTILE_QUOTE = (
    "Microsoft said <b onmouseover=alert('quote')>it</b> would invest US$2.9 billion in Japan."
)


@pytest.fixture
def hostile_dir(valid_dir):
    path = valid_dir / "investments.csv"
    text = path.read_text()
    text = text.replace("Fixture row.", f'"{HOSTILE_NOTES}"')
    text = text.replace(
        '"Microsoft said on Tuesday it would invest US$2.9 billion over two years to expand its cloud and AI '
        'infrastructure in Japan."',
        f'"{HOSTILE_QUOTE}"',
    )
    text = text.replace(
        "https://example.com/msft-japan,Example News,",
        f"https://example.com/msft-japan,{HOSTILE_PUBLISHER},",
    )
    path.write_text(text)
    from investments.validate import validate_dir

    assert validate_dir(valid_dir).problems == []
    return valid_dir
