"""Comparing pledges or country totals on every basis, and saying it in one sentence.

A comparison item is one announcement (by id) or one country's total (`country:JPN`,
optionally for one company: `country:JPN:microsoft`). Items resolve against the
normalized table into one row each with the same basis columns, so a chart, a sentence
and the footnotes all read the same numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from investments import normalize as n
from investments.formatting import (
    country_in_prose,
    format_as_announced,
    format_period,
    format_usd,
)
from investments.lineage import counted
from investments.load import COMPANY_NAME, COUNTRY_NAME
from investments.schema import Col
from investments.scope import DEFAULT_FIGURES, counted_on_basis, scope_caveats, set_aside

DEFAULT_ITEMS = ("microsoft-jpn-2024-04", "microsoft-aus-2023-10")
MAX_ITEMS = 4
_COUNTRY_ITEM = re.compile(r"country:([A-Z]{3})(?::([a-z0-9_]+))?")


@dataclass(frozen=True)
class Basis:
    key: str
    title: str
    unit: str


def bases(base_year: int, style=None) -> tuple[Basis, ...]:
    """The numeric bases, in reading order; "as announced" is always shown beside them.
    Titles in `style`'s language (an investments.style.Style; English without one)."""
    from investments.style import EN

    _ = (style or EN)._
    return (
        Basis("nominal", _("US$ at the announcement-date rate"), "US$"),
        Basis(
            "constant",
            _("Constant {base_year} US$ (US CPI-U)").format(base_year=base_year),
            f"{base_year} US$",
        ),
        Basis("per_capita", _("US$ per resident of the host country"), "US$ per person"),
        Basis("share_of_gdp", _("Share of the host country's annual GDP"), "% of GDP"),
        Basis("per_year", _("US$ per year of the stated period"), "US$ per year"),
    )


BASIS_KEYS = ("nominal", "constant", "per_capita", "share_of_gdp", "per_year")


def parse_item(text: str, normalized: pd.DataFrame) -> str | None:
    """The item if it names an announcement id or a country (and company) in the data."""
    if text in set(normalized[Col.ID]):
        return text
    match = _COUNTRY_ITEM.fullmatch(text)
    if not match:
        return None
    iso3, company = match.groups()
    rows = normalized[normalized[Col.COUNTRY_ISO3] == iso3]
    if company:
        rows = rows[rows[Col.COMPANY] == company]
    return text if not rows.empty else None


def _pledge_item(row: pd.Series, base_year: int) -> dict:
    return {
        "item": row[Col.ID],
        "label": f"{row[COMPANY_NAME]} · {row[COUNTRY_NAME]} · {row[Col.ANNOUNCED_ON]:%b %Y}",
        "company_name": row[COMPANY_NAME],
        "country_name": row[COUNTRY_NAME],
        "company": row[Col.COMPANY],
        "country_iso3": row[Col.COUNTRY_ISO3],
        "as_announced": format_as_announced(
            row[Col.AMOUNT], row[Col.CURRENCY], row[Col.AMOUNT_QUALIFIER]
        ),
        "period": format_period(row[Col.PERIOD_START_YEAR], row[Col.PERIOD_END_YEAR]),
        "period_start_year": row[Col.PERIOD_START_YEAR],
        "period_end_year": row[Col.PERIOD_END_YEAR],
        "currency": row[Col.CURRENCY],
        "announced_on": row[Col.ANNOUNCED_ON],
        "fx_date": row[n.FX_DATE],
        "usd_per_local": row[n.USD_PER_LOCAL],
        "fx_source": row[n.FX_SOURCE],
        "nominal": row[n.AMOUNT_USD_NOMINAL],
        "constant": row[n.constant_column(base_year)],
        "per_capita": row[n.USD_PER_CAPITA],
        "share_of_gdp": row[n.SHARE_OF_GDP_PCT],
        "per_year": row[n.USD_PER_YEAR],
        "population_year": row[n.POPULATION_YEAR],
        "gdp_year": row[n.GDP_YEAR],
        "pledges": 1,
        "source_url": row[Col.SOURCE_URL],
        "source_publisher": row[Col.SOURCE_PUBLISHER],
        "quote": row[Col.QUOTE],
        "amount": row[Col.AMOUNT],
        "amount_qualifier": row[Col.AMOUNT_QUALIFIER],
        "new_money_amount": row[Col.NEW_MONEY_AMOUNT],
        "caveats": tuple(scope_caveats(row)),
        "set_aside": 0,
        "set_aside_usd": 0.0,
        "uses_new_money": False,
    }


