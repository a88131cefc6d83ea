"""A filter is a value: it applies itself to the table, says in words what it kept, and
travels in the URL.

The words go into captions and download filenames, so a CSV called
`…_microsoft-and-amazon_asia_2023-2025.csv` contains what its name says. The URL form is
an explicit whitelist of keys and values: nothing read from a link is evaluated, and a
value that is not one of the data's own (an unknown company, `year=99999`, `<script>`)
is dropped with a notice saying so.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from investments import normalize as n
from investments.code_words import code_words
from investments.i18n import N_
from investments.lineage import latest_per_lineage, without_counted_parts
from investments.load import COMPANY_NAME, COUNTRY_NAME, REGION, SUB_REGION, SUBDIVISION_NAME
from investments.schema import Col
from investments.scope import DEFAULT_FIGURES, FIGURES, linked_on_basis, on_basis
from investments.style import EN, Style

BASES: dict[str, str] = {
    "nominal": N_("US$ at announcement"),
    "constant": N_("constant {base_year} US$"),
    "per_capita": N_("US$ per person"),
    "share_of_gdp": N_("% of host-country GDP"),
}
LINEAGES = {"latest": N_("latest pledge per lineage"), "all": N_("every announcement")}
MAX_TEXT_CHARS = 80


def basis_column(basis: str, base_year: int) -> str:
    """The normalized column a basis reads."""
    return {
        "nominal": n.AMOUNT_USD_NOMINAL,
        "constant": n.constant_column(base_year),
        "per_capita": n.USD_PER_CAPITA,
        "share_of_gdp": n.SHARE_OF_GDP_PCT,
    }[basis]


def basis_label(basis: str, base_year: int, style: Style = EN) -> str:
    return style._(BASES[basis]).format(base_year=base_year)


@dataclass(frozen=True)
class Filter:
    """Empty tuples mean "all"; `years` is an inclusive (first, last) announcement year;
    `min_usd`/`max_usd` bound the amount in US dollars at the announcement-date rate."""

    companies: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    purposes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    min_usd: float | None = None
    max_usd: float | None = None
    text: str = ""
    basis: str = "nominal"
    lineage: str = "latest"
    base_year: int | None = None
    figures: str = DEFAULT_FIGURES  # scope.FIGURES: comparable or headline

    @property
    def latest_only(self) -> bool:
        return self.lineage == "latest"

    def apply(self, normalized: pd.DataFrame) -> pd.DataFrame:
        # Lineage first: whether a row is superseded depends on the whole table, not on
        # what survives the other filters.
        linked = linked_on_basis(normalized, self.figures)
        rows = latest_per_lineage(linked) if self.latest_only else linked
        rows = on_basis(rows, self.figures)
        mask = pd.Series(True, index=rows.index)
        if self.companies:
            mask &= rows[Col.COMPANY].isin(self.companies)
        if self.countries:
            mask &= rows[Col.COUNTRY_ISO3].isin(self.countries)
        if self.regions:
            mask &= rows[REGION].isin(self.regions) | rows[SUB_REGION].isin(self.regions)
        if self.years:
            mask &= rows[Col.ANNOUNCED_ON].dt.year.between(*self.years)
        if self.purposes:
            mask &= rows[Col.PURPOSE].isin(self.purposes)
        if self.statuses:
            mask &= rows[Col.STATUS].isin(self.statuses)
        if self.min_usd is not None:
            mask &= rows[n.AMOUNT_USD_NOMINAL] >= self.min_usd
        if self.max_usd is not None:
            mask &= rows[n.AMOUNT_USD_NOMINAL] <= self.max_usd
        if self.text:
            needle = self.text.casefold()
            haystack = (
                rows[COMPANY_NAME].fillna("")
                + " "
                + rows[COUNTRY_NAME].fillna("")
                + " "
                + rows[SUBDIVISION_NAME].fillna("")
                + " "
                + rows[Col.NOTES].fillna("")
            ).str.casefold()
            mask &= haystack.str.contains(needle, regex=False)
        rows = rows[mask.fillna(False).astype(bool)]
        # Parts last: a state's share drops out only when the national pledge that
        # includes it is still in view after the other filters.
        return without_counted_parts(rows, linked) if self.latest_only else rows

    # ------------------------------------------------------------ words

    def describe(
        self,
        normalized: pd.DataFrame,
        *,
        base_year: int,
        default_figures: bool = True,
        style: Style = EN,
    ) -> str:
        """ "Microsoft and Amazon (incl. AWS) · Asia · 2023–2025 · constant 2025 US$ ·
        comparable figures" (without the last part if not `default_figures` and it is the
        default: file names and published addresses stay as they were before the basis).
        File names always use the English words (`filename`)."""
        _ = style._
        parts = []
        if self.companies:
            names = _names(normalized, Col.COMPANY, COMPANY_NAME, self.companies)
            parts.append(
                style.and_list(
                    [style.company(k, n) for k, n in zip(self.companies, names, strict=True)]
                )
            )
        if self.countries:
            names = _names(normalized, Col.COUNTRY_ISO3, COUNTRY_NAME, self.countries)
            parts.append(
                style.and_list(
                    [style.country(k, n) for k, n in zip(self.countries, names, strict=True)]
                )
            )
        if self.regions:
            parts.append(style.and_list([style.region(r) for r in self.regions]))
        if self.years:
            first, last = self.years
            parts.append(style.years(first, last))
        if self.purposes:
            parts.append(style.and_list([code_words(p, style) for p in self.purposes]))
        if self.statuses:
            statuses = list(self.statuses)
            if style.lang != "en":  # English names them by their codes, as before
                statuses = [code_words(s, style) for s in statuses]
            parts.append(style.and_list(statuses))
        if self.min_usd is not None or self.max_usd is not None:
            parts.append(_amount_words(self.min_usd, self.max_usd, style))
        if self.text:
            parts.append(_("matching “{text}”").format(text=self.text))
        if not parts:
            parts.append(_("All recorded pledges"))
        parts.append(basis_label(self.basis, self.base_year or base_year, style))
        if default_figures or self.figures != DEFAULT_FIGURES:
            parts.append(_(FIGURES[self.figures]))
        if not self.latest_only:
            parts.append(_(LINEAGES["all"]))
        return " · ".join(parts)

    def filename(self, normalized: pd.DataFrame, *, base_year: int, suffix: str = ".csv") -> str:
        """A safe file name made from the description."""
        words = self.describe(normalized, base_year=base_year, default_figures=False)
        slug = re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")
        return f"big-tech-investments_{slug[:120].rstrip('-')}{suffix}"

    # ------------------------------------------------------------ URL

    def to_query(self) -> dict[str, str]:
        """Only what differs from the defaults, as short, readable query parameters."""
        query: dict[str, str] = {}
        for key, values in (
            ("company", self.companies),
            ("country", self.countries),
            ("region", self.regions),
            ("purpose", self.purposes),
            ("status", self.statuses),
        ):
            if values:
                query[key] = ",".join(values)
        if self.years:
            query["from"], query["to"] = str(self.years[0]), str(self.years[1])
        if self.min_usd is not None:
            query["min_usd"] = _plain(self.min_usd)
        if self.max_usd is not None:
            query["max_usd"] = _plain(self.max_usd)
        if self.text:
            query["q"] = self.text
        if self.basis != "nominal":
            query["basis"] = self.basis
        if self.lineage != "latest":
            query["lineage"] = self.lineage
        if self.base_year is not None:
            query["base_year"] = str(self.base_year)
        if self.figures != DEFAULT_FIGURES:
            query["figures"] = self.figures
        return query


QUERY_KEYS = frozenset(
    {
        "company",
        "country",
        "region",
        "purpose",
        "status",
        "from",
        "to",
        "min_usd",
        "max_usd",
        "q",
        "basis",
        "lineage",
        "base_year",
        "figures",
    }
)


@dataclass(frozen=True)
class Choices:
    """The values a URL may name: the data's own companies, countries, regions and years."""

    companies: frozenset[str]
    countries: frozenset[str]
    regions: frozenset[str]
    purposes: frozenset[str]
    statuses: frozenset[str]
    first_year: int
    last_year: int
    base_years: frozenset[int]

    @classmethod
    def of(cls, normalized: pd.DataFrame, *, base_years: Iterable[int]) -> Choices:
        years = normalized[Col.ANNOUNCED_ON].dt.year
        return cls(
            companies=frozenset(normalized[Col.COMPANY].dropna()),
            countries=frozenset(normalized[Col.COUNTRY_ISO3].dropna()),
            regions=frozenset(normalized[REGION].dropna())
            | frozenset(normalized[SUB_REGION].dropna()),
            purposes=frozenset(normalized[Col.PURPOSE].dropna()),
            statuses=frozenset(normalized[Col.STATUS].dropna()),
            first_year=int(years.min()),
            last_year=int(years.max()),
            base_years=frozenset(base_years),
        )


