"""Compare: two countries' pledges side by side, each amount as announced with its source."""

import streamlit as st

from dashboard.chrome import credit, md_escape
from dashboard.data import get_dataset
from investments.formatting import format_as_announced, format_period
from investments.load import COMPANY_NAME, COUNTRY_NAME
from investments.schema import Col

st.title("Compare two countries")
dataset = get_dataset()
if dataset is None:
    st.stop()
rows = dataset.investments

country_names = dict(zip(rows[Col.COUNTRY_ISO3], rows[COUNTRY_NAME], strict=True))
company_names = dict(zip(rows[Col.COMPANY], rows[COMPANY_NAME], strict=True))
ALL = ""


def _from_url(key: str, allowed: dict[str, str], default: str) -> str:
    """A query parameter if it names a known value; otherwise the default, with a notice."""
    value = st.query_params.get(key)
    if value is None:
        return default
    if value in allowed:
        return value
    st.info(f"Ignored the link's {key}= value: it is not in the data.", icon=":material/info:")
    return default


countries = sorted(country_names, key=country_names.get)
companies = [ALL, *sorted(company_names, key=company_names.get)]
c1, c2, c3 = st.columns(3)
first = c1.selectbox(
    "Country",
    countries,
    format_func=country_names.get,
    index=countries.index(
        _from_url("a", country_names, "JPN" if "JPN" in country_names else countries[0])
    ),
)
second = c2.selectbox(
    "Compared with",
    countries,
    format_func=country_names.get,
    index=countries.index(
        _from_url("b", country_names, "AUS" if "AUS" in country_names else countries[-1])
    ),
)
company_default = "microsoft" if "microsoft" in company_names else ALL
company = c3.selectbox(
    "Company",
    companies,
    format_func=lambda c: company_names.get(c, "All companies"),
    index=companies.index(_from_url("company", company_names, company_default)),
)
st.query_params.update({"a": first, "b": second, "company": company})

st.caption(
    "Amounts are shown as each company announced them, in the currency it used. "
    "Conversion to a common currency, per person and per year is the next step of this page."
)
for column, iso3 in zip(st.columns(2, gap="large"), (first, second), strict=True):
    with column:
        st.subheader(country_names[iso3])
        pledges = rows[rows[Col.COUNTRY_ISO3] == iso3]
        if company:
            pledges = pledges[pledges[Col.COMPANY] == company]
        if pledges.empty:
            st.write("No recorded pledge for this selection.")
        for _, pledge in pledges.iterrows():
            amount = format_as_announced(
                pledge[Col.AMOUNT], pledge[Col.CURRENCY], pledge[Col.AMOUNT_QUALIFIER]
            )
            with st.container(border=True):
                st.markdown(
                    f"**{md_escape(amount)}** · {md_escape(pledge[COMPANY_NAME])} · "
                    f"{pledge[Col.ANNOUNCED_ON]:%d %B %Y} · "
                    f"{md_escape(format_period(pledge[Col.PERIOD_START_YEAR], pledge[Col.PERIOD_END_YEAR]))}"
                )
                st.markdown(f"> {md_escape(pledge[Col.QUOTE])}")
                st.link_button(f"Source: {pledge[Col.SOURCE_PUBLISHER]}", pledge[Col.SOURCE_URL])
credit(dataset)
