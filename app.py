"""Big Tech Investment Tracker: page configuration and navigation, nothing else.

Streamlit's file-based sidebar menu stays hidden (client.showSidebarNavigation): on a
fresh server it may first list the files of pages/ instead of these titles (see
dashboard.startup for the whole story). The menu is st.navigation's, across the top.
"""

import streamlit as st

from dashboard import chrome, language, url_state
from dashboard.language import _

st.set_page_config(
    page_title="Big Tech Investment Tracker",
    page_icon="static/favicon.png",
    layout="wide",
)

language.resolve()  # ?lang=, else this session's choice, else the browser's; English by default
PAGES = [
    st.Page("pages/overview.py", title=_("Overview"), icon=":material/home:", default=True),
    st.Page("pages/map.py", title=_("Map"), icon=":material/map:", url_path="map"),
    st.Page(
        "pages/timeline.py", title=_("Timeline"), icon=":material/timeline:", url_path="timeline"
    ),
    st.Page(
        "pages/compare.py", title=_("Compare"), icon=":material/compare_arrows:", url_path="compare"
    ),
    st.Page("pages/explore.py", title=_("Explore"), icon=":material/table:", url_path="explore"),
    st.Page(
        "pages/country.py", title=_("Country profiles"), icon=":material/flag:", url_path="country"
    ),
    st.Page(
        "pages/sources.py",
        title=_("Sources & methodology"),
        icon=":material/menu_book:",
        url_path="sources",
    ),
    st.Page(
        "pages/changes.py", title=_("What changed"), icon=":material/history:", url_path="changes"
    ),
]
# A menu across the top (on phones, behind a "Menu" button); none in an embedded chart.
navigation = st.navigation(PAGES, position="hidden" if st.context.is_embedded else "top")
chrome.page_style()
# Share links strip the page's path from the browser's URL; an unknown page gets a notice.
url_state.remember_page(navigation.url_path, known=[page.url_path for page in PAGES])
if not st.context.is_embedded:
    language.switch()
try:
    navigation.run()
finally:  # the menu's links and a first visit carry no `lang`: the address gets it back
    language.keep_in_url()
