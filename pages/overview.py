"""Overview: how much, who, where and what is new, before the first scroll."""

import streamlit as st

from dashboard import url_state
from dashboard.chrome import cached, credit, link_target, md_escape, plotly_chart
from dashboard.data import get_dataset, get_normalized
from dashboard.figures_ui import figures_from_url, figures_switch
from investments.formatting import count_of, format_as_announced, format_usd
from investments.overview import overview, pledge_line
from investments.prices import latest_complete_year
from investments.schema import Col
from investments.scope import COUNTED_AMOUNT, FIGURES_HELP
from viz.bars import ranked_bars
from viz.theme import MUTED_COLOUR, REGION_COLOUR, company_colours

st.title("Big Tech Investment Tracker")
st.markdown(
    "The money big technology companies pledge to countries — data centres, cloud regions, "
    "AI infrastructure, skilling and research — **each figure traced to the sentence that "
    "states it**."
)

dataset = get_dataset()
url_state.only_these(("figures",))
figures = figures_from_url()
if dataset is None:
    st.stop()
normalized = get_normalized(dataset, latest_complete_year())
story = cached("overview", dataset, (figures,), lambda: overview(normalized, figures=figures))
largest = story.largest

# 1. How much: the money first.
c1, c2, c3 = st.columns(3)
c1.metric(
    "Pledged since " + f"{story.first_announced:%Y}",
    format_usd(story.total_usd),
    help=f"{count_of(story.pledges, 'pledge')} in US dollars at each announcement's exchange "
    "rate; a restated or raised pledge counts once, at its latest amount, and a state's share "
    f"of a national pledge is not added again. {FIGURES_HELP}",
    border=True,
)
c2.metric(
    "Largest single pledge",
    format_as_announced(
        largest[COUNTED_AMOUNT], largest[Col.CURRENCY], largest[Col.AMOUNT_QUALIFIER]
    ),
    delta=pledge_line(largest),
    delta_color="off",
    delta_arrow="off",
    border=True,
)
change = story.latest_year_usd - story.previous_year_usd
c3.metric(
    f"Pledged in {story.latest_year} to {story.last_announced:%-d %b}",
    format_usd(story.latest_year_usd),
    delta=f"{format_usd(story.previous_year_usd)} in all of {story.latest_year - 1}",
    delta_color="off",
    delta_arrow="off",
    border=True,
)
figures_switch(figures, story.set_aside, key="overview")

# 2. Who: the companies that pledged most, in US dollars.
st.header("Who pledged the most")
companies = story.by_company
colours = company_colours(dataset.companies)
plotly_chart(
    cached(
        "overview-companies",
        dataset,
        (figures,),
        lambda: ranked_bars(
            list(companies["name"]),
            list(companies["total_usd"]),
            value_texts=[format_usd(v) for v in companies["total_usd"]],
            notes=[count_of(p, "pledge") for p in companies["pledges"]],
            colours=[colours.get(n, MUTED_COLOUR) for n in companies["name"]],
        ),
    ),
    key="overview-companies",
    alt="Bar chart of the total pledged by each company, in US dollars at the announcement "
    "date: "
    + "; ".join(
        f"{n} {format_usd(v)}"
        for n, v in zip(companies["name"], companies["total_usd"], strict=True)
    )
    + ".",
)
st.page_link("pages/timeline.py", label="When each company pledged", icon=":material/timeline:")

# 3. What is new: the largest pledges of the last twelve months of the data.
st.header("The biggest pledges of the past year")
st.caption(f"The 12 months to {story.last_announced:%-d %B %Y}, the latest announcement recorded.")
lines = []
for _, row in story.recent_largest.iterrows():
    amount = format_as_announced(row[COUNTED_AMOUNT], row[Col.CURRENCY], row[Col.AMOUNT_QUALIFIER])
    lines.append(
        f"- **{md_escape(amount)}** · {md_escape(pledge_line(row))} "
        f"([source]({link_target(row[Col.SOURCE_URL])}))"
    )
st.markdown("\n".join(lines))

# 4. Where: totals by UN region.
st.header("Where the money goes")
regions = story.by_region
plotly_chart(
    cached(
        "overview-regions",
        dataset,
        (figures,),
        lambda: ranked_bars(
            list(regions["name"]),
            list(regions["total_usd"]),
            value_texts=[format_usd(v) for v in regions["total_usd"]],
            notes=[count_of(p, "pledge") for p in regions["pledges"]],
            colours=[REGION_COLOUR] * len(regions),
        ),
    ),
    key="overview-regions",
    alt="Bar chart of the total pledged to each UN region, in US dollars at the announcement "
    "date: "
    + "; ".join(
        f"{n} {format_usd(v)}" for n, v in zip(regions["name"], regions["total_usd"], strict=True)
    )
    + ".",
)
st.page_link("pages/map.py", label="Every country on the map", icon=":material/map:")

# 5. What the tracker holds.
st.header("What the tracker holds")
st.markdown(
    f"{count_of(story.announcements, 'announcement')} by {count_of(story.companies, 'company', 'companies')} "
    f"in {count_of(story.countries, 'country', 'countries')}, {story.first_announced:%B %Y} to "
    f"{story.last_announced:%B %Y}; each with its source and the sentence that states the amount."
)
credit(dataset, fx=True, figures=figures)
st.page_link(
    "pages/explore.py", label="Explore and download every announcement", icon=":material/table:"
)