@dataclass(frozen=True)
class Notice:
    """A URL value that was dropped, and why (shown to the reader)."""

    key: str
    value: str
    reason: str


@dataclass
class _Reader:
    query: Mapping[str, str]
    notices: list[Notice] = field(default_factory=list)

    def drop(self, key: str, value: str, reason: str) -> None:
        self.notices.append(Notice(key, value, reason))

    def members(self, key: str, allowed: frozenset[str]) -> tuple[str, ...]:
        kept: list[str] = []
        for value in (v.strip() for v in self.query.get(key, "").split(",")):
            if not value:
                continue
            if value in allowed:
                if value not in kept:
                    kept.append(value)
            else:
                self.drop(key, value, "not in the data")
        return tuple(kept)

    def year(self, key: str, choices: Choices) -> int | None:
        text = self.query.get(key)
        if text is None or text == "":
            return None
        if (
            not re.fullmatch(r"\d{4}", text)
            or not choices.first_year <= int(text) <= choices.last_year
        ):
            self.drop(key, text, f"not a year from {choices.first_year} to {choices.last_year}")
            return None
        return int(text)

    def dollars(self, key: str) -> float | None:
        text = self.query.get(key)
        if text is None or text == "":
            return None
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or value < 0 or not re.fullmatch(r"\d+(\.\d+)?", text):
            self.drop(key, text, "not an amount in US dollars")
            return None
        return value

    def one_of(self, key: str, allowed: Iterable[str], default: str) -> str:
        text = self.query.get(key)
        if text is None or text == "":
            return default
        if text in set(allowed):
            return text
        self.drop(key, text, "not an option")
        return default


