"""Big Tech Investment Tracker: page configuration and navigation, nothing else."""

import streamlit as st

st.set_page_config(
    page_title="Big Tech Investment Tracker",
    page_icon="static/favicon.png",
    layout="wide",
)

navigation = st.navigation(
    [
        st.Page("pages/overview.py", title="Overview", icon=":material/home:", default=True),
        st.Page("pages/map.py", title="Map", icon=":material/map:", url_path="map"),
        st.Page(
            "pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"
        ),
        st.Page(
            "pages/compare.py",
            title="Compare",
            icon=":material/compare_arrows:",
            url_path="compare",
        ),
        st.Page("pages/explore.py", title="Explore", icon=":material/table:", url_path="explore"),
        st.Page(
            "pages/sources.py",
            title="Sources & methodology",
            icon=":material/menu_book:",
            url_path="sources",
        ),
    ]
)
navigation.run()
