"""Checking a data directory against datapackage.json and the rules a schema cannot say.

`validate_dir` reports every problem at once; the loader, the CLI and the app all go
through it, so "valid" means the same thing everywhere. Checks run column by column on
pandas frames (100,000 rows validate in about a second, bench/bench_normalize.py); a
message is composed only for the cells that fail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from investments.csvfile import CsvContent, read_csv
from investments.problems import Problem
from investments.schema import (
    COMMITMENTS,
    COMPANIES,
    COUNTRY_INDICATORS,
    DATAPACKAGE_FILENAME,
    FX_SUPPLEMENT,
    INVESTMENTS,
    REGIONS,
    VARIANTS,
    VERIFICATIONS,
    Col,
    CommitmentCol,
    CompanyCol,
    Field,
    FxCol,
    IndicatorCol,
    Package,
    RegionCol,
    Resource,
    VariantCol,
    VerificationCol,
    read_package,
)

_INTEGER = r"-?\d+"
_INTEGER_DIGITS = 18  # a 64-bit integer holds any number of 18 digits
_NUMBER = r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
_DATE = r"\d{4}-\d{2}-\d{2}"


@dataclass(frozen=True)
class TypedTable:
    """A CSV converted to typed columns (missing cells are NA), with each row's first line.

    Strings are pandas string columns; integers Int64; numbers float64; dates
    datetime64[ns]. A missing cell, or one that failed its type or constraints, is NA.
    """

    resource: Resource
    lines: np.ndarray
    frame: pd.DataFrame
    # True where the file's cell is not blank, even if it failed its type or constraints:
    # a rule can tell a blank cell from a bad one (both are NA in `frame`).
    given: pd.DataFrame | None = None

    def records(self) -> list[tuple[int, dict]]:
        """(line, row) pairs with None for missing cells: for rules over small tables."""
        plain = self.frame.astype(object).where(self.frame.notna(), None)
        return list(zip(self.lines.tolist(), plain.to_dict("records"), strict=True))


@dataclass(frozen=True)
class Validated:
    package: Package
    tables: dict[str, TypedTable]
    problems: list[Problem]


class _Collector:
    """Problems for one file; `at` turns a boolean mask into one problem per failing row."""

    def __init__(self, file: str, lines: np.ndarray):
        self.file, self.lines, self.problems = file, lines, []

    def at(self, mask: pd.Series | np.ndarray, column: str | None, message) -> None:
        """`message` is a string or a function of the row position giving one."""
        for position in np.flatnonzero(np.asarray(mask, dtype=bool)):
            text = message(position) if callable(message) else message
            self.problems.append(Problem(self.file, int(self.lines[position]), column, text))


def isin(values: pd.Series, allowed: pd.Series | pd.Index | Iterable) -> pd.Series:
    """Membership test in C for text columns of any size; missing values are never members.

    Arrow strings' own isin turns every value into a Python object, and so did building
    the allowed set from a column: a tenth of a second per 100,000 rows, each, for the
    foreign keys alone (docs/PERFORMANCE.md). A column is therefore passed as it is."""
    if isinstance(allowed, (pd.Series, pd.Index)):
        value_set = _large_strings(pd.Series(allowed).dropna())
    else:
        value_set = pa.array([str(a) for a in allowed], type=pa.large_string())
    return _mask(pc.is_in(_large_strings(values), value_set=value_set, skip_nulls=True), values)


def fullmatch(values: pd.Series, pattern: str) -> pd.Series:
    """True where the whole text matches `pattern`, in C; missing values never match.
    The pattern is Arrow's (RE2), whose `\\s` is ASCII white space only: see
    rules.SPACE for Python's."""
    return _mask(pc.match_substring_regex(_large_strings(values), f"^(?:{pattern})$"), values)


def _mask(found: pa.Array, like: pd.Series) -> pd.Series:
    """Arrow's answers as a boolean mask on `like`'s index; no answer (a missing value) is
    False."""
    return pd.Series(found.fill_null(False).to_numpy(zero_copy_only=False), index=like.index)


def _large_strings(values: pd.Series) -> pa.Array:
    return pa.array(values.astype("str").array).cast(pa.large_string())


def _parsed(texts: pd.Series, ok: pd.Series, number_type: pa.DataType) -> pd.Series:
    """The cells that passed their number pattern, parsed by Arrow (NA elsewhere): ten
    times faster than pandas' to_numeric on Arrow strings (0.004 s against 0.04 s for a
    column of 100,000)."""
    numbers = pc.cast(_large_strings(texts.where(ok)), number_type)
    return pd.Series(pd.arrays.ArrowExtensionArray(numbers), index=texts.index)


