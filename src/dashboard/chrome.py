"""Page furniture shared by every page: the credit line under charts and tables."""

from __future__ import annotations

import copy
import functools
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

import plotly.graph_objects as go
import streamlit as st

from investments.credits import source_line
from investments.i18n import N_
from investments.load import Dataset

T = TypeVar("T")

PLOTLY_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
}
STATIC_TOPOJSON_PATH = "app/static/topojson/"  # static/topojson/, served by the app


def plotly_chart(
    fig,
    *,
    key: str,
    alt: str | None = None,
    on_select: str = "ignore",
    selection_mode=("points",),
):
    """Every chart through one door: local map shapes, PNG at 2x, no Plotly logo, and its
    text alternative for screen readers.

    plotly.js fetches map shapes from `topojsonURL` instead of its CDN; the path follows
    the app's root in the reader's browser, so it holds under `server.baseUrlPath`.
    A map has no fixed height: its box keeps the map's proportions (PAGE_STYLE), so it
    fills a phone's width without blank bands above and below.
    """
    from dashboard.url_state import base_path  # url_state imports this module

    sent = _as_sent(fig)
    if any(trace.type == "choropleth" for trace in fig.data):
        with st.container(key=f"{key}-map-box"):
            return _plotly(sent, key, alt, on_select, selection_mode, base_path(), "stretch")
    return _plotly(sent, key, alt, on_select, selection_mode, base_path())


class _SentFigure(go.Figure):
    """A copy of a page's figure whose dict form is worked out once.

    Streamlit turns the figure into a dict on every run before it writes the JSON: 5 ms for
    the timeline's 40 traces, a quarter of its page view's server time (docs/PERFORMANCE.md).
    Pages' figures are cached, shared and never changed once built, so the dict cannot go
    stale. It is handed out as is; plotly's JSON writer only drops trace uids from it,
    which this copy has already done.
    """

    def to_dict(self) -> dict:
        try:
            return self._sent_dict
        except AttributeError:
            as_dict = super().to_dict()
            for trace in as_dict.get("data", []):
                trace.pop("uid", None)
            self._sent_dict = as_dict
            return as_dict


class PerObject:
    """Results worked out once per shared object (a cached figure or view), by identity.

    For what is derived from a `cached` result on every run but is not worth a cache key
    of its own. Each entry keeps its object alive, so an id is never reused while it is
    here; the oldest entries go beyond `size`.
    """

    def __init__(self, size: int = 64):
        self._entries: OrderedDict[tuple, tuple[object, object]] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def get(self, obj: object, build: Callable[[], T], *key: object) -> T:
        entry_key = (id(obj), *key)
        with self._lock:
            hit = self._entries.get(entry_key)
            if hit is not None and hit[0] is obj:
                self._entries.move_to_end(entry_key)
                return hit[1]
        result = build()
        with self._lock:
            self._entries[entry_key] = (obj, result)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return result


_SENT = PerObject()


def _as_sent(fig: go.Figure) -> _SentFigure:
    """The figure as it is sent, made once per (cached, shared) figure: a map loses its
    fixed height (its box keeps the map's proportions: PAGE_STYLE), and the dict form is
    kept. Copying a figure costs a few milliseconds, on every page view otherwise."""

    def build() -> _SentFigure:
        sent = _SentFigure(fig)
        if any(trace.type == "choropleth" for trace in fig.data):
            sent.update_layout(height=None, autosize=True)
        sent.to_dict()
        return sent

    return _SENT.get(fig, build)


def _plotly(fig, key, alt, on_select, selection_mode, root, height="content"):
    return st.plotly_chart(
        fig,
        height=height,
        config={**PLOTLY_CONFIG, "topojsonURL": root + STATIC_TOPOJSON_PATH},
        key=key,
        width="stretch",
        on_select=on_select,
        selection_mode=selection_mode,
        alt=alt,
    )


# One view of each page keeps about 35 entries per language, and each filtered view three
# more: at 64, sixty readers' filters on /map evicted each other and every repeat view was
# built again (60 views: 6.0 s of runs at 64, 2.9 s at 256). An entry is about 0.13 MB, so
# a full cache is some 35 MB (docs/PERFORMANCE.md).
@st.cache_resource(max_entries=256, show_spinner=False)
def _cached(kind: str, version: str, view_key: tuple, _build: Callable[[], T]) -> T:
    return _build()


def cached(kind: str, dataset: Dataset, view_key: tuple, build: Callable[[], T]) -> T:
    """Build a chart view once per (data version, view): reruns with the same filter reuse it.

    Results are shared between sessions; callers must not mutate them.
    """
    return _cached(kind, dataset.version, view_key, build)


