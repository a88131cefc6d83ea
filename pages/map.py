"""Map: where the pledges go, on a chosen measure, with each country's pledges a click away."""

import streamlit as st

from charts.views import map_view
from dashboard import language, url_state
from dashboard.chrome import cached, credit, is_embedded, md_escape, opened_section, plotly_chart
from dashboard.data import get_dataset
from dashboard.figures_ui import figures_switch
from dashboard.filter_ui import filter_panel, show_if_empty
from dashboard.language import _
from dashboard.share import render_embedded, share_panel
from dashboard.tables import announcements_table
from investments.load import COUNTRY_NAME
from investments.schema import Col
from investments.style import style_for

dataset = get_dataset()
if dataset is None:
    st.stop()
view = filter_panel(dataset, page_keys=("selected",))
if not is_embedded() and view.rows.empty:
    st.title(_("Where the pledges go"))
if show_if_empty(view):
    st.stop()
view_key = tuple(sorted(view.filter.to_query().items())) + (("base_year_used", view.base_year),)
chart = cached(
    "map",
    dataset,
    (*view_key, ("lang", language.current())),
    lambda: map_view(
        view.normalized,
        view.filter,
        base_year=view.base_year,
        style=style_for(language.current()),
    ),
)
if is_embedded():
    render_embedded(chart)
    st.stop()

st.title(_("Where the pledges go"))
basis = view.filter.basis
st.markdown(f"**{md_escape(chart.text.units)}**")
summing = (
    _("Per-person and share-of-GDP totals add each pledge's own figure.")
    if basis in ("per_capita", "share_of_gdp")
    else ""
)
st.caption(
    language.style().sentences(
        _("{description} · {pledges} pledges in {countries} countries.").format(
            description=md_escape(view.description),
            pledges=f"{len(view.rows):,}",
            countries=len(chart.data),
        ),
        summing,
    )
)
event = plotly_chart(chart.figure, key="map-chart", alt=chart.text.alt, on_select="rerun")
figures_switch(view.filter.figures, view.set_aside, key="map")
view.draw_controls()
credit(
    dataset,
    fx=True,
    world_bank=basis in ("per_capita", "share_of_gdp"),
    figures=view.filter.figures,
)
share_slot = st.container()  # filled last, once `selected` is in the URL

# Selecting a country: a click on the map, or the select box (both land in the URL).
totals = chart.data
names = {  # in the reader's language; the URL keeps the ISO code
    iso3: language.country(iso3, name)
    for iso3, name in zip(totals[Col.COUNTRY_ISO3], totals[COUNTRY_NAME], strict=True)
}
clicked = [
    p.get("location") for p in (event.selection.points if event else []) if p.get("location")
]
options = ["", *language.by_name(names)]
url_state.init_widget(
    "map_selected", url_state.choice("selected", names, "", why=_("no pledge there in this view"))
)
if clicked and clicked[0] in names:
    st.session_state["map_selected"] = clicked[0]
if st.session_state.get("map_selected") not in options:
    st.session_state["map_selected"] = ""
choose = _("Choose a country…")
# The list opens on request (a click on the map selects as well): a select box on first
# paint loads its scripts while the reader waits for the map (docs/PERFORMANCE.md).
picker = opened_section(
    _("Show a country's pledges"),
    key="map_picker_open",
    expanded=bool(st.session_state["map_selected"]),
    icon=":material/list:",
)
if picker is not None:
    with picker:
        selected = st.selectbox(
            _("Country"),
            options,
            key="map_selected",
            format_func=lambda c: names.get(c, choose),
        )
else:
    selected = st.session_state["map_selected"]
if selected:
    st.query_params["selected"] = selected
elif "selected" in st.query_params:
    del st.query_params["selected"]

if selected:
    row = totals[totals[Col.COUNTRY_ISO3] == selected].iloc[0]
    total_column = [c for c in totals.columns if c.startswith("total (")][0]
    st.subheader(
        _("{country}: {total} in {pledges}").format(
            country=names[selected],
            total=style_for(language.current()).measure(row[total_column], basis),
            pledges=language.count(int(row["pledges"]), "pledge"),
        )
    )
    announcements_table(view.rows[view.rows[Col.COUNTRY_ISO3] == selected], key="map-country-table")
    st.page_link(
        "pages/country.py",
        label=_("{country}'s country profile").format(country=names[selected]),
        icon=":material/flag:",
        query_params={"iso3": selected} | language.in_url(),
    )

with share_slot:
    share_panel(chart, key="map")
