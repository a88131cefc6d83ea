"""Shared fixtures: a small valid data directory built from the shipped schema."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from investments.schema import DATAPACKAGE_FILENAME, SHIPPED_DATA_DIR

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def valid_dir(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/valid with the shipped datapackage.json beside it."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "valid", target)
    shutil.copy(SHIPPED_DATA_DIR / DATAPACKAGE_FILENAME, target / DATAPACKAGE_FILENAME)
    return target
