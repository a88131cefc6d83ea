"""The comparable/headline switch every page with totals carries, under its chart.

The basis lives in the URL (`figures=headline`; comparable is the default and is left
out), so a shared link shows the same totals. The switch's line says, in money, what the
comparable basis leaves out, so economy-wide figures are never dropped silently either.
"""

from __future__ import annotations

import streamlit as st

from dashboard import language, url_state
from dashboard.chrome import PerObject
from dashboard.language import _, usd
from investments.scope import DEFAULT_FIGURES, FIGURES, FIGURES_HELP, SetAside

QUERY_KEY = "figures"
# The words for a (cached, shared) SetAside, per language: pandas sums on every run were
# a twentieth of a /map view's CPU.
_WORDS = PerObject()


def figures_from_url() -> str:
    """The basis the link names, or the default (with a notice for a value we lack)."""
    return url_state.choice(
        QUERY_KEY, FIGURES, DEFAULT_FIGURES, why=_("not comparable or headline")
    )


def aside_words(aside: SetAside) -> str:
    """ "2 economy-wide figures (US$1.10 trillion) and 1 figure with partners' or public
    money (US$1.00 billion); US$7.30 billion already spent": what comparable leaves out."""
    parts = []
    if not aside.economy_wide.empty:
        parts.append(
            _("{count} ({amount})").format(
                count=language.count(len(aside.economy_wide), _("economy-wide figure")),
                amount=usd(aside.economy_wide["amount_usd_nominal"].sum()),
            )
        )
    if not aside.shared_funding.empty:
        parts.append(
            _("{count} with partners' or public money ({amount})").format(
                count=language.count(len(aside.shared_funding), "figure"),
                amount=usd(aside.shared_funding["amount_usd_nominal"].sum()),
            )
        )
    words = _(" and ").join(parts)
    if aside.prior_spending_usd:
        spent = _("{amount} already spent").format(amount=usd(aside.prior_spending_usd))
        words = _("{figures}; {spent}").format(figures=words, spent=spent) if words else spent
    return words


def figures_switch(figures: str, aside: SetAside, *, key: str) -> None:
    """The line saying what the totals count, and a link to the other basis; `key` names
    the page (pages/<key>.py)."""
    left_out = _WORDS.get(aside, lambda: aside_words(aside), language.current())
    if figures == "headline":
        line = (
            _("**Headline figures**, as announced")
            + _(": they include {left_out}.").format(left_out=left_out)
            if left_out
            else _("**Headline figures**, as announced.")
        )
    else:
        line = (
            _("**Comparable figures**: each company's own new money")
            + _(". Not added: {left_out}.").format(left_out=left_out)
            if left_out
            else _("**Comparable figures**: each company's own new money.")
        )
    st.caption(line)
    # A link, not a switch: a page waiting for its chart has one kind of control fewer to load.
    headline = figures == "headline"
    url_state.link_to_this_view(
        f"pages/{key}.py",
        _("Show comparable figures (each company's own new money)")
        if headline
        else _("Show headline figures (as announced)"),
        key=QUERY_KEY,
        value=None if headline else "headline",
        icon=":material/swap_horiz:",
        help=_(FIGURES_HELP),
    )
