"""A curation round's import: only rows a second researcher confirmed, flagged rows only
by the curator's decision, and a record of every check."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from investments.cli import main
from investments.curation import RoundError, import_round
from investments.validate import validate_dir

BASE = {
    "company": "microsoft",
    "country_iso3": "JPN",
    "subdivision": "",
    "announced_on": "2025-05-01",
    "amount": 500000000,
    "currency": "USD",
    "amount_qualifier": "exact",
    "period_start_year": None,
    "period_end_year": None,
    "purpose": "skilling",
    "status": "announced",
    "supersedes": "",
    "part_of": "",
    "source_url": "https://example.com/a",
    "source_publisher": "Example News",
    "quote": "Microsoft will invest $500 million in Japan.",
    "quote_language": "en",
    "second_source_url": "https://example.org/b",
    "second_source_quote": "Microsoft pledges $500 million.",
    "second_source_quote_language": "en",
    "includes_prior_spending": "no",
    "funding": "company",
    "spend_kind": "mixed",
    "new_money_amount": None,
    "scope_quote": "",
    "scope_quote_language": "",
    "scope_source_url": "",
    "scope_note": "",
    "notes": "",
    "last_verified": "2026-12-01",
    "found_by_query": "Microsoft Japan $1 billion skilling",
}


def _row(rid: str, **changes) -> dict:
    return {**BASE, "id": rid, **changes}


def _verdict(rid: str, status: str = "confirmed", **changes) -> dict:
    return {
        "id": rid,
        "status": status,
        "second_confirmed": True,
        "scope_ok": True,
        "flags": "",
        "checked_query": f"re-run for {rid}",
        "checked_on": "2026-12-06",
        **changes,
    }


def _write_round(folder: Path, rows, verdicts, decisions) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "candidates.json").write_text(
        json.dumps({"round": "2026-12", "researcher": "first researcher", "rows": rows})
    )
    (folder / "verified.json").write_text(
        json.dumps({"round": "2026-12", "checked_by": "second researcher", "rows": verdicts})
    )
    (folder / "decisions.json").write_text(
        json.dumps({"round": "2026-12", "curator": "curator", "rows": decisions})
    )
    return folder


@pytest.fixture
def round_dir(tmp_path):
    rows = [
        _row("microsoft-jpn-2025-05-ok"),
        _row("microsoft-jpn-2025-06-replaced", announced_on="2025-06-01"),
        _row("microsoft-jpn-2025-07-unconfirmed", announced_on="2025-07-01"),
        _row("microsoft-jpn-2025-08-flagged", announced_on="2025-08-01"),
        _row("microsoft-jpn-2025-09-decided", announced_on="2025-09-01"),
        _row("microsoft-jpn-2025-10-left-out", announced_on="2025-10-01"),
        _row("microsoft-jpn-2024-04"),  # already in the fixture data
    ]
    verdicts = [
        _verdict("microsoft-jpn-2025-05-ok"),
        _verdict(
            "microsoft-jpn-2025-06-replaced",
            "replaced",
            source_url="https://example.net/c",
            source_publisher="Otras Noticias",
            quote="Microsoft invertirá 500 millones de dólares en Japón.",
            quote_language="es",
            second_confirmed=False,
        ),
        _verdict("microsoft-jpn-2025-07-unconfirmed", "unconfirmed"),
        _verdict("microsoft-jpn-2025-08-flagged", flags="the date may be a day early"),
        _verdict("microsoft-jpn-2025-09-decided", flags="status should be reported"),
        _verdict("microsoft-jpn-2025-10-left-out"),
        _verdict("microsoft-jpn-2024-04"),
    ]
    decisions = {
        "microsoft-jpn-2025-09-decided": {
            "action": "import",
            "reason": "Only the ministry stated it.",
            "set": {"status": "reported"},
        },
        "microsoft-jpn-2025-10-left-out": {"action": "leave_out", "reason": "Past spending."},
    }
    return _write_round(tmp_path / "round", rows, verdicts, decisions)


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_only_verified_and_decided_rows_go_in(round_dir, valid_dir):
    report = import_round(round_dir, valid_dir)
    added = {r["id"]: r for r in _read(valid_dir / "investments.csv")[4:]}
    assert sorted(added) == [
        "microsoft-jpn-2025-05-ok",
        "microsoft-jpn-2025-06-replaced",
        "microsoft-jpn-2025-09-decided",
    ]
    left = dict(report.left_out)
    assert left["microsoft-jpn-2024-04"] == "already in the data"
    assert left["microsoft-jpn-2025-07-unconfirmed"].startswith("quote not confirmed")
    assert left["microsoft-jpn-2025-08-flagged"].startswith("flagged and not decided")
    assert left["microsoft-jpn-2025-10-left-out"] == "Past spending."
    replaced = added["microsoft-jpn-2025-06-replaced"]
    assert replaced["source_url"] == "https://example.net/c"
    assert replaced["quote"] == "Microsoft invertirá 500 millones de dólares en Japón."
    assert replaced["quote_language"] == "es"  # the verifier's page, in its language
    assert replaced["second_source_url"] == ""  # not re-found: removed, and said in notes
    assert replaced["second_source_quote_language"] == ""
    assert "could not be re-found" in replaced["notes"]
    decided = added["microsoft-jpn-2025-09-decided"]
    assert decided["status"] == "reported" and "Curator: Only the ministry" in decided["notes"]
    assert added["microsoft-jpn-2025-05-ok"]["last_verified"] == "2026-12-06"
    ok = added["microsoft-jpn-2025-05-ok"]
    assert (ok["quote_language"], ok["second_source_quote_language"]) == ("en", "en")
    assert ok["scope_quote_language"] == ""
    assert validate_dir(valid_dir).problems == []


def test_every_imported_row_has_its_checks_recorded(round_dir, valid_dir):
    import_round(round_dir, valid_dir)
    checks = [c for c in _read(valid_dir / "verifications.csv") if c["round"] == "2026-12"]
    ok = [c for c in checks if c["announcement_id"] == "microsoft-jpn-2025-05-ok"]
    assert [(c["checked_by"], c["checked"], c["result"]) for c in ok] == [
        ("first researcher", "quote", "found"),
        ("second researcher", "quote", "confirmed"),
        ("second researcher", "second_source", "confirmed"),
    ]
    assert ok[0]["how"] == "query: Microsoft Japan $1 billion skilling"
    assert ok[1]["checked_on"] == "2026-12-06"


def test_dry_run_writes_nothing(round_dir, valid_dir):
    before = (valid_dir / "investments.csv").read_bytes()
    report = import_round(round_dir, valid_dir, dry_run=True)
    assert len(report.rows) == 3
    assert (valid_dir / "investments.csv").read_bytes() == before


def test_a_file_off_its_schema_is_named_with_the_place(tmp_path, valid_dir):
    bad = _row("microsoft-jpn-2025-05-ok", purpose="cloud")
    folder = _write_round(tmp_path / "bad", [bad], [_verdict(bad["id"])], {})
    with pytest.raises(RoundError, match=r"candidates.json: rows/0/purpose: 'cloud' is not one of"):
        import_round(folder, valid_dir)


@pytest.mark.parametrize(
    ("file", "rows", "verdicts", "decisions", "expected"),
    [
        (
            "candidates.json",
            [{k: v for k, v in _row("a").items() if k != "quote_language"}],
            [_verdict("a")],
            {},
            r"rows/0: 'quote_language' is a required property",
        ),
        (
            "candidates.json",
            [_row("a", quote_language="English")],
            [_verdict("a")],
            {},
            r"rows/0/quote_language: 'English' does not match",
        ),
        (
            "candidates.json",
            [_row("a", second_source_quote_language="")],
            [_verdict("a")],
            {},
            r"rows/0/second_source_quote_language: '' does not match",
        ),
        (
            "candidates.json",
            [_row("a", scope_quote_language="en")],
            [_verdict("a")],
            {},
            r"rows/0/scope_quote_language: 'en' is not one of \['', None\]",
        ),
        (
            "verified.json",
            [_row("a")],
            [
                _verdict(
                    "a",
                    "replaced",
                    source_url="https://example.net/c",
                    source_publisher="Other News",
                    quote="It will put $500 million into Japan.",
                )
            ],
            {},
            r"rows/0: 'quote_language' is a required property",
        ),
        (
            "decisions.json",
            [_row("a")],
            [_verdict("a", flags="the quote is cut short")],
            {"a": {"action": "import", "reason": "Full sentence.", "set": {"quote": "It will."}}},
            r"rows/a/set: 'quote_language' is a dependency of 'quote'",
        ),
    ],
)
def test_every_quote_names_its_language(
    tmp_path, valid_dir, file, rows, verdicts, decisions, expected
):
    folder = _write_round(tmp_path / "round", rows, verdicts, decisions)
    with pytest.raises(RoundError, match=f"{file}: {expected}"):
        import_round(folder, valid_dir)


def test_cli_import_round(round_dir, valid_dir, capsys):
    assert main(["import-round", str(round_dir), "--data", str(valid_dir), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert (
        "would add 3 rows" in out
        and "left out microsoft-jpn-2025-10-left-out: Past spending." in out
    )


def test_the_december_2026_round_is_in_the_data():
    """The shipped round's imported rows are in data/, each with both checks recorded."""
    root = Path(__file__).resolve().parents[1]
    verdicts = json.loads((root / "research/rounds/2026-12/verified.json").read_text())
    decisions = json.loads((root / "research/rounds/2026-12/decisions.json").read_text())["rows"]
    ids = {r["id"] for r in _read(root / "data/investments.csv")}
    checks = _read(root / "data/verifications.csv")
    for verdict in verdicts["rows"]:
        left_out = decisions.get(verdict["id"], {}).get("action") == "leave_out"
        assert (verdict["id"] in ids) != left_out, verdict["id"]
        if not left_out:
            who = {c["checked_by"] for c in checks if c["announcement_id"] == verdict["id"]}
            assert {"second researcher (did not write the rows)"} <= who
