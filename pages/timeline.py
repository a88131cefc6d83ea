"""Timeline: when each company pledged what, and how its commitments add up."""

import streamlit as st

from dashboard.chrome import cached_figure, credit, md_escape, plotly_chart
from dashboard.data import get_dataset
from dashboard.filter_ui import filter_panel
from investments.filters import basis_column, basis_label
from viz.theme import company_colours
from viz.timeline import pledge_timeline

st.title("When the pledges were made")
dataset = get_dataset()
if dataset is None:
    st.stop()

# Running totals only add up for dollar amounts, so the timeline offers those two measures.
view = filter_panel(dataset, bases=("nominal", "constant"))
label = basis_label(view.filter.basis, view.base_year)
st.markdown(f"**Every announcement and each company's running total, {md_escape(label)}**")
st.caption(
    f"{md_escape(view.description)} · {len(view.rows):,} announcements. Hover a dot for the amount as "
    "announced, converted, its period and source; drag the slider under the lower chart to zoom in time."
    + (
        " Dotted lines join a restatement to the pledge it restates."
        if not view.filter.latest_only
        else ""
    )
)
view_key = tuple(sorted(view.filter.to_query().items())) + (("base_year_used", view.base_year),)
figure = cached_figure(
    "timeline",
    dataset,
    view_key,
    lambda: pledge_timeline(
        view.rows,
        value=basis_column(view.filter.basis, view.base_year),
        basis=view.filter.basis,
        value_label=label,
        colours=company_colours(dataset.companies),
        show_lineage=not view.filter.latest_only,
    ),
)
plotly_chart(figure, key="timeline-chart")
credit(dataset, fx=True)
