"""Work around Streamlit running a page file without app.py on a fresh server.

Streamlit 1.67 starts each server in its old multipage mode when a `pages/` folder sits
beside the entry script, and leaves it only once `st.navigation` has run. Until then a
first reader who opens `/map` directly gets `pages/map.py` executed on its own: no
app.py, no page config, no menu, a list of file names in the sidebar
(`PagesManager.uses_pages_directory`, checked in `ScriptRunner._run_script`).
Every page calls `ensure_app_navigation()` first: in that state it switches the mode off
and reruns, so app.py and `st.navigation` take over for this reader and all later ones.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def ensure_app_navigation() -> None:
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
