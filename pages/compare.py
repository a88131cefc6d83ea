"""Compare: two to four pledges or country totals on every basis, with a quotable sentence."""

import pandas as pd
import streamlit as st

from charts.views import compare_view
from dashboard import language, url_state
from dashboard.chrome import (
    cached,
    credit,
    is_embedded,
    md_escape,
    md_link,
    opened_section,
    plotly_chart,
)
from dashboard.data import display_per_usd, get_dataset, get_normalized
from dashboard.figures_ui import figures_from_url, figures_switch
from dashboard.language import _
from dashboard.provenance_panel import commitment_words
from dashboard.share import render_embedded, share_panel
from investments.comparison import (
    DEFAULT_ITEMS,
    MAX_ITEMS,
    bases,
    conversion_dates,
    fx_footnote,
    in_language,
    parse_item,
    resolve,
)
from investments.fx import currencies_on
from investments.lineage import counted
from investments.load import COUNTRY_NAME
from investments.prices import CPI_SOURCE, latest_complete_year, price_level
from investments.schema import Col
from investments.scope import DEFAULT_FIGURES, figures_note, set_aside
from investments.style import pledge_labels, style_for, with_names
from viz.theme import company_colours

dataset = get_dataset()
if dataset is None:
    st.stop()

# 1. The view, from the URL (whitelisted) or the defaults.
url_state.only_these(("items", "base_year", "currency", "figures"))
figures = figures_from_url()
latest_year = latest_complete_year()
base_years = [str(y) for y in range(latest_year, 2018, -1)]
base_year = int(
    url_state.choice("base_year", base_years, str(latest_year), why=_("no complete CPI year"))
)
normalized = get_normalized(dataset, base_year)
chosen = url_state.items(
    "items", lambda text: parse_item(text, normalized) is not None, limit=MAX_ITEMS
)
defaults = [i for i in DEFAULT_ITEMS if parse_item(i, normalized)] or list(
    normalized[Col.ID].head(2)
)
if len(chosen) == 1:  # a comparison needs two: keep the reader's, add a default partner
    partner = next(i for i in [*defaults, *normalized[Col.ID]] if i != chosen[0])
    st.info(
        _(
            "The link names one item; a comparison needs two, so the default is added. "
            "Change it below."
        ),
        icon=":material/info:",
    )
    chosen = [chosen[0], partner]
elif len(chosen) < 2:
    chosen = defaults
# A reader's currency needs an ECB rate on every date converted (no CYP for 2024 pledges).


def quoted_currencies(items: list[str]) -> list[str]:
    """The currencies the ECB quoted on every date these items were converted at, once per
    set of items (the dates do not depend on the base year)."""
    return cached(
        "compare-currencies",
        dataset,
        (tuple(items),),
        lambda: currencies_on(conversion_dates(items, normalized)),
    )


currencies = quoted_currencies(chosen)
currency = url_state.choice(
    "currency", currencies, "USD", why=_("no ECB rate for it on these announcement dates")
)
lang = language.current()
style = style_for(lang)


def build_view(items: list[str], year: int, money: str):
    return cached(
        "compare",
        dataset,
        (tuple(items), year, money, figures, lang),
        lambda: compare_view(
            get_normalized(dataset, year),
            items,
            base_year=year,
            bases=bases(year, style),
            company_colours=company_colours(dataset.companies),
            display_per_usd=display_per_usd(dataset, year, money),
            currency=money,
            figures=figures,
            style=style,
        ),
    )


if is_embedded():
    render_embedded(build_view(chosen, base_year, currency))
    st.stop()

st.title(_("Compare pledges"))
st.caption(
    _(
        "Is Microsoft's US$2.9 billion for Japan more than its A$5 billion for Australia? "
        "Pick two to four pledges or country totals and see them on every basis."
    )
)


# 2. Widgets, seeded from the URL once per session.
def _option_labels() -> dict[str, str]:
    """Every pledge and country total, named in the reader's language."""
    named = with_names(normalized, style)
    ordered = named.sort_values(
        [COUNTRY_NAME, Col.ANNOUNCED_ON],
        key=lambda column: column.map(style.sort_key) if column.name == COUNTRY_NAME else column,
    )
    pledges = pledge_labels(ordered, style)
    countries = sorted(
        zip(named[Col.COUNTRY_ISO3], named[COUNTRY_NAME], strict=True),
        key=lambda pair: style.sort_key(pair[1]),
    )
    return {
        **pledges,
        **{
            f"country:{iso3}": _("{country} — all companies (total)").format(country=name)
            for iso3, name in countries
        },
    }


options = dict(cached("compare-options", dataset, (base_year, lang), _option_labels))
for item in chosen:  # country-and-company totals appear only when asked for
    options.setdefault(item, item)

url_state.init_widget("compare_items", chosen)
url_state.init_widget("compare_base_year", base_year)
url_state.init_widget("compare_currency", currency)
# The controls are drawn after the chart (phone first); their values are read here.
selected = list(st.session_state["compare_items"])
base_year = int(st.session_state["compare_base_year"])
currencies = quoted_currencies(selected)
if st.session_state["compare_currency"] not in currencies:
    st.info(
        _(
            "No ECB rate for {currency} on every date of this comparison: amounts are shown "
            "in US dollars."
        ).format(currency=st.session_state["compare_currency"]),
        icon=":material/info:",
    )
    st.session_state["compare_currency"] = "USD"
