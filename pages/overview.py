"""Overview: how much, who, where and what is new, before the first scroll."""

import re

import streamlit as st

from dashboard import language, url_state
from dashboard.chrome import cached, credit, md_escape, md_link, plotly_chart
from dashboard.data import get_dataset, get_normalized
from dashboard.figures_ui import figures_from_url, figures_switch
from dashboard.language import _, usd
from investments.formatting import count_of
from investments.overview import overview
from investments.prices import latest_complete_year
from investments.releases import latest_release, unbroken
from investments.schema import Col
from investments.scope import COUNTED_AMOUNT, FIGURES_HELP
from viz.bars import ranked_bars
from viz.theme import MUTED_COLOUR, REGION_COLOUR, company_colours

st.title(_("Big Tech Investment Tracker"))
st.markdown(
    _(
        "The money big technology companies pledge to countries — data centres, cloud "
        "regions, AI infrastructure, skilling and research — **each figure traced to the "
        "sentence that states it**."
    )
)

dataset = get_dataset()
url_state.only_these(("figures",))
figures = figures_from_url()
if dataset is None:
    st.stop()
normalized = get_normalized(dataset, latest_complete_year())
story = cached("overview", dataset, (figures,), lambda: overview(normalized, figures=figures))
largest = story.largest
key_of = dict(zip(dataset.companies["display_name"], dataset.companies["company"], strict=True))


def pledge_line(row) -> str:
    """ "Apple in the United States, 24 Feb 2025" / "アップル・米国、2025年2月24日"."""
    style = language.style()
    return _("{company} in {country}, {day}").format(
        company=style.company(row[Col.COMPANY], row["company_name"]),
        country=style.country_in_prose(
            style.country(row[Col.COUNTRY_ISO3], str(row["country_name"]))
        ),
        day=style.short_date(row[Col.ANNOUNCED_ON]),
    )


def company_label(name: str) -> str:
    """A company's name, or the "13 other companies" bar's, in the reader's language."""
    if name in key_of:
        return language.company(key_of[name], name)
    others = re.fullmatch(r"(\d+) other companies", name)
    if others:
        return _("{count} other companies").format(count=others.group(1))
    return name


def region_label(name: str) -> str:
    return language.style().region(name)


def money_bars(key: str, totals, *, label, colours: list[str], alt: str) -> None:
    """Ranked bars of `totals` (name, total_usd, pledges), labelled in the reader's
    language, with their text alternative; built once per (data, basis, language)."""
    names = [label(n) for n in totals["name"]]
    plotly_chart(
        cached(
            key,
            dataset,
            (figures, language.current()),
            lambda: ranked_bars(
                names,
                list(totals["total_usd"]),
                value_texts=[usd(v) for v in totals["total_usd"]],
                notes=[language.count(p, "pledge") for p in totals["pledges"]],
                colours=colours,
            ),
        ),
        key=key,
        alt=language.style().sentences(
            alt,
            _("{items}.").format(
                items=_("; ").join(
                    _("{name} {amount}").format(name=n, amount=usd(v))
                    for n, v in zip(names, totals["total_usd"], strict=True)
                )
            ),
        ),
    )


