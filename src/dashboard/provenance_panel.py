"""The "What sources reported" panel: every source of one announcement, and where they differ.

Quotes, publishers, reasons and notes are shown as their authors wrote them, in their own
language; only the words around them follow the reader's language.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import language
from dashboard.chrome import md_escape, md_link
from dashboard.language import _
from dashboard.tables import quoted_in
from investments import ja_style
from investments.i18n import N_
from investments.load import COMPANY_NAME, COUNTRY_NAME, Dataset
from investments.provenance import commitment_phrases, source_reports
from investments.schema import Col, CommitmentCol
from investments.style import pledge_labels

FIELD_WORDS = {
    "amount": N_("amount"),
    "currency": N_("currency"),
    "announced_on": N_("date"),
    "period": N_("period"),
    "amount_qualifier": N_("qualifier"),
}
ROLE_WORDS = {"source": N_("Source"), "second source": N_("Second source")}
# The column that says in which language each role's quote is written.
ROLE_QUOTE_LANGUAGE = {
    "source": Col.QUOTE_LANGUAGE,
    "second source": Col.SECOND_SOURCE_QUOTE_LANGUAGE,
}
# Non-monetary commitments (commitments.csv): kinds, and the units curators use most.
KIND_PHRASES = {
    "people_to_train": N_("{quantity} people to train"),
    "datacentre_sites": N_("{quantity} data-centre sites"),
    "cloud_regions": N_("{quantity} cloud regions"),
    "research_labs": N_("{quantity} research labs"),
}
UNIT_PHRASES = {
    "jobs": N_("{quantity} jobs"),
    "GW": N_("{quantity} GW"),
    "MW": N_("{quantity} MW"),
    "GPUs": N_("{quantity} GPUs"),
}


def _link(text: str, url: str) -> str:
    return md_link(md_escape(text or url), url)


def commitment_words(announcement_id: str, commitments: pd.DataFrame) -> list[str]:
    """What comes with the money, in the reader's language; a unit the curators wrote that
    has no translation is kept as written ("3 availability zones" / "3 availability zones")."""
    if language.current() != "ja":
        return commitment_phrases(announcement_id, commitments)
    mine = commitments[commitments[CommitmentCol.ANNOUNCEMENT_ID] == announcement_id]
    phrases = []
    for _index, c in mine.iterrows():
        quantity = ja_style.format_number_ja(float(c[CommitmentCol.QUANTITY]))
        unit = str(c[CommitmentCol.UNIT])
        phrase = KIND_PHRASES.get(str(c[CommitmentCol.KIND])) or UNIT_PHRASES.get(unit)
        phrases.append(_(phrase).format(quantity=quantity) if phrase else f"{quantity} {unit}")
    return phrases


def _quote_line(quote: str, language_code: object) -> str:
    """The quote as a markdown block quote, with its language when it is not the reader's."""
    line = f"> {md_escape(quote)}"
    said_in = quoted_in(language_code)
    return f"{line}\n\n:small[{md_escape(said_in)}]" if said_in else line


def sources_panel(dataset: Dataset, row: pd.Series) -> None:
    amount = language.as_announced(row[Col.AMOUNT], row[Col.CURRENCY], row[Col.AMOUNT_QUALIFIER])
    company = language.company(row[Col.COMPANY], row[COMPANY_NAME])
    country = language.country(row[Col.COUNTRY_ISO3], row[COUNTRY_NAME])
    announced = _("announced {day}").format(day=language.date(row[Col.ANNOUNCED_ON]))
    st.markdown(
        f"**{md_escape(amount)}** · {md_escape(company)} · {md_escape(country)} · {announced}"
    )
    phrases = commitment_words(row[Col.ID], dataset.commitments)
    if phrases:
        st.markdown(
            _("**With the money:** {commitments}").format(
                commitments=md_escape(_(", ").join(phrases))
            )
        )
    for report in source_reports(row, dataset.variants):
        if report.role == "differs":
            field = FIELD_WORDS.get(report.field)
            st.markdown(
                _("**Reported differently** ({field}): {value} — {source}").format(
                    field=_(field) if field else report.field,
                    value=md_escape(report.reported_value),
                    source=_link(report.publisher, report.url),
                )
                + f"  \n> {md_escape(report.quote)}\n\n"
                + _("We record {recorded}: {reason}").format(
                    recorded=md_escape(report.recorded_value), reason=md_escape(report.reason)
                )
            )
        else:
            role = ROLE_WORDS.get(report.role)
            st.markdown(
                _("**{role}:** {source}").format(
                    role=_(role) if role else report.role.capitalize(),
                    source=_link(report.publisher, report.url),
                )
                + "  \n"
                + _quote_line(report.quote, row.get(ROLE_QUOTE_LANGUAGE.get(report.role, "")))
            )
    if pd.notna(row.get(Col.NOTES)) and str(row[Col.NOTES]).strip():
        st.caption(_("Curator's notes: {notes}").format(notes=md_escape(row[Col.NOTES])))
    if pd.notna(row.get(Col.LAST_VERIFIED)):
        st.caption(
            _("Sources last verified {day}.").format(day=language.date(row[Col.LAST_VERIFIED]))
        )


def _labels(rows: pd.DataFrame) -> dict[str, str]:
    """id -> "Microsoft · Japan · Apr 2024 · US$2.9 billion" / "マイクロソフト・日本・2024年4月・29億ドル";
    over one country's pledges, without the country, so that the amount still shows in a
    phone's one-line select box."""
    one_country = rows[Col.COUNTRY_ISO3].nunique() == 1
    return pledge_labels(rows, language.style(), sep="・", country=not one_country)


def pick_and_show(
    dataset: Dataset, rows: pd.DataFrame, *, key: str, label: str | None = None
) -> None:
    """A select box over `rows` and the panel for the chosen one (kept in the URL as ?detail=).

    `label` is already in the reader's language; the default is "What sources reported for…"."""
    if rows.empty:
        return
    labels = _labels(rows)
    options = ["", *labels]
    wanted = st.query_params.get("detail", "")
    if key not in st.session_state:
        st.session_state[key] = wanted if wanted in labels else ""
    if st.session_state[key] not in options:
        st.session_state[key] = ""
    choose = _("Choose an announcement…")
    chosen = st.selectbox(
        label or _("What sources reported for…"),
        options,
        key=key,
        format_func=lambda i: labels.get(i, choose),
    )
    if chosen:
        st.query_params["detail"] = chosen
        with st.container(border=True):
            sources_panel(dataset, rows[rows[Col.ID] == chosen].iloc[0])
    elif "detail" in st.query_params:
        del st.query_params["detail"]
