"""Explore: filter the announcements and download exactly what is shown."""

from dataclasses import replace

import streamlit as st

from dashboard import language
from dashboard.chrome import credit, md_escape
from dashboard.data import data_dir, get_dataset
from dashboard.figures_ui import figures_switch
from dashboard.filter_ui import filter_panel, show_if_empty
from dashboard.language import _
from dashboard.provenance_panel import pick_and_show
from dashboard.tables import announcements_table
from investments.export import to_csv_bytes
from investments.filters import BASES, LINEAGES, basis_column
from investments.i18n import N_
from investments.load import data_version
from investments.package_zip import data_package_zip

# The filter's words this page repeats (investments.filters BASES and LINEAGES), marked here
# too so they are translated wherever they are shown.
FILTER_WORDS = (
    N_("US$ at announcement"),
    N_("constant {base_year} US$"),
    N_("US$ per person"),
    N_("% of host-country GDP"),
    N_("every announcement"),
)

st.title(_("Explore the data"))
dataset = get_dataset()
if dataset is None:
    st.stop()

view = filter_panel(dataset, page_keys=("detail",))
if show_if_empty(view):
    st.stop()
total = len(view.normalized)
st.markdown(
    _("**{shown}** of {total} announcements · {description}").format(
        shown=f"{len(view.rows):,}", total=f"{total:,}", description=md_escape(view.description)
    )
)
if view.filter.latest_only:
    hidden = len(replace(view.filter, lineage="all").apply(view.normalized)) - len(view.rows)
    if hidden:
        st.caption(
            _(
                "{hidden} restated or raised by a later one, or already included in a broader "
                "pledge shown here, are hidden; choose “{every}” under {restated} to see them."
            ).format(
                hidden=language.count(hidden, "matching announcement"),
                every=_(LINEAGES["all"]),
                restated=_("Restated pledges"),
            )
        )
measure = (  # (label, column, basis): the label is the table's header, in the reader's language
    _(BASES[view.filter.basis]).format(base_year=view.base_year),
    basis_column(view.filter.basis, view.base_year),
    view.filter.basis,
)
figures_switch(view.filter.figures, view.set_aside, key="explore")
view.draw_controls()
announcements_table(view.rows, key="explore-table", height=520, measure=measure)
pick_and_show(dataset, view.rows, key="explore_detail")

c1, c2, c3 = st.columns(3)
c1.download_button(
    _("Download these rows (CSV)"),
    data=to_csv_bytes(
        view.rows,
        base_year=view.base_year,
        figures=view.filter.figures,
        release=dataset.package.release_columns,
    ),
    file_name=view.filter.filename(view.normalized, base_year=view.base_year),
    mime="text/csv",
    icon=":material/download:",
    disabled=view.rows.empty,
)
c2.download_button(
    _("Download the full dataset (CSV)"),
    data=to_csv_bytes(
        view.normalized, base_year=view.base_year, release=dataset.package.release_columns
    ),
    file_name=f"big-tech-investments_all_{view.base_year}-dollars.csv",
    mime="text/csv",
    icon=":material/download:",
)
# The zip copies the files on disk: offer it only while they are the version being shown.
files_current = data_version(data_dir()) == dataset.version
c3.download_button(
    _("Download the data package (zip)"),
    data=(lambda: data_package_zip(data_dir(), data_version=dataset.version))
    if files_current
    else b"",
    file_name=f"big-tech-investment-tracker-data_{dataset.version}.zip",
    mime="application/zip",
    icon=":material/folder_zip:",
    disabled=not files_current,
    help=None
    if files_current
    else _("The data files are being corrected; the package returns when they are valid."),
)
st.caption(
    _(
        "The CSVs hold amounts as announced, the exchange rate and fixing date used, US dollars "
        "then and in constant {base_year} dollars, per person, share of GDP and per year; every "
        "column is described on the Sources & methodology page. The zip holds the curated CSVs, "
        "datapackage.json and a README with sources and licence."
    ).format(base_year=view.base_year)
)
credit(dataset, fx=True, world_bank=True, figures=view.filter.figures)
