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
DISTINCT_CURRENCIES = sorted(set(CURRENCIES))
PURPOSES = ["cloud_datacentres", "ai_infrastructure", "skilling", "research", "mixed"]
# Files whose rows name announcements: written here for the synthetic rows (or empty).
OWN_FILES = {
    "investments.csv",
    "verifications.csv",
    "commitments.csv",
    "variants.csv",
    "release_changes.csv",
}


def make_data_dir(target: Path, rows: int, *, seed: int = 1) -> Path:
    """Write a valid data directory with `rows` announcements (shipped companies and indicators)."""
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    shipped = shipped_data_dir()
    for path in shipped.iterdir():
        if path.is_file() and path.name not in OWN_FILES:
            shutil.copy(path, target / path.name)
    for name in OWN_FILES - {"investments.csv", "verifications.csv"}:  # header only
        (target / name).write_text(_header(shipped / name) + "\n", encoding="utf-8")
    header = _header(shipped / "investments.csv").split(",")
    companies = [
        line.split(",")[0] for line in (shipped / "companies.csv").read_text().splitlines()[1:]
    ]
    countries = sorted(
        {
            line.split(",")[0]
            for line in (shipped / "country_indicators.csv").read_text().splitlines()[1:]
        }
        - {"TWN"}
    )
    with (target / "investments.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, restval="", lineterminator="\n")
        writer.writeheader()
        previous: dict[tuple[str, str], tuple[str, str]] = {}
        ids: list[str] = []
        months_taken: dict[tuple[str, str, str], list[int]] = {}
        for i in range(rows):
            company, country = rng.choice(companies), rng.choice(countries)
            # Validation flags two unlinked rows of one company, place and currency within
            # 30 days as one pledge entered twice: months two apart are 31 days or more. A
            # busy group with no such month left takes another currency.
            for currency in [
                rng.choice(CURRENCIES),
                *rng.sample(DISTINCT_CURRENCIES, len(DISTINCT_CURRENCIES)),
            ]:
                taken = months_taken.setdefault((company, country, currency), [])
                free = _free_months(taken)
                if free:
                    break
            month_index = rng.choice(free)
            taken.append(month_index)
            year, month, day = 2019 + month_index // 12, 1 + month_index % 12, rng.randint(1, 28)
            date = f"{year}-{month:02d}-{day:02d}"
            amount = rng.choice([1, 2, 5, 10, 15, 25, 50]) * 10 ** rng.choice([8, 9])
            start = rng.choice([None, year])
            end = None if start is None else start + rng.randint(0, 4)
            earlier = previous.get((company, country))
            supersedes = earlier[0] if earlier and earlier[1] < date and rng.random() < 0.05 else ""
            row_id = f"{company.replace('_', '')}-{country.lower()}-{year}-{month:02d}-n{i}"
            previous[(company, country)] = (row_id, date)  # a row is superseded at most once
            quote = (
                f"The company said it will invest {format_money(amount, currency)} in the country."
            )
            purpose = rng.choice(PURPOSES)
            writer.writerow(
                {
                    "id": row_id,
                    "company": company,
                    "country_iso3": country,
                    "announced_on": date,
                    "amount": amount,
                    "currency": currency,
                    "amount_qualifier": "exact",
                    "period_start_year": start or "",
                    "period_end_year": end or "",
                    "purpose": purpose,
                    "status": "announced",
                    "supersedes": supersedes,
                    "source_url": f"https://example.com/news/{i}",
                    "source_publisher": "Example News",
                    "quote": quote,
                    "quote_language": "en",
                    "includes_prior_spending": "no",
                    "funding": "company",
                    "spend_kind": "capex" if purpose in CAPEX_PURPOSES else "mixed",
                    "last_verified": "2026-01-01",
                    "notes": "second source: none found, a synthetic benchmark row",
                }
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


def _free_months(taken: list[int], months: int = 7 * 12) -> list[int]:
    """The months of 2019-2025 at least two from every month in `taken`."""
    return [m for m in range(months) if all(abs(m - t) >= 2 for t in taken)]


def _header(path: Path) -> str:
    """The first line of a shipped CSV: its columns, in the order the schema has them."""
    with path.open(encoding="utf-8") as handle:
        return handle.readline().rstrip("\r\n")