def _country_rows(
    item: str, normalized: pd.DataFrame, figures: str = DEFAULT_FIGURES
) -> pd.DataFrame:
    """A country total's rows on `figures`: latest pledge per lineage, parts of counted
    pledges left out, so nothing is counted twice."""
    iso3, company = _COUNTRY_ITEM.fullmatch(item).groups()
    rows = counted_on_basis(normalized[normalized[Col.COUNTRY_ISO3] == iso3], figures)
    return rows[rows[Col.COMPANY] == company] if company else rows


def _country_item(item: str, normalized: pd.DataFrame, base_year: int, figures: str) -> dict:
    iso3, company = _COUNTRY_ITEM.fullmatch(item).groups()
    rows = _country_rows(item, normalized, figures)
    everything = counted(normalized[normalized[Col.COUNTRY_ISO3] == iso3])
    if company:
        everything = everything[everything[Col.COMPANY] == company]
    aside = set_aside(everything)
    left_out = pd.concat([aside.economy_wide, aside.shared_funding])
    latest = rows.sort_values(Col.ANNOUNCED_ON).iloc[-1]
    who = rows[COMPANY_NAME].iloc[0] if company else "All companies"
    nominal = rows[n.AMOUNT_USD_NOMINAL].sum()
    return {
        "item": item,
        "label": f"{who} · {latest[COUNTRY_NAME]} · total",
        "company_name": who,
        "country_name": latest[COUNTRY_NAME],
        "company": company or "",
        "country_iso3": iso3,
        "as_announced": f"{len(rows)} pledge{'s' if len(rows) != 1 else ''}, latest per lineage",
        "period": f"{rows[Col.ANNOUNCED_ON].min():%Y}–{rows[Col.ANNOUNCED_ON].max():%Y}",
        "currency": "USD",
        "announced_on": latest[Col.ANNOUNCED_ON],
        "fx_date": pd.NaT,
        "usd_per_local": float("nan"),
        "fx_source": "each pledge at its own announcement-date rate",
        "nominal": nominal,
        "constant": rows[n.constant_column(base_year)].sum(),
        "per_capita": nominal / latest[n.POPULATION]
        if pd.notna(latest[n.POPULATION])
        else float("nan"),
        "share_of_gdp": nominal / latest[n.GDP_USD] * 100
        if pd.notna(latest[n.GDP_USD])
        else float("nan"),
        "per_year": float("nan"),
        "population_year": latest[n.POPULATION_YEAR],
        "gdp_year": latest[n.GDP_YEAR],
        "pledges": len(rows),
        "source_url": "",
        "source_publisher": "",
        "quote": "",
        "amount": nominal,
        "amount_qualifier": "exact",
        "new_money_amount": float("nan"),
        "caveats": (),
        "set_aside": len(left_out),
        "set_aside_usd": float(left_out[n.AMOUNT_USD_NOMINAL].sum()),
        "uses_new_money": False,
        "figures": figures,
    }


def _use_new_money(record: dict) -> None:
    """Scale a pledge's every money figure to its stated new money (conversions are linear)."""
    share = record["new_money_amount"] / record["amount"]
    for key in ("nominal", "constant", "per_capita", "share_of_gdp", "nominal_display"):
        record[key] *= share
    record["per_capita_display"] *= share
    record["per_year"] = record["per_year_display"] = float("nan")
    record["as_announced"] = (
        format_as_announced(record["new_money_amount"], record["currency"], "exact")
        + " of new money"
    )
    record["uses_new_money"] = True