# 1. How much: the money first.
c1, c2, c3 = st.columns(3)
c1.metric(
    _("Pledged since {year}").format(year=f"{story.first_announced:%Y}"),
    usd(story.total_usd),
    help=language.style().sentences(
        _(
            "{pledges} in US dollars at each announcement's exchange rate; a restated or "
            "raised pledge counts once, at its latest amount, and a state's share of a "
            "national pledge is not added again."
        ).format(pledges=language.count(story.pledges, "pledge")),
        _(FIGURES_HELP),
    ),
    border=True,
)
c2.metric(
    _("Largest single pledge"),
    language.as_announced(
        largest[COUNTED_AMOUNT], largest[Col.CURRENCY], largest[Col.AMOUNT_QUALIFIER]
    ),
    delta=pledge_line(largest),
    delta_color="off",
    delta_arrow="off",
    border=True,
)
change = story.latest_year_usd - story.previous_year_usd
c3.metric(
    _("Pledged in {year} to {day}").format(
        year=story.latest_year, day=language.date(story.last_announced, "%-d %b")
    ),
    usd(story.latest_year_usd),
    delta=_("{amount} in all of {year}").format(
        amount=usd(story.previous_year_usd), year=story.latest_year - 1
    ),
    delta_color="off",
    delta_arrow="off",
    border=True,
)
figures_switch(figures, story.set_aside, key="overview")
# What the latest data release changed, in one line that opens the full record (the
# words wrap on a phone; a page link's label would be cut off, so it says only where to go).
release = cached("latest-release", dataset, (), lambda: latest_release(dataset))
if release is not None:
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        news = _("Data release {version}, {day}: {counts}").format(
            version=md_escape(release.version),
            day=unbroken(language.date(release.released_on), language.style())
            if release.released_on
            else "",
            counts=release.counts.words(language.style(), columns=False),
        )
        st.markdown(f":material/history: {news}", width="content")
        st.page_link(
            "pages/changes.py",
            label=_("What changed →"),
            query_params=language.in_url(),
            width="content",
        )

# 2. Who: the companies that pledged most, in US dollars.
st.header(_("Who pledged the most"))
companies = story.by_company
colours = company_colours(dataset.companies)
money_bars(
    "overview-companies",
    companies,
    label=company_label,
    colours=[colours.get(n, MUTED_COLOUR) for n in companies["name"]],
    alt=_(
        "Bar chart of the total pledged by each company, in US dollars at the announcement date:"
    ),
)
st.page_link(
    "pages/timeline.py",
    label=_("When each company pledged"),
    icon=":material/timeline:",
    query_params=language.in_url(),
)

# 3. What is new: the largest pledges of the last twelve months of the data.
st.header(_("The biggest pledges of the past year"))
st.caption(
    _("The 12 months to {day}, the latest announcement recorded.").format(
        day=language.date(story.last_announced)
    )
)
lines = []
source_word = _("source")
for _index, row in story.recent_largest.iterrows():
    amount = language.as_announced(
        row[COUNTED_AMOUNT], row[Col.CURRENCY], row[Col.AMOUNT_QUALIFIER]
    )
    link = md_link(source_word, row[Col.SOURCE_URL])
    lines.append(
        f"- **{md_escape(amount)}** · {md_escape(pledge_line(row))}"
        + _(" ({link})").format(link=link)
    )
st.markdown("\n".join(lines))

# 4. Where: totals by UN region.
st.header(_("Where the money goes"))
regions = story.by_region
money_bars(
    "overview-regions",
    regions,
    label=region_label,
    colours=[REGION_COLOUR] * len(regions),
    alt=_(
        "Bar chart of the total pledged to each UN region, in US dollars at the announcement date:"
    ),
)
st.page_link(
    "pages/map.py",
    label=_("Every country on the map"),
    icon=":material/map:",
    query_params=language.in_url(),
)

# 5. What the tracker holds.
st.header(_("What the tracker holds"))
style = language.style()
if style.lang == language.DEFAULT_LANGUAGE:
    counts = {
        "announcements": count_of(story.announcements, "announcement"),
        "companies": count_of(story.companies, "company", "companies"),
        "countries": count_of(story.countries, "country", "countries"),
        "first": f"{story.first_announced:%B %Y}",
        "last": f"{story.last_announced:%B %Y}",
    }
else:
    counts = {
        "announcements": style.count(story.announcements, "announcement"),
        "companies": _("{count} companies").format(count=story.companies),
        "countries": _("{count} countries").format(count=story.countries),
        "first": style.month(story.first_announced),
        "last": style.month(story.last_announced),
    }
st.markdown(
    _(
        "{announcements} by {companies} in {countries}, {first} to {last}; each with its "
        "source and the sentence that states the amount."
    ).format(**counts)
)
credit(dataset, fx=True, figures=figures)
st.page_link(
    "pages/explore.py",
    label=_("Explore and download every announcement"),
    icon=":material/table:",
    query_params=language.in_url(),
)
