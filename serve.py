"""The app as it is served: `streamlit run serve.py` (app.py is the script it runs).

`streamlit run app.py` serves the same app. This entry adds three things Streamlit's own
server does not do:
- each page's HTML says where the app's root is, which saves a first-time or returning
  reader two failed requests and a wait before the chart (dashboard.base_hint);
- the page says its language (`<html lang="ja">` for the Japanese edition), for screen
  readers and Japanese line breaking (dashboard.base_hint);
- the server's messages leave when they are written: Streamlit's socket leaves Nagle's
  algorithm on, which held every script run's messages back by up to 40 ms
  (dashboard.nodelay).
"""

import streamlit as st
from starlette.middleware import Middleware

from dashboard import nodelay
from dashboard.base_hint import BaseHintMiddleware
from dashboard.chrome import MENU

PAGE_PATHS = [path for path, _title, _icon in MENU[1:]]  # the first is served at the root

nodelay.listening_sockets_without_delay()  # bound already, accepting not yet
app = st.App("app.py", middleware=[Middleware(BaseHintMiddleware, pages=PAGE_PATHS)])
