"""Big Tech Investment Tracker: page configuration and navigation, nothing else.

Streamlit's file-based sidebar menu stays hidden (client.showSidebarNavigation): on a
fresh server it may first list the files of pages/ instead of these titles (see
dashboard.startup for the whole story). The menu is st.navigation's, across the top.
"""

import streamlit as st

from dashboard import chrome, language, url_state

st.set_page_config(
    page_title="Big Tech Investment Tracker",
    page_icon="/app/static/favicon.png",  # served as is: no media file per run
    layout="wide",
)

language.resolve()  # ?lang=, else this session's choice, else the browser's; English by default
PAGES = chrome.menu_pages(language.current())
# A menu across the top (on phones, behind a "Menu" button); none in an embedded chart.
navigation = st.navigation(PAGES, position="hidden" if st.context.is_embedded else "top")
chrome.page_style()
# Share links strip the page's path from the browser's URL; an unknown page gets a notice.
url_state.remember_page(navigation.url_path, known=[page.url_path for page in PAGES])
switch_slot = None if st.context.is_embedded else st.container()
try:
    navigation.run()
finally:  # the menu's links and a first visit carry no `lang`: the address gets it back
    language.keep_in_url()
    if switch_slot is not None:
        with switch_slot:
            language.switch(navigation)