def conversion_dates(items: list[str], normalized: pd.DataFrame) -> pd.Series:
    """Every fixing date the items' dollars were converted at (a total has one per pledge)."""
    dates = []
    by_id = normalized.set_index(Col.ID)
    for item in items:
        if item.startswith("country:"):
            dates.append(_country_rows(item, normalized)[n.FX_DATE])
        elif item in by_id.index:
            dates.append(pd.Series([by_id.at[item, n.FX_DATE]]))
    return pd.concat(dates, ignore_index=True) if dates else pd.Series(dtype="datetime64[ns]")


def resolve(
    items: list[str],
    normalized: pd.DataFrame,
    *,
    base_year: int,
    display_per_usd: pd.Series | None = None,
    display_currency: str = "USD",
    figures: str = DEFAULT_FIGURES,
) -> pd.DataFrame:
    """One row per item with every basis; items must already be valid (see parse_item).

    `display_per_usd` (aligned with `normalized`) converts each row's US dollars into the
    reader's currency at that row's own fixing date; totals sum the converted pledges.
    Country totals are counted on `figures`; pledges are compared as announced, or on
    their new money where every pledge compared states one.
    """
    factor = (
        display_per_usd if display_per_usd is not None else pd.Series(1.0, index=normalized.index)
    )
    normalized = normalized.assign(_display=normalized[n.AMOUNT_USD_NOMINAL] * factor)
    by_id = normalized.set_index(Col.ID, drop=False)
    records = []
    for item in items:
        if item.startswith("country:"):
            record = _country_item(item, normalized, base_year, figures)
            rows = _country_rows(item, normalized, figures)
            # rows' dollars may be scaled to new money: convert them, not the headline
            display = (rows[n.AMOUNT_USD_NOMINAL] * factor.reindex(rows.index)).sum()
        else:
            row = by_id.loc[item]
            record = _pledge_item(row, base_year)
            display = row["_display"]
        share = display / record["nominal"] if record["nominal"] else float("nan")
        record.update(
            display_currency=display_currency,
            nominal_display=display,
            per_capita_display=record["per_capita"] * share,
            per_year_display=record["per_year"] * share,
        )
        records.append(record)
    pledges = [r for r in records if not str(r["item"]).startswith("country:")]
    if len(pledges) >= 2 and all(pd.notna(r["new_money_amount"]) for r in pledges):
        for record in pledges:
            _use_new_money(record)
    resolved = pd.DataFrame.from_records(records)
    resolved["fx_hover"] = [fx_hover(row) for _, row in resolved.iterrows()]
    return resolved


# ---------------------------------------------------------------- words


def _ratio_phrase(a: float, b: float, *, noun: str = "") -> str | None:
    if pd.isna(a) or pd.isna(b) or b == 0:
        return None
    ratio = a / b
    if 0.95 <= ratio <= 1.05:
        return "about the same"
    if ratio > 1:
        number = f"{ratio:,.0f}" if ratio >= 10 else f"{ratio:.1f}"
        return f"{number} times {noun}".strip()
    return f"{ratio * 100:.0f}% of"


def _shown(item: pd.Series) -> tuple[float, str]:
    """The item's amount in the reader's currency (US dollars unless another was chosen)."""
    currency = str(item.get("display_currency", "USD") or "USD")
    if currency == "USD":
        return item["nominal"], "USD"
    return item["nominal_display"], currency


def _fx_words(item: pd.Series) -> str:
    amount, currency = _shown(item)
    if item["currency"] == currency or pd.isna(item["fx_date"]):
        return ""
    return f" (about {format_usd(amount, currency)} at the {item['fx_date']:%-d %B %Y} rate)"


def _short(company_name: str) -> str:
    """ "Amazon (incl. AWS)" -> "Amazon": parentheses read badly before a possessive."""
    return re.sub(r"\s*\(.*\)$", "", company_name)


