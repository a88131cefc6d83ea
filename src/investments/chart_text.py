"""Every chart's words, written once: title, subtitle, units, credit line and alt text.

The app, the downloads (PNG, SVG, HTML, CSV) and the published embeds all take their
text from here, so a chart says the same thing wherever a reader meets it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from investments.credits import source_credit
from investments.formatting import country_in_prose
from investments.scope import DEFAULT_FIGURES, figures_note


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

    def credit_line(self, *, as_of: dt.date) -> str:
        """Source line with the date the data is current to (its latest curation round),
        as baked into images and published pages."""
        return f"{self.source} Data current to {as_of:%-d %B %Y}."


def _years(rows: pd.DataFrame, column: str = "announced_on") -> str:
    if rows.empty:
        return "no years"
    first, last = rows[column].min().year, rows[column].max().year
    return str(first) if first == last else f"{first}–{last}"


def _short(company_name: str) -> str:
    """ "Amazon (incl. AWS)" -> "Amazon" for titles."""
    return company_name.split(" (")[0]


def _top_list(items: list[tuple[str, str]]) -> str:
    parts = [f"{name} ({value})" for name, value in items]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


# A map's title says what it measures: four maps of the same pledges are four stories.
MAP_TITLES = {
    "nominal": "Where big tech pledged its money, {years}",
    "constant": "Where big tech pledged its money, {years}, in {base_year} dollars",
    "per_capita": "Big-tech pledges per resident of each country, {years}",
    "share_of_gdp": "Big-tech pledges as a share of each country's GDP, {years}",
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
) -> ChartText:
    """`totals` from investments.aggregate.country_totals; `value_text(value)` formats one total;
    `set_aside_countries` have only figures the comparable basis does not add."""
    years = _years(rows)
    per_person = basis in ("per_capita", "share_of_gdp")
    top = [
        (name, value_text(total))
        for name, total in zip(totals["country_name"], totals["total"], strict=True)
    ][:3]
    if totals.empty:
        alt = f"Map of big-tech investment commitments by country, {years}: no recorded pledge matches this view."
    else:
        alt = (
            f"Map of big-tech investment commitments by host country, {years}, in {measure}. "
            f"{_count(len(totals), 'country has', 'countries have')} recorded pledges; the largest are {_top_list(top)}. "
            "Countries in grey have no recorded pledge."
        )
    alt += f" Totals are {figures_note(figures)}."
    if set_aside_countries:
        alt += (
            f" {_and_list(list(set_aside_countries))} "
            f"{'has' if len(set_aside_countries) == 1 else 'have'} only such figures, "
            "shown in sand colour."
        )
    return ChartText(
        title=MAP_TITLES[basis].format(years=years, base_year=base_year),
        subtitle=description,
        units=f"Total per host country, {measure}, {figures} figures",
        source=source_credit(fx=True, world_bank=per_person, figures=figures),
        alt=alt,
        slug=slug,
    )


def timeline_text(
    rows: pd.DataFrame,
    *,
    measure: str,
    description: str,
    top_rows: list[tuple[str, str]],
    slug: str,
    figures: str = DEFAULT_FIGURES,
) -> ChartText:
    years = _years(rows)
    companies = rows["company_name"].nunique() if not rows.empty else 0
    if rows.empty:
        alt = "Timeline of big-tech investment announcements: none matches this view."
    else:
        alt = (
            f"Timeline of {_count(len(rows), 'big-tech investment announcement')} by {_count(companies, 'company', 'companies')}, {years}, "
            f"with each company's running total in {measure}. The largest announcements are {_top_list(top_rows)}. "
            f"Amounts are {figures_note(figures)}."
        )
    return ChartText(
        title=f"When big tech pledged, {years}",
        subtitle=description,
        units=f"Dot area and running totals, {measure}, {figures} figures",
        source=source_credit(fx=True, figures=figures),
        alt=alt,
        slug=slug,
    )


def _and_list(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def compare_title(items: pd.DataFrame) -> str:
    """ "Microsoft in Japan (US$2.9 billion) vs Microsoft in Australia (A$5 billion)";
    country totals are named by their country, not by a count of pledges."""
    totals = items["item"].astype(str).str.startswith("country:")
    every_company = totals & (items["item"].astype(str).str.count(":") == 1)
    if every_company.all():
        names = [country_in_prose(c) for c in items["country_name"]]
        return f"All recorded pledges to {_and_list(names)}, compared"

    def name(company: str, country: str, amount: str, total: bool, everyone: bool) -> str:
        place = country_in_prose(country)
        if everyone:
            return f"All recorded pledges to {place}"
        if total:
            return f"{_short(company)}'s pledges to {place}"
        return f"{_short(company)} in {place} ({amount})"

    return " vs ".join(
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
    items: pd.DataFrame, *, sentence: str, base_year: int, slug: str, caveats: str = ""
) -> ChartText:
    labels = " vs ".join(items["label"].tolist())
    return ChartText(
        title=compare_title(items),
        subtitle=labels,
        units=f"US$ at the announcement-date rate, constant {base_year} US$, per person, share of GDP, per year",
        source=source_credit(fx=True, world_bank=True),
        alt=f"Bar charts comparing {labels} on five measures. {sentence} {caveats}".strip(),
        slug=slug,
        sentence=sentence,
        caveats=caveats,
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
) -> ChartText:
    years = _years(rows)
    alt = (
        f"Timeline of {_count(len(rows), 'big-tech pledge')} to {country_in_prose(country)}, {years}, totalling "
        f"{total_text} ({per_person_text}; {share_text}). "
        + (
            f"The largest are {_top_list(top_rows)}."
            if len(top_rows) > 1
            else f"It is from {_top_list(top_rows)}."
        )
        if not rows.empty
        else f"No recorded big-tech pledge to {country_in_prose(country)}."
    ) + (f" Amounts are {figures_note(figures)}." if not rows.empty else "")
    return ChartText(
        title=f"Big-tech pledges to {country_in_prose(country)}, {years}",
        subtitle=f"{_count(len(rows), 'pledge')}, latest per lineage · {total_text} in all, {figures} figures",
        units=f"US$ at the announcement-date rate, {figures} figures",
        source=source_credit(fx=True, world_bank=True, figures=figures),
        alt=alt,
        slug=slug,
    )
