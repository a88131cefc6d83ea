"""Overview: what the tracker holds, at a glance, and the latest announcements."""

import streamlit as st

from dashboard import url_state
from dashboard.chrome import credit, plotly_chart
from dashboard.data import get_dataset
from dashboard.tables import announcements_table
from investments.load import COMPANY_NAME
from investments.schema import Col
from viz.bars import announcements_by_company
from viz.theme import company_colours

st.title("Big Tech Investment Tracker")
st.markdown(
    "The money big technology companies pledge to countries — data centres, cloud regions, "
    "AI infrastructure, skilling and research — **each figure traced to the sentence that "
    "states it**."
)

dataset = get_dataset()
url_state.only_these(())
if dataset is None:
    st.stop()
rows = dataset.investments

first, last = rows[Col.ANNOUNCED_ON].min(), rows[Col.ANNOUNCED_ON].max()
c1, c2, c3, c4 = st.columns(4)
c1.metric("Announcements", f"{len(rows):,}")
c2.metric("Companies", rows[COMPANY_NAME].nunique())
c3.metric("Host countries", rows[Col.COUNTRY_ISO3].nunique())
c4.metric("Years covered", f"{first:%Y}–{last:%Y}", help=f"{first:%d %b %Y} to {last:%d %b %Y}")

st.subheader("Latest announcements")
announcements_table(rows.head(12), key="overview-latest")
st.subheader("Announcements by company")
plotly_chart(
    announcements_by_company(rows, colours=company_colours(dataset.companies)),
    key="overview-by-company",
)
credit(dataset)
st.page_link(
    "pages/explore.py", label="Explore and download every announcement", icon=":material/table:"
)
