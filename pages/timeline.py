"""Timeline: when each company pledged what, and how its commitments add up."""

import streamlit as st

from charts.views import timeline_view
from dashboard import language
from dashboard.chrome import cached, credit, is_embedded, md_escape, plotly_chart
from dashboard.data import get_dataset
from dashboard.figures_ui import figures_switch
from dashboard.filter_ui import filter_panel, show_if_empty
from dashboard.language import _
from dashboard.share import render_embedded, share_panel
from investments.style import style_for
from viz.theme import company_colours

dataset = get_dataset()
if dataset is None:
    st.stop()
# Running totals only add up for dollar amounts, so the timeline offers those two measures.
view = filter_panel(dataset, bases=("nominal", "constant"))
if not is_embedded() and view.rows.empty:
    st.title(_("When the pledges were made"))
if show_if_empty(view):
    st.stop()
view_key = tuple(sorted(view.filter.to_query().items())) + (("base_year_used", view.base_year),)
chart = cached(
    "timeline",
    dataset,
    (*view_key, ("lang", language.current())),
    lambda: timeline_view(
        view.normalized,
        view.filter,
        base_year=view.base_year,
        colours=company_colours(dataset.companies),
        style=style_for(language.current()),
    ),
)
if is_embedded():
    render_embedded(chart)
    st.stop()

st.title(_("When the pledges were made"))
st.markdown(f"**{md_escape(chart.text.units)}**")
st.caption(
    language.style().sentences(
        _(
            "{description} · {announcements} announcements. Hover a dot for the amount as "
            "announced, converted, its period and source; drag the slider under the lower "
            "chart to zoom in time."
        ).format(description=md_escape(view.description), announcements=f"{len(view.rows):,}"),
        _("Dotted lines join a restatement to the pledge it restates.")
        if not view.filter.latest_only
        else "",
    )
)
plotly_chart(chart.figure, key="timeline-chart", alt=chart.text.alt)
figures_switch(view.filter.figures, view.set_aside, key="timeline")
view.draw_controls()
credit(dataset, fx=True, figures=view.filter.figures)
share_panel(chart, key="timeline")