# ---------------------------------------------------------------- field level


def _bound(field: Field, key: str):
    value = field.constraints.get(key)
    return dt.date.fromisoformat(value) if value is not None and field.type == "date" else value


def _typed_column(field: Field, raw: pd.Series, out: _Collector) -> tuple[pd.Series, pd.Series]:
    """Convert and check one column; returns the typed values (NA where a cell failed) and
    where the cell is not blank."""
    name = field.name
    stripped = raw.str.strip()
    out.at(raw != stripped, name, "has leading or trailing spaces")
    present = stripped != ""
    if field.required:
        out.at(~present, name, "is required")
    texts = stripped.array  # read cell by cell for messages: a column's copy costs more

    if field.type == "integer":
        ok = present & stripped.str.fullmatch(_INTEGER)
        out.at(present & ~ok, name, lambda i: f"must be a whole number, got {texts[i]!r}")
        huge = ok & (stripped.str.lstrip("-").str.len() > _INTEGER_DIGITS)
        out.at(huge, name, lambda i: f"is too large a whole number, got {texts[i]!r}")
        ok &= ~huge
        values = _parsed(stripped, ok, pa.int64()).astype("Int64")
    elif field.type == "number":
        ok = present & stripped.str.fullmatch(_NUMBER)
        out.at(
            present & ~ok,
            name,
            lambda i: f"must be a plain number (digits, no separators or units), got {texts[i]!r}",
        )
        values = _parsed(stripped, ok, pa.float64()).astype("float64")
    elif field.type == "date":
        shaped = present & stripped.str.fullmatch(_DATE)
        out.at(present & ~shaped, name, lambda i: f"must be a date as YYYY-MM-DD, got {texts[i]!r}")
        values = pd.to_datetime(stripped.where(shaped), format="%Y-%m-%d", errors="coerce")
        values = values.astype("datetime64[ns]")
        ok = shaped & values.notna()
        out.at(shaped & ~ok, name, lambda i: f"is not a real date: {texts[i]!r}")
    else:
        ok = present
        values = stripped.where(present)

    checked = ok.copy()
    c = field.constraints
    if "enum" in c:
        bad = ok & ~isin(stripped, c["enum"])
        listed = ", ".join(c["enum"])
        out.at(bad, name, lambda i: f"must be one of {listed}; got {texts[i]!r}")
        checked &= ~bad
    if "pattern" in c and field.type == "string":
        bad = ok & ~stripped.str.fullmatch(c["pattern"])
        out.at(bad, name, lambda i: f"{texts[i]!r} does not match the pattern {c['pattern']}")
        checked &= ~bad
    for key, failed, words in (
        ("minimum", lambda v, b: v < b, "must be at least"),
        ("maximum", lambda v, b: v > b, "must be at most"),
        ("exclusiveMinimum", lambda v, b: v <= b, "must be greater than"),
    ):
        bound = _bound(field, key)
        if bound is None:
            continue
        # Dates compare as timestamps: a column of Python dates costs more than the check.
        limit = pd.Timestamp(bound) if field.type == "date" else bound
        bad = ok & failed(values.where(ok), limit).fillna(False).astype(bool)
        out.at(bad, name, lambda i, b=bound, w=words: f"{w} {b}, got {texts[i]}")
        checked &= ~bad
    return values.where(checked), present


def _type_table(
    resource: Resource, content: CsvContent, file: str
) -> tuple[TypedTable, list[Problem]]:
    out = _Collector(file, content.lines)
    typed = {
        field.name: _typed_column(field, content.columns[field.name], out)
        for field in resource.fields
    }
    index = pd.RangeIndex(len(content.lines))
    frame = pd.DataFrame({name: values for name, (values, _) in typed.items()}, index=index)
    given = pd.DataFrame(
        {name: present.to_numpy(dtype=bool) for name, (_, present) in typed.items()}, index=index
    )
    return TypedTable(resource, content.lines, frame, given), out.problems


