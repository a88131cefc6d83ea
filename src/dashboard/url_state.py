"""Reading a view from the URL by whitelist: unknown values are dropped with a notice.

Query parameters are strings chosen by whoever wrote the link; nothing here evaluates
them, and nothing is echoed back except through md_escape.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

import streamlit as st

from dashboard.chrome import md_escape
from investments.filters import unknown_key_reason
from investments.i18n import N_
from investments.links import PUBLIC_URL_VARIABLE, app_base_url, local_base_url

MAX_SHOWN_CHARS = 40
_CURRENT_PAGE_PATH = "_current_page_url_path"

# Why a link's value was ignored, as investments.filters and the pages say it in English:
# marked here so the notice shows them in the reader's language. Reasons that carry a
# value are matched by pattern and translated with it.
_REASONS = (
    N_("not in the data"),
    N_("it is not in the data"),
    N_("not an option"),
    N_("it is not an option"),
    N_("not an amount in US dollars"),
    N_("larger than max_usd"),
    N_("not a measure of this page"),
    N_("not a setting of this page"),
    N_("not a language of this site (en, ja)"),
)
_REASON_PATTERNS = (
    (
        re.compile(r"not a year from (?P<first>\d+) to (?P<last>\d+)"),
        N_("not a year from {first} to {last}"),
    ),
    (re.compile(r"after to=(?P<last>\d+)"), N_("after to={last}")),
    (re.compile(r"longer than (?P<limit>\d+) characters"), N_("longer than {limit} characters")),
    (
        re.compile(r"not a setting of this page \(did you mean (?P<key>[^\s?]+)\?\)"),
        N_("not a setting of this page (did you mean {key}?)"),
    ),
    (re.compile(r"at most (?P<limit>\d+) can be compared"), N_("at most {limit} can be compared")),
)


def reason_text(why: str) -> str:
    """`why` in the reader's language: English (byte for byte) stays as given, with or
    without its full stop; a translation is a whole sentence with its own punctuation."""
    from dashboard.language import _  # dashboard.language imports this module

    stem = why[:-1] if why.endswith(".") else why
    if not stem:  # gettext("") is the catalogue's header
        return why
    for pattern, message in _REASON_PATTERNS:
        found = pattern.fullmatch(stem)
        if found:
            translated = _(message)
            return why if translated == message else translated.format(**found.groupdict())
    translated = _(stem)
    return why if translated == stem else translated


def remember_page(url_path: str, *, known: Iterable[str] = ()) -> None:
    """app.py records the page being run (st.context.url ends with its path), and says so
    when the address named a page that does not exist: Streamlit then runs the home page
    and rewrites the address without a word."""
    st.session_state[_CURRENT_PAGE_PATH] = url_path
    from streamlit.runtime.scriptrunner import get_script_run_ctx  # the requested page's name

    ctx = get_script_run_ctx()
    requested = getattr(getattr(ctx, "pages_manager", None), "intended_page_name", None)
    if requested and requested != url_path and requested not in set(known):
        shown = (
            requested if len(requested) <= MAX_SHOWN_CHARS else requested[:MAX_SHOWN_CHARS] + "…"
        )
        from dashboard.language import _  # dashboard.language imports this module

        st.warning(
            _(
                "There is no page “{page}”. This is the Overview; the menu at the top lists "
                "every page."
            ).format(page=md_escape(shown)),
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


def link_to_this_view(
    page, label: str, *, key: str, value: str | None, icon: str, help: str | None = None
) -> None:
    """A link to the view the reader is on with the parameter `key` set to `value` (left
    out when `value` is None), every other parameter kept: the URL owns the view, so the
    language and the comparable/headline basis change by a link, not a switch."""
    query = {k: v for k, v in st.query_params.to_dict().items() if k != key}
    if value is not None:
        query[key] = value
    st.page_link(page, label=label, icon=icon, query_params=query, help=help)


def notice(key: str, value: str, why: str) -> None:
    """Tell the reader a link value was ignored; key and value are shown as text, `why`
    in the reader's language (reason_text)."""
    from dashboard.language import _  # dashboard.language imports this module

    shown = value if len(value) <= MAX_SHOWN_CHARS else value[:MAX_SHOWN_CHARS] + "…"
    st.info(
        _("Ignored the link's **{key}** value “{value}”: {why}").format(
            key=md_escape(key), value=md_escape(shown), why=reason_text(why)
        ),
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