def from_query(
    query: Mapping[str, str], choices: Choices, *, other_keys: Iterable[str] = ()
) -> tuple[Filter, list[Notice]]:
    """The filter a URL describes, and a notice for every value that was dropped."""
    reader = _Reader(query)
    known = QUERY_KEYS | set(other_keys)
    for key in query:
        if key not in known:
            reader.drop(key, str(query[key]), unknown_key_reason(key, known))
    first, last = reader.year("from", choices), reader.year("to", choices)
    years = None
    if first is not None or last is not None:
        first, last = first or choices.first_year, last or choices.last_year
        if first > last:
            reader.drop("from", str(first), f"after to={last}")
            first = choices.first_year
        years = (first, last) if (first, last) != (choices.first_year, choices.last_year) else None
    minimum, maximum = reader.dollars("min_usd"), reader.dollars("max_usd")
    if minimum is not None and maximum is not None and minimum > maximum:
        reader.drop("min_usd", _plain(minimum), "larger than max_usd")
        minimum = None
    text = query.get("q", "").strip()
    if len(text) > MAX_TEXT_CHARS:
        reader.drop("q", text, f"longer than {MAX_TEXT_CHARS} characters")
        text = ""
    base_year_text = reader.one_of("base_year", [str(y) for y in choices.base_years], "")
    chosen = Filter(
        companies=reader.members("company", choices.companies),
        countries=reader.members("country", choices.countries),
        regions=reader.members("region", choices.regions),
        years=years,
        purposes=reader.members("purpose", choices.purposes),
        statuses=reader.members("status", choices.statuses),
        min_usd=minimum,
        max_usd=maximum,
        text=text,
        basis=reader.one_of("basis", BASES, "nominal"),
        lineage=reader.one_of("lineage", LINEAGES, "latest"),
        base_year=int(base_year_text) if base_year_text else None,
        figures=reader.one_of("figures", FIGURES, DEFAULT_FIGURES),
    )
    return chosen, reader.notices


def unknown_key_reason(key: str, known: Iterable[str]) -> str:
    """ "not a setting of this page (did you mean min_usd?)": names the page's own
    parameter when the link's is close to one."""
    close = difflib.get_close_matches(key.lower(), sorted(known), n=1, cutoff=0.5)
    return "not a setting of this page" + (f" (did you mean {close[0]}?)" if close else "")


def _names(normalized: pd.DataFrame, key: str, name: str, keys: tuple[str, ...]) -> list[str]:
    lookup = dict(zip(normalized[key], normalized[name], strict=True))
    return [str(lookup.get(k, k)) for k in keys]


def _and_list(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def _amount_words(minimum: float | None, maximum: float | None, style: Style = EN) -> str:
    _ = style._
    if minimum is not None and maximum is not None:
        return _("{minimum} to {maximum}").format(
            minimum=style.money(minimum, "USD"), maximum=style.money(maximum, "USD")
        )
    if minimum is not None:
        return _("at least {amount}").format(amount=style.money(minimum, "USD"))
    return _("at most {amount}").format(amount=style.money(maximum, "USD"))