def _check_keys(table: TypedTable, file: str) -> list[Problem]:
    """Unique constraints and the primary key."""
    out = _Collector(file, table.lines)
    key_sets = [(f.name,) for f in table.resource.fields if f.constraints.get("unique")]
    if table.resource.primary_key and table.resource.primary_key not in key_sets:
        key_sets.append(table.resource.primary_key)
    for key in key_sets:
        keys = table.frame[list(key)]
        complete = keys.notna().all(axis=1)
        duplicate = complete & keys.duplicated(keep="first")
        if not duplicate.any():
            continue
        first_line: dict[tuple, int] = {}
        for position, value in zip(
            np.flatnonzero(complete), keys[complete].itertuples(index=False), strict=True
        ):
            first_line.setdefault(tuple(value), int(table.lines[position]))
        shown = {p: tuple(keys.iloc[p]) for p in np.flatnonzero(duplicate)}
        out.at(
            duplicate,
            key[0],
            lambda i, shown=shown, first_line=first_line: (
                f"{', '.join(str(v) for v in shown[i])!r} duplicates line {first_line[shown[i]]}"
            ),
        )
    return out.problems


def _article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"


def _check_foreign_keys(tables: dict[str, TypedTable], files: dict[str, str]) -> list[Problem]:
    problems = []
    for name, table in tables.items():
        for fk in table.resource.foreign_keys:
            (column,) = fk["fields"]
            target_name = fk["reference"]["resource"] or name
            (target_column,) = fk["reference"]["fields"]
            target = tables.get(target_name)
            if target is None:
                continue  # the missing file is reported already
            values = table.frame[column]
            bad = values.notna() & ~isin(values, target.frame[target_column])
            out = _Collector(files[name], table.lines)
            texts = values.array
            out.at(
                bad,
                column,
                lambda i, t=target_column, tn=target_name, v=texts: (
                    f"{v[i]!r} is not {_article(t)} {t} in {files[tn]}"
                ),
            )
            problems += out.problems
    return problems


def _check_companies(table: TypedTable, file: str) -> list[Problem]:
    out = _Collector(file, table.lines)
    colours = table.frame[CompanyCol.COLOUR_HEX]
    out.at(
        colours.notna() & (colours != colours.str.upper()),
        CompanyCol.COLOUR_HEX,
        "colour must be written in upper case, e.g. #0072B2",
    )
    return out.problems


# ---------------------------------------------------------------- entry point


def _public_values(namespace: type) -> tuple[str, ...]:
    return tuple(v for k, v in vars(namespace).items() if not k.startswith("_"))


_COLUMNS_THE_CODE_NEEDS = {
    INVESTMENTS: _public_values(Col),
    COMPANIES: _public_values(CompanyCol),
    COUNTRY_INDICATORS: _public_values(IndicatorCol),
    FX_SUPPLEMENT: _public_values(FxCol),
    REGIONS: _public_values(RegionCol),
    VARIANTS: _public_values(VariantCol),
    COMMITMENTS: _public_values(CommitmentCol),
    VERIFICATIONS: _public_values(VerificationCol),
}


def validate_dir(data_dir: Path, *, today: dt.date | None = None) -> Validated:
    """Validate every resource of the data package in `data_dir`; never raises on bad data."""
    from investments import rules  # rules build on the typed tables defined here

    data_dir = Path(data_dir)
    today = today or dt.date.today()
    empty = Package("", "", (), (), ())
    try:
        package = read_package(data_dir)
    except FileNotFoundError:
        # Name the folder: "which data?" is the question when a deployment finds none.
        missing = f"file is missing (looked in {data_dir.resolve()})"
        return Validated(empty, {}, [Problem(DATAPACKAGE_FILENAME, None, None, missing)])
    except (ValueError, KeyError, TypeError) as exc:
        return Validated(
            empty, {}, [Problem(DATAPACKAGE_FILENAME, None, None, f"cannot be read: {exc}")]
        )

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
            message = f"{resource.name} lacks the fields {', '.join(missing)}"
            problems.append(Problem(DATAPACKAGE_FILENAME, None, None, message))
            continue
        content, structural = read_csv(data_dir / resource.path, resource.field_names)
        problems += structural
        if content is None:
            continue
        table, field_problems = _type_table(resource, content, resource.path)
        problems += field_problems + _check_keys(table, resource.path)
        tables[resource.name] = table

    problems += _check_foreign_keys(tables, files)
    if COMPANIES in tables:
        problems += _check_companies(tables[COMPANIES], files[COMPANIES])
    problems += rules.check(tables, files, today=today)
    for required in (
        INVESTMENTS,
        COMPANIES,
        COUNTRY_INDICATORS,
        FX_SUPPLEMENT,
        REGIONS,
        VARIANTS,
        COMMITMENTS,
        VERIFICATIONS,
    ):
        if required not in files:
            problems.append(
                Problem(DATAPACKAGE_FILENAME, None, None, f"has no resource named {required!r}")
            )
    ordered = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.column or "", p.message))
    return Validated(package, tables, ordered)
