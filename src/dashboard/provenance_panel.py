"""The "What sources reported" panel: every source of one announcement, and where they differ."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.chrome import md_escape
from investments.formatting import format_as_announced, pledge_labels
from investments.load import COMPANY_NAME, COUNTRY_NAME, Dataset
from investments.provenance import commitment_phrases, source_reports
from investments.schema import Col

FIELD_WORDS = {
    "amount": "amount",
    "currency": "currency",
    "announced_on": "date",
    "period": "period",
    "amount_qualifier": "qualifier",
}


def _link(text: str, url: str) -> str:
    # Only http(s) URLs pass validation; the text is escaped, the URL is kept as is.
    return (
        f"[{md_escape(text or url)}]({url})"
        if url.startswith(("http://", "https://"))
        else md_escape(text)
    )


def sources_panel(dataset: Dataset, row: pd.Series) -> None:
    amount = format_as_announced(row[Col.AMOUNT], row[Col.CURRENCY], row[Col.AMOUNT_QUALIFIER])
    st.markdown(
        f"**{md_escape(amount)}** · {md_escape(row[COMPANY_NAME])} · {md_escape(row[COUNTRY_NAME])} · "
        f"announced {row[Col.ANNOUNCED_ON]:%-d %B %Y}"
    )
    phrases = commitment_phrases(row[Col.ID], dataset.commitments)
    if phrases:
        st.markdown(f"**With the money:** {md_escape(', '.join(phrases))}")
    for report in source_reports(row, dataset.variants):
        if report.role == "differs":
            st.markdown(
                f"**Reported differently** ({FIELD_WORDS.get(report.field, report.field)}): "
                f"{md_escape(report.reported_value)} — {_link(report.publisher, report.url)}  \n"
                f"> {md_escape(report.quote)}\n\n"
                f"We record {md_escape(report.recorded_value)}: {md_escape(report.reason)}"
            )
        else:
            st.markdown(
                f"**{report.role.capitalize()}:** {_link(report.publisher, report.url)}  \n> {md_escape(report.quote)}"
            )
    if pd.notna(row.get(Col.NOTES)) and str(row[Col.NOTES]).strip():
        st.caption(f"Curator's notes: {md_escape(row[Col.NOTES])}")
    if pd.notna(row.get(Col.LAST_VERIFIED)):
        st.caption(f"Sources last verified {row[Col.LAST_VERIFIED]:%-d %B %Y}.")


def pick_and_show(
    dataset: Dataset, rows: pd.DataFrame, *, key: str, label: str = "What sources reported for…"
) -> None:
    """A select box over `rows` and the panel for the chosen one (kept in the URL as ?detail=)."""
    if rows.empty:
        return
    labels = pledge_labels(rows)
    options = ["", *labels]
    wanted = st.query_params.get("detail", "")
    if key not in st.session_state:
        st.session_state[key] = wanted if wanted in labels else ""
    if st.session_state[key] not in options:
        st.session_state[key] = ""
    chosen = st.selectbox(
        label, options, key=key, format_func=lambda i: labels.get(i, "Choose an announcement…")
    )
    if chosen:
        st.query_params["detail"] = chosen
        with st.container(border=True):
            sources_panel(dataset, rows[rows[Col.ID] == chosen].iloc[0])
    elif "detail" in st.query_params:
        del st.query_params["detail"]
