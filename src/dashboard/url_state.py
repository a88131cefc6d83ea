"""Reading a view from the URL by whitelist: unknown values are dropped with a notice.

Query parameters are strings chosen by whoever wrote the link; nothing here evaluates
them, and nothing is echoed back except through md_escape.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

import streamlit as st

from dashboard.chrome import md_escape
from investments.filters import unknown_key_reason
from investments.links import PUBLIC_URL_VARIABLE, app_base_url, local_base_url

MAX_SHOWN_CHARS = 40
_CURRENT_PAGE_PATH = "_current_page_url_path"


def remember_page(url_path: str, *, known: Iterable[str] = ()) -> None:
    """app.py records the page being run (st.context.url ends with its path), and says so
    when the address named a page that does not exist: Streamlit then runs the home page
    and rewrites the address without a word."""
    st.session_state[_CURRENT_PAGE_PATH] = url_path
    from streamlit.runtime.scriptrunner import get_script_run_ctx  # the requested page's name

    ctx = get_script_run_ctx()
    requested = getattr(getattr(ctx, "pages_manager", None), "intended_page_name", None)
    if requested and requested != url_path and requested not in set(known):
        shown = requested if len(requested) <= MAX_SHOWN_CHARS else requested[:MAX_SHOWN_CHARS] + "…"
        st.warning(
            f"There is no page “{md_escape(shown)}”. This is the Overview; the menu at the "
            "top lists every page.",
            icon=":material/search_off:",
        )


def current_page() -> str:
    """The running page's URL path ("" for the home page)."""
    return st.session_state.get(_CURRENT_PAGE_PATH, "")


def base_url() -> str:
    """The app's root as this reader reaches it (or as TRACKER_PUBLIC_URL names it)."""
    return app_base_url(
        st.context.url,
        page_path=current_page(),
        public_url=os.environ.get(PUBLIC_URL_VARIABLE, ""),
        fallback=local_base_url(
            port=int(st.get_option("server.port")),
            base_path=st.get_option("server.baseUrlPath") or "",
        ),
    )


def base_path() -> str:
    """The path part of the app's root in the reader's browser ("/" or "/tracker/")."""
    return urlsplit(base_url()).path or "/"


def notice(key: str, value: str, why: str) -> None:
    """Tell the reader a link value was ignored; key and value are shown as text."""
    shown = value if len(value) <= MAX_SHOWN_CHARS else value[:MAX_SHOWN_CHARS] + "…"
    st.info(
        f"Ignored the link's **{md_escape(key)}** value “{md_escape(shown)}”: {why}",
        icon=":material/info:",
    )


def choice(
    key: str, allowed: Iterable[str], default: str, *, why: str = "it is not an option"
) -> str:
    """The URL's value for `key` if allowed, else `default` (with a notice if it was set)."""
    value = st.query_params.get(key)
    if value is None or value == "":
        return default
    if value in set(allowed):
        return value
    notice(key, value, why)
    return default


def items(key: str, is_valid: Callable[[str], bool], *, limit: int) -> list[str]:
    """The URL's comma-separated list for `key`, keeping valid entries (at most `limit`)."""
    raw = st.query_params.get(key)
    if not raw:
        return []
    kept = []
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        if is_valid(part) and part not in kept:
            kept.append(part)
        else:
            notice(key, part, "it is not in the data")
    if len(kept) > limit:
        notice(key, ",".join(kept[limit:]), f"at most {limit} can be compared")
    return kept[:limit]


def init_widget(key: str, value: object) -> None:
    """Seed a widget's state from the URL once per session; later the widget owns it."""
    if key not in st.session_state:
        st.session_state[key] = value


LANGUAGE_KEY = "lang"  # read by dashboard.language on every page


def only_these(keys: Iterable[str]) -> None:
    """A notice for every URL parameter this page does not read (nothing else happens)."""
    allowed = set(keys) | {LANGUAGE_KEY}
    for key, value in st.query_params.to_dict().items():
        if key not in allowed:
            notice(key, value, unknown_key_reason(key, allowed))
