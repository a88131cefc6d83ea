"""Explore: filter the announcements and download exactly what is shown."""

import streamlit as st

from dashboard.chrome import credit, md_escape
from dashboard.data import get_dataset, get_normalized
from dashboard.tables import announcements_table
from investments.export import to_csv_bytes
from investments.filters import Filter
from investments.load import COMPANY_NAME, COUNTRY_NAME
from investments.prices import latest_complete_year
from investments.schema import Col

st.title("Explore the data")
dataset = get_dataset()
if dataset is None:
    st.stop()
base_year = latest_complete_year()
rows = get_normalized(dataset, base_year)

company_names = dict(zip(rows[Col.COMPANY], rows[COMPANY_NAME], strict=True))
country_names = dict(zip(rows[Col.COUNTRY_ISO3], rows[COUNTRY_NAME], strict=True))
first_year = int(rows[Col.ANNOUNCED_ON].dt.year.min())
last_year = int(rows[Col.ANNOUNCED_ON].dt.year.max())

with st.container(border=True):
    c1, c2, c3 = st.columns(3)
    companies = c1.multiselect(
        "Company",
        sorted(company_names, key=company_names.get),
        format_func=company_names.get,
        placeholder="All companies",
    )
    countries = c2.multiselect(
        "Host country",
        sorted(country_names, key=country_names.get),
        format_func=country_names.get,
        placeholder="All countries",
    )
    purposes = c3.multiselect(
        "Purpose",
        sorted(rows[Col.PURPOSE].unique()),
        format_func=lambda p: p.replace("_", " "),
        placeholder="All purposes",
    )
    c4, c5 = st.columns([2, 1])
    years = (
        c4.slider("Year announced", first_year, last_year, (first_year, last_year))
        if first_year < last_year
        else (first_year, last_year)
    )
    latest_only = c5.toggle(
        "Latest pledge per lineage only",
        value=False,
        help="Hide announcements that a later one restates or raises.",
    )

chosen = Filter(
    companies=tuple(companies),
    countries=tuple(countries),
    purposes=tuple(purposes),
    years=None if tuple(years) == (first_year, last_year) else tuple(years),
    latest_only=latest_only,
)
shown = chosen.apply(rows)
st.markdown(
    f"**{len(shown):,}** of {len(rows):,} announcements · {md_escape(chosen.describe(rows))}"
)
announcements_table(shown, key="explore-table", height=520)
st.download_button(
    "Download these rows (CSV)",
    data=to_csv_bytes(shown, base_year=base_year),
    file_name=chosen.filename(rows),
    mime="text/csv",
    icon=":material/download:",
    disabled=shown.empty,
)
st.caption(
    f"The CSV has the rows shown with amounts as announced, the exchange rate and fixing date used, US dollars "
    f"then and in constant {base_year} dollars, per person, share of GDP and per year; every column is described "
    "on the Sources & methodology page."
)
credit(dataset, fx=True, world_bank=True)