def _is_total(item: pd.Series) -> bool:
    return str(item["item"]).startswith("country:")


def _total_words(item: pd.Series) -> str:
    who = (
        "all recorded"
        if item["company_name"] == "All companies"
        else f"{_short(item['company_name'])}'s"
    )
    return (
        f"{who} pledges to {country_in_prose(item['country_name'])} ({format_usd(*_shown(item))})"
    )


def _subject(item: pd.Series) -> str:
    if _is_total(item):
        words = _total_words(item)
        return words[0].upper() + words[1:]
    return f"{_short(item['company_name'])}'s {item['as_announced']} for {country_in_prose(item['country_name'])}{_fx_words(item)}"


def _object(first: pd.Series, second: pd.Series) -> str:
    if _is_total(second):
        return _total_words(second)
    same = second["company_name"] == first["company_name"] and not _is_total(first)
    whose = "its" if same else f"{_short(second['company_name'])}'s"
    return f"{whose} {second['as_announced']} for {country_in_prose(second['country_name'])}{_fx_words(second)}"


def possessive(name: str) -> str:
    """ "Australia's", "the United States'": a name ending in s takes the apostrophe alone."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _whose(first: pd.Series, second: pd.Series) -> str:
    """What the per-person share is "of": "Australia's", or "the other" between two
    pledges to one country."""
    if first["country_name"] == second["country_name"]:
        return "the other"
    return possessive(country_in_prose(second["country_name"]))


def comparison_sentence(items: pd.DataFrame) -> str:
    """A sentence a journalist can quote, larger pledge first, numbers from the data, in
    the reader's currency (items' `display_currency`).

    "Microsoft's A$5 billion for Australia (about US$3.18 billion at the 24 October 2023
    rate) is 1.1 times its US$2.9 billion for Japan; per person it is 5.1 times larger."
    """
    currency = str(items["display_currency"].iloc[0]) if "display_currency" in items else "USD"
    shown = items["nominal"] if currency == "USD" else items["nominal_display"]
    ordered = items.assign(_shown=shown).sort_values("_shown", ascending=False)
    first, second = ordered.iloc[0], ordered.iloc[1]
    verb, pronoun = ("are", "they are") if _is_total(first) else ("is", "it is")
    size = _ratio_phrase(first["_shown"], second["_shown"])
    if size == "about the same":
        sentence = f"{_subject(first)} {verb} about the same size as {_object(first, second)}"
    else:
        sentence = f"{_subject(first)} {verb} {size} {_object(first, second)}"
    per_person = _ratio_phrase(first["per_capita"], second["per_capita"], noun="larger")
    if per_person is not None:
        if per_person == "about the same":
            sentence += "; per person the two are about the same"
        elif per_person.endswith("% of"):
            sentence += f"; per person {pronoun} {per_person} {_whose(first, second)}"
        else:
            sentence += f"; per person {pronoun} {per_person}"
    return sentence + "."


def fx_hover(item: pd.Series) -> str:
    """Short rate statement for hover labels: "1 AUD = 0.6363 US$ (ECB …, 24 Oct 2023)"."""
    if _is_total(item):
        return "each pledge at its own announcement-date rate"
    if item["currency"] == "USD":
        return "announced in US dollars"
    return f"1 {item['currency']} = {item['usd_per_local']:.6g} US$ ({item['fx_source']}, {item['fx_date']:%-d %b %Y})"


def _year(value: object) -> str:
    return "not published" if pd.isna(value) else str(int(value))


def fx_footnote(item: pd.Series, style=None) -> str:
    """How the item's dollars were computed, with the rate, its date and source (in
    `style`'s language; `item` from `in_language` when that is not English)."""
    if style is not None and style.lang != "en":
        return _fx_footnote_in(item, style)
    if str(item["item"]).startswith("country:"):
        pledges = f"{item['pledges']} pledge{'s' if item['pledges'] != 1 else ''}"
        return (
            f"{item['label']}: sum of {pledges} converted at each announcement's own rate; "
            f"per person and share of GDP use {item['country_name']}'s World Bank population "
            f"({_year(item['population_year'])}) and GDP ({_year(item['gdp_year'])})."
        )
    if item["currency"] == "USD":
        conversion = f"announced in US dollars ({item['as_announced']}), no conversion"
    else:
        conversion = (
            f"{item['as_announced']} × {item['usd_per_local']:.6g} US$ per {item['currency']} "
            f"({item['fx_source']}, {item['fx_date']:%-d %B %Y}) = {format_usd(item['nominal'])}"
        )
    amount, currency = _shown(item)
    if currency != "USD" and currency != item["currency"]:
        conversion += (
            f"; in {currency} at the ECB rates of the same date "
            f"({item['nominal_display'] / item['nominal']:.6g} {currency} per US$): "
            f"{format_usd(amount, currency)}"
        )
    context = []
    if pd.notna(item["population_year"]):
        context.append(f"population {int(item['population_year'])}")
    if pd.notna(item["gdp_year"]):
        context.append(f"GDP {int(item['gdp_year'])}")
    context_text = (
        f"; World Bank {', '.join(context)}"
        if context
        else "; no World Bank population or GDP for this country"
    )
    return f"{item['label']}: {conversion}{context_text}."


