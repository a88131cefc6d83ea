"""What changed: every release of the data, newest first, pledge by pledge.

The record is data/releases.csv and data/release_changes.csv; investments.releases names
each change as a reader knows the pledge and says which page shows it. This page filters
by company and country (kept in the URL like every other page) and renders.
"""

from urllib.parse import urlsplit

import streamlit as st

from dashboard import language, url_state
from dashboard.chrome import cached, credit, md_escape, md_link
from dashboard.data import get_dataset, get_normalized
from dashboard.language import _
from dashboard.share import feed_links
from investments.links import view_link
from investments.prices import latest_complete_year
from investments.releases import (
    ADDED,
    CORRECTED,
    NEW_COLUMN,
    REMOVED,
    RESTATED,
    ChangedPledge,
    Pledge,
    detail_links,
    field_label,
    field_value,
    filter_choices,
    names_of,
    release_history,
    unbroken,
)

st.title(_("What changed"))
st.markdown(
    _(
        "Every release of the data, newest first: new pledges, restatements, corrections "
        "(before and after, with the reason) and removals. Each pledge links to the page "
        "that shows its sources."
    )
)
if language.current() != language.DEFAULT_LANGUAGE:  # data text is never translated
    st.caption(
        _(
            "Release summaries and reasons are shown as the curators wrote them, in English; "
            "names, amounts and dates are in the reader's language."
        )
    )
dataset = get_dataset()
if dataset is None:
    st.stop()
url_state.only_these(("company", "country"))
history = cached("release-history", dataset, (), lambda: release_history(dataset))
if not history:
    st.info(_("No releases are recorded in this data."), icon=":material/history:")
    st.stop()
base_year = latest_complete_year()
links = cached(
    "release-links",
    dataset,
    (base_year,),
    lambda: detail_links(get_normalized(dataset, base_year)),
)
style = language.style()
company_names, country_names = cached(
    "release-choices", dataset, (), lambda: filter_choices(history)
)

# The filter: read from the URL once (unknown values dropped with a notice), then the
# reader's; written back so the address reproduces the view.
url_state.init_widget(
    "changes_companies",
    url_state.items("company", company_names.__contains__, limit=len(company_names)),
)
url_state.init_widget(
    "changes_countries",
    url_state.items("country", country_names.__contains__, limit=len(country_names)),
)
shown_company = dict(
    zip(company_names, names_of(company_names, company_names, style, countries=False), strict=True)
)
shown_country = dict(
    zip(country_names, names_of(country_names, country_names, style, countries=True), strict=True)
)
c1, c2 = st.columns(2)
companies = c1.multiselect(
    _("Company"),
    language.by_name(shown_company),
    key="changes_companies",
    format_func=shown_company.get,
    placeholder=_("All companies"),
)
countries = c2.multiselect(
    _("Host country"),
    language.by_name(shown_country),
    key="changes_countries",
    format_func=shown_country.get,
    placeholder=_("All countries"),
)
st.query_params.from_dict(
    ({"company": ",".join(companies)} if companies else {})
    | ({"country": ",".join(countries)} if countries else {})
    | language.in_url()
)
# The view in words, for a release with nothing left: "Microsoft in Japan".
view = style.and_list([shown_company[c] for c in companies])
if countries:
    places = style.and_list([style.country_in_prose(shown_country[c]) for c in countries])
    view = (
        _("{companies} in {countries}").format(companies=view, countries=places) if view else places
    )

base = url_state.base_url()


def pledge_name(pledge: Pledge) -> str:
    """ "Microsoft in Japan, US$2.9 billion, 10 Apr 2024"; a pledge no longer in the data
    has only its month."""
    company = style.company(pledge.company or "", pledge.company_name)
    country = (
        style.country_in_prose(style.country(pledge.country_iso3, pledge.country_name))
        if pledge.country_iso3
        else "?"
    )
    if pledge.in_data:
        return _("{company} in {country}, {amount}, {day}").format(
            company=company,
            country=country,
            amount=unbroken(
                style.as_announced(pledge.amount, pledge.currency, pledge.amount_qualifier), style
            ),
            day=unbroken(style.short_date(pledge.announced_on), style),
        )
    if pledge.announced_on is not None:
        return _("{company} in {country}, {month}").format(
            company=company,
            country=country,
            month=unbroken(style.month(pledge.announced_on), style),
        )
    return _("{company} in {country}").format(company=company, country=country)


def linked(pledge: Pledge, text: str) -> str:
    """`text` (already escaped) linked to the page that shows the pledge, if one does."""
    target = links.get(pledge.id)
    if target is None:
        return text
    page, query = target
    return f"[{text}]({view_link(base, page, query | language.in_url())})"


