"""Append researched rows that a second researcher confirmed at their source to data/.

Usage: python research/import_candidates.py CANDIDATES.json VERIFIED.json [LAST_VERIFIED] [--dry]

CANDIDATES.json is {"rows": [...], "variants": [...]} as written by a researcher following
research/BRIEF.md; VERIFIED.json is the second researcher's verdicts:
{"rows": [{"id", "status": confirmed|replaced|unconfirmed, "source_url", "source_publisher",
"quote", "second_confirmed"}], "variants": [{"announcement_id", "source_url", "status"}]}.
Only confirmed or replaced rows go in; a replaced row takes the page the verifier found;
a second source the verifier could not re-find is dropped and the row's notes say so.
Run `python -m investments validate data` afterwards: it is the gate, not this script.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
VARIANT_FIELD_ALIASES = {"qualifier": "amount_qualifier", "date": "announced_on"}


def _note(row: dict, text: str) -> None:
    row["notes"] = f"{row.get('notes') or ''} {text}".strip()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def accepted_rows(candidates: dict, verdicts: dict, known_ids: set, header: list) -> list[dict]:
    by_id = {verdict["id"]: verdict for verdict in verdicts.get("rows", [])}
    accepted = []
    for row in candidates["rows"]:
        verdict = by_id.get(row["id"])
        if row["id"] in known_ids:
            print("already in the dataset:", row["id"])
            continue
        if verdict is None or verdict["status"] not in ("confirmed", "replaced"):
            print("left out, quote not confirmed:", row["id"])
            continue
        if verdict["status"] == "replaced":
            first_url = row["source_url"]
            for field in ("source_url", "source_publisher", "quote"):
                row[field] = verdict[field]
            _note(row, f"Source replaced at verification: {first_url} could not be re-found.")
        if row.get("second_source_url") and verdict.get("second_confirmed") is False:
            _note(
                row,
                f"Second source {row['second_source_url']} could not be re-found and was removed.",
            )
            row["second_source_url"] = row["second_source_quote"] = ""
        known_ids.add(row["id"])
        accepted.append({field: _cell(row.get(field)) for field in header})
    return accepted


def accepted_variants(
    candidates: dict, verdicts: dict, known_ids: set, recorded: set
) -> list[list[str]]:
    confirmed = {
        (verdict["announcement_id"], verdict["source_url"])
        for verdict in verdicts.get("variants", [])
        if verdict["status"] == "confirmed"
    }
    accepted = []
    for variant in candidates.get("variants", []):
        key = (variant["announcement_id"], variant["source_url"])
        if variant["announcement_id"] not in known_ids or key not in confirmed or key in recorded:
            print("variant left out:", key)
            continue
        accepted.append(
            [
                variant["announcement_id"],
                VARIANT_FIELD_ALIASES.get(variant["field"], variant["field"]),
                variant.get("reported_value") or variant.get("value", ""),
                variant["source_url"],
                variant["source_publisher"],
                variant["quote"],
                variant.get("recorded_value") or variant.get("chosen_value", ""),
                variant["reason"],
            ]
        )
    return accepted


def main(argv: list[str]) -> None:
    dry_run = "--dry" in argv
    args = [arg for arg in argv if arg != "--dry"]
    candidates = json.loads(Path(args[0]).read_text(encoding="utf-8"))
    verdicts = json.loads(Path(args[1]).read_text(encoding="utf-8"))
    last_verified = args[2] if len(args) > 2 else None
    investments = DATA_DIR / "investments.csv"
    with investments.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        known_ids = {row["id"] for row in reader}
    rows = accepted_rows(candidates, verdicts, known_ids, header)
    if last_verified:
        for row in rows:
            row["last_verified"] = last_verified
    with (DATA_DIR / "variants.csv").open(newline="", encoding="utf-8") as handle:
        recorded = {(row["announcement_id"], row["source_url"]) for row in csv.DictReader(handle)}
    variants = accepted_variants(candidates, verdicts, known_ids, recorded)
    print(f"rows {len(rows)} variants {len(variants)}")
    if dry_run:
        return
    with investments.open("a", newline="", encoding="utf-8") as handle:
        csv.DictWriter(handle, fieldnames=header, lineterminator="\n").writerows(rows)
    with (DATA_DIR / "variants.csv").open("a", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(variants)


if __name__ == "__main__":
    main(sys.argv[1:])
