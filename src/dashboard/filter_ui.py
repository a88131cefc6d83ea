"""The filter panel shared by Map, Timeline and Explore: read from the URL, shown in a
"Filters" section after the chart (collapsed, so a phone reader meets the chart first, and
labelled with what is applied), written back to the URL so the address always
reproduces the view."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

import pandas as pd
import streamlit as st

from dashboard import language, url_state
from dashboard.chrome import cached, is_embedded, md_escape, opened_section
from dashboard.data import get_normalized
from dashboard.language import _
from investments.code_words import code_words
from investments.filters import (
    BASES,
    LINEAGES,
    QUERY_KEYS,
    Choices,
    Filter,
    Notice,
    basis_label,
    from_query,
)
from investments.load import COMPANY_NAME, COUNTRY_NAME, Dataset
from investments.prices import latest_complete_year
from investments.schema import Col
from investments.scope import SetAside, set_aside
from investments.style import Style, style_for

FIRST_BASE_YEAR = 2019
MILLION = 1_000_000


def _style() -> Style:
    """The reader's language for the panel's option names (keys stay in the URL)."""
    return style_for(language.current())


@dataclass(frozen=True)
class View:
    """What a page needs after the panel ran: the filter, its rows and the whole table."""

    filter: Filter
    base_year: int
    normalized: pd.DataFrame
    rows: pd.DataFrame
    description: str
    draw_controls: Callable[..., None] = lambda **_: None  # the filters section (none in an embed)
    dataset: Dataset | None = None

    @property
    def set_aside(self) -> SetAside:
        """What the comparable basis leaves out of this view (same filter, headline rows)."""
        headline = replace(self.filter, figures="headline")
        return cached(
            "set-aside",
            self.dataset,
            (tuple(sorted(headline.to_query().items())), self.base_year),
            lambda: set_aside(_rows(self.dataset, headline, self.base_year, self.normalized)),
        )


def _seed(key: str, value) -> None:
    """Widgets start from the URL once per session; after that the reader owns them."""
    if key not in st.session_state:
        st.session_state[key] = value


def names_in_language(dataset: Dataset, everything) -> tuple[dict[str, str], dict[str, str]]:
    """Company key -> name and ISO3 -> country name over `everything` (the normalized
    pledges), in the reader's language, once per data version and language: read off every
    row on every run, they were a tenth of a /map view's CPU. Shared between sessions
    (chrome.cached): callers must not change them."""
    return cached("filter-names", dataset, (language.current(),), lambda: _names(everything))


def _names(everything) -> tuple[dict[str, str], dict[str, str]]:
    companies = everything[[Col.COMPANY, COMPANY_NAME]].drop_duplicates(Col.COMPANY)
    countries = everything[[Col.COUNTRY_ISO3, COUNTRY_NAME]].drop_duplicates(Col.COUNTRY_ISO3)
    company_names = dict(zip(companies[Col.COMPANY], companies[COMPANY_NAME], strict=True))
    country_names = dict(zip(countries[Col.COUNTRY_ISO3], countries[COUNTRY_NAME], strict=True))
    if language.current() != "en":
        company_names = {k: language.company(k, v) for k, v in company_names.items()}
        country_names = {k: language.country(k, v) for k, v in country_names.items()}
    return company_names, country_names


def filter_panel(
    dataset: Dataset,
    *,
    page_keys: Iterable[str] = (),
    bases: Iterable[str] = tuple(BASES),
) -> View:
    """Render the filters in the sidebar and return the filtered view.

    `page_keys` are the page's own URL parameters (kept, and validated by the page).
    """
    latest_year = latest_complete_year()
    base_years = list(range(latest_year, FIRST_BASE_YEAR - 1, -1))
    everything = get_normalized(dataset, latest_year)
    choices = cached(
        "filter-choices",
        dataset,
        (latest_year,),
        lambda: Choices.of(everything, base_years=base_years),
    )
    page_keys = tuple(page_keys)
    from_url, notices = from_query(
        st.query_params.to_dict(), choices, other_keys=(*page_keys, url_state.LANGUAGE_KEY)
    )
    bases = tuple(bases)
    if from_url.basis not in bases:
        notices.append(Notice("basis", from_url.basis, "not a measure of this page"))
        from_url = replace(from_url, basis=bases[0])
    for dropped in notices:  # the reason is translated by url_state.reason_text
        url_state.notice(dropped.key, dropped.value, f"{dropped.reason}.")
    if is_embedded():  # an embed shows the view its URL names, without controls
        return _view(dataset, from_url, from_url.base_year or latest_year)

    # Names in the reader's language (the URL keeps the company keys and ISO codes).
    company_names, country_names = names_in_language(dataset, everything)
    first_year, last_year = choices.first_year, choices.last_year
    years = from_url.years or (first_year, last_year)
    _seed("f_basis", from_url.basis)
    _seed("f_base_year", from_url.base_year or latest_year)
    _seed("f_lineage", from_url.lineage)
    _seed("f_companies", list(from_url.companies))
    _seed("f_regions", list(from_url.regions))
    _seed("f_countries", list(from_url.countries))
    _seed("f_years", years)
    _seed("f_purposes", list(from_url.purposes))
    _seed("f_statuses", list(from_url.statuses))
    _seed("f_min_musd", from_url.min_usd / MILLION if from_url.min_usd else None)
    _seed("f_max_musd", from_url.max_usd / MILLION if from_url.max_usd else None)
    _seed("f_text", from_url.text)

    state = st.session_state
    if state["f_basis"] not in bases:  # a measure from another page that this one lacks
        state["f_basis"] = bases[0]

    basis = state["f_basis"]
    base_year = state["f_base_year"]
    chosen_years = state["f_years"] if first_year < last_year else (first_year, last_year)
    min_musd, max_musd = state["f_min_musd"], state["f_max_musd"]
    chosen = Filter(
        companies=tuple(state["f_companies"]),
        countries=tuple(state["f_countries"]),
        regions=tuple(state["f_regions"]),
        years=None if tuple(chosen_years) == (first_year, last_year) else tuple(chosen_years),
        purposes=tuple(state["f_purposes"]),
        statuses=tuple(state["f_statuses"]),
        min_usd=min_musd * MILLION if min_musd else None,
        max_usd=max_musd * MILLION if max_musd else None,
        text=str(state["f_text"]).strip(),
        basis=basis,
        lineage=state["f_lineage"],
        base_year=base_year if base_year != latest_year else None,
        figures=from_url.figures,
    )
    kept = {
        k: v for k, v in st.query_params.to_dict().items() if k in page_keys and k not in QUERY_KEYS
    }
    st.query_params.from_dict({**chosen.to_query(), **kept, **language.in_url()})

    view = _view(dataset, chosen, base_year)

    def draw_controls(*, expanded: bool = False) -> None:
        """The filter widgets; pages draw them after the chart so it reaches the reader first."""
        _draw_controls(
            bases,
            base_years,
            latest_year,
            choices,
            company_names,
            country_names,
            summary=view.description,
            expanded=expanded,
        )

    return replace(view, draw_controls=draw_controls)


def show_if_empty(view: View) -> bool:
    """A view with no rows says so in words, offers the way back to every pledge and opens
    the filters; it draws no empty chart and offers nothing to share. True if empty."""
    if not view.rows.empty:
        return False
    st.info(
        _("No pledges match this view: {description}.").format(
            description=md_escape(view.description)
        ),
        icon=":material/filter_alt_off:",
    )
    if not is_embedded() and st.button(_("Show all pledges"), icon=":material/restart_alt:"):
        for key in [k for k in st.session_state if str(k).startswith("f_")]:
            del st.session_state[key]
        st.query_params.from_dict(language.in_url())
        st.rerun()
    view.draw_controls(expanded=True)
    return True


def _draw_controls(
    bases,
    base_years,
    latest_year,
    choices,
    company_names,
    country_names,
    *,
    summary: str,
    expanded: bool,
) -> None:
    first_year, last_year = choices.first_year, choices.last_year
    # Drawn once opened: a dozen widgets were a fifth of a page view's server time.
    section = opened_section(
        _("Filters · {summary}").format(summary=summary),
        key="filters_open",
        expanded=expanded,
        icon=":material/tune:",
    )
    if section is None:
        return
    with section:
        basis = st.radio(
            _("Measure"),
            bases,
            key="f_basis",
            horizontal=True,
            format_func=lambda b: basis_label(
                b, st.session_state.get("f_base_year", latest_year), _style()
            ),
        )
        if basis == "constant":  # shown only when it applies (a disabled control reads as broken)
            st.selectbox(_("Constant dollars of"), base_years, key="f_base_year")
        st.radio(
            _("Restated pledges"),
            list(LINEAGES),
            key="f_lineage",
            format_func=lambda lineage: _(LINEAGES[lineage]),
            help=_(
                "“Latest pledge per lineage” counts only the newest of a chain of restatements, "
                "and leaves out a state's share when the national pledge that includes it is "
                "shown, so nothing is counted twice."
            ),
        )
        st.multiselect(
            _("Company"),
            language.by_name(company_names),
            key="f_companies",
            format_func=company_names.get,
            placeholder=_("All companies"),
        )
        st.multiselect(
            _("Region (UN M49)"),
            sorted(choices.regions),
            key="f_regions",
            format_func=_style().region,
            placeholder=_("All regions"),
        )
        st.multiselect(
            _("Host country"),
            language.by_name(country_names),
            key="f_countries",
            format_func=country_names.get,
            placeholder=_("All countries"),
        )
        if first_year < last_year:  # a one-year dataset has nothing to slide
            st.slider(_("Year announced"), first_year, last_year, key="f_years")
        st.multiselect(
            _("Purpose"),
            sorted(choices.purposes),
            key="f_purposes",
            format_func=lambda code: code_words(code, _style()),
            placeholder=_("All purposes"),
        )
        st.multiselect(
            _("Status"),
            sorted(choices.statuses),
            key="f_statuses",
            format_func=lambda code: code_words(code, _style()),
            placeholder=_("Any status"),
        )
        c1, c2 = st.columns(2)
        c1.number_input(
            _("Minimum, US$ million"),
            min_value=0.0,
            step=100.0,
            key="f_min_musd",
            placeholder=_("No minimum"),
            help=_("At the announcement-date rate (link parameter min_usd, in US$)."),
        )
        c2.number_input(
            _("Maximum, US$ million"),
            min_value=0.0,
            step=100.0,
            key="f_max_musd",
            placeholder=_("No maximum"),
            help=_("At the announcement-date rate (link parameter max_usd, in US$)."),
        )
        st.text_input(_("Search company, country, notes"), key="f_text", max_chars=80)


def _view(dataset: Dataset, chosen: Filter, base_year: int) -> View:
    normalized = get_normalized(dataset, base_year)
    rows = _rows(dataset, chosen, base_year, normalized)
    description = chosen.describe(normalized, base_year=base_year, style=_style())
    return View(chosen, base_year, normalized, rows, description, dataset=dataset)


def _rows(
    dataset: Dataset, chosen: Filter, base_year: int, normalized: pd.DataFrame
) -> pd.DataFrame:
    """The filtered rows, computed once per (data version, filter, base year) for all readers."""
    key = (tuple(sorted(chosen.to_query().items())), base_year)
    return cached("filtered-rows", dataset, key, lambda: chosen.apply(normalized))
