"""The comparable one-chart app: one page's own chart, and nothing else, in a one-file app.

    streamlit run bench/floor_views.py      then   /?view=map | timeline | compare | country

The figure is the one the page draws by default (`python -m investments publish` draws the
same views), built once per process and sent through the app's own chart door
(`dashboard.chrome.plotly_chart`: map shapes from the app, the map's proportions), in
the app's wide layout, so the chart has the page's width. A page that draws its chart
later than this app does spends the difference on its own elements.
"""

import streamlit as st

from charts.publish import standard_views
from dashboard.chrome import page_style, plotly_chart
from investments.load import load_dataset
from investments.prices import latest_complete_year

PREFIXES = {"map": "map-", "timeline": "timeline", "compare": "compare-", "country": "country-jpn"}


@st.cache_resource
def views() -> dict:
    every = standard_views(load_dataset(), base_year=latest_complete_year())
    return {
        name: next(v for v in every if v.text.slug.startswith(prefix))
        for name, prefix in PREFIXES.items()
    }


st.set_page_config(layout="wide")  # as app.py: the chart at the width the page draws it
page_style()
view = views()[st.query_params.get("view", "map")]
st.title(view.text.title)
plotly_chart(view.figure, key="chart", alt=view.text.alt)
