"""A curation round, imported: candidate rows, a second researcher's verdicts, the
curator's decisions, and a verification record for every row that goes in.

A round lives in one folder (`research/rounds/<round>/`) as three JSON files, each with a
JSON Schema in `research/schemas/`: `candidates.json` (the first researcher's rows and how
each was found), `verified.json` (a researcher who did not write them re-found each quote
at its source) and `decisions.json` (the curator's call on every flagged row). A row goes
in only when its quote was confirmed or replaced by another page stating the same amount,
and, if the verifier flagged it, when the curator decided to import it. Whoever writes a
quote (researcher, verifier or curator) names its language beside it (ISO 639-1), since
quotes are shown as written, never translated. `validate` remains the gate after the import.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema

from investments.schema import Col

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "research" / "schemas"
ROUND_FILES = {
    "candidates": "candidates.json",
    "verdicts": "verified.json",
    "decisions": "decisions.json",
}
VERIFICATIONS = "verifications.csv"
VERIFICATION_FIELDS = (
    "announcement_id",
    "checked_on",
    "round",
    "checked_by",
    "checked",
    "result",
    "how",
)
IMPORTABLE = ("confirmed", "replaced")


class RoundError(ValueError):
    """A round file that does not match its schema, said with the file and the place."""


@dataclass
class ImportReport:
    rows: list[dict] = field(default_factory=list)
    verifications: list[dict] = field(default_factory=list)
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (id, why)


def _schema(name: str, schema_dir: Path) -> dict:
    return json.loads((schema_dir / f"{name}.schema.json").read_text(encoding="utf-8"))


def read_round(folder: Path, *, schema_dir: Path = SCHEMA_DIR) -> dict[str, dict]:
    """The round's three files, each checked against its schema."""
    out = {}
    for name, filename in ROUND_FILES.items():
        path = Path(folder) / filename
        if not path.exists():
            if name == "decisions":
                out[name] = {"round": "", "curator": "", "rows": {}}
                continue
            raise RoundError(f"{path}: missing")
        document = json.loads(path.read_text(encoding="utf-8"))
        schema_name = name if name != "verdicts" else "verdicts"
        errors = sorted(
            jsonschema.Draft202012Validator(_schema(schema_name, schema_dir)).iter_errors(document),
            key=lambda e: list(e.absolute_path),
        )
        if errors:
            first = errors[0]
            where = "/".join(str(p) for p in first.absolute_path) or "(top)"
            raise RoundError(f"{path}: {where}: {first.message}")
        out[name] = document
    return out


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _note(row: dict, text: str) -> None:
    row[Col.NOTES] = f"{row.get(Col.NOTES) or ''} {text}".strip()


def plan_import(
    round_files: dict[str, dict], *, known_ids: set[str], header: list[str]
) -> ImportReport:
    """Which candidate rows go in, as they will be written, with their verification records."""
    candidates, verdicts, decisions = (
        round_files["candidates"],
        round_files["verdicts"],
        round_files["decisions"],
    )
    round_name = candidates["round"]
    by_id = {v["id"]: v for v in verdicts["rows"]}
    report = ImportReport()
    for candidate in candidates["rows"]:
        row = dict(candidate)
        rid = row["id"]
        verdict = by_id.get(rid)
        decision = decisions["rows"].get(rid)
        if rid in known_ids:
            report.left_out.append((rid, "already in the data"))
            continue
        if verdict is None or verdict["status"] not in IMPORTABLE:
            report.left_out.append((rid, "quote not confirmed by a second researcher"))
            continue
        flagged = bool((verdict.get("flags") or "").strip()) or verdict.get("scope_ok") is False
        if decision is None and flagged:
            report.left_out.append((rid, f"flagged and not decided: {verdict.get('flags')}"))
            continue
        if decision is not None and decision["action"] == "leave_out":
            report.left_out.append((rid, decision["reason"]))
            continue
        if verdict["status"] == "replaced":
            first_url = row[Col.SOURCE_URL]
            for column in (Col.SOURCE_URL, Col.SOURCE_PUBLISHER, Col.QUOTE, Col.QUOTE_LANGUAGE):
                row[column] = verdict[column]
            _note(row, f"Source replaced at verification: {first_url} could not be re-found.")
        if row.get(Col.SECOND_SOURCE_URL) and verdict.get("second_confirmed") is False:
            _note(
                row,
                f"Second source {row[Col.SECOND_SOURCE_URL]} could not be re-found and was removed.",
            )
            row[Col.SECOND_SOURCE_URL] = row[Col.SECOND_SOURCE_QUOTE] = ""
            row[Col.SECOND_SOURCE_QUOTE_LANGUAGE] = ""
        if decision is not None:
            row.update(decision.get("set", {}))
            if decision.get("set"):
                _note(row, f"Curator: {decision['reason']}")
        row[Col.LAST_VERIFIED] = verdict["checked_on"]
        known_ids.add(rid)
        report.rows.append({column: _cell(row.get(column)) for column in header})
        report.verifications += [
            {
                "announcement_id": rid,
                "checked_on": candidate.get(Col.LAST_VERIFIED) or verdict["checked_on"],
                "round": round_name,
                "checked_by": candidates["researcher"],
                "checked": "quote",
                "result": "found",
                "how": f"query: {candidate['found_by_query']}",
            },
            {
                "announcement_id": rid,
                "checked_on": verdict["checked_on"],
                "round": round_name,
                "checked_by": verdicts["checked_by"],
                "checked": "quote",
                "result": verdict["status"],
                "how": f"query: {verdict['checked_query']}",
            },
        ]
        if row.get(Col.SECOND_SOURCE_URL):
            report.verifications.append(
                {
                    "announcement_id": rid,
                    "checked_on": verdict["checked_on"],
                    "round": round_name,
                    "checked_by": verdicts["checked_by"],
                    "checked": "second_source",
                    "result": "confirmed",
                    "how": "re-found at second_source_url",
                }
            )
    return report


def _append(path: Path, fieldnames: list[str], rows: list[dict]) -> None:
    with path.open("a", newline="", encoding="utf-8") as handle:
        csv.DictWriter(handle, fieldnames=fieldnames, lineterminator="\n").writerows(rows)


def import_round(folder: Path, data_dir: Path, *, dry_run: bool = False) -> ImportReport:
    """Append a round's accepted rows to investments.csv and their checks to verifications.csv."""
    round_files = read_round(folder)
    investments = Path(data_dir) / "investments.csv"
    with investments.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        known = {row[Col.ID] for row in reader}
    report = plan_import(round_files, known_ids=known, header=header)
    if not dry_run:
        _append(investments, header, report.rows)
        _append(Path(data_dir) / VERIFICATIONS, list(VERIFICATION_FIELDS), report.verifications)
    return report
