"""What changed between two versions of the data: rows added, removed, corrected and
restated, field by field, and what that did to each country's and company's total.

Either side is a data folder or a git revision (`HEAD~3`, `v2.0.0`, a commit): a revision
is read with `git show REV:data/investments.csv`, so any past state of the repository can
be compared without checking it out. Old revisions are read as they were written (a
column added later is simply absent), not validated against today's schema.

Totals are headline figures, latest pledge per lineage (investments.lineage.counted), in
US dollars at each announcement's ECB rate: the one basis every past version can be put
on. `release_notes` drafts a release's entry from a diff.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from investments.fx import FxError, usd_per_local
from investments.lineage import counted
from investments.paths import _SOURCE_ROOT
from investments.schema import Col

INVESTMENTS = "investments.csv"
COMPANIES = "companies.csv"
SUPPLEMENT = "fx_rates_supplement.csv"

# Fields a reader would call a correction when they change; the rest (notes, verification
# dates, second sources) are bookkeeping and listed as "updated".
CORRECTION_FIELDS = (
    Col.AMOUNT,
    Col.CURRENCY,
    Col.AMOUNT_QUALIFIER,
    Col.ANNOUNCED_ON,
    Col.COMPANY,
    Col.COUNTRY_ISO3,
    Col.SUBDIVISION,
    Col.PERIOD_START_YEAR,
    Col.PERIOD_END_YEAR,
    Col.SUPERSEDES,
    Col.PART_OF,
    Col.STATUS,
    Col.PURPOSE,
    Col.SOURCE_URL,
    Col.QUOTE,
    Col.INCLUDES_PRIOR_SPENDING,
    Col.FUNDING,
    Col.SPEND_KIND,
    Col.NEW_MONEY_AMOUNT,
)


@dataclass(frozen=True)
class FieldChange:
    id: str
    field: str
    before: str
    after: str


@dataclass
class Diff:
    added: pd.DataFrame  # rows only in NEW
    removed: pd.DataFrame  # rows only in OLD
    changes: list[FieldChange] = field(default_factory=list)  # rows in both, field by field
    new_columns: list[str] = field(default_factory=list)
    dropped_columns: list[str] = field(default_factory=list)
    country_totals: pd.DataFrame = field(default_factory=pd.DataFrame)
    company_totals: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def restated(self) -> pd.DataFrame:
        """Added rows that restate, replace or raise a pledge that was already there."""
        if self.added.empty or Col.SUPERSEDES not in self.added:
            return self.added.iloc[0:0]
        return self.added[self.added[Col.SUPERSEDES].notna()]

    @property
    def new_pledges(self) -> pd.DataFrame:
        """Added rows that are new pledges (not restatements of earlier ones)."""
        return self.added.drop(index=self.restated.index)

    @property
    def corrected_ids(self) -> list[str]:
        return sorted({c.id for c in self.changes if c.field in CORRECTION_FIELDS})

    @property
    def updated_ids(self) -> list[str]:
        """Rows whose only changes are bookkeeping (notes, verification dates …)."""
        corrected = set(self.corrected_ids)
        return sorted({c.id for c in self.changes} - corrected)

    @property
    def kind(self) -> str:
        """The semantic-version step this diff calls for: a schema change is major, a new
        pledge minor, a correction patch."""
        if self.new_columns or self.dropped_columns:
            return "major"
        if not self.added.empty or not self.removed.empty:
            return "minor"
        return "patch"


# ---------------------------------------------------------------- reading


def repository_root() -> Path:
    """The git checkout the code runs from (revisions are read from it)."""
    return _SOURCE_ROOT


def _git(*args: str) -> subprocess.CompletedProcess:
    """git in the repository; arguments are a list (no shell)."""
    git = shutil.which("git")
    if git is None:
        raise FileNotFoundError("git is not installed: compare data folders instead")
    return subprocess.run(  # noqa: S603 (fixed program, argument list)
        [git, "-C", str(repository_root()), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def _revision(text: str) -> str:
    """A revision as given, refused if git would read it as an option."""
    if text.startswith("-"):
        raise ValueError(f"not a revision: {text!r}")
    return text


def _git_show(revision: str, path: str) -> str | None:
    revision = _revision(revision)
    done = _git("show", f"{revision}:{path}")
    return done.stdout if done.returncode == 0 else None


def read_table(source: str | Path, name: str) -> pd.DataFrame | None:
    """`name` from a data folder, or from `data/` at a git revision; None if absent."""
    folder = Path(source)
    if folder.is_dir():
        path = folder / name
        return _csv(path.read_text(encoding="utf-8")) if path.exists() else None
    text = _git_show(str(source), f"data/{name}")
    return _csv(text) if text is not None else None


def _csv(text: str) -> pd.DataFrame:
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    return frame.replace("", pd.NA)


def describe_source(source: str | Path) -> str:
    """ "data/ (folder)" or "v2.0.0 (06332cf)": how a side is named in the notes."""
    if Path(source).is_dir():
        return str(source)
    short = _git("rev-parse", "--short", _revision(str(source))).stdout.strip()
    return f"{source} ({short})" if short and short != str(source) else str(source)


# ---------------------------------------------------------------- comparing


def _text(value: object) -> str:
    return "" if pd.isna(value) else str(value)


def diff_frames(old: pd.DataFrame, new: pd.DataFrame) -> Diff:
    """The row and field changes between two investments tables (as read by read_table)."""
    old_ids, new_ids = set(old[Col.ID]), set(new[Col.ID])
    added = new[new[Col.ID].isin(new_ids - old_ids)].reset_index(drop=True)
    removed = old[old[Col.ID].isin(old_ids - new_ids)].reset_index(drop=True)
    shared = [c for c in new.columns if c in old.columns and c != Col.ID]
    before = old.set_index(Col.ID)
    after = new.set_index(Col.ID)
    changes = []
    for row_id in sorted(old_ids & new_ids):
        for column in shared:
            a, b = _text(before.at[row_id, column]), _text(after.at[row_id, column])
            if a != b:
                changes.append(FieldChange(row_id, column, a, b))
    return Diff(
        added=added,
        removed=removed,
        changes=changes,
        new_columns=[c for c in new.columns if c not in old.columns],
        dropped_columns=[c for c in old.columns if c not in new.columns],
    )


def usd_values(frame: pd.DataFrame, supplement: pd.DataFrame | None) -> pd.Series:
    """Each row's amount in US dollars at its announcement date (NaN where no rate)."""
    amounts = pd.to_numeric(frame[Col.AMOUNT], errors="coerce")
    if supplement is None:
        supplement = _empty_supplement()
    else:  # as read, every cell is text
        supplement = supplement.assign(local_per_usd=pd.to_numeric(supplement["local_per_usd"]))
    try:
        rates = usd_per_local(frame, supplement=supplement)["usd_per_local"]
    except FxError:
        rates = pd.Series(float("nan"), index=frame.index)
        for index in frame.index:  # row by row, so one missing rate loses only its row
            try:
                rates[index] = usd_per_local(frame.loc[[index]], supplement=supplement).iat[0, 0]
            except FxError:
                continue
    return amounts * pd.to_numeric(rates, errors="coerce")


