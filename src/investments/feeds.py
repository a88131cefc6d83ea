"""Atom feeds of the data's releases, for feed readers: what each release changed, and each
new pledge with its source.

    feeds/releases.atom            one entry per release (its summary and every change) and
                                   one per new pledge (added or restated row) in any release
    feeds/country/<ISO3>.atom      that country's new pledges and corrections
    feeds/company/<key>.atom       that company's new pledges and corrections

A pledge entry gives the pledge as announced (company, country, amount in the currency
announced, announcement date), the amount in US dollars at the announcement-date rate, the
source sentence and link, and the release it came in. Entry ids are tag URIs built from the
announcement id and the release version, so a feed reader never sees an entry twice; every
`updated` date is a release date, so the same data always gives the same bytes.

The figures are those of the current data: an entry of release 1.0.0 whose row was corrected
later says so, and the correction has an entry of its own. Rows a later release removed are
listed in that release's entry only (the data no longer holds what they were).

Links into the app need its public address (`publish --app-url`): Atom readers resolve
relative links against the feed, which is not where the app is.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pandas as pd

from investments import normalize as n
from investments import paths
from investments.citation import AUTHORS, homepage, read_releases
from investments.credits import DATA_LICENCE, PROJECT_NAME
from investments.formatting import (
    code_label,
    count_of,
    country_in_prose,
    format_as_announced,
    format_money,
    format_period,
    format_usd,
    significant,
)
from investments.links import view_link
from investments.load import COMPANY_NAME, COUNTRY_NAME, SUBDIVISION_NAME, Dataset
from investments.schema import Col
from investments.scope import DEFAULT_FIGURES, counted_on_basis

TAG = "tag:big-tech-investment-tracker,2026:"
DEFAULT_APP_URL = "http://localhost:8501"
FEEDS_FOLDER = "feeds"
RELEASES_FEED = "releases.atom"
RELEASE_CHANGES_FILENAME = "release_changes.csv"
RIGHTS = (
    f"{DATA_LICENCE} ({AUTHORS}); quotes remain their publishers' and are reproduced as "
    "short citations"
)
NEW_ROWS = ("added", "restated")  # release_changes.csv `change` values that bring a new row
MONEY_FIELDS = (Col.AMOUNT, Col.NEW_MONEY_AMOUNT)


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    updated: dt.datetime
    content: str  # HTML
    link: str  # the app page (rel="alternate")
    related: str = ""  # the source (rel="related")
    categories: tuple[tuple[str, str], ...] = ()  # (term, label)
    version: str = ""  # the release it belongs to


@dataclass(frozen=True)
class Feed:
    path: str  # inside feeds/, e.g. "country/AUS.atom"
    id: str
    title: str
    subtitle: str
    link: str  # the app page the feed follows (rel="alternate")
    entries: tuple[Entry, ...] = field(default=())

    @property
    def updated(self) -> dt.datetime:
        return max((e.updated for e in self.entries), default=_midnight(dt.date(2026, 1, 1)))


# ------------------------------------------------------------------ the release tables


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """A table as text, whether read with dtype=str or typed by the loader."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            out[column] = values.dt.strftime("%Y-%m-%d")
        out[column] = out[column].astype("string").fillna("").astype(str)
    return out


