"""Under every chart: its alt text, a link to this view, embed code and downloads.

The link is the page's own address with every parameter on screen (read from
`st.query_params` once the page has written them all, so pages draw this panel last).
The embed points at the live app in Streamlit's chrome-less mode, or at a published
static copy when INVESTMENTS_PUBLISHED_BASE_URL names one (`python -m investments publish`).
"""

from __future__ import annotations

import datetime as dt
import os

import streamlit as st

from charts.html import chart_page
from charts.images import PRESETS, ImageExportUnavailable, chromium_available, image_bytes
from charts.snippet import embed_snippet, published_embed_url
from charts.views import ChartView
from dashboard import language, url_state
from dashboard.chrome import md_escape, opened_section
from dashboard.language import _
from investments.export import frame_to_csv_bytes, with_release
from investments.i18n import N_
from investments.links import embed_link, view_link

PUBLISHED_BASE_VARIABLE = "INVESTMENTS_PUBLISHED_BASE_URL"


def published_feed(path: str) -> str | None:
    """The Atom feed `path` (e.g. "country/JPN.atom") on the published copy, when the app
    knows where that is (INVESTMENTS_PUBLISHED_BASE_URL; `python -m investments publish`
    writes the feeds)."""
    published = os.environ.get(PUBLISHED_BASE_VARIABLE, "").strip()
    return f"{published.rstrip('/')}/feeds/{path}" if published else None


def feed_links(feeds: list[tuple[str, str]]) -> None:
    """A caption linking the published feeds named (label, path); nothing when there is no
    published copy to link to."""
    links = [
        f"[{md_escape(label)}]({url})"
        for label, path in feeds
        if (url := published_feed(path)) is not None
    ]
    if links:
        st.caption(
            _("Follow new pledges and corrections (Atom feeds, in English): {links}").format(
                links=" · ".join(links)
            )
        )


def page_query() -> dict[str, str]:
    """The parameters in the reader's address bar now (embed and its options excluded)."""
    return st.query_params.to_dict()


def _current_to() -> dt.date:
    """The date the shown data is current to (its latest curation round)."""
    from dashboard.data import get_dataset

    dataset = get_dataset()
    day = dataset.package.current_to if dataset is not None else None
    return day or dt.date.today()


def _chart_csv(view: ChartView) -> bytes:
    """The chart's data with the release it was drawn from (data_version, data_current_to)."""
    from dashboard.data import get_dataset

    dataset = get_dataset()
    data = view.data if dataset is None else with_release(view.data, dataset.package)
    return frame_to_csv_bytes(data)


def _image(view: ChartView, fmt: str, preset: str):
    unavailable = _("Image export is unavailable on this server: {error}")  # read on this run

    def build() -> bytes:
        try:
            return image_bytes(view, as_of=_current_to(), fmt=fmt, preset=preset)
        except ImageExportUnavailable as error:
            return unavailable.format(error=error).encode()

    return build


def preset_text(key: str) -> str:
    """ "Social card (1200 × 675 px)" / "SNS用カード（1200×675px）" (size as PRESETS.file_size)."""
    preset = PRESETS[key]
    width = round(preset.width_px * preset.scale)
    size = (
        _("{width} px wide").format(width=width)
        if preset.height_px is None
        else _("{width} × {height} px").format(
            width=width, height=round(preset.height_px * preset.scale)
        )
    )
    return _("{label} ({size})").format(label=_(preset.label), size=size)


EMBED_TARGETS = {"live app": N_("live app"), "published copy": N_("published copy")}


