"""Validate + normalize time for synthetic datasets of 1,000, 10,000 and 100,000 rows.

Run: make bench   (or: python bench/bench_normalize.py [ROWS ...])
Prints a Markdown table; docs/PERFORMANCE.md records the figures from this machine.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import make_data_dir  # noqa: E402

from investments.load import load_dataset  # noqa: E402
from investments.normalize import normalize  # noqa: E402
from investments.validate import validate_dir  # noqa: E402

REPEATS = 3


def _best_of(function, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main(sizes: list[int]) -> None:
    print(
        "| rows | validate (s) | load = validate + frames (s) | normalize (s) | load + normalize (s) |"
    )
    print("|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for rows in sizes:
            data_dir = make_data_dir(Path(tmp) / f"n{rows}", rows)
            problems = validate_dir(data_dir).problems
            assert not problems, problems[:3]
            validate_s = _best_of(lambda d=data_dir: validate_dir(d))
            load_s = _best_of(lambda d=data_dir: load_dataset(d))
            dataset = load_dataset(data_dir)
            normalize(dataset)  # warm the ECB table cache, as the app does once per process
            normalize_s = _best_of(lambda ds=dataset: normalize(ds))
            print(
                f"| {rows:,} | {validate_s:.3f} | {load_s:.3f} | {normalize_s:.3f} | {load_s + normalize_s:.3f} |"
            )
    print(f"\nBest of {REPEATS} runs each; Python {sys.version.split()[0]}, {os.cpu_count()} CPUs.")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