currency = st.session_state["compare_currency"]
st.query_params.from_dict(
    {"items": ",".join(selected), "base_year": str(base_year), "currency": currency}
    | ({} if figures == DEFAULT_FIGURES else {"figures": figures})
    | language.in_url()
)


def controls(*, expanded: bool) -> None:
    """The pickers, drawn once the section is open: the comparison itself comes from the
    URL, and a multiselect on first paint loads its scripts before the chart is drawn."""
    labels = _(" vs ").join(options.get(i, i).split(" · ")[0] for i in selected) or _("nothing yet")
    section = opened_section(
        _("Change the comparison · {items}").format(items=labels),
        key="compare_controls_open",
        expanded=expanded,
        icon=":material/tune:",
    )
    if section is None:
        return
    with section:
        st.multiselect(
            _("Pledges or country totals to compare"),
            list(options),
            format_func=options.get,
            key="compare_items",
            max_selections=MAX_ITEMS,
        )
        c1, c2 = st.columns(2)
        c1.selectbox(
            _("Constant dollars of"),
            [int(y) for y in base_years],
            key="compare_base_year",
            help=_("Deflated with the {cpi}.").format(cpi=CPI_SOURCE),
        )
        c2.selectbox(
            _("Show amounts in"),
            currencies,
            key="compare_currency",
            format_func=lambda code: code if lang == "en" else f"{style.currency(code)} ({code})",
            help=_(
                "Converted from US dollars at each pledge's announcement-date ECB rate; "
                "only currencies the ECB quoted on every date of this comparison."
            ),
        )


if len(selected) < 2:
    st.info(_("Pick at least two pledges or country totals to compare."))
    controls(expanded=True)
    st.stop()

# 3. The comparison.
normalized = get_normalized(dataset, base_year)
items = cached(
    "compare-items",
    dataset,
    (tuple(selected), base_year, currency, figures),
    lambda: resolve(
        selected,
        normalized,
        base_year=base_year,
        display_per_usd=display_per_usd(dataset, base_year, currency),
        display_currency=currency,
        figures=figures,
    ),
)

chart = build_view(list(selected), base_year, currency)
sentence = chart.text.sentence  # the view's words: computed once per view, for every reader
caveats = chart.text.caveats
st.markdown(f"**{md_escape(sentence)}**")
if caveats:  # what each figure covers, in words, next to the sentence
    st.markdown(md_escape(caveats))
plotly_chart(chart.figure, key="compare-bases", alt=chart.text.alt)
totals = [i for i in selected if str(i).startswith("country:")]
if totals:  # the basis changes country totals only; single pledges are compared as announced
    countries = [str(i).split(":")[1] for i in totals]
    figures_switch(
        figures,
        cached(
            "compare-set-aside",
            dataset,
            tuple(countries),
            lambda: set_aside(counted(normalized[normalized[Col.COUNTRY_ISO3].isin(countries)])),
        ),
        key="compare",
    )
controls(expanded=False)


def as_announced_line(row, money: str) -> str:
    """One pledge as announced: its amount, period, what comes with it and its source."""
    parts = [md_escape(part) for part in (row["period"], money) if part and pd.notna(part)]
    if str(row["source_url"]).startswith("http"):  # a country total has no single source
        publisher = row["source_publisher"]
        shown = f"{md_escape(publisher)} ↗" if pd.notna(publisher) and publisher else _("source ↗")
        parts.append(md_link(shown, row["source_url"]))
    amount = _("**{pledge}**: {amount}").format(
        pledge=md_escape(row["label"]), amount=md_escape(row["as_announced"])
    )
    return " · ".join([amount, *parts])


def words_under_the_chart() -> tuple[str, str]:
    """The "As announced" list and the footnotes (every converted number's rate, date and
    source, and how each basis is made), once per view and language: worked out on every
    run, `iterrows` over arrow-backed columns was a fifth of a view's CPU.

    A list, not a table widget: a handful of lines that read on a phone, with nothing to
    load before the chart is drawn (Explore has every column)."""
    shown = in_language(items, style)
    with_money = [
        _(", ").join(commitment_words(item, dataset.commitments))
        if not str(item).startswith("country:")
        else ""
        for item in items["item"]
    ]
    listing = "\n".join(
        f"- {as_announced_line(row, money)}"
        for (_index, row), money in zip(shown.iterrows(), with_money, strict=True)
    )
    notes = [fx_footnote(row, style) for _index, row in shown.iterrows()]
    level = price_level(base_year)
    notes.append(
        _(
            "Constant {year} dollars: nominal US dollars × CPI({year}) / CPI(year announced), "
            "{cpi}; {year}: {level} ({basis})."
        ).format(year=base_year, cpi=CPI_SOURCE, level=f"{level.cpi:.3f}", basis=level.basis)
    )
    notes.append(
        _(
            "Per year divides by the number of calendar years in the stated period; pledges "
            "without a stated period have no per-year figure. Country totals count only the "
            "latest pledge of each lineage."
        )
    )
    if totals:
        notes.append(_("Country totals are {note}.").format(note=figures_note(figures, style)))
    numbered = "\n".join(f"{i}. {md_escape(note)}" for i, note in enumerate(notes, start=1))
    return listing, numbered


listing, numbered = cached(
    "compare-words",
    dataset,
    (tuple(selected), base_year, currency, figures, lang),
    words_under_the_chart,
)
st.subheader(_("As announced"))
st.markdown(listing)

# 4. Footnotes: every converted number's rate, date and source.
st.subheader(_("How these numbers were made"))
st.markdown(numbered)
credit(dataset, fx=True, world_bank=True)
share_panel(chart, key="compare")
