"""Timeline: when each company announced what."""

import streamlit as st

from dashboard.chrome import credit, plotly_chart
from dashboard.data import get_dataset
from viz.theme import company_colours
from viz.timeline import announcement_timeline

st.title("When the pledges were made")
dataset = get_dataset()
if dataset is None:
    st.stop()

st.caption(
    "Every recorded announcement on the date it was made; hover for the amount as announced."
)
plotly_chart(
    announcement_timeline(dataset.investments, colours=company_colours(dataset.companies)),
    key="timeline-dots",
)
credit(dataset)
