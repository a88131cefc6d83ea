"""What each data release changed, in the terms a reader uses: which pledges, named by
company, country, amount and date, and where in the app each one can be read.

releases.csv and release_changes.csv record a release's changes by announcement id, one
row per corrected field, as `python -m investments diff` found them. A reader does not
know ids: this module joins each change to today's names and amounts, groups a pledge's
corrected fields together, says which page shows the pledge's sources, and applies the
reader's company and country filter. It is plain pandas (no Streamlit), so the "What
changed" page and the Overview's release line stay thin and the logic is tested directly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import pandas as pd

from investments.code_words import code_words
from investments.countries import country_name
from investments.i18n import N_
from investments.load import COMPANY_NAME, COUNTRY_NAME, Dataset
from investments.schema import Col, CompanyCol
from investments.scope import counted_on_basis
from investments.style import EN, Style

# The kinds of change a reader is shown, in the order the page lists them.
ADDED, RESTATED, CORRECTED, REMOVED, SCHEMA = "added", "restated", "corrected", "removed", "schema"
PLEDGE_CHANGES = (ADDED, RESTATED, CORRECTED, REMOVED)
NEW_COLUMN = "new column"  # release_changes.after for a column added to the schema

# A corrected field as a reader calls it; a field not listed is shown by its column name.
FIELD_WORDS: dict[str, str] = {
    Col.AMOUNT: N_("amount"),
    Col.CURRENCY: N_("currency"),
    Col.AMOUNT_QUALIFIER: N_("amount qualifier"),
    Col.ANNOUNCED_ON: N_("date announced"),
    Col.COMPANY: N_("company"),
    Col.COUNTRY_ISO3: N_("country"),
    Col.SUBDIVISION: N_("region within the country"),
    Col.PERIOD_START_YEAR: N_("first year"),
    Col.PERIOD_END_YEAR: N_("last year"),
    Col.SUPERSEDES: N_("restates"),
    Col.PART_OF: N_("part of"),
    Col.STATUS: N_("status"),
    Col.PURPOSE: N_("purpose"),
    Col.SOURCE_URL: N_("source"),
    Col.QUOTE: N_("quote"),
    Col.INCLUDES_PRIOR_SPENDING: N_("includes earlier spending"),
    Col.FUNDING: N_("whose money"),
    Col.SPEND_KIND: N_("kind of spending"),
    Col.NEW_MONEY_AMOUNT: N_("new money"),
}
_MONEY_FIELDS = (Col.AMOUNT, Col.NEW_MONEY_AMOUNT)
_CODE_FIELDS = (Col.AMOUNT_QUALIFIER, Col.STATUS, Col.PURPOSE, Col.FUNDING, Col.SPEND_KIND)
_PLEDGE_FIELDS = (Col.SUPERSEDES, Col.PART_OF)
BLANK = N_("blank")

# "{count} …" for each count of a release's headline: (one, several). The catalogue has no
# plural forms (investments.style.Style.count), so English picks the form here.
_COUNT_WORDS = {
    "new_pledges": (N_("{count} new pledge"), N_("{count} new pledges")),
    "restated": (N_("{count} restated"), N_("{count} restated")),
    "corrected": (N_("{count} correction"), N_("{count} corrections")),
    "removed": (N_("{count} removal"), N_("{count} removals")),
    "new_columns": (N_("{count} new column"), N_("{count} new columns")),
}


WORD_JOINER = "\u2060"


def unbroken(text: str, style: Style = EN) -> str:
    """`text` kept on one line in a language written without spaces: a browser may break
    Japanese between any two characters ("2026年12月6" / "日"), so the characters are
    joined with U+2060 WORD JOINER (invisible, and ignored by screen readers). Other
    languages break at spaces and are left alone."""
    if style.lang not in ("ja", "zh") or len(text) < 2:
        return text
    return WORD_JOINER.join(text)


@dataclass(frozen=True)
class Counts:
    """How many pledges a release added, restated, corrected and removed (releases.csv),
    and how many columns it added (release_changes.csv)."""

    new_pledges: int = 0
    restated: int = 0
    corrected: int = 0
    removed: int = 0
    new_columns: int = 0

    def words(self, style: Style = EN, *, columns: bool = True) -> str:
        """ "64 new pledges, 18 restated, 3 corrections, 7 new columns" / "新規の投資表明64件、…".

        Zeros are left out. Without `columns` (the Overview's short line) the columns are
        not counted, and a release that only added columns says "new columns"."""
        _ = style._
        parts = []
        for name, (one, several) in _COUNT_WORDS.items():
            count = getattr(self, name)
            if not count or (name == "new_columns" and not columns):
                continue
            words = _(one if count == 1 else several).format(count=f"{count:,}")
            parts.append(unbroken(words, style))
        if not parts:
            return unbroken(_("new columns") if self.new_columns else _("no changes"), style)
        return _(", ").join(parts)


@dataclass(frozen=True)
class Pledge:
    """One announcement as a reader knows it. A pledge no longer in the data is named from
    its id (`<company>-<iso3>-<yyyy>-<mm>…`, datapackage.json): its company, country and
    month, without an amount."""

    id: str
    company: str | None  # key in companies.csv
    company_name: str  # English; the page puts it in the reader's language
    country_iso3: str | None
    country_name: str
    announced_on: pd.Timestamp | None
    amount: float | None
    currency: str | None
    amount_qualifier: str
    source_url: str
    in_data: bool  # False: removed since, so no page shows it (and only its month is known)


@dataclass(frozen=True)
class FieldCorrection:
    field: str
    before: str
    after: str
    reason: str
    # For a field that names another pledge (supersedes, part_of): that pledge, so the
    # page can name and link it instead of showing its id.
    before_pledge: Pledge | None = None
    after_pledge: Pledge | None = None


@dataclass(frozen=True)
class ChangedPledge:
    """A pledge and what one release did to it."""

    change: str  # added, restated, corrected or removed
    pledge: Pledge
    restates: Pledge | None = None  # for a restatement: the earlier pledge
    corrections: tuple[FieldCorrection, ...] = ()
    reason: str = ""
    source_url: str = ""  # the source as the release had it


@dataclass(frozen=True)
class Release:
    version: str
    released_on: dt.date | None
    kind: str
    summary: str
    counts: Counts
    schema_changes: tuple[tuple[str, str], ...]  # (column, what happened to it)
    pledges: tuple[ChangedPledge, ...]

    @property
    def new_columns(self) -> list[str]:
        return [column for column, what in self.schema_changes if what == NEW_COLUMN]

    def of(self, change: str) -> list[ChangedPledge]:
        return [p for p in self.pledges if p.change == change]

    def filtered(self, companies: Iterable[str] = (), countries: Iterable[str] = ()) -> Release:
        """The release with only the pledges of these companies in these countries (either
        left empty means all). The counts stay the release's own: they describe the
        release, and the page says how many of its pledges are left."""
        companies, countries = set(companies), set(countries)

        def keep(changed: ChangedPledge) -> bool:
            pledge = changed.pledge
            return (not companies or pledge.company in companies) and (
                not countries or pledge.country_iso3 in countries
            )

        return replace(self, pledges=tuple(p for p in self.pledges if keep(p)))

    def headline(self, style: Style = EN) -> str:
        """ "4.0.0 · 6 December 2026 · 1 correction, 3 new columns"."""
        return style._("{version} · {day} · {counts}").format(
            version=self.version,
            day=unbroken(style.date(self.released_on), style) if self.released_on else "",
            counts=self.counts.words(style),
        )


def _version_key(version: str) -> tuple:
    """ "10.0.0" after "9.1.0": numbers compared as numbers, anything else after them."""
    parts = str(version).split(".")
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


def _text(value: object) -> str:
    return "" if pd.isna(value) else str(value)


def _id_parts(
    pledge_id: str, company_keys: Iterable[str]
) -> tuple[str | None, str | None, pd.Timestamp | None]:
    """(company, iso3, month) read from an id by its documented pattern; the longest
    company key wins, so `sk-hynix-kor-…` is SK hynix, not a company called "sk"."""
    for key in sorted(company_keys, key=len, reverse=True):
        prefix = key.replace("_", "-") + "-"
        if not pledge_id.startswith(prefix):
            continue
        found = re.match(r"([a-z]{3})-(\d{4})-(\d{2})(?:-|$)", pledge_id[len(prefix) :])
        if found:
            iso3, year, month = found.groups()
            month_start = pd.Timestamp(int(year), int(month), 1) if 1 <= int(month) <= 12 else None
            return key, iso3.upper(), month_start
        return key, None, None
    return None, None, None


class _Pledges:
    """Looks pledges up by id in today's data, or names them from their id."""

    def __init__(self, dataset: Dataset) -> None:
        rows = dataset.investments
        self._rows = {pledge_id: i for i, pledge_id in enumerate(rows[Col.ID])}
        self._frame = rows
        companies = dataset.companies
        self._company_names = dict(
            zip(companies[CompanyCol.COMPANY], companies[CompanyCol.DISPLAY_NAME], strict=True)
        )

    def get(self, pledge_id: str, source_url: str = "") -> Pledge:
        index = self._rows.get(pledge_id)
        if index is not None:
            row = self._frame.iloc[index]
            return Pledge(
                id=pledge_id,
                company=str(row[Col.COMPANY]),
                company_name=_text(row[COMPANY_NAME]) or str(row[Col.COMPANY]),
                country_iso3=str(row[Col.COUNTRY_ISO3]),
                country_name=_text(row[COUNTRY_NAME]) or str(row[Col.COUNTRY_ISO3]),
                announced_on=row[Col.ANNOUNCED_ON],
                amount=float(row[Col.AMOUNT]),
                currency=str(row[Col.CURRENCY]),
                amount_qualifier=_text(row[Col.AMOUNT_QUALIFIER]) or "exact",
                source_url=_text(row[Col.SOURCE_URL]) or source_url,
                in_data=True,
            )
        company, iso3, month = _id_parts(pledge_id, self._company_names)
        return Pledge(
            id=pledge_id,
            company=company,
            company_name=self._company_names.get(company, company or pledge_id),
            country_iso3=iso3,
            country_name=_country_name(iso3) if iso3 else "",
            announced_on=month,
            amount=None,
            currency=None,
            amount_qualifier="exact",
            source_url=source_url,
            in_data=False,
        )


def release_history(dataset: Dataset) -> tuple[Release, ...]:
    """Every release with its changed pledges, newest first (by version number, whatever
    the file's order). Within a kind of change, pledges follow the file (which lists
    added pledges by date)."""
    pledges = _Pledges(dataset)
    changes = dataset.release_changes
    by_version: dict[str, list[dict]] = {}
    for record in changes.astype(object).where(changes.notna(), None).to_dict("records"):
        by_version.setdefault(str(record["version"]), []).append(record)

    out = []
    for record in dataset.releases.astype(object).to_dict("records"):
        version = str(record["version"])
        rows = by_version.get(version, [])
        schema = tuple(
            (_text(r["field"]), _text(r["after"])) for r in rows if r["change"] == SCHEMA
        )
        released = record.get("released_on")
        out.append(
            Release(
                version=version,
                released_on=None if pd.isna(released) else pd.Timestamp(released).date(),
                kind=_text(record.get("kind")),
                summary=_text(record.get("summary")),
                counts=Counts(
                    new_pledges=_count(record.get("new_pledges")),
                    restated=_count(record.get("restated")),
                    corrected=_count(record.get("corrected")),
                    removed=_count(record.get("removed")),
                    new_columns=sum(1 for _column, what in schema if what == NEW_COLUMN),
                ),
                schema_changes=schema,
                pledges=tuple(_changed_pledges(rows, pledges)),
            )
        )
    return tuple(sorted(out, key=lambda r: _version_key(r.version), reverse=True))


def _country_name(iso3: str) -> str:
    """The English name, or the code itself if it is not one (an id or a value as
    recorded may be wrong: that is what a correction is for)."""
    try:
        return country_name(iso3)
    except KeyError:
        return iso3


def _count(value: object) -> int:
    return 0 if value is None or pd.isna(value) else int(value)


def _changed_pledges(rows: list[dict], pledges: _Pledges) -> list[ChangedPledge]:
    """One entry per pledge and kind of change: a correction's fields grouped together."""
    out: list[ChangedPledge] = []
    for change in PLEDGE_CHANGES:
        grouped: dict[str, list[dict]] = {}
        for row in rows:
            if row["change"] == change and row["announcement_id"]:
                grouped.setdefault(str(row["announcement_id"]), []).append(row)
        for pledge_id, fields in grouped.items():
            first = fields[0]
            source = _text(first["source_url"])
            reasons = list(dict.fromkeys(_text(f["reason"]) for f in fields if f["reason"]))
            out.append(
                ChangedPledge(
                    change=change,
                    pledge=pledges.get(pledge_id, source),
                    restates=pledges.get(_text(first["before"]))
                    if change == RESTATED and first["before"]
                    else None,
                    corrections=tuple(_correction(f, pledges) for f in fields)
                    if change == CORRECTED
                    else (),
                    reason=" ".join(reasons),
                    source_url=source,
                )
            )
    return out


def _correction(row: dict, pledges: _Pledges) -> FieldCorrection:
    field, before, after = _text(row["field"]), _text(row["before"]), _text(row["after"])
    names_pledges = field in _PLEDGE_FIELDS
    return FieldCorrection(
        field,
        before,
        after,
        _text(row["reason"]),
        before_pledge=pledges.get(before) if names_pledges and before else None,
        after_pledge=pledges.get(after) if names_pledges and after else None,
    )


def latest_release(dataset: Dataset) -> Release | None:
    """The newest release, for the Overview's one-line headline (None if none recorded)."""
    history = release_history(dataset)
    return history[0] if history else None


def filter_choices(history: Iterable[Release]) -> tuple[dict[str, str], dict[str, str]]:
    """The companies and countries a reader can filter by: those of the changed pledges,
    as {key: English name} (a URL naming anything else is refused)."""
    companies: dict[str, str] = {}
    countries: dict[str, str] = {}
    for release in history:
        for changed in release.pledges:
            for pledge in (changed.pledge, changed.restates):
                if pledge is None:
                    continue
                if pledge.company:
                    companies.setdefault(pledge.company, pledge.company_name)
                if pledge.country_iso3:
                    countries.setdefault(pledge.country_iso3, pledge.country_name)
    return companies, countries


def detail_links(normalized: pd.DataFrame) -> dict[str, tuple[str, dict[str, str]]]:
    """id -> (page, query) of a page whose "What sources reported" panel shows the pledge.

    The country page lists a country's pledges as its totals count them: the latest per
    lineage, on the comparable basis unless `figures=headline`. A pledge it counts on
    either basis links there; one it never shows (restated by a later pledge, or a part
    already counted in a broader one) links to Explore with every announcement shown, so
    no link opens a page without the pledge it promised."""
    links: dict[str, tuple[str, dict[str, str]]] = {}
    for iso3, rows in normalized.groupby(Col.COUNTRY_ISO3, observed=True, sort=False):
        comparable = set(counted_on_basis(rows, "comparable")[Col.ID])
        headline = set(counted_on_basis(rows, "headline")[Col.ID])
        for pledge_id, company in zip(rows[Col.ID], rows[Col.COMPANY], strict=True):
            if pledge_id in comparable:
                links[pledge_id] = ("country", {"iso3": str(iso3), "detail": pledge_id})
            elif pledge_id in headline:
                links[pledge_id] = (
                    "country",
                    {"iso3": str(iso3), "figures": "headline", "detail": pledge_id},
                )
            else:
                links[pledge_id] = (
                    "explore",
                    {
                        "company": str(company),
                        "country": str(iso3),
                        "lineage": "all",
                        "figures": "headline",
                        "detail": pledge_id,
                    },
                )
    return links


def field_label(field: str, style: Style = EN) -> str:
    """A corrected field as a reader calls it ("amount", "date announced")."""
    words = FIELD_WORDS.get(field)
    return style._(words) if words else field


def field_value(field: str, value: str, pledge: Pledge, style: Style = EN) -> str:
    """A before or after value as a reader reads it: amounts in the pledge's currency,
    dates and codes in words, names in the reader's language; other text as recorded."""
    if value == "":
        return style._(BLANK)
    try:
        if field in _MONEY_FIELDS and pledge.currency:
            return style.money(float(value), pledge.currency)
        if field == Col.ANNOUNCED_ON:
            return style.date(dt.date.fromisoformat(value))
    except ValueError:
        return value
    if field in _CODE_FIELDS:
        return code_words(value, style)
    if field == Col.COUNTRY_ISO3:
        return style.country(value, _country_name(value))
    return value


def names_of(
    keys: Iterable[str], names: Mapping[str, str], style: Style, *, countries: bool
) -> list[str]:
    """Filter values named in the reader's language, for the page's one-line description."""
    if countries:
        return [style.country(k, names.get(k, k)) for k in keys]
    return [style.company(k, names.get(k, k)) for k in keys]
