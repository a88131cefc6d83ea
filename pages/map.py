"""Map: where the pledges go, on a chosen measure, with each country's pledges a click away."""

import streamlit as st

from dashboard import url_state
from dashboard.chrome import cached_figure, credit, md_escape, plotly_chart
from dashboard.data import get_dataset
from dashboard.filter_ui import filter_panel
from dashboard.tables import announcements_table
from investments.aggregate import country_totals
from investments.filters import basis_column, basis_label
from investments.load import COUNTRY_NAME
from investments.schema import Col
from viz.choropleth import country_totals_map, value_text

st.title("Where the pledges go")
dataset = get_dataset()
if dataset is None:
    st.stop()

view = filter_panel(dataset, page_keys=("selected",))
basis = view.filter.basis
label = basis_label(basis, view.base_year)
totals = country_totals(view.rows, value=basis_column(basis, view.base_year))

st.markdown(f"**Total pledged per host country, {md_escape(label)}**")
summing = (
    " Per-person and share-of-GDP totals add each pledge's own figure."
    if basis in ("per_capita", "share_of_gdp")
    else ""
)
st.caption(
    f"{md_escape(view.description)} · {len(view.rows):,} pledges in {len(totals)} countries.{summing}"
)

view_key = tuple(sorted(view.filter.to_query().items())) + (("base_year_used", view.base_year),)
figure = cached_figure(
    "map", dataset, view_key, lambda: country_totals_map(totals, basis=basis, legend_title=label)
)
event = plotly_chart(figure, key="map-chart", on_select="rerun")

# Selecting a country: a click on the map, or the select box (both land in the URL).
names = dict(zip(totals[Col.COUNTRY_ISO3], totals[COUNTRY_NAME], strict=True))
clicked = [
    p.get("location") for p in (event.selection.points if event else []) if p.get("location")
]
options = ["", *sorted(names, key=names.get)]
url_state.init_widget(
    "map_selected", url_state.choice("selected", names, "", why="no pledge there in this view")
)
if clicked and clicked[0] in names:
    st.session_state["map_selected"] = clicked[0]
if st.session_state.get("map_selected") not in options:
    st.session_state["map_selected"] = ""
selected = st.selectbox(
    "Show a country's pledges",
    options,
    key="map_selected",
    format_func=lambda c: names.get(c, "Choose a country…"),
)
if selected:
    st.query_params["selected"] = selected
elif "selected" in st.query_params:
    del st.query_params["selected"]

if selected:
    row = totals[totals[Col.COUNTRY_ISO3] == selected].iloc[0]
    st.subheader(
        f"{names[selected]}: {value_text(row['total'], basis)} in {row['pledges']} pledge(s)"
    )
    announcements_table(view.rows[view.rows[Col.COUNTRY_ISO3] == selected], key="map-country-table")
credit(dataset, fx=True, world_bank=basis in ("per_capita", "share_of_gdp"))
