"""Write the data's release record from git: data/releases.csv, data/release_changes.csv
and data/CHANGELOG.md.

    python scripts/release_history.py

Each release is a version of `data/`: RELEASES names the commit that holds it (the current
release is the working folder). Every release is compared with the one before it by
`investments.diff`, so the record says exactly what `python -m investments diff` says;
the reasons for corrections are written here by the curator (CORRECTION_REASONS), the
rest is computed. Run it when cutting a release, after adding the release to RELEASES.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from investments.diff import CORRECTION_FIELDS, diff, read_table, release_notes  # noqa: E402
from investments.schema import Col  # noqa: E402


@dataclass(frozen=True)
class Release:
    version: str
    released_on: str
    revision: str  # the git commit holding it; "" for the working data folder
    summary: str


RELEASES = (
    Release(
        "1.0.0",
        "2026-11-25",
        "719a828",
        "The first sourced dataset: 188 announcements, each with its source URL and the "
        "sentence that states the amount, checked by validate.",
    ),
    Release(
        "2.0.0",
        "2026-11-26",
        "06332cf",
        "Every quote re-verified at its page (sources replaced where a better page stated "
        "the amount; four rows whose sources could not be confirmed dropped); research "
        "rounds for regional balance and state pledges; second sources; what "
        "sources reported differently (variants.csv) and what comes with the money "
        "(commitments.csv); UN regions; sourced rates the ECB lacks; part_of links, so a "
        "state's share of a national pledge is not counted twice (the United States total "
        "fell by US$17.5 billion). The version number was given on 6 December to the data "
        "as it stood on 26 November.",
    ),
    Release(
        "3.0.0",
        "2026-12-06",
        "708f16d",
        "What each figure covers (earlier spending, partners' or public money, "
        "economy-wide), for comparable figures; a curation round with an independent "
        "second check of every row (verifications.csv); chipmakers and their plans.",
    ),
    Release(
        "4.0.0",
        "2026-12-06",
        "",
        "Every quote names its language (ISO 639-1), for the Japanese edition; one quote "
        "corrected to read as its page does.",
    ),
)

# Why a field changed, where the curator recorded it: (version, id, field) -> reason.
CORRECTION_REASONS = {
    ("4.0.0", "intel-usa-2021-03-arizona", Col.QUOTE): (
        "The quote now reads exactly as Intel's page has it (no full stop added)."
    ),
}
HISTORY_REASON = "Recorded from the repository's history; see this release's summary."

RELEASE_COLUMNS = [
    "version",
    "released_on",
    "kind",
    "previous_version",
    "git_revision",
    "new_pledges",
    "restated",
    "corrected",
    "removed",
    "summary",
]
CHANGE_COLUMNS = [
    "version",
    "change",
    "announcement_id",
    "field",
    "before",
    "after",
    "reason",
    "source_url",
]


def _source(release: Release) -> str | Path:
    return release.revision or ROOT / "data"


def _rows_for(version: str, change: str, rows, reason: str) -> list[dict]:
    return [
        {
            "version": version,
            "change": change,
            "announcement_id": row[Col.ID],
            "field": Col.SUPERSEDES if change == "restated" else "",
            "before": row[Col.SUPERSEDES] if change == "restated" else "",
            "after": row[Col.ID] if change == "restated" else "",
            "reason": reason,
            "source_url": row[Col.SOURCE_URL],
        }
        for _index, row in rows.sort_values([Col.ANNOUNCED_ON, Col.ID]).iterrows()
    ]


def build() -> tuple[list[dict], list[dict], str]:
    releases, changes, notes = [], [], []
    previous = None
    for release in RELEASES:
        if previous is None:
            first = read_table(_source(release), "investments.csv")
            added = first
            result = None
            counts = {"new_pledges": len(first), "restated": 0, "corrected": 0, "removed": 0}
            kind = "major"
            changes += _rows_for(release.version, "added", added, "First release.")
            notes.append(
                f"## {release.version} ({release.released_on})\n\n{release.summary}\n\n"
                f"{len(first)} announcements.\n"
            )
        else:
            result = diff(_source(previous), _source(release))
            kind = result.kind
            counts = {
                "new_pledges": len(result.new_pledges),
                "restated": len(result.restated),
                "corrected": len(result.corrected_ids),
                "removed": len(result.removed),
            }
            changes += [
                {
                    "version": release.version,
                    "change": "schema",
                    "announcement_id": "",
                    "field": column,
                    "before": "",
                    "after": "new column",
                    "reason": release.summary,
                    "source_url": "",
                }
                for column in result.new_columns
            ]
            changes += _rows_for(release.version, "added", result.new_pledges, "New pledge.")
            changes += _rows_for(
                release.version, "restated", result.restated, "Restates an earlier pledge."
            )
            changes += _rows_for(release.version, "removed", result.removed, HISTORY_REASON)
            table = read_table(_source(release), "investments.csv")
            sources = dict(zip(table[Col.ID], table[Col.SOURCE_URL], strict=True))
            for change in result.changes:
                if change.field not in CORRECTION_FIELDS:
                    continue
                changes.append(
                    {
                        "version": release.version,
                        "change": "corrected",
                        "announcement_id": change.id,
                        "field": change.field,
                        "before": change.before,
                        "after": change.after,
                        "reason": CORRECTION_REASONS.get(
                            (release.version, change.id, change.field), HISTORY_REASON
                        ),
                        "source_url": sources.get(change.id, ""),
                    }
                )
            old = f"{previous.version} ({previous.revision})"
            new = f"{release.version} ({release.revision or 'data/'})"
            entry = release_notes(
                result, version=release.version, date=release.released_on, old=old, new=new
            )
            title, _, body = entry.partition("\n\n")
            notes.append(f"{title}\n\n{release.summary}\n\n{body}")
        releases.append(
            {
                "version": release.version,
                "released_on": release.released_on,
                "kind": kind,
                "previous_version": previous.version if previous else "",
                "git_revision": release.revision,
                **counts,
                "summary": release.summary,
            }
        )
        previous = release
    header = (
        "# Data changelog\n\n"
        "Every release of `data/`, newest first: new pledges, restatements, corrections "
        "(before → after) and removals, and what they did to country and company totals "
        "(headline figures, latest pledge per lineage, US$ at each announcement's rate). "
        "Written by `scripts/release_history.py` from `python -m investments diff` between "
        "consecutive releases; the machine-readable record is `releases.csv` and "
        "`release_changes.csv`.\n\n"
        "Versions: a schema change is a major release, a new pledge a minor one, a "
        "correction a patch.\n\n"
    )
    return releases[::-1], changes, header + "\n".join(notes[::-1])


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if row.get(k) is None else row[k] for k in columns})


def main() -> None:
    releases, changes, changelog = build()
    _write(ROOT / "data" / "releases.csv", RELEASE_COLUMNS, releases)
    _write(ROOT / "data" / "release_changes.csv", CHANGE_COLUMNS, changes)
    (ROOT / "data" / "CHANGELOG.md").write_text(changelog, encoding="utf-8")
    print(f"{len(releases)} releases, {len(changes)} changes")


if __name__ == "__main__":
    main()
