"""The reader's language, and the words and number style that follow from it.

The language is part of the view like every other setting: `?lang=ja` in the address, kept
through every page and share link. Without it, the reader's earlier choice in this
session holds, and on a first visit the browser's Accept-Language may pick it; an explicit
`lang` always wins. English, the source language, is left out of the address.
"""

from __future__ import annotations

import datetime as dt
import threading

import streamlit as st

from dashboard import url_state
from investments.i18n import DEFAULT_LANGUAGE, LANGUAGES, pick_language, translator
from investments.style import Style, style_for

QUERY_KEY = "lang"
STATE_KEY = "_language"


def resolve() -> str:
    """Once per run (app.py): the language of this view, with a notice for a bad `lang`."""
    asked = st.query_params.get(QUERY_KEY)
    if asked in LANGUAGES:
        chosen = asked
    else:
        if asked:
            url_state.notice(QUERY_KEY, asked, "not a language of this site (en, ja).")
        chosen = st.session_state.get(STATE_KEY) or pick_language(
            st.context.headers.get("Accept-Language")
        )
    st.session_state[STATE_KEY] = chosen
    _this_run.lang = chosen
    return chosen


# Streamlit runs each script run in a thread of its own: the language resolved at the start
# of the run is kept here, so the hundreds of `_()` a page makes do not each go through
# session state (callbacks, which run before `resolve`, fall back to it).
_this_run = threading.local()


def current() -> str:
    lang = getattr(_this_run, "lang", None)
    return lang if lang is not None else st.session_state.get(STATE_KEY, DEFAULT_LANGUAGE)


def _(message: str) -> str:
    """`message` in the reader's language (extracted by Babel: see investments.i18n)."""
    return translator(current()).gettext(message)


def in_url() -> dict[str, str]:
    """The language as a link parameter: {} for English, {"lang": "ja"} otherwise."""
    lang = current()
    return {} if lang == DEFAULT_LANGUAGE else {QUERY_KEY: lang}


def keep_in_url() -> None:
    """Put the language back in the address after a page rewrote its parameters; English,
    once chosen, leaves the address (the session remembers it)."""
    lang = current()
    if lang == DEFAULT_LANGUAGE:
        if QUERY_KEY in st.query_params:
            del st.query_params[QUERY_KEY]
    elif st.query_params.get(QUERY_KEY) != lang:
        st.query_params[QUERY_KEY] = lang


def switch(page) -> None:
    """Links to this view in the other languages, at the top of every page (app.py draws
    them after the page ran, so they carry every parameter the page wrote).

    Links, not a switch: on a page waiting for its chart, one kind of control fewer to
    load (docs/PERFORMANCE.md); a link to the other edition is what news sites offer.
    """
    for code, name in LANGUAGES.items():
        if code != current():
            url_state.link_to_this_view(
                page, name, key=QUERY_KEY, value=code, icon=":material/translate:"
            )


# ---------------------------------------------------------------- number style


def style() -> Style:
    """The reader's language and number style, for code shared with charts and exports."""
    return style_for(current())


def usd(amount: float) -> str:
    """A converted or summed US-dollar amount: "US$2.74 trillion" / "2兆7400億ドル"."""
    return style().usd(amount)


def as_announced(amount: float, currency: str, qualifier: str) -> str:
    return style().as_announced(amount, currency, qualifier)


def count(number: int, noun: str, plural: str | None = None) -> str:
    """ "3 pledges" / "3件"; a noun given already translated is kept: "経済全体の数字4件"."""
    if current() == "ja":
        named = noun if any(ord(c) > 0x3000 for c in noun) else ""
        return f"{named}{number:,}件"
    return style().count(number, noun, plural)


def date(day: dt.date, english: str = "%-d %B %Y") -> str:
    return f"{day:{english}}" if current() == DEFAULT_LANGUAGE else style().date(day)


def company(key: str, english: str) -> str:
    return style().company(key, english)


def by_name(names: dict[str, str]) -> list[str]:
    """The keys of `names`, in the order the reader's index files their names."""
    key = style().sort_key
    return sorted(names, key=lambda k: key(names[k]))


def country(iso3: str, english: str) -> str:
    return style().country(iso3, english)
