"""Country profile: every pledge to one country, in context, against a chosen peer."""

import streamlit as st

from charts.views import country_view
from dashboard import language, url_state
from dashboard.chrome import cached, credit, is_embedded, md_escape, opened_section, plotly_chart
from dashboard.data import get_dataset, get_normalized
from dashboard.figures_ui import figures_from_url, figures_switch
from dashboard.filter_ui import names_in_language
from dashboard.language import _
from dashboard.provenance_panel import commitment_words, pick_and_show
from dashboard.share import feed_links, render_embedded, share_panel
from dashboard.tables import announcements_table
from investments import normalize as n
from investments.comparison import comparison_sentence, resolve
from investments.comparison_ja import comparison_sentence_ja
from investments.lineage import counted_in_country
from investments.load import COMPANY_NAME
from investments.prices import latest_complete_year
from investments.schema import Col
from investments.scope import DEFAULT_FIGURES, counted_on_basis, set_aside
from investments.style import style_for
from viz.theme import company_colours

dataset = get_dataset()
if dataset is None:
    st.stop()
url_state.only_these(("iso3", "peer", "detail", "figures"))
figures = figures_from_url()
base_year = latest_complete_year()
normalized = get_normalized(dataset, base_year)
_company_names, names = names_in_language(dataset, normalized)  # the selectors show these
countries = language.by_name(names)
iso3 = url_state.choice(
    "iso3", names, "JPN" if "JPN" in names else countries[0], why=_("no recorded pledge there")
)
style = style_for(language.current())


def profile_chart(country: str):
    return cached(
        "country",
        dataset,
        (country, base_year, figures, language.current()),
        lambda: country_view(
            normalized,
            country,
            base_year=base_year,
            colours=company_colours(dataset.companies),
            figures=figures,
            style=style,
        ),
    )


chart = profile_chart(iso3)
if is_embedded():
    render_embedded(chart)
    st.stop()

url_state.init_widget("country_iso3", iso3)
chosen = st.session_state["country_iso3"]  # the selectors are drawn after the chart
peers = [c for c in countries if c != chosen]
# The story that started the project: Japan against Australia, each the other's peer.
default_peer = next((c for c in ("AUS", "JPN") if c != chosen and c in names), peers[0])
url_state.init_widget(
    "country_peer",
    url_state.choice("peer", peers, default_peer, why=_("not a country in the data")),
)
if st.session_state["country_peer"] not in peers:
    st.session_state["country_peer"] = default_peer
peer = st.session_state["country_peer"]
detail = st.query_params.get("detail")
st.query_params.from_dict(
    {"iso3": chosen, "peer": peer}
    | ({"detail": detail} if detail else {})
    | ({} if figures == DEFAULT_FIGURES else {"figures": figures})
    | language.in_url()
)
if chosen != iso3:
    chart = profile_chart(chosen)

rows = cached(
    "country-rows",
    dataset,
    (chosen, base_year, figures),
    lambda: counted_on_basis(normalized[normalized[Col.COUNTRY_ISO3] == chosen], figures),
)
st.title(md_escape(chart.text.title))
# The money in one line (four stacked metric boxes would fill a phone's screen).
st.markdown(
    _(
        "**{total}** in {pledges} (latest per lineage) · **{per_person}** · "
        "**{share_of_gdp}** in one year"
    ).format(
        total=language.usd(rows[n.AMOUNT_USD_NOMINAL].sum()),
        pledges=language.count(len(rows), "pledge"),
        per_person=style.measure(rows[n.USD_PER_CAPITA].sum(min_count=1), "per_capita"),
        share_of_gdp=style.measure(rows[n.SHARE_OF_GDP_PCT].sum(min_count=1), "share_of_gdp"),
    )
)
plotly_chart(chart.figure, key="country-chart", alt=chart.text.alt)
figures_switch(
    figures,
    cached(
        "country-set-aside",
        dataset,
        (chosen,),
        lambda: set_aside(counted_in_country(normalized, chosen)),
    ),
    key="country",
)
selectors = opened_section(
    _("Country and comparison · {country} with {peer}").format(
        country=names[chosen], peer=names[peer]
    ),
    key="country_selectors_open",
    icon=":material/tune:",
)
if selectors is not None:
    c1, c2 = selectors.columns(2)
    c1.selectbox(_("Country"), countries, key="country_iso3", format_func=names.get)
    c2.selectbox(_("Compare with"), peers, key="country_peer", format_func=names.get)

items = cached(  # 0.2 s of pandas per run uncached: every reader shares it
    "country-pair",
    dataset,
    (chosen, peer, base_year, figures),
    lambda: resolve(
        [f"country:{chosen}", f"country:{peer}"], normalized, base_year=base_year, figures=figures
    ),
)
sentence = cached(  # a fifth of a view's CPU, worked out on every run before
    "country-pair-sentence",
    dataset,
    (chosen, peer, base_year, figures, language.current()),
    lambda: (
        comparison_sentence_ja(items) if language.current() == "ja" else comparison_sentence(items)
    ),
)
st.markdown(f"> {md_escape(sentence)}")
st.page_link(
    "pages/compare.py",
    label=_("Compare these totals on every measure"),
    icon=":material/compare_arrows:",
    query_params={"items": f"country:{chosen},country:{peer}"}
    | ({} if figures == DEFAULT_FIGURES else {"figures": figures})
    | language.in_url(),
)

credit(dataset, fx=True, world_bank=True, figures=figures)
feed_links([(names.get(chosen, chosen), f"country/{chosen}.atom")])
share_slot = st.container()  # filled last, once `detail` is in the URL
with_money = cached(  # a lookup per pledge in the commitments table: shared, not per run
    "country-with-money",
    dataset,
    (chosen, base_year, figures, language.current()),
    lambda: [
        _("{company} ({amount}): {what}").format(
            company=language.company(key, company),
            amount=language.as_announced(amount, currency, qualifier),
            what=_(", ").join(phrases),
        )
        for key, company, amount, currency, qualifier, phrases in zip(
            rows[Col.COMPANY],
            rows[COMPANY_NAME],
            rows[Col.AMOUNT],
            rows[Col.CURRENCY],
            rows[Col.AMOUNT_QUALIFIER],
            (commitment_words(pledge_id, dataset.commitments) for pledge_id in rows[Col.ID]),
            strict=True,
        )
        if phrases
    ],
)
if with_money:
    heading = _("What comes with the money")
    st.markdown(f"**{heading}**\n" + "\n".join(f"- {md_escape(line)}" for line in with_money))
# The table and the source panel open on request (a link with ?detail= opens the sources).
table = opened_section(
    _("Every pledge, as announced and converted"), key="country_table_open", icon=":material/table:"
)
if table is not None:
    with table:
        announcements_table(rows, key="country-table")
sources = opened_section(
    _("What sources reported"),
    key="country_sources_open",
    expanded="detail" in st.query_params,
    icon=":material/format_quote:",
)
if sources is not None:
    with sources:
        pick_and_show(dataset, rows, key="country_detail", label=_("Choose a pledge"))

with share_slot:
    share_panel(chart, key="country")
