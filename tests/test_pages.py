"""Every page runs on the shipped data without an exception and shows real data."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptests import APP, PAGES, run_page


def _run(page: str, query: dict[str, str] | None = None) -> AppTest:
    at = run_page(page, query)
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_clean(page):
    at = _run(page)
    assert not at.error, [e.value for e in at.error]
    assert at.title, "every page has a title"


def test_overview_leads_with_the_money():
    at = _run("pages/overview.py")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Pledged since 2019"].startswith("US$")
    # Comparable figures by default: Apple's and Meta's economy-wide US$600 billion are not
    # the largest pledges, and the line under the metrics says what was left out.
    assert metrics["Largest single pledge"] != "US$600 billion"
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "**Comparable figures**" in captions and "economy-wide figures" in captions
    headline = _run("pages/overview.py", {"figures": "headline"})
    metrics = {m.label: m.value for m in headline.metric}
    assert "trillion" in metrics["Pledged since 2019"]
    assert metrics["Largest single pledge"] == "US$600 billion"
    assert [k for k in metrics if k.startswith("Pledged in 2026")]
    headers = [h.value for h in at.header]
    assert headers[:3] == [
        "Who pledged the most",
        "The biggest pledges of the past year",
        "Where the money goes",
    ]
    text = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "announcements by 20 companies in 63 countries" in text


@pytest.mark.parametrize("page", ["pages/map.py", "pages/timeline.py", "pages/overview.py"])
def test_chart_pages_draw_a_chart(page):
    at = _run(page)
    charts = at.get("plotly_chart")
    assert charts, "a plotly chart is on the page"
    assert "topojsonURL" in charts[0].proto.config, "maps fetch shapes from the app, not a CDN"


def test_a_chart_is_sent_as_plotly_writes_it_run_after_run():
    """The figure's dict is worked out once per figure (dashboard.chrome._as_sent), and
    every run still sends exactly what plotly writes for the page's figure; a map without
    its fixed height."""
    from unittest import mock

    import plotly.graph_objects as go
    import plotly.io as pio

    from dashboard import chrome

    given = []
    as_sent = chrome._as_sent
    for page in ("pages/timeline.py", "pages/map.py"):
        with mock.patch.object(chrome, "_as_sent", lambda fig: given.append(fig) or as_sent(fig)):
            at = _run(page)
            for _ in range(2):  # the second run sends the dict kept from the first
                expected = go.Figure(given[-1])
                if page == "pages/map.py":
                    expected.update_layout(height=None, autosize=True)
                spec = at.get("plotly_chart")[0].proto.spec
                assert spec == pio.to_json(expected, validate=False)
                at.run()


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", "Microsoft · Apr 2024 · US$2.9 billion"),
        ("ja", "マイクロソフト・2024年4月・29億ドル"),
    ],
)
def test_a_picker_over_one_countrys_pledges_leaves_the_country_out(lang, shown):
    """A phone's select box shows one line: without the country (the page's), the amount
    still fits."""
    at = _run("pages/country.py", {"iso3": "JPN", "detail": "microsoft-jpn-2024-04", "lang": lang})
    picker = at.selectbox(key="country_detail")
    assert picker.value == "microsoft-jpn-2024-04"
    assert picker.format_func(picker.value) == shown


def _unescaped(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown).replace("\\", "")  # drop markdown escapes


def test_compare_defaults_to_japan_and_australia():
    at = _run("pages/compare.py")
    assert at.session_state["compare_items"] == ["microsoft-jpn-2024-04", "microsoft-aus-2023-10"]
    text = _unescaped(at)
    assert (
        "Microsoft's A$5 billion for Australia (about US$3.18 billion at the 24 October 2023 rate) "
        "is 1.1 times its US$2.9 billion for Japan; per person it is 5.1 times larger." in text
    )
    assert (
        "A$5 billion × 0.636342 US$ per AUD (ECB euro foreign exchange reference rates, 24 October 2023)"
        in text
    )
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    titles = [a["text"] for a in chart["layout"]["annotations"] if a["xref"] == "paper"]
    assert len(titles) == 5 and titles[1] == "Constant 2025 US$ (US CPI-U)"
    assert (
        "**Microsoft · Japan · Apr 2024**: US$2.9 billion · 2024–2025" in text
    )  # the "As announced" list
    assert "**Microsoft · Australia · Oct 2023**: A$5 billion · 2023–2024" in text
    assert at.query_params["items"] == "microsoft-jpn-2024-04,microsoft-aus-2023-10"


def test_compare_url_reproduces_another_view():
    query = {"items": "amazon-jpn-2024-01,country:AUS", "base_year": "2020", "currency": "JPY"}
    at = _run("pages/compare.py", query)
    assert at.session_state["compare_items"] == ["amazon-jpn-2024-01", "country:AUS"]
    assert at.session_state["compare_base_year"] == 2020
    assert at.session_state["compare_currency"] == "JPY"
    assert not at.info
    titles = [
        a["text"]
        for a in json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["annotations"]
        if a["xref"] == "paper"
    ]
    assert titles[0].startswith("JPY, converted from US$")
    assert titles[1] == "Constant 2020 US$ (US CPI-U)"


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ({"items": "microsoft-jpn-2024-04,no-such-pledge"}, "no-such-pledge"),
        ({"items": "<script>alert(1)</script>,microsoft-jpn-2024-04"}, "script"),
        ({"base_year": "99999"}, "base_year"),
        ({"currency": "XYZ"}, "currency"),
    ],
)
def test_compare_ignores_bad_url_values_with_a_notice(query, notice):
    at = _run("pages/compare.py", query)
    assert any(notice in i.value.replace("\\", "") for i in at.info)
    assert at.session_state["compare_items"] == ["microsoft-jpn-2024-04", "microsoft-aus-2023-10"]


def test_explore_filters_and_counts():
    at = _run("pages/explore.py")
    every = len(at.dataframe[0].value)
    assert not at.multiselect  # the filter widgets are drawn once the section is opened
    at.session_state["filters_open"] = True  # what a click on "Filters ·" does
    at.run()
    at.multiselect(key="f_companies").set_value(["microsoft"]).run()
    shown = at.dataframe[0].value
    assert 0 < len(shown) < every
    assert set(shown["Company"]) == {"Microsoft"}
    assert at.markdown[0].value.startswith(f"**{len(shown)}** of ")
    assert at.query_params["company"] == "microsoft"


def test_explore_reproduces_a_view_from_its_url():
    query = {"company": "amazon", "region": "Asia", "from": "2023", "to": "2025", "lineage": "all"}
    at = _run("pages/explore.py", query)
    assert not at.info
    shown = at.dataframe[0].value
    assert len(shown) > 0
    assert set(shown["Company"]) == {"Amazon (incl. AWS)"}
    assert all(2023 <= d.year <= 2025 for d in shown["Announced"])
    assert {k: at.query_params[k] for k in query} == query


def test_explore_bad_url_values_give_notices_not_errors():
    at = _run("pages/explore.py", {"company": "evilcorp", "from": "99999", "q": "<script>"})
    notices = " ".join(i.value for i in at.info).replace("\\", "")
    assert "evilcorp" in notices and "99999" in notices
    assert not at.exception


@pytest.mark.parametrize("page", ["pages/explore.py", "pages/map.py", "pages/timeline.py"])
def test_an_empty_view_says_so_and_offers_the_way_back(page):
    at = _run(page, {"company": "microsoft", "country": "NGA", "purpose": "manufacturing"})
    assert any("No pledges match this view" in i.value for i in at.info)
    assert not at.dataframe and not at.get("plotly_chart") and not at.get("download_button")
    assert not [t for t in at.toggle if "share" in t.key]
    assert at.button[0].label == "Show all pledges"  # clicked in tests/browser/test_reader.py


def test_sources_page_documents_every_column():
    at = _run("pages/sources.py")
    documented = set(at.dataframe[0].value["column"])
    from investments.export import export_columns
    from investments.prices import latest_complete_year

    assert set(export_columns(latest_complete_year())) <= documented


def _chart_spec(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_map_defaults_to_nominal_dollars_per_country():
    at = _run("pages/map.py")
    spec = _chart_spec(at)
    choropleth = spec["data"][0]
    assert choropleth["type"] == "choropleth" and len(choropleth["locations"]) >= 40
    assert choropleth["colorbar"]["title"]["text"] == "US$ at announcement"
    keys = [trace["name"] for trace in spec["data"] if trace.get("showlegend")]
    assert keys == ["Only headline figures", "No recorded pledge"]
    aside = spec["data"][1]  # countries whose only figures are not comparable ones
    assert "PRT" in aside["locations"] and "switch to headline figures" in str(aside["customdata"])
    assert not set(aside["locations"]) & set(choropleth["locations"])
    assert "Largest as announced" in choropleth["hovertemplate"]


def test_map_reproduces_basis_filter_and_selected_country_from_url():
    at = _run("pages/map.py", {"basis": "per_capita", "region": "Oceania", "selected": "AUS"})
    assert not at.info
    spec = _chart_spec(at)
    assert spec["data"][0]["colorbar"]["title"]["text"] == "US$ per person"
    assert set(spec["data"][0]["locations"]) <= {"AUS", "NZL"}
    assert at.selectbox(key="map_selected").value == "AUS"
    assert all(where.endswith("Australia") for where in at.dataframe[0].value["Where"])
    assert at.query_params["selected"] == "AUS"


def test_map_ignores_a_bad_selected_country():
    at = _run("pages/map.py", {"selected": "XYZ", "basis": "nonsense"})
    notices = " ".join(i.value for i in at.info)
    assert "selected" in notices and "basis" in notices
    assert at.session_state["map_selected"] == ""
    assert not at.selectbox  # the country list opens on request


def test_timeline_draws_dots_and_running_totals():
    at = _run("pages/timeline.py")
    spec = _chart_spec(at)
    names = {t.get("name") for t in spec["data"]}
    assert "Microsoft" in names and "Amazon" in names
    assert "restates or raises" not in names  # hidden in the default "latest pledge" view


def test_timeline_links_restatements_when_every_announcement_is_shown():
    at = _run("pages/timeline.py", {"lineage": "all", "basis": "constant", "base_year": "2020"})
    spec = _chart_spec(at)
    assert "Restates an earlier pledge" in {t.get("name") for t in spec["data"]}
    titles = [a["text"] for a in spec["layout"]["annotations"] if a["xref"] == "paper"]
    assert titles[1] == "Running total, constant 2020 US$"


def test_timeline_refuses_a_basis_it_cannot_sum():
    at = _run("pages/timeline.py", {"basis": "per_capita"})
    assert any("basis" in i.value for i in at.info)


def test_explore_download_equals_the_cli_export_for_the_same_filter(tmp_path):
    """The bytes the reader downloads are the bytes `python -m investments export` writes."""
    from unittest import mock

    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    from investments.cli import main

    captured: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def spy(self, path_or_data, mimetype, kind, filename=None):
        if filename:
            captured[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    query = "company=microsoft&from=2024&to=2025&basis=constant"
    with mock.patch.object(MemoryMediaFileStorage, "load_and_get_id", spy):
        _run("pages/explore.py", dict(pair.split("=") for pair in query.split("&")))
    name = "big-tech-investments_microsoft-2024-2025-constant-2025-us.csv"
    assert name in captured, sorted(captured)
    out = tmp_path / "export.csv"
    assert main(["export", "--out", str(out), "--filter", query]) == 0
    assert captured[name] == out.read_bytes()


def test_country_profile_defaults_to_japan_against_australia():
    at = _run("pages/country.py")
    assert at.session_state["country_iso3"] == "JPN"
    assert at.session_state["country_peer"] == "AUS"
    text = " ".join(m.value for m in at.markdown).replace("\\\\", "")
    assert "pledges to Japan" in text and "pledges to Australia" in text
    assert at.query_params["iso3"] == "JPN"


def test_australia_is_compared_with_japan_by_default():
    at = _run("pages/country.py", {"iso3": "AUS"})
    assert at.session_state["country_peer"] == "JPN"
    assert at.query_params["peer"] == "JPN"


def test_country_profile_from_url_and_bad_values():
    at = _run("pages/country.py", {"iso3": "IND", "peer": "BRA"})
    assert at.session_state["country_iso3"] == "IND"
    assert at.session_state["country_peer"] == "BRA"
    at = _run("pages/country.py", {"iso3": "XXX"})
    assert any("iso3" in i.value for i in at.info)


@pytest.mark.parametrize(
    ("page", "query"),
    [
        ("pages/map.py", {"basis": "per_capita"}),
        ("pages/timeline.py", {}),
        ("pages/compare.py", {}),
        ("pages/country.py", {"iso3": "AUS"}),
    ],
)
def test_embed_mode_shows_the_chart_and_its_words_only(page, query):
    at = AppTest.from_file(APP, default_timeout=30)
    at.context["is_embedded"] = True
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception
    assert not at.sidebar.children or len(at.sidebar.children) == 0
    assert len(at.get("plotly_chart")) == 1
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "Source: company announcements" in captions and "Get the data" in captions
    assert not at.title, "no page title or controls in an embed"


def test_compare_embed_carries_its_sentence():
    at = AppTest.from_file(APP, default_timeout=30)
    at.context["is_embedded"] = True
    at.run()
    at.switch_page("pages/compare.py")
    at.run()
    text = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "is 1.1 times its US$2.9 billion for Japan" in text


def test_share_panel_offers_link_embed_code_and_downloads():
    at = _run("pages/map.py", {"basis": "per_capita"})
    assert not at.get("download_button"), "drawn only when the reader asks"
    at.session_state["map-share-open"] = True  # what a click on the section does
    at.run()
    codes = [c.value for c in at.code]
    assert any(c.startswith("http") and "map?basis=per_capita" in c for c in codes)
    snippet = next(c for c in codes if c.startswith("<iframe"))
    assert 'loading="lazy"' in snippet and "allow-downloads" in snippet and "embed=true" in snippet
    assert 'title="Big-tech pledges per resident of each country' in snippet
    labels = [b.proto.label for b in at.get("download_button")]
    assert {"PNG", "SVG", "Interactive HTML", "Chart data (CSV)"} <= set(labels)
    sizes = at.radio(key="map-image-size").options
    assert sizes == [
        "Article (1200 px wide)",
        "Social card (1200 × 675 px)",
        "Phone, portrait (1080 × 1350 px)",
    ]


def test_what_sources_reported_panel_shows_sources_and_variants():
    at = _run("pages/explore.py", {"detail": "oracle-jpn-2024-04", "lineage": "all"})
    assert not at.info
    text = " ".join(m.value for m in at.markdown).replace("\\\\", "")
    assert "Source:" in text and "Second source:" in text
    assert "Reported differently** (amount)" in text and "We record" in text


def test_compare_shows_what_comes_with_the_money():
    at = _run("pages/compare.py")
    assert "2024–2025 · 3 million people to train · [CTV News" in _unescaped(at)


def test_country_profile_lists_what_comes_with_the_money():
    at = _run("pages/country.py", {"iso3": "IND", "figures": "headline"})
    text = " ".join(m.value for m in at.markdown).replace("\\\\", "")
    assert "What comes with the money" in text and "5,000 direct jobs" in text
