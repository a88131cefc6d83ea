"""Map: where the pledges go."""

import streamlit as st

from dashboard.chrome import credit, plotly_chart
from dashboard.data import get_dataset
from investments.lineage import latest_per_lineage
from investments.schema import Col
from viz.choropleth import announcement_count_map

st.title("Where the pledges go")
dataset = get_dataset()
if dataset is None:
    st.stop()

rows = latest_per_lineage(dataset.investments)
st.caption(
    f"Number of announcements per host country, {rows[Col.ANNOUNCED_ON].min():%Y}–"
    f"{rows[Col.ANNOUNCED_ON].max():%Y}, counting only the latest pledge where one restates "
    "or raises another. Amounts converted to a common currency follow in the Compare page."
)
plotly_chart(announcement_count_map(rows), key="map-count")
credit(dataset)
