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
]
# A menu across the top (on phones, behind a "Menu" button); none in an embedded chart.
navigation = st.navigation(PAGES, position="hidden" if st.context.is_embedded else "top")
chrome.page_style()
# Share links strip the page's path from the browser's URL; an unknown page gets a notice.
url_state.remember_page(navigation.url_path, known=[page.url_path for page in PAGES])
# The language switch sits at the top but is drawn after the page, so that its script
# does not compete with the chart's for the first paint (docs/PERFORMANCE.md).
switch_slot = None if st.context.is_embedded else st.container()
language.new_run()
try:
    navigation.run()
finally:  # pages rewrite their parameters; the language stays in the address
    language.keep_in_url()
    if switch_slot is not None and not language.switch_drawn():
        with switch_slot:
            language.switch()
