"""Golden files: compared byte for byte; `make golden` (UPDATE_GOLDEN=1) rewrites them."""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN_DIR = Path(__file__).parent / "golden"


def assert_matches_golden(name: str, actual: bytes) -> None:
    path = GOLDEN_DIR / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(actual)
    assert path.exists(), f"missing golden file {path}; run `make golden`"
    assert actual == path.read_bytes(), (
        f"{name} differs from its golden file; run `make golden` if intended"
    )