def opened_section(label: str, *, key: str, expanded: bool = False, icon: str | None = None):
    """A section whose content is drawn only once the reader opens it (one rerun), or None
    while it is closed.

    Widgets, tables and code blocks inside cost no server time and load no script while
    the reader waits for the chart (docs/PERFORMANCE.md). What they show must not depend on
    their being drawn: views come from the URL.
    """
    section = st.expander(label, expanded=expanded, key=key, on_change="rerun", icon=icon)
    return section if section.open else None


# Drawn once per page by app.py: what the theme in .streamlit/config.toml cannot say.
PAGE_STYLE = """<style>
/* Phones: the button that opens the menu says so; table toolbars cover no headings. */
@media (max-width: 640px) {
  [data-testid="stExpandSidebarButton"]::after {
    content: "Menu"; margin-left: 6px; font-size: 15px; font-weight: 600;
  }
  [data-testid="stElementToolbar"] { display: none; }
}
/* A map keeps its proportions at every width (chrome.plotly_chart). */
[class*="-map-box"] { aspect-ratio: 1.9; height: auto; }
@media (max-width: 640px) { [class*="-map-box"] { aspect-ratio: 1.25; } }
/* Japanese headings break between phrases, not inside a word (serve.py sets html lang). */
:lang(ja) :is(h1, h2, h3) { word-break: auto-phrase; }
/* Keyboard focus is always visible (WCAG 2.4.7). */
a:focus-visible, button:focus-visible, input:focus-visible, [role="button"]:focus-visible,
[tabindex]:focus-visible, summary:focus-visible {
  outline: 3px solid #0B5CAD !important; outline-offset: 2px;
}
</style>"""


MENU_WORD = N_("Menu")  # PAGE_STYLE's label for the phone menu button


def page_style() -> None:
    from dashboard.language import _  # language -> url_state -> chrome

    menu = _(MENU_WORD).replace("\\", "").replace('"', "")
    st.html(PAGE_STYLE.replace(f'content: "{MENU_WORD}"', f'content: "{menu}"'))


def is_embedded() -> bool:
    """True inside an iframe opened with ?embed=true (Streamlit hides that parameter)."""
    return bool(getattr(st.context, "is_embedded", False))


def credit(dataset: Dataset, **kwargs) -> None:
    from dashboard import language  # language -> url_state -> chrome

    package = dataset.package
    st.caption(
        source_line(
            version=package.version,
            current_to=package.current_to,
            style=language.style(),
            **kwargs,
        )
    )


def link_target(url: object) -> str:
    """A data URL safe inside a markdown link: parentheses and spaces percent-encoded, so
    the link cannot end early; the validator admits only http(s) URLs."""
    return str(url).replace("(", "%28").replace(")", "%29").replace(" ", "%20")


def md_link(shown: str, url: object) -> str:
    """`shown` (markdown, already escaped) linked to a data URL; the validator admits only
    http(s) URLs, so anything else is left as `shown` alone."""
    if not str(url).startswith(("http://", "https://")):
        return shown
    return f"[{shown}]({link_target(url)})"


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def md_escape(text: object) -> str:
    """Data text shown through st.markdown stays text: no links, emphasis or HTML from a CSV."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))


# The app's pages, in menu order: (URL path, title, icon); each is pages/<path>.py, and the
# first is the default page at the app's root. serve.py takes the paths from here too.
MENU = (
    ("overview", N_("Overview"), ":material/home:"),
    ("map", N_("Map"), ":material/map:"),
    ("timeline", N_("Timeline"), ":material/timeline:"),
    ("compare", N_("Compare"), ":material/compare_arrows:"),
    ("explore", N_("Explore"), ":material/table:"),
    ("country", N_("Country profiles"), ":material/flag:"),
    ("sources", N_("Sources & methodology"), ":material/menu_book:"),
    ("changes", N_("What changed"), ":material/history:"),
)


@functools.lru_cache(maxsize=8)
def _menu_templates(language_code: str) -> tuple:
    from dashboard.language import _  # language -> url_state -> chrome

    default, *others = MENU
    return (
        st.Page(f"pages/{default[0]}.py", title=_(default[1]), icon=default[2], default=True),
        *(
            st.Page(f"pages/{path}.py", title=_(title), icon=icon, url_path=path)
            for path, title, icon in others
        ),
    )


def menu_pages(language_code: str) -> list:
    """The app's pages, titled in the reader's language.

    st.Page resolves its script's path on the disk (a dozen system calls per page, every run,
    for every reader), so each language's pages are built once per process. Each run gets
    copies: st.navigation marks the page it picks as callable, and that mark must not be
    shared between sessions running at the same time.
    """
    return [copy.copy(page) for page in _menu_templates(language_code)]