def _fx_footnote_in(item: pd.Series, style) -> str:
    """fx_footnote's receipts, sentence by sentence from the catalogue."""
    _ = style._

    def year(value: object) -> str:
        return _("not published") if pd.isna(value) else style.years(int(value), int(value))

    if str(item["item"]).startswith("country:"):
        return _(
            "{label}: sum of {pledges} converted at each announcement's own rate; per person "
            "and share of GDP use the World Bank population ({population_year}) and GDP "
            "({gdp_year}) of {country}."
        ).format(
            label=item["label"],
            pledges=style.count(int(item["pledges"]), "pledge"),
            population_year=year(item["population_year"]),
            gdp_year=year(item["gdp_year"]),
            country=item["country_name"],
        )
    if item["currency"] == "USD":
        conversion = _("announced in US dollars ({amount}), no conversion").format(
            amount=item["as_announced"]
        )
    else:
        conversion = _("{amount} × {rate} US$ per {currency} ({source}, {day}) = {usd}").format(
            amount=item["as_announced"],
            rate=f"{item['usd_per_local']:.6g}",
            currency=style.currency(item["currency"]),
            source=item["fx_source"],
            day=style.date(item["fx_date"]),
            usd=style.usd(item["nominal"]),
        )
    amount, currency = _shown(item)
    if currency != "USD" and currency != item["currency"]:
        conversion = _(
            "{conversion}; in {currency} at the ECB rates of the same date ({rate} {currency} "
            "per US$): {amount}"
        ).format(
            conversion=conversion,
            currency=style.currency(currency),
            rate=f"{item['nominal_display'] / item['nominal']:.6g}",
            amount=style.usd(amount, currency),
        )
    context = []
    if pd.notna(item["population_year"]):
        context.append(_("population {year}").format(year=int(item["population_year"])))
    if pd.notna(item["gdp_year"]):
        context.append(_("GDP {year}").format(year=int(item["gdp_year"])))
    context_text = (
        _("World Bank {years}").format(years=style.and_list(context))
        if context
        else _("no World Bank population or GDP for this country")
    )
    return _("{label}: {conversion}; {context}.").format(
        label=item["label"], conversion=conversion, context=context_text
    )


def _figure_name(item: pd.Series, others: pd.DataFrame) -> str:
    """ "The United Arab Emirates figure", or "Microsoft's figure for Denmark" where two
    items share a country."""
    place = country_in_prose(item["country_name"])
    if (others["country_name"] == item["country_name"]).sum() > 1:
        return f"{_short(item['company_name'])}'s figure for {place}"
    return f"The {place.removeprefix('the ')} figure"


