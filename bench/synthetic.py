"""Synthetic data directories of any size, shaped like the real one, for benchmarks."""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

from investments.formatting import format_money
from investments.paths import shipped_data_dir
from investments.rules import CAPEX_PURPOSES

CURRENCIES = ["USD"] * 6 + ["EUR", "JPY", "AUD", "GBP", "INR", "CAD", "BRL"]
PURPOSES = ["cloud_datacentres", "ai_infrastructure", "skilling", "research", "mixed"]
HEADER = [
    "id",
    "company",
    "country_iso3",
    "subdivision",
    "announced_on",
    "amount",
    "currency",
    "amount_qualifier",
    "period_start_year",
    "period_end_year",
    "purpose",
    "status",
    "supersedes",
    "part_of",
    "source_url",
    "source_publisher",
    "quote",
    "second_source_url",
    "second_source_quote",
    "includes_prior_spending",
    "funding",
    "spend_kind",
    "new_money_amount",
    "scope_quote",
    "scope_source_url",
    "scope_note",
    "notes",
]


def make_data_dir(target: Path, rows: int, *, seed: int = 1) -> Path:
    """Write a valid data directory with `rows` announcements (shipped companies and indicators)."""
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    for name in (
        "datapackage.json",
        "companies.csv",
        "country_indicators.csv",
        "fx_rates_supplement.csv",
    ):
        shutil.copy(shipped_data_dir() / name, target / name)
    companies = [
        line.split(",")[0]
        for line in (shipped_data_dir() / "companies.csv").read_text().splitlines()[1:]
    ]
    countries = sorted(
        {
            line.split(",")[0]
            for line in (shipped_data_dir() / "country_indicators.csv").read_text().splitlines()[1:]
        }
        - {"TWN"}
    )
    with (target / "investments.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        previous: dict[tuple[str, str], tuple[str, str]] = {}
        ids: list[str] = []
        for i in range(rows):
            company, country = rng.choice(companies), rng.choice(countries)
            year, month, day = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
            date = f"{year}-{month:02d}-{day:02d}"
            amount = rng.choice([1, 2, 5, 10, 15, 25, 50]) * 10 ** rng.choice([8, 9])
            currency = rng.choice(CURRENCIES)
            start = rng.choice([None, year])
            end = None if start is None else start + rng.randint(0, 4)
            earlier = previous.get((company, country))
            supersedes = earlier[0] if earlier and earlier[1] < date and rng.random() < 0.05 else ""
            row_id = f"{company}-{country.lower()}-{year}-{month:02d}-n{i}"
            previous[(company, country)] = (row_id, date)  # a row is superseded at most once
            quote = (
                f"The company said it will invest {format_money(amount, currency)} in the country."
            )
            purpose = rng.choice(PURPOSES)
            writer.writerow(
                [
                    row_id,
                    company,
                    country,
                    "",
                    date,
                    amount,
                    currency,
                    "exact",
                    start or "",
                    end or "",
                    purpose,
                    "announced",
                    supersedes,
                    "",
                    f"https://example.com/news/{i}",
                    "Example News",
                    quote,
                    "",
                    "",
                    "no",
                    "company",
                    "capex" if purpose in CAPEX_PURPOSES else "mixed",
                    "",
                    "",
                    "",
                    "",
                    "",
                ]
            )
            ids.append(row_id)
    with (target / "verifications.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(
            ["announcement_id", "checked_on", "round", "checked_by", "checked", "result", "how"]
        )
        writer.writerows(
            [row_id, "2026-01-01", "synthetic", "bench", "quote", "found", ""] for row_id in ids
        )
    return target
