"""The "What changed" page and the Overview's release line, as a reader opens them; and the
release record as investments.releases names it."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from investments.load import load_dataset
from investments.releases import WORD_JOINER, Counts, release_history
from investments.style import style_for
from tests.apptests import run_page

PAGE = "pages/changes.py"


def _run(query: dict[str, str] | None = None, page: str = PAGE) -> AppTest:
    at = run_page(page, query)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _text(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown).replace("\\", "")  # drop markdown escapes


def _headings(at: AppTest) -> list[str]:
    # without markdown escapes, and without the word joiners that keep Japanese dates whole
    return [h.value.replace("\\", "").replace("\u2060", "") for h in at.subheader]


@pytest.fixture(scope="module")
def history():
    return release_history(load_dataset())


def test_releases_newest_first_with_their_counts(history):
    at = _run()
    assert at.title[0].value == "What changed"
    headings = _headings(at)
    assert [h.split(" · ")[0] for h in headings] == [r.version for r in history]
    assert [r.version for r in history] == ["4.0.0", "3.0.0", "2.0.0", "1.0.0"]
    assert headings[0] == "4.0.0 · 6 December 2026 · 1 correction, 3 new columns"
    assert headings[-1] == "1.0.0 · 25 November 2026 · 188 new pledges"
    # One expander per release, with its count; only the newest open.
    assert [e.label for e in at.expander][-1] == "Pledges changed: 188"
    assert [e.proto.expanded for e in at.expander] == [True, False, False, False]
    text = _text(at)
    assert "New columns: quote_language, second_source_quote_language" in text
    # A correction: the pledge by name, linked to its country page, field by field.
    assert (
        "[Intel in the United States, about US$20 billion, 23 Mar 2021]"
        "(http://localhost:8501/country?iso3=USA&detail=intel-usa-2021-03-arizona)" in text
    )
    assert "amount: C$7.5 billion → C$19 billion" in text
    # A removed pledge has no page: the page says so and links its source.
    assert "Microsoft in Spain, Feb 2025 · no longer in the data, so it has no page here" in text
    assert "(https://spanish.morshedi.se/?p=487499)" in text
    # A restated pledge the country page no longer lists links to Explore, which does.
    assert (
        "explore?company=intel&country=CRI&lineage=all&figures=headline"
        "&detail=intel-cri-2020-12-belen" in text
    )
    assert dict(at.query_params) == {}


@pytest.mark.parametrize(
    "query",
    [{"company": "microsoft"}, {"country": "JPN"}, {"company": "microsoft", "country": "JPN"}],
)
def test_filters_apply_and_round_trip(query):
    at = _run(query)
    assert not at.info
    assert {k: at.query_params[k] for k in query} == query
    assert set(dict(at.query_params)) == set(query)
    text = _text(at)
    pledges = [line for line in text.split("\n") if line.startswith("- [")]
    assert pledges
    if "company" in query:
        assert all(line.startswith("- [Microsoft in ") for line in pledges)
        assert at.multiselect(key="changes_companies").value == ["microsoft"]
    if "country" in query:
        assert all(" in Japan, " in line for line in pledges)
        assert at.multiselect(key="changes_countries").value == ["JPN"]
    assert "Intel in the United States" not in text


def test_a_release_with_nothing_left_says_so_in_one_line():
    at = _run({"company": "microsoft", "country": "JPN"})
    captions = [c.value for c in at.caption if c.value.startswith("Nothing in this release")]
    assert captions[0] == "Nothing in this release for Microsoft in Japan."
    # Microsoft's two Japanese pledges came in 1.0.0: only that release has a list.
    assert [e.label for e in at.expander] == ["Pledges changed: 2"]
    assert at.expander[0].proto.expanded, "the newest release with something to list is open"


def test_an_unknown_company_gives_the_notice_and_is_dropped():
    at = _run({"company": "evilcorp,amazon"})
    notices = " ".join(i.value for i in at.info).replace("\\", "")
    assert "evilcorp" in notices and "not in the data" in notices
    assert at.query_params["company"] == "amazon"
    assert at.multiselect(key="changes_companies").value == ["amazon"]


def test_choosing_a_country_writes_it_to_the_url():
    at = _run()
    at.multiselect(key="changes_countries").set_value(["AUS"]).run()
    assert at.query_params["country"] == "AUS"
    pledges = [line for line in _text(at).split("\n") if line.startswith("- [")]
    assert pledges and all(" in Australia, " in line for line in pledges)


def _release_line(at: AppTest) -> str:
    lines = [m.value for m in at.markdown if m.value.startswith(":material/history: ")]
    assert len(lines) == 1
    return lines[0].replace("\\", "").replace(WORD_JOINER, "")


def test_overview_shows_the_latest_release():
    at = _run(page="pages/overview.py")
    assert (
        _release_line(at) == ":material/history: Data release 4.0.0, 6 December 2026: 1 correction"
    )
    links = {link.proto.label: link.proto.page for link in at.get("page_link")}
    assert links["What changed →"] == "changes"


def test_in_japanese():
    at = _run({"lang": "ja"})
    assert at.title[0].value == "変更履歴"
    assert _headings(at)[0] == "データ版4.0.0 · 2026年12月6日 · 訂正1件、列の追加3件"
    assert "[インテル・米国、約200億ドル、2021年3月23日]" in _text(at).replace(WORD_JOINER, "")
    assert at.query_params["lang"] == "ja"
    overview = _run({"lang": "ja"}, page="pages/overview.py")
    assert _release_line(overview) == ":material/history: データ版4.0.0（2026年12月6日）：訂正1件"
    links = {link.proto.label: link.proto.page for link in overview.get("page_link")}
    assert links["変更履歴 →"] == "changes"


@pytest.mark.parametrize(
    ("counts", "columns", "english", "japanese"),
    [
        (Counts(corrected=1, new_columns=3), True, "1 correction, 3 new columns", None),
        (Counts(corrected=1, new_columns=3), False, "1 correction", "訂正1件"),
        (Counts(new_columns=2), False, "new columns", "列の追加"),
        (
            Counts(new_pledges=81, restated=2, corrected=15, removed=4),
            True,
            "81 new pledges, 2 restated, 15 corrections, 4 removals",
            "新規の投資表明81件、再表明2件、訂正15件、削除4件",
        ),
        (Counts(new_pledges=1, removed=1), True, "1 new pledge, 1 removal", None),
    ],
)
def test_release_counts_in_words(counts, columns, english, japanese):
    assert counts.words(style_for("en"), columns=columns) == english
    if japanese:
        words = counts.words(style_for("ja"), columns=columns)
        assert words.replace(WORD_JOINER, "") == japanese
        # Each count stays whole on a phone: breaks only after the list's commas.
        assert all(WORD_JOINER in part for part in words.split("、"))


def test_release_history_joins_changes_to_pledges(history):
    newest, _, second, first = history
    assert newest.counts == Counts(corrected=1, new_columns=3)
    assert len(first.of("added")) == 188
    removed = {changed.pledge.id: changed.pledge for changed in second.of("removed")}
    assert removed["microsoft-esp-2025-02-aragon"].company == "microsoft"
    assert removed["microsoft-esp-2025-02-aragon"].country_iso3 == "ESP"
    assert not removed["microsoft-esp-2025-02-aragon"].in_data
    # SK hynix's key has an underscore, its ids a hyphen: the longest key wins.
    assert {p.pledge.company for p in history[1].pledges if p.pledge.id.startswith("sk-")} == {
        "sk_hynix"
    }
    filtered = second.filtered(companies=["microsoft"], countries=["ESP"])
    assert [p.pledge.id for p in filtered.pledges] == ["microsoft-esp-2025-02-aragon"]
    assert filtered.counts == second.counts  # the release's own counts are kept