def scope_sentences(items: pd.DataFrame) -> list[str]:
    """What each compared figure covers beyond its company's own new capital, in words:
    "The United Arab Emirates figure includes about US$7.3 billion already spent; its new
    money is about US$7.9 billion." Empty when every figure is comparable as it stands."""
    sentences = []
    totals = []  # one sentence for every country total, however many
    for _, item in items.iterrows():
        name = _figure_name(item, items)
        amount, currency = _shown(item)
        if _is_total(item):
            if item["set_aside"]:
                totals.append(
                    (
                        item["figures"],
                        f"{country_in_prose(item['country_name'])} {item['set_aside']} "
                        f"({format_usd(item['set_aside_usd'])})",
                    )
                )
            continue
        new = item["new_money_amount"]
        if pd.notna(new) and item["amount"]:
            per_unit = amount / (new / item["amount"] if item["uses_new_money"] else 1)
            headline_shown = per_unit  # the headline figure in the shown currency
            new_shown = headline_shown * new / item["amount"]
            earlier = headline_shown - new_shown
            lead = (
                f"{name} is its new money; the announced total of "
                f"{format_as_announced(item['amount'], item['currency'], item['amount_qualifier'])} "
                f"also counts about {format_usd(earlier, currency)} already spent"
                if item["uses_new_money"]
                else f"{name} includes about {format_usd(earlier, currency)} already spent; "
                f"its new money is about {format_usd(new_shown, currency)}"
            )
            rest = [c for c in item["caveats"] if "already spent" not in c]
            sentences.append(lead + "".join(f"; it {c}" for c in rest) + ".")
            continue
        caveats = list(item["caveats"])
        if "includes money already spent" in caveats:
            caveats[caveats.index("includes money already spent")] = (
                "includes money already spent; the sources do not say how much"
            )
        if caveats:
            sentences.append(f"{name} {'; it '.join(caveats)}.")
    if totals:
        verb = "include" if totals[0][0] == "headline" else "leave out"
        listed = ", ".join(words for _, words in totals)
        sentences.append(f"The totals {verb} economy-wide and jointly funded figures: {listed}.")
    return sentences


def in_language(items: pd.DataFrame, style) -> pd.DataFrame:
    """`resolve`'s items with their reader-facing words (label, names, amount as announced,
    period, rate) in `style`'s language; numbers and keys unchanged. English is as built."""
    if style.lang == "en" or items.empty:
        return items
    _ = style._
    rows = []
    for _index, item in items.iterrows():
        company = (
            style.company(item["company"], str(item["company_name"]))
            if item["company"]
            else _("All companies")
        )
        country = style.country(item["country_iso3"], str(item["country_name"]))
        words = {"company_name": company, "country_name": country}
        if str(item["item"]).startswith("country:"):
            first, _dash, last = str(item["period"]).partition("–")
            words["period"] = style.years(int(first), int(last or first))
            words["label"] = _("{company} · {country} · total").format(
                company=company, country=country
            )
            words["as_announced"] = _("{pledges}, latest per lineage").format(
                pledges=style.count(int(item.get("pledges", 0) or 0), "pledge")
            )
            words["fx_hover"] = _("each pledge at its own announcement-date rate")
        else:
            words["label"] = f"{company} · {country} · {style.month(item['announced_on'])}"
            if item["uses_new_money"]:
                words["as_announced"] = _("{amount} of new money").format(
                    amount=style.money(item["new_money_amount"], item["currency"])
                )
            else:
                words["as_announced"] = style.as_announced(
                    item["amount"], item["currency"], item["amount_qualifier"]
                )
            words["period"] = style.period(item["period_start_year"], item["period_end_year"])
            if item["currency"] == "USD":
                words["fx_hover"] = _("announced in US dollars")
            else:
                words["fx_hover"] = _("1 {currency} = {rate} US$ ({source}, {day})").format(
                    currency=style.currency(item["currency"]),
                    rate=f"{item['usd_per_local']:.6g}",
                    source=item["fx_source"],
                    day=style.date(item["fx_date"]),
                )
        rows.append(words)
    return items.assign(**pd.DataFrame(rows, index=items.index))