def source_link(url: str) -> str:
    return md_link(_("source"), url) if url else ""


def shown_value(field: str, value: str, pledge: Pledge, named: Pledge | None) -> str:
    """A corrected value as the reader reads it: another pledge by its name, a URL by its
    site, anything else in words (investments.releases.field_value)."""
    if named is not None:
        return pledge_name(named)
    if value.startswith(("http://", "https://")):
        return urlsplit(value).netloc or value
    return field_value(field, value, pledge, style)


def value_text(field: str, value: str, pledge: Pledge, named: Pledge | None) -> str:
    """The same as markdown: a pledge linked to its page, a URL to itself."""
    shown = md_escape(shown_value(field, value, pledge, named))
    if named is not None:
        return linked(named, shown)
    return md_link(shown, value)


def why(changed: ChangedPledge) -> str:
    parts = [_("Why: {reason}").format(reason=md_escape(changed.reason))] if changed.reason else []
    if changed.source_url:
        parts.append(source_link(changed.source_url))
    return " · ".join(parts)


LONG_VALUES = 60  # characters of before and after together: longer ones get a line each


def lines(changed: ChangedPledge) -> list[str]:
    pledge = changed.pledge
    name = md_escape(pledge_name(pledge))
    if not pledge.in_data:
        gone = _("no longer in the data, so it has no page here")
        head = f"- {name} · {gone}"
    else:
        head = f"- {linked(pledge, name)}"
    if changed.change == RESTATED and changed.restates is not None:
        earlier = changed.restates
        earlier_text = md_escape(
            _("{amount}, {day}").format(
                amount=unbroken(
                    style.as_announced(earlier.amount, earlier.currency, earlier.amount_qualifier),
                    style,
                ),
                day=unbroken(style.short_date(earlier.announced_on), style),
            )
            if earlier.in_data
            else pledge_name(earlier)
        )
        head = _("{pledge}, restating {earlier}").format(
            pledge=head, earlier=linked(earlier, earlier_text)
        )
    out = [head]
    for correction in changed.corrections:
        field = md_escape(field_label(correction.field, style))
        before = value_text(correction.field, correction.before, pledge, correction.before_pledge)
        after = value_text(correction.field, correction.after, pledge, correction.after_pledge)
        width = sum(
            len(shown_value(correction.field, value, pledge, named))
            for value, named in (
                (correction.before, correction.before_pledge),
                (correction.after, correction.after_pledge),
            )
        )
        if width <= LONG_VALUES:
            out.append(
                "  - "
                + _("{field}: {before} → {after}").format(field=field, before=before, after=after)
            )
        else:  # two sentences side by side would hide where they differ
            out += [
                f"  - {field}",
                "    - " + _("Before: {value}").format(value=before),
                "    - " + _("After: {value}").format(value=after),
            ]
    if changed.change in (CORRECTED, REMOVED):
        out.append("  - " + why(changed))
    return out


SECTIONS = (
    (ADDED, _("New pledges ({count})")),
    (RESTATED, _("Restated ({count})")),
    (CORRECTED, _("Corrections ({count})")),
    (REMOVED, _("Removals ({count})")),
)

opened = False  # the newest release with something to list starts open
for release in history:
    st.subheader(md_escape(release.headline(style)))
    if release.summary:
        st.markdown(md_escape(release.summary))
    if release.schema_changes:
        columns = [
            md_escape(column if what == NEW_COLUMN else f"{column} ({what})")
            for column, what in release.schema_changes
        ]
        st.markdown(_("New columns: {columns}").format(columns=_(", ").join(columns)))
    shown = release.filtered(companies, countries)
    if not shown.pledges:
        if view:
            st.caption(_("Nothing in this release for {view}.").format(view=md_escape(view)))
        continue
    with st.expander(
        _("Pledges changed: {count}").format(count=f"{len(shown.pledges):,}"),
        expanded=not opened,
        icon=":material/list:",
    ):
        opened = True
        for change, heading in SECTIONS:
            listed = shown.of(change)
            if not listed:
                continue
            text = [f"**{heading.format(count=f'{len(listed):,}')}**", ""]
            for changed in listed:
                text += lines(changed)
            st.markdown("\n".join(text))

credit(dataset)
feed_links(
    [(_("every release"), "releases.atom")]
    + [(shown_company.get(c, c), f"company/{c}.atom") for c in companies]
    + [(shown_country.get(c, c), f"country/{c}.atom") for c in countries]
)
