"""The Atom feeds `publish` writes, read back with feedparser as a feed reader would; and the
citation, as CITATION.cff, the Sources page and the data package zip give it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import feedparser
import pandas as pd
import pytest
import yaml

from charts.publish import feeds_section
from investments import normalize as n
from investments.citation import DATA_TITLE, read_citation, release_tag
from investments.cli import build_parser
from investments.feeds import (
    DEFAULT_APP_URL,
    RELEASES_FEED,
    TAG,
    release_title,
    write_feeds,
)
from investments.formatting import format_as_announced, format_usd
from investments.load import load_dataset
from investments.package_zip import FOLDER, data_package_zip
from investments.paths import data_dir
from investments.schema import Col
from tests.apptests import run_page

ROOT = Path(__file__).resolve().parents[1]
APP_URL = "https://tracker.example.org/app"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


@pytest.fixture(scope="module")
def changes():
    return pd.read_csv(data_dir() / "release_changes.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def releases():
    return pd.read_csv(data_dir() / "releases.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def published(dataset, tmp_path_factory):
    """{path inside feeds/: parsed feed}, written from the shipped data."""
    out = tmp_path_factory.mktemp("feeds")
    written = write_feeds(dataset, out, app_url=APP_URL, base_year=2024)
    return out, {p.relative_to(out).as_posix(): feedparser.parse(p.read_bytes()) for p in written}


def _pledge_entries(feed):
    return [e for e in feed.entries if e.id.startswith(f"{TAG}pledge/")]


def _link(entry, rel):
    return next((link.href for link in entry.links if link.rel == rel), None)


def test_one_feed_for_releases_and_each_country_and_company(published, dataset):
    _, feeds = published
    rows = dataset.investments
    assert set(feeds) == {
        RELEASES_FEED,
        *(f"country/{iso3}.atom" for iso3 in rows[Col.COUNTRY_ISO3].unique()),
        *(f"company/{key}.atom" for key in rows[Col.COMPANY].unique()),
    }


def test_every_feed_is_well_formed_atom_with_its_metadata(published):
    _, feeds = published
    for path, feed in feeds.items():
        assert feed.bozo == 0, (path, feed.get("bozo_exception"))
        assert feed.version == "atom10", path
        assert feed.feed.title and feed.feed.id.startswith(TAG) and feed.feed.updated, path
        assert feed.feed.rights.startswith("CC BY 4.0"), path
        assert feed.feed.author == "Big Tech Investment Tracker contributors", path
        rels = {link.rel: link.href for link in feed.feed.links}
        assert rels["self"] == Path(path).name, "no public address given: the file's own name"
        assert rels["alternate"].startswith(APP_URL + "/"), "links into the app are absolute"
        assert feed.entries, path
        ids = [e.id for e in feed.entries]
        assert len(ids) == len(set(ids)), path
        for entry in feed.entries:
            assert entry.id.startswith(TAG) and entry.title and entry.updated, (path, entry.id)
            assert _link(entry, "alternate").startswith(APP_URL + "/"), entry.id


def test_feed_ids_are_stable_and_distinct(published):
    _, feeds = published
    assert feeds[RELEASES_FEED].feed.id == f"{TAG}feeds/releases"
    assert feeds["country/AUS.atom"].feed.id == f"{TAG}feeds/country/AUS"
    assert feeds["company/microsoft.atom"].feed.id == f"{TAG}feeds/company/microsoft"
    assert len({f.feed.id for f in feeds.values()}) == len(feeds)


def test_the_release_feed_has_one_entry_per_release_newest_first(published, releases):
    _, feeds = published
    feed = feeds[RELEASES_FEED]
    entries = [e for e in feed.entries if e.id.startswith(f"{TAG}release/")]
    assert [e.id.rsplit("/", 1)[1] for e in entries] == list(releases["version"])
    assert feed.entries[0].id == f"{TAG}release/{releases['version'].iloc[0]}"
    assert feed.feed.updated.startswith(releases["released_on"].iloc[0])
    newest = entries[0]
    assert newest.updated.startswith(releases["released_on"].iloc[0])
    assert releases["summary"].iloc[0].split(";")[0] in newest.content[0].value


def test_the_release_feed_has_one_entry_per_new_pledge_still_in_the_data(
    published, changes, dataset
):
    _, feeds = published
    new = changes[changes["change"].isin(["added", "restated"])]
    kept = new[new["announcement_id"].isin(set(dataset.investments[Col.ID]))]
    assert len(kept) > 300 and len(new) - len(kept) == 4, "the four rows 2.0.0 removed"
    got = {e.id for e in _pledge_entries(feeds[RELEASES_FEED])}
    assert got == {
        f"{TAG}pledge/{pledge}/{version}"
        for pledge, version in zip(kept["announcement_id"], kept["version"], strict=True)
    }


@pytest.mark.parametrize(
    ("release", "schema_rows", "expected"),
    [
        (
            {"version": "4.0.0", "new_pledges": "0", "restated": "0", "corrected": "1"},
            ["new column"] * 3,
            "Data release 4.0.0: 1 correction, 3 new columns",
        ),
        (
            {"version": "1.0.0", "new_pledges": "188", "corrected": "0", "removed": "0"},
            [],
            "Data release 1.0.0: 188 new pledges",
        ),
        (
            {"version": "2.0.0", "new_pledges": "81", "restated": "2", "corrected": "15"}
            | {"removed": "4"},
            ["new column", "new column"],
            "Data release 2.0.0: 81 new pledges, 2 restatements, 15 corrections, 4 removals, "
            "2 new columns",
        ),
        ({"version": "5.0.0"}, ["column renamed"], "Data release 5.0.0: 1 other schema change"),
        ({"version": "5.0.1", "new_pledges": ""}, [], "Data release 5.0.1"),
    ],
)
def test_release_titles_count_what_changed(release, schema_rows, expected):
    changes = pd.DataFrame(
        {"version": release["version"], "change": "schema", "after": schema_rows},
        columns=["version", "change", "after"],
    )
    assert release_title(release, changes) == expected


def test_the_shipped_release_titles(published):
    _, feeds = published
    titles = [e.title for e in feeds[RELEASES_FEED].entries if e.id.startswith(f"{TAG}release/")]
    assert titles == [
        "Data release 4.0.0: 1 correction, 3 new columns",
        "Data release 3.0.0: 64 new pledges, 18 restatements, 3 corrections, 7 new columns",
        "Data release 2.0.0: 81 new pledges, 2 restatements, 15 corrections, 4 removals, "
        "2 new columns",
        "Data release 1.0.0: 188 new pledges",
    ]


def test_the_release_tables_come_from_the_data_folder_when_the_dataset_lacks_them(
    dataset, published, tmp_path
):
    """Before investments.load carried releases.csv and release_changes.csv, the feeds read
    the files; both ways give the same feeds."""
    out, _ = published
    bare = SimpleNamespace(
        investments=dataset.investments,
        indicators=dataset.indicators,
        fx_supplement=dataset.fx_supplement,
    )
    assert not hasattr(bare, "releases")
    for path in write_feeds(bare, tmp_path, app_url=APP_URL, base_year=2024, data_dir=data_dir()):
        assert path.read_bytes() == (out / path.relative_to(tmp_path)).read_bytes(), path


def test_australia_has_microsofts_a5_billion_pledge_as_announced_and_in_dollars(
    published, changes, dataset
):
    pledge = "microsoft-aus-2023-10"
    added = changes[(changes["change"] == "added") & (changes["announcement_id"] == pledge)]
    assert len(added) == 1, "in the first release's added rows"
    version = added["version"].iloc[0]
    _, feeds = published
    entry = next(
        e for e in feeds["country/AUS.atom"].entries if e.id == f"{TAG}pledge/{pledge}/{version}"
    )
    row = n.normalize(dataset, base_year=2024).set_index(Col.ID).loc[pledge]
    content = entry.content[0].value
    as_announced = format_as_announced(row[Col.AMOUNT], row[Col.CURRENCY], "exact")
    assert as_announced == "A$5 billion"
    assert entry.title == f"Microsoft: {as_announced} for Australia"
    assert as_announced in content and "announced 24 October 2023" in content
    assert format_usd(row[n.AMOUNT_USD_NOMINAL]) in content, "US dollars at that day's rate"
    assert "at the announcement-date rate" in content
    assert row[Col.QUOTE] in content and f"data release {version}" in content
    assert _link(entry, "related") == row[Col.SOURCE_URL], "the source"
    assert entry.updated.startswith("2026-11-25")
    assert entry in feeds["company/microsoft.atom"].entries
    assert entry.id in {e.id for e in feeds[RELEASES_FEED].entries}


def test_every_pledge_links_to_its_country_page(published, dataset):
    _, feeds = published
    rows = dataset.investments.set_index(Col.ID)
    for path, feed in feeds.items():
        for entry in feed.entries:
            if entry.id.startswith(f"{TAG}release/"):
                assert urlsplit(_link(entry, "alternate")).path == "/app/changes"
                continue
            pledge = entry.id.split("/")[1]
            link = urlsplit(_link(entry, "alternate"))
            query = parse_qs(link.query)
            assert link.path == "/app/country", entry.id
            assert query["iso3"] == [rows.loc[pledge, Col.COUNTRY_ISO3]], entry.id
            assert query.get("detail", [pledge]) == [pledge], entry.id
            assert query.get("figures", ["headline"]) == ["headline"], entry.id
            if path.startswith("country/"):
                assert query["iso3"] == [Path(path).stem], "only that country's pledges"
            if path.startswith("company/"):
                assert rows.loc[pledge, Col.COMPANY] == Path(path).stem


def test_country_and_company_feeds_carry_corrections(published, changes):
    _, feeds = published
    corrected = changes[changes["change"] == "corrected"]
    pledge, version = "intel-usa-2021-03-arizona", "4.0.0"
    assert ((corrected["announcement_id"] == pledge) & (corrected["version"] == version)).any()
    entry_id = f"{TAG}correction/{pledge}/{version}"
    for path in ("country/USA.atom", "company/intel.atom"):
        entry = next(e for e in feeds[path].entries if e.id == entry_id)
        assert entry.title.startswith(f"Correction in data release {version}: Intel")
        assert "(quote)" in entry.title and "→" in entry.content[0].value
    later = next(
        e for e in feeds["company/intel.atom"].entries if e.id.startswith(f"{TAG}pledge/{pledge}/")
    )
    assert f"Corrected in data release {version}: quote" in later.content[0].value


def test_same_data_same_bytes_and_an_absolute_self_link(dataset, tmp_path):
    first = write_feeds(
        dataset, tmp_path / "a", app_url=APP_URL, feeds_url="https://static.example.org/feeds/"
    )
    second = write_feeds(
        dataset, tmp_path / "b", app_url=APP_URL, feeds_url="https://static.example.org/feeds/"
    )
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    feed = feedparser.parse((tmp_path / "a" / "country" / "JPN.atom").read_bytes())
    self_link = next(link.href for link in feed.feed.links if link.rel == "self")
    assert self_link == "https://static.example.org/feeds/country/JPN.atom"
    assert sum(p.stat().st_size for p in first) < 4_000_000, "modest feeds"


def test_a_data_folder_without_pledge_changes_still_gets_its_release_feed(valid_dir, tmp_path):
    dataset = load_dataset(valid_dir)
    write_feeds(dataset, tmp_path, data_dir=valid_dir)
    feed = feedparser.parse((tmp_path / RELEASES_FEED).read_bytes())
    assert feed.bozo == 0
    assert [e.id for e in feed.entries] == [f"{TAG}release/1.0.0"]
    assert feed.entries[0].title == "Data release 1.0.0: 4 new pledges, 1 new column"


def test_the_published_index_lists_the_feeds_in_each_language(published, dataset):
    out, feeds = published
    paths = [out / path for path in feeds]
    english, head = feeds_section(dataset, paths, lang="en")
    assert "<h2>Feeds</h2>" in english and 'href="feeds/releases.atom"' in english
    assert 'href="feeds/country/AUS.atom" type="application/atom+xml">Australia</a>' in english
    assert 'href="feeds/company/microsoft.atom"' in english
    assert head.startswith('<link rel="alternate" type="application/atom+xml"')
    japanese, _ = feeds_section(dataset, paths, lang="ja")
    assert "<h2>フィード</h2>" in japanese and 'href="../feeds/releases.atom"' in japanese
    assert ">オーストラリア</a>" in japanese
    assert len([p for p in paths if p.suffix == ".atom"]) == english.count(".atom")


def test_publish_takes_the_apps_address():
    args = build_parser().parse_args(["publish", "--out", "site"])
    assert args.app_url == DEFAULT_APP_URL
    args = build_parser().parse_args(["publish", "--out", "site", "--app-url", APP_URL])
    assert args.app_url == APP_URL


# ------------------------------------------------------------------ citing the data


def test_citation_cff_names_the_current_data_release(releases):
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    citation = read_citation(data_dir())
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "software"
    data = cff["preferred-citation"]
    assert data["type"] == "data" and data["title"] == DATA_TITLE == citation.title
    assert str(data["version"]) == citation.version == releases["version"].iloc[0]
    assert str(data["date-released"]) == releases["released_on"].iloc[0]
    assert citation.released_on.isoformat() == releases["released_on"].iloc[0]
    assert data["license"] == "CC-BY-4.0"
    assert [a["name"] for a in data["authors"]] == [citation.authors]
    assert citation.reference in data["notes"]
    assert data["url"] == citation.url


def test_the_citation_names_the_release_and_its_git_tag():
    citation = read_citation(data_dir())
    text = citation.text()
    assert text.startswith("Big Tech Investment Tracker contributors. (2026). " + DATA_TITLE)
    assert f"Version {citation.version}; released 6 December 2026" in text
    assert (
        f"Stable reference: data release {citation.version}, data/ at git tag "
        f"{release_tag(citation.version)}." in text
    )
    assert release_tag("4.0.0") == "data-v4.0.0" and "CC BY 4.0" in text
    bibtex = citation.bibtex()
    assert bibtex.startswith("@misc{big_tech_investment_tracker_")
    assert f"version = {{{citation.version}}}" in bibtex and "date = {2026-12-06}" in bibtex


def test_the_sources_page_shows_the_citation_to_copy():
    at = run_page("pages/sources.py", {})
    assert not at.exception
    citation = read_citation(data_dir())
    assert "Cite this data" in [h.value for h in at.header]
    codes = [c.value for c in at.code]
    assert citation.text() in codes and citation.bibtex() in codes
    assert citation.version in citation.text()
    text = " ".join(m.value for m in at.markdown)
    assert f"`{citation.reference}`" in text


def test_the_sources_page_cites_in_japanese_with_the_same_citation():
    at = run_page("pages/sources.py", {"lang": "ja"})
    assert not at.exception
    assert "このデータを引用する" in [h.value for h in at.header]
    assert read_citation(data_dir()).text() in [c.value for c in at.code]


def test_the_data_package_zip_cites_the_same_way():
    payload = data_package_zip(data_dir(), data_version="abc123")
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        readme = archive.read(f"{FOLDER}/README.md").decode()
    citation = read_citation(data_dir())
    assert "## Cite this data" in readme
    assert citation.text() in readme and citation.bibtex() in readme
    assert "data version abc123" in readme


@pytest.mark.parametrize(
    ("feed", "pledge"),
    [
        ("country/AUS.atom", "microsoft-aus-2023-10"),  # counted on the default figures
        ("country/AUS.atom", "amazon-aus-2020-06-kemps-creek"),  # on headline figures only
    ],
)
def test_a_feed_link_opens_the_pledge_on_its_country_page(published, feed, pledge):
    _, feeds = published
    entry = next(e for e in feeds[feed].entries if e.id.startswith(f"{TAG}pledge/{pledge}/"))
    query = {k: v[0] for k, v in parse_qs(urlsplit(_link(entry, "alternate")).query).items()}
    assert query["detail"] == pledge
    at = run_page("pages/country.py", query)
    assert not at.exception
    assert at.selectbox(key="country_detail").value == pledge, "the pledge's panel is open"


def test_pages_link_their_published_feeds(monkeypatch):
    """With a published copy to point at, the country page links its country's feed and
    the What changed page the releases feed and the chosen company's."""
    from tests.apptests import run_page

    monkeypatch.setenv("INVESTMENTS_PUBLISHED_BASE_URL", "https://static.example.org/tracker/")
    country = run_page("pages/country.py", {"iso3": "JPN"})
    captions = " ".join(c.value for c in country.caption)
    assert "https://static.example.org/tracker/feeds/country/JPN.atom" in captions
    changes = run_page("pages/changes.py", {"company": "microsoft"})
    captions = " ".join(c.value for c in changes.caption)
    assert "feeds/releases.atom" in captions and "feeds/company/microsoft.atom" in captions
    monkeypatch.delenv("INVESTMENTS_PUBLISHED_BASE_URL")
    assert "feeds/" not in " ".join(c.value for c in run_page("pages/country.py", {}).caption)
