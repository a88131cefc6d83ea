"""Every chart's words, written once: title, subtitle, units, credit line and alt text.

The app, the downloads (PNG, SVG, HTML, CSV) and the published embeds all take their
text from here, so a chart says the same thing wherever a reader meets it. Each function
takes a Style (investments.style): the words come from the gettext catalogue, numbers and
names in that language's newsroom style.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from investments.credits import source_credit
from investments.i18n import N_
from investments.scope import DEFAULT_FIGURES, FIGURES, figures_note
from investments.style import EN, Style


@dataclass(frozen=True)
class ChartText:
    title: str
    subtitle: str
    units: str
    source: str
    alt: str
    slug: str  # file-name stem for downloads and published embeds
    sentence: str = ""  # the quotable finding, shown under the subtitle wherever it is set
    caveats: str = ""  # what the compared figures cover, in words, shown after the sentence
    lang: str = "en"  # the language the words are in (an HTML page's lang attribute)

    def credit_line(self, *, as_of: dt.date) -> str:
        """Source line with the date the data is current to (its latest curation round),
        as baked into images and published pages."""
        style = Style(self.lang)
        return style._("{source} Data current to {day}.").format(
            source=self.source, day=style.date(as_of)
        )


def _years(rows: pd.DataFrame, style: Style, column: str = "announced_on") -> str:
    if rows.empty:
        return style._("no years")
    return style.years(rows[column].min().year, rows[column].max().year)


def _short(company_name: str) -> str:
    """ "Amazon (incl. AWS)" -> "Amazon" for titles."""
    return company_name.split(" (")[0]


def _top_list(items: list[tuple[str, str]], style: Style) -> str:
    return style.and_list(
        [style._("{name} ({value})").format(name=name, value=value) for name, value in items]
    )


# A map's title says what it measures: four maps of the same pledges are four stories.
MAP_TITLES = {
    "nominal": N_("Where big tech pledged its money, {years}"),
    "constant": N_("Where big tech pledged its money, {years}, in {base_year} dollars"),
    "per_capita": N_("Big-tech pledges per resident of each country, {years}"),
    "share_of_gdp": N_("Big-tech pledges as a share of each country's GDP, {years}"),
}


def map_text(
    totals: pd.DataFrame,
    rows: pd.DataFrame,
    *,
    basis: str,
    base_year: int,
    measure: str,
    description: str,
    value_text,
    slug: str,
    figures: str = DEFAULT_FIGURES,
    set_aside_countries: tuple[str, ...] = (),
    style: Style = EN,
) -> ChartText:
    """`totals` from investments.aggregate.country_totals; `value_text(value)` formats one total;
    `set_aside_countries` have only figures the comparable basis does not add."""
    _ = style._
    years = _years(rows, style)
    per_person = basis in ("per_capita", "share_of_gdp")
    top = [
        (name, value_text(total))
        for name, total in zip(totals["country_name"], totals["total"], strict=True)
    ][:3]
    if totals.empty:
        alt = _(
            "Map of big-tech investment commitments by country, {years}: no recorded pledge "
            "matches this view."
        ).format(years=years)
    else:
        alt = _(
            "Map of big-tech investment commitments by host country, {years}, in {measure}. "
            "{countries} recorded pledges; the largest are {largest}. Countries in grey "
            "have no recorded pledge."
        ).format(
            years=years,
            measure=measure,
            countries=_countries_have(len(totals), style),
            largest=_top_list(top, style),
        )
    alt = style.sentences(alt, _("Totals are {note}.").format(note=figures_note(figures, style)))
    if set_aside_countries:
        alt = style.sentences(
            alt,
            (
                _("{countries} has only such figures, shown in sand colour.")
                if len(set_aside_countries) == 1
                else _("{countries} have only such figures, shown in sand colour.")
            ).format(countries=style.and_list(list(set_aside_countries))),
        )
    return ChartText(
        title=_(MAP_TITLES[basis]).format(years=years, base_year=base_year),
        subtitle=description,
        units=_("Total per host country, {measure}, {figures}").format(
            measure=measure, figures=_(FIGURES[figures])
        ),
        source=source_credit(fx=True, world_bank=per_person, figures=figures, style=style),
        alt=alt,
        slug=slug,
        lang=style.lang,
    )


def _countries_have(number: int, style: Style) -> str:
    if style.lang == "en":
        return _count(number, "country has", "countries have")
    return style._("{count} countries have").format(count=number)


def timeline_text(
    rows: pd.DataFrame,
    *,
    measure: str,
    description: str,
    top_rows: list[tuple[str, str]],
    slug: str,
    figures: str = DEFAULT_FIGURES,
    style: Style = EN,
) -> ChartText:
    _ = style._
    years = _years(rows, style)
    companies = rows["company_name"].nunique() if not rows.empty else 0
    if rows.empty:
        alt = _("Timeline of big-tech investment announcements: none matches this view.")
    else:
        alt = _(
            "Timeline of {announcements} by {companies}, {years}, with each company's "
            "running total in {measure}. The largest announcements are {largest}. "
            "Amounts are {note}."
        ).format(
            announcements=_counted(len(rows), "big-tech investment announcement", style),
            companies=_counted(companies, "company", style, "companies"),
            years=years,
            measure=measure,
            largest=_top_list(top_rows, style),
            note=figures_note(figures, style),
        )
    return ChartText(
        title=_("When big tech pledged, {years}").format(years=years),
        subtitle=description,
        units=_("Dot area and running totals, {measure}, {figures}").format(
            measure=measure, figures=_(FIGURES[figures])
        ),
        source=source_credit(fx=True, figures=figures, style=style),
        alt=alt,
        slug=slug,
        lang=style.lang,
    )


def _counted(number: int, noun: str, style: Style, plural: str | None = None) -> str:
    """ "12 big-tech investment announcements" / "12件" (Japanese counts with 件 or 社)."""
    if style.lang == "en":
        return _count(number, noun, plural)
    if noun == "company":
        return style._("{count} companies").format(count=f"{number:,}")
    return style.count(number, noun, plural)


def _and_list(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def compare_title(items: pd.DataFrame, style: Style = EN) -> str:
    """ "Microsoft in Japan (US$2.9 billion) vs Microsoft in Australia (A$5 billion)";
    country totals are named by their country, not by a count of pledges."""
    _ = style._
    totals = items["item"].astype(str).str.startswith("country:")
    every_company = totals & (items["item"].astype(str).str.count(":") == 1)
    if every_company.all():
        names = [style.country_in_prose(c) for c in items["country_name"]]
        return _("All recorded pledges to {countries}, compared").format(
            countries=style.and_list(names)
        )

    def name(company: str, country: str, amount: str, total: bool, everyone: bool) -> str:
        place = style.country_in_prose(country)
        if everyone:
            return _("All recorded pledges to {country}").format(country=place)
        if total:
            return _("{company}'s pledges to {country}").format(
                company=_short(company), country=place
            )
        return _("{company} in {country} ({amount})").format(
            company=_short(company), country=place, amount=amount
        )

    return _(" vs ").join(
        name(*parts)
        for parts in zip(
            items["company_name"],
            items["country_name"],
            items["as_announced"],
            totals,
            every_company,
            strict=True,
        )
    )


def compare_text(
    items: pd.DataFrame,
    *,
    sentence: str,
    base_year: int,
    slug: str,
    caveats: str = "",
    style: Style = EN,
) -> ChartText:
    _ = style._
    labels = _(" vs ").join(items["label"].tolist())
    return ChartText(
        title=compare_title(items, style),
        subtitle=labels,
        units=_(
            "US$ at the announcement-date rate, constant {base_year} US$, per person, share "
            "of GDP, per year"
        ).format(base_year=base_year),
        source=source_credit(fx=True, world_bank=True, style=style),
        alt=style.sentences(
            _("Bar charts comparing {labels} on five measures.").format(labels=labels),
            sentence,
            caveats,
        ),
        slug=slug,
        sentence=sentence,
        caveats=caveats,
        lang=style.lang,
    )


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


def country_text(
    country: str,
    rows: pd.DataFrame,
    *,
    total_text: str,
    per_person_text: str,
    share_text: str,
    top_rows: list[tuple[str, str]],
    slug: str,
    figures: str = DEFAULT_FIGURES,
    style: Style = EN,
) -> ChartText:
    _ = style._
    years = _years(rows, style)
    place = style.country_in_prose(country)
    pledges = _counted(len(rows), "pledge", style)
    if rows.empty:
        alt = _("No recorded big-tech pledge to {country}.").format(country=place)
    else:
        largest = (
            _("The largest are {largest}.") if len(top_rows) > 1 else _("It is from {largest}.")
        ).format(largest=_top_list(top_rows, style))
        alt = style.sentences(
            _(
                "Timeline of {pledges} to {country}, {years}, totalling {total} "
                "({per_person}; {share})."
            ).format(
                pledges=_counted(len(rows), "big-tech pledge", style),
                country=place,
                years=years,
                total=total_text,
                per_person=per_person_text,
                share=share_text,
            ),
            largest,
            _("Amounts are {note}.").format(note=figures_note(figures, style)),
        )
    return ChartText(
        title=_("Big-tech pledges to {country}, {years}").format(country=place, years=years),
        subtitle=_("{pledges}, latest per lineage · {total} in all, {figures}").format(
            pledges=pledges, total=total_text, figures=_(FIGURES[figures])
        ),
        units=_("US$ at the announcement-date rate, {figures}").format(figures=_(FIGURES[figures])),
        source=source_credit(fx=True, world_bank=True, figures=figures, style=style),
        alt=alt,
        slug=slug,
        lang=style.lang,
    )