def _empty_supplement() -> pd.DataFrame:
    return pd.DataFrame(
        columns=[
            "currency",
            "valid_from",
            "valid_to",
            "rate_date",
            "local_per_usd",
            "rate_type",
            "source_publisher",
        ]
    )


def _counted_usd(frame: pd.DataFrame, supplement: pd.DataFrame | None) -> pd.DataFrame:
    frame = frame.copy()
    for column in (Col.SUPERSEDES, Col.PART_OF):
        if column not in frame:
            frame[column] = pd.NA
    rows = counted(frame)
    return rows.assign(usd=usd_values(rows, supplement))


def totals_effect(
    old: pd.DataFrame,
    new: pd.DataFrame,
    key: str,
    *,
    old_supplement: pd.DataFrame | None = None,
    new_supplement: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per `key` (country_iso3 or company): US$ before, after and the change, changed
    groups only, largest change first."""
    before = _counted_usd(old, old_supplement).groupby(key)["usd"].sum(min_count=1)
    after = _counted_usd(new, new_supplement).groupby(key)["usd"].sum(min_count=1)
    table = pd.DataFrame({"before_usd": before, "after_usd": after}).fillna(0.0)
    table["change_usd"] = table["after_usd"] - table["before_usd"]
    changed = table[table["change_usd"].abs() >= 0.5]
    return (
        changed.reindex(changed["change_usd"].abs().sort_values(ascending=False).index)
        .rename_axis(key)
        .reset_index()
    )


def diff(old_source: str | Path, new_source: str | Path) -> Diff:
    """Compare two data folders or git revisions (see the module docstring)."""
    old = read_table(old_source, INVESTMENTS)
    new = read_table(new_source, INVESTMENTS)
    if old is None or new is None:
        missing = old_source if old is None else new_source
        raise FileNotFoundError(f"no data/{INVESTMENTS} at {missing}")
    result = diff_frames(old, new)
    supplements = {
        "old_supplement": read_table(old_source, SUPPLEMENT),
        "new_supplement": read_table(new_source, SUPPLEMENT),
    }
    result.country_totals = totals_effect(old, new, Col.COUNTRY_ISO3, **supplements)
    result.company_totals = totals_effect(old, new, Col.COMPANY, **supplements)
    return result


# ---------------------------------------------------------------- words


def _usd(value: float) -> str:
    from investments.formatting import format_usd

    sign = "+" if value > 0 else "−" if value < 0 else ""
    return sign + format_usd(abs(value))


def _row_line(row: pd.Series) -> str:
    from investments.formatting import format_as_announced

    amount = format_as_announced(
        float(row[Col.AMOUNT]), str(row[Col.CURRENCY]), _text(row.get(Col.AMOUNT_QUALIFIER))
    )
    return f"`{row[Col.ID]}`: {row[Col.COMPANY]} in {row[Col.COUNTRY_ISO3]}, {amount}, announced {row[Col.ANNOUNCED_ON]}"


def release_notes(result: Diff, *, version: str, date: str, old: str, new: str) -> str:
    """A release's entry for data/CHANGELOG.md, drafted from the diff (edit the reasons in)."""
    lines = [f"## {version} ({date})", ""]
    counts = [
        f"{len(result.new_pledges)} new pledge{'s' if len(result.new_pledges) != 1 else ''}",
        f"{len(result.restated)} restated",
        f"{len(result.corrected_ids)} corrected",
        f"{len(result.removed)} removed",
    ]
    lines.append(f"{', '.join(counts)}; compared with {old} → {new}; a {result.kind} release.")
    lines.append("")
    if result.new_columns or result.dropped_columns:
        lines.append("### Schema")
        lines += [f"- New column `{c}`" for c in result.new_columns]
        lines += [f"- Dropped column `{c}`" for c in result.dropped_columns]
        lines.append("")
    sections = (
        ("Added", result.new_pledges),
        ("Restated", result.restated),
        ("Removed", result.removed),
    )
    for title, rows in sections:
        if rows.empty:
            continue
        lines.append(f"### {title}")
        for _index, row in rows.sort_values([Col.ANNOUNCED_ON, Col.ID]).iterrows():
            extra = (
                f" (restates `{row[Col.SUPERSEDES]}`)"
                if title == "Restated" and Col.SUPERSEDES in row
                else ""
            )
            lines.append(f"- {_row_line(row)}{extra}")
        lines.append("")
    if result.corrected_ids:
        lines.append("### Corrected")
        for change in result.changes:
            if change.field in CORRECTION_FIELDS:
                lines.append(
                    f"- `{change.id}` {change.field}: {change.before or '(blank)'} → "
                    f"{change.after or '(blank)'}"
                )
        lines.append("")
    for title, table, key in (
        ("Country totals", result.country_totals, Col.COUNTRY_ISO3),
        ("Company totals", result.company_totals, Col.COMPANY),
    ):
        if table.empty:
            continue
        lines.append(f"### Effect on {title.lower()} (headline, latest per lineage)")
        for _index, row in table.head(15).iterrows():
            lines.append(
                f"- {row[key]}: {_usd(row['change_usd'])} "
                f"({_usd(row['before_usd']).lstrip('+')} → {_usd(row['after_usd']).lstrip('+')})"
            )
        if len(table) > 15:
            lines.append(f"- … and {len(table) - 15} more")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