def share_panel(view: ChartView, *, key: str) -> None:
    """Call after the page has written every query parameter: the link copies them all."""
    st.caption(_("**Chart description:** {alt}").format(alt=md_escape(view.text.alt)))
    # Drawn only when opened: its code blocks and buttons would otherwise load their
    # scripts while the reader is waiting for the chart.
    section = opened_section(
        _("Share, embed or download this chart"), key=f"{key}-share-open", icon=":material/share:"
    )
    if section is None:
        return
    base = url_state.base_url()
    query = page_query()
    with section, st.container(key=f"{key}-share"):
        link_heading = _("Link to this view")
        st.markdown(f"**{link_heading}**")
        st.code(view_link(base, view.page, query), language=None, wrap_lines=True)

        published = os.environ.get(PUBLISHED_BASE_VARIABLE, "").strip()
        targets = ["live app"] + (["published copy"] if published else [])
        target = (
            st.radio(
                _("Embed from"),
                targets,
                horizontal=True,
                key=f"{key}-embed-target",
                format_func=lambda t: _(EMBED_TARGETS[t]),
            )
            if published
            else "live app"
        )
        src = (
            published_embed_url(published, view.text.slug, view.text.lang)
            if target == "published copy"
            else embed_link(base, view.page, query)
        )
        st.markdown(
            _(
                "**Embed code** (responsive iframe; the short script lets the chart set its own "
                "height)"
            )
        )
        st.code(
            embed_snippet(src, title=view.text.title, kind=view.kind),
            language="html",
            wrap_lines=True,
        )

        st.markdown(_("**Alt text** for the image versions"))
        st.code(view.text.alt, language=None, wrap_lines=True)

        if view.text.sentence:  # Compare's sentence, with what each figure covers
            st.markdown(_("**The sentence**, to quote"))
            st.code(
                language.style().sentences(view.text.sentence, view.text.caveats),
                language=None,
                wrap_lines=True,
            )

        preset = st.radio(
            _("Image size"),
            list(PRESETS),
            format_func=preset_text,
            horizontal=True,
            key=f"{key}-image-size",
            help=_("Each size is laid out for its own width: labels and title are wrapped to fit."),
        )
        c1, c2, c3, c4 = st.columns(4)
        images_ok = chromium_available()
        for column, fmt, label, mime in (
            (c1, "png", "PNG", "image/png"),
            (c2, "svg", "SVG", "image/svg+xml"),
        ):
            column.download_button(
                label,
                data=_image(view, fmt, preset),
                file_name=f"{view.text.slug}-{preset}.{fmt}",
                mime=mime,
                key=f"{key}-{fmt}",
                disabled=not images_ok,
                help=None
                if images_ok
                else _("Needs Chromium on the server; use the chart toolbar's camera."),
            )
        c3.download_button(
            _("Interactive HTML"),
            data=lambda: chart_page(
                view.width_variants(),
                view.text,
                as_of=_current_to(),
                self_contained=True,
                geo=view.is_geo,
                data_href=None,
            ).encode("utf-8"),
            file_name=f"{view.text.slug}.html",
            mime="text/html",
            key=f"{key}-html",
            help=_("One file with the chart, its words and plotly.js: opens offline."),
        )
        c4.download_button(
            _("Chart data (CSV)"),
            data=lambda: _chart_csv(view),  # built on click, not on every run
            file_name=f"{view.text.slug}.csv",
            mime="text/csv",
            key=f"{key}-csv",
        )


def render_embedded(view: ChartView) -> None:
    """The chrome-less embed: title, subtitle, units, chart, credit and "Get the data"."""
    from dashboard.chrome import plotly_chart

    st.markdown(f"### {md_escape(view.text.title)}")
    st.markdown(f"{md_escape(view.text.subtitle)}  \n:gray[{md_escape(view.text.units)}]")
    if view.text.sentence:
        st.markdown(f"**{md_escape(view.text.sentence)}**")
    if view.text.caveats:
        st.markdown(md_escape(view.text.caveats))
    plotly_chart(view.figure, key=f"embed-{view.kind}", alt=view.text.alt)
    credit_line = md_escape(view.text.credit_line(as_of=_current_to()))
    get_the_data = _("Get the data")
    data_link = view_link(url_state.base_url(), view.page, view.query | language.in_url())
    st.caption(f"{credit_line} · [{get_the_data}]({data_link})")
    # Tell the framing page how tall the embed is (see charts.snippet.RESIZER).
    st.html(
        """<script>
(function () {
  var main = window.document.querySelector('[data-testid="stMainBlockContainer"]');
  if (!main || window.parent === window) return;
  function report() {
    window.parent.postMessage({type: "btit:height", height: Math.ceil(main.getBoundingClientRect().height) + 8}, "*");
  }
  new ResizeObserver(report).observe(main);
  report();
})();
</script>""",
        unsafe_allow_javascript=True,
    )