def release_tables(
    dataset: Dataset, data_dir: Path | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(releases.csv, release_changes.csv) as text: the dataset's own tables if it has
    them, else the files in `data_dir` (by default the folder investments.paths finds)."""
    releases = getattr(dataset, "releases", None)
    changes = getattr(dataset, "release_changes", None)
    if releases is None or changes is None:
        folder = Path(data_dir) if data_dir else paths.data_dir()
        releases = read_releases(folder)
        changes_path = folder / RELEASE_CHANGES_FILENAME
        changes = (
            pd.read_csv(changes_path, dtype=str, keep_default_na=False)
            if changes_path.exists()
            else None
        )
    if releases is None or changes is None:
        return pd.DataFrame(columns=["version", "released_on", "summary"]), pd.DataFrame(
            columns=["version", "change", "announcement_id", "field", "before", "after"]
        )
    return _as_text(releases), _as_text(changes)


def _count(value: str) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return 0


def release_title(release: Mapping[str, str], changes: pd.DataFrame) -> str:
    """ "Data release 4.0.0: 1 correction, 3 new columns"."""
    mine = changes[changes["version"] == release["version"]]
    schema = mine[mine["change"] == "schema"]
    new_columns = int((schema["after"] == "new column").sum())
    parts = [
        count_of(_count(release.get("new_pledges", "")), "new pledge"),
        count_of(_count(release.get("restated", "")), "restatement"),
        count_of(_count(release.get("corrected", "")), "correction"),
        count_of(_count(release.get("removed", "")), "removal"),
        count_of(new_columns, "new column"),
        count_of(len(schema) - new_columns, "other schema change"),
    ]
    shown = [p for p in parts if not p.startswith("0 ")]
    title = f"Data release {release['version']}"
    return f"{title}: {', '.join(shown)}" if shown else title


# ------------------------------------------------------------------ words and links


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(str(text)[:10])


def _long_date(day) -> str:
    return f"{day:%-d %B %Y}"


def _where(row) -> str:
    """ "Australia", "the United States (Indiana)"."""
    country = country_in_prose(row[COUNTRY_NAME])
    subdivision = row[SUBDIVISION_NAME]
    return f"{country} ({subdivision})" if not pd.isna(subdivision) and subdivision else country


def _as_announced(row) -> str:
    return format_as_announced(row[Col.AMOUNT], row[Col.CURRENCY], row[Col.AMOUNT_QUALIFIER])


def pledge_link(app_url: str, row, *, counted: Mapping[str, set[str]]) -> str:
    """The pledge on its country's page: `country?iso3=AUS&detail=<id>`; `detail` only where
    the page lists the row (latest per lineage), with `figures=headline` where only the
    headline figures count it."""
    iso3, pledge = row[Col.COUNTRY_ISO3], row[Col.ID]
    query = {"iso3": iso3}
    if pledge in counted[DEFAULT_FIGURES]:
        query["detail"] = pledge
    elif pledge in counted["headline"]:
        query |= {"detail": pledge, "figures": "headline"}
    return view_link(app_url, "country", query)


def _counted_by_page(normalized: pd.DataFrame) -> dict[str, set[str]]:
    """The ids each country page lists, on each basis (as pages/country.py counts them)."""
    out: dict[str, set[str]] = {DEFAULT_FIGURES: set(), "headline": set()}
    for _iso3, rows in normalized.groupby(Col.COUNTRY_ISO3, sort=True):
        for figures, ids in out.items():
            ids.update(counted_on_basis(rows, figures)[Col.ID])
    return out


def _e(value) -> str:
    return html.escape(str(value))


def _pledge_facts(row) -> list[str]:
    """The pledge as announced, in US dollars, and its source, as HTML list items."""
    period = format_period(row[Col.PERIOD_START_YEAR], row[Col.PERIOD_END_YEAR])
    facts = [
        f"As announced: <strong>{_e(_as_announced(row))}</strong> "
        f"({_e(row[Col.CURRENCY])}), announced {_e(_long_date(row[Col.ANNOUNCED_ON]))}"
        + ("" if period == "period not stated" else f", for {_e(period)}")
    ]
    usd = row[n.AMOUNT_USD_NOMINAL]
    if row[Col.CURRENCY] != "USD" and not pd.isna(usd):
        facts.append(
            f"In US dollars at the announcement-date rate: about <strong>{_e(format_usd(usd))}"
            f"</strong> (US${_e(significant(row[n.USD_PER_LOCAL], 4))} per "
            f"{_e(row[Col.CURRENCY])}: {_e(row[n.FX_SOURCE])}, {_e(_long_date(row[n.FX_DATE]))})"
        )
    facts.append(
        f"Purpose: {_e(code_label(row[Col.PURPOSE]))}; status: {_e(code_label(row[Col.STATUS]))}"
        + (" (reported; the company has not confirmed it)" if row[Col.STATUS] == "reported" else "")
    )
    publisher = row[Col.SOURCE_PUBLISHER]
    facts.append(
        f'Source: <a href="{_e(row[Col.SOURCE_URL])}">'
        f"{_e(publisher if not pd.isna(publisher) and publisher else row[Col.SOURCE_URL])}</a>: "
        f"“{_e(row[Col.QUOTE])}”"
    )
    return facts


def _list(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _field(name: str) -> str:
    """ "source_url" -> "Source URL"."""
    return code_label(name).replace(" url", " URL")


def _fields(names: Iterable[str]) -> str:
    """ "amount, source URL"."""
    return ", ".join(_field(name)[:1].lower() + _field(name)[1:] for name in names)


def _value(name: str, text: str, currency: str) -> str:
    if not text:
        return "(blank)"
    if name in MONEY_FIELDS:
        try:
            return f"{format_money(float(text), currency)} ({text})"
        except ValueError:
            return text
    return text


# ------------------------------------------------------------------ entries


@dataclass(frozen=True)
class _Release:
    version: str
    released_on: dt.date
    title: str
    summary: str


def _releases(releases: pd.DataFrame, changes: pd.DataFrame) -> list[_Release]:
    out = []
    for record in releases.to_dict("records"):
        try:
            day = _day(record["released_on"])
        except ValueError:
            continue
        out.append(
            _Release(
                version=record["version"],
                released_on=day,
                title=release_title(record, changes),
                summary=record.get("summary", ""),
            )
        )
    return out


def _pledge_entry(row, release: _Release, change, *, app_url, counted, later) -> Entry:
    company, pledge = row[COMPANY_NAME], row[Col.ID]
    restated = change["change"] == "restated"
    title = f"{company}: {_as_announced(row)} for {_where(row)}"
    if restated:
        title = f"{company} restates: {_as_announced(row)} for {_where(row)}"
    notes = [
        f"Came in data release {_e(release.version)} ({_e(_long_date(release.released_on))})"
        + (f"; it restates {_e(change['before'])}" if restated and change["before"] else "")
    ]
    for version, fields in later:
        notes.append(f"Corrected in data release {_e(version)}: {_e(_fields(fields))}")
    body = f"<p><strong>{_e(company)}</strong> · {_e(_where(row))} · {_e(pledge)}</p>" + _list(
        _pledge_facts(row) + notes
    )
    return _about_pledge(
        row, release, "pledge", title, body, pledge_link(app_url, row, counted=counted)
    )


def _about_pledge(row, release: _Release, kind: str, title: str, body: str, link: str) -> Entry:
    """An entry about one pledge: `body` (HTML), then the link to it in the tracker."""
    return Entry(
        id=f"{TAG}{kind}/{row[Col.ID]}/{release.version}",
        title=title,
        updated=_midnight(release.released_on),
        content=body + f'<p><a href="{_e(link)}">See it in the tracker</a></p>',
        link=link,
        related=row[Col.SOURCE_URL],
        categories=_categories(row),
        version=release.version,
    )


def _categories(row) -> tuple[tuple[str, str], ...]:
    return (
        (row[Col.COMPANY], row[COMPANY_NAME]),
        (row[Col.COUNTRY_ISO3], row[COUNTRY_NAME]),
    )


def _correction_entry(row, release: _Release, fields: pd.DataFrame, *, app_url, counted) -> Entry:
    company, pledge = row[COMPANY_NAME], row[Col.ID]
    changed = [
        f"{_e(_field(f['field']))}: {_e(_value(f['field'], f['before'], row[Col.CURRENCY]))} "
        f"→ {_e(_value(f['field'], f['after'], row[Col.CURRENCY]))}"
        + (f" ({_e(f['reason'])})" if f.get("reason") else "")
        for f in fields.to_dict("records")
    ]
    body = (
        f"<p>Data release {_e(release.version)} ({_e(_long_date(release.released_on))}) "
        f"corrected {_e(company)}'s pledge for {_e(_where(row))} ({_e(pledge)}):</p>"
        + _list(changed)
        + "<p>The pledge as it now reads:</p>"
        + _list(_pledge_facts(row))
    )
    title = (
        f"Correction in data release {release.version}: {company}, {_as_announced(row)} "
        f"for {_where(row)} ({_fields(fields['field'])})"
    )
    return _about_pledge(
        row, release, "correction", title, body, pledge_link(app_url, row, counted=counted)
    )


def _release_entry(release: _Release, changes: pd.DataFrame, rows, *, app_url) -> Entry:
    mine = changes[changes["version"] == release.version]
    sections = [f"<p>{_e(release.summary)}</p>"] if release.summary else []

    def described(pledge: str) -> str:
        if pledge not in rows.index:
            return _e(pledge)
        row = rows.loc[pledge]
        return (
            f"{_e(row[COMPANY_NAME])} · {_e(_where(row))} · {_e(_as_announced(row))}, "
            f"announced {_e(_long_date(row[Col.ANNOUNCED_ON]))} ({_e(pledge)})"
        )

    groups = (
        ("added", "New pledges"),
        ("restated", "Restated pledges (the new row replaces the one named)"),
    )
    for change, heading in groups:
        part = mine[mine["change"] == change]
        if not part.empty:
            items = [
                described(c["announcement_id"])
                + (f"; restates {_e(c['before'])}" if change == "restated" and c["before"] else "")
                for c in part.to_dict("records")
            ]
            sections.append(f"<h3>{heading} ({len(part)})</h3>" + _list(items))
    corrected = mine[mine["change"] == "corrected"]
    if not corrected.empty:
        items = []
        for pledge, fields in corrected.groupby("announcement_id", sort=False):
            currency = rows.loc[pledge, Col.CURRENCY] if pledge in rows.index else ""
            items.append(
                described(pledge)
                + _list(
                    f"{_e(_field(f['field']))}: {_e(_value(f['field'], f['before'], currency))}"
                    f" → {_e(_value(f['field'], f['after'], currency))}"
                    for f in fields.to_dict("records")
                )
            )
        sections.append(
            f"<h3>Corrections ({corrected['announcement_id'].nunique()})</h3>" + _list(items)
        )
    removed = mine[mine["change"] == "removed"]
    if not removed.empty:
        items = [
            f'{_e(c["announcement_id"])}: {_e(c["reason"])} (its source was <a href="'
            f'{_e(c["source_url"])}">{_e(c["source_url"])}</a>)'
            for c in removed.to_dict("records")
        ]
        sections.append(f"<h3>Removed ({len(removed)})</h3>" + _list(items))
    schema = mine[mine["change"] == "schema"]
    if not schema.empty:
        items = [
            f"<code>{_e(c['field'])}</code>: {_e(c['after'])}" for c in schema.to_dict("records")
        ]
        sections.append(f"<h3>Columns ({len(schema)})</h3>" + _list(items))
    link = view_link(app_url, "changes", {})
    sections.append(f'<p><a href="{_e(link)}">What changed, in the tracker</a></p>')
    return Entry(
        id=f"{TAG}release/{release.version}",
        title=release.title,
        updated=_midnight(release.released_on),
        content="".join(sections),
        link=link,
        version=release.version,
    )


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in version.split("."))


def _newest_first(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    """Newest release first (two releases can share a day); in a release, its own entry,
    then its pledges and corrections by title."""
    return tuple(
        sorted(
            entries,
            key=lambda e: (
                -e.updated.toordinal(),
                tuple(-part for part in _version_key(e.version)),
                not e.id.startswith(f"{TAG}release/"),
                e.title,
                e.id,
            ),
        )
    )


def build_feeds(
    normalized: pd.DataFrame,
    releases: pd.DataFrame,
    changes: pd.DataFrame,
    *,
    app_url: str = DEFAULT_APP_URL,
) -> list[Feed]:
    """Every feed, from the normalized table and the two release tables (as text)."""
    app_url = app_url.rstrip("/") + "/"
    rows = normalized.set_index(Col.ID, drop=False)
    counted = _counted_by_page(normalized)
    known = _releases(releases, changes)
    by_version = {r.version: r for r in known}
    corrected = changes[
        (changes["change"] == "corrected") & changes["announcement_id"].isin(rows.index)
    ]
    later: dict[str, list[tuple[str, list[str]]]] = {}
    for (version, pledge), fields in corrected.groupby(["version", "announcement_id"], sort=False):
        later.setdefault(pledge, []).append((version, list(fields["field"])))

    pledges: list[tuple[str, Entry]] = []  # (id, entry)
    news = changes[changes["change"].isin(NEW_ROWS) & changes["announcement_id"].isin(rows.index)]
    for change in news.to_dict("records"):
        release = by_version.get(change["version"])
        if release is None:
            continue
        pledge = change["announcement_id"]
        after = [
            (v, f)
            for v, f in later.get(pledge, [])
            if _version_key(v) > _version_key(release.version)
        ]
        entry = _pledge_entry(
            rows.loc[pledge], release, change, app_url=app_url, counted=counted, later=after
        )
        pledges.append((pledge, entry))
    corrections: list[tuple[str, Entry]] = []
    for (version, pledge), fields in corrected.groupby(["version", "announcement_id"], sort=False):
        if version in by_version:
            entry = _correction_entry(
                rows.loc[pledge], by_version[version], fields, app_url=app_url, counted=counted
            )
            corrections.append((pledge, entry))

    feeds = [
        Feed(
            path=RELEASES_FEED,
            id=f"{TAG}feeds/releases",
            title=f"{PROJECT_NAME}: data releases and new pledges",
            subtitle="Every data release (what it added, restated, corrected and removed) "
            "and every new pledge, with its source and the amount in US dollars.",
            link=view_link(app_url, "changes", {}),
            entries=_newest_first(
                [_release_entry(r, changes, rows, app_url=app_url) for r in known]
                + [e for _, e in pledges]
            ),
        )
    ]
    for key, column, name_column, folder, page, query in (
        ("country", Col.COUNTRY_ISO3, COUNTRY_NAME, "country", "country", "iso3"),
        ("company", Col.COMPANY, COMPANY_NAME, "company", "changes", "company"),
    ):
        owner = dict(zip(rows[Col.ID], rows[column], strict=True))
        for value, group in normalized.groupby(column, sort=True):
            name = group[name_column].iloc[0]
            mine = [e for pledge, e in pledges + corrections if owner[pledge] == value]
            feeds.append(
                Feed(
                    path=f"{folder}/{value}.atom",
                    id=f"{TAG}feeds/{folder}/{value}",
                    title=f"{PROJECT_NAME}: {name}, new pledges and corrections",
                    subtitle=f"Every pledge {'for' if key == 'country' else 'by'} {name} as "
                    "it comes into the data, and every correction, with its source and the "
                    "amount in US dollars.",
                    link=view_link(app_url, page, {query: value}),
                    entries=_newest_first(mine),
                )
            )
    return feeds


# ------------------------------------------------------------------ Atom


class _EntryLinks:
    """A feedgen entry extension (feedgen.ext.base.BaseEntryExtension's one Atom method)
    writing an entry's links with their `rel` and `type`: feedgen 1.0.0 writes only the
    `href` of an entry's links (lkiesow/python-feedgen#135), so the source link would read
    as a second alternate."""

    def __init__(self) -> None:
        self.links: list[dict[str, str]] = []

    def extend_atom(self, entry):
        from lxml import etree  # feedgen's XML library

        for link in self.links:
            etree.SubElement(entry, "link", **link)
        return entry


def atom_bytes(feed: Feed, *, self_href: str, author_uri: str = "") -> bytes:
    """The feed as Atom 1.0 (feedgen), every date from the data: same data, same bytes."""
    from feedgen.feed import FeedGenerator  # imported when feeds are written, not for the CLI

    fg = FeedGenerator()
    fg.id(feed.id)
    fg.title(feed.title)
    fg.subtitle(feed.subtitle)
    fg.updated(feed.updated)
    fg.author({"name": AUTHORS, **({"uri": author_uri} if author_uri else {})})
    fg.rights(RIGHTS)
    fg.language("en")
    fg.generator(PROJECT_NAME, uri=author_uri or None)
    fg.link(href=self_href, rel="self", type="application/atom+xml")
    fg.link(href=feed.link, rel="alternate", type="text/html")
    for entry in feed.entries:
        fe = fg.add_entry(order="append")
        fe.id(entry.id)
        fe.title(entry.title)
        fe.updated(entry.updated)
        fe.published(entry.updated)
        fe.register_extension("tracker_links", _EntryLinks, atom=True, rss=False)
        fe.tracker_links.links = [{"href": entry.link, "rel": "alternate", "type": "text/html"}]
        if entry.related:
            fe.tracker_links.links.append({"href": entry.related, "rel": "related"})
        for term, label in entry.categories:
            fe.category(term=term, label=label)
        fe.content(entry.content, type="html")
    return fg.atom_str(pretty=True)


def feed_href(feeds_url: str, path: str) -> str:
    """The feed's own address: under `feeds_url` when the folder's public address is known,
    else its file name (a reference relative to the feed itself)."""
    if feeds_url:
        return f"{feeds_url.rstrip('/')}/{path}"
    return PurePosixPath(path).name


def write_feeds(
    dataset: Dataset,
    out_dir: Path,
    *,
    app_url: str = DEFAULT_APP_URL,
    feeds_url: str = "",
    base_year: int | None = None,
    data_dir: Path | None = None,
) -> list[Path]:
    """Write every feed into `out_dir` (releases.atom, country/, company/); returns the
    paths. `feeds_url` is the public address of `out_dir`, for the feeds' self links."""
    out_dir = Path(out_dir)
    releases, changes = release_tables(dataset, data_dir)
    normalized = n.normalize(dataset, base_year=base_year)
    try:
        author_uri = homepage(Path(data_dir) if data_dir else paths.data_dir())
    except paths.NotFound:
        author_uri = ""
    written = []
    for feed in build_feeds(normalized, releases, changes, app_url=app_url):
        path = out_dir / feed.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(
            atom_bytes(feed, self_href=feed_href(feeds_url, feed.path), author_uri=author_uri)
        )
        written.append(path)
    return written
