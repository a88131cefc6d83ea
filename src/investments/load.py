"""Loading a validated data directory into pandas.

Loading refuses invalid data (raising DataError with every problem) rather than
returning a partial frame: a chart drawn from half the rows would mislead silently.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from investments import paths
from investments.countries import country_name, subdivision_name
from investments.problems import DataError
from investments.schema import (
    COMMITMENTS,
    COMPANIES,
    COUNTRY_INDICATORS,
    DATAPACKAGE_FILENAME,
    FX_SUPPLEMENT,
    INVESTMENTS,
    REGIONS,
    VARIANTS,
    Col,
    CompanyCol,
    Package,
    RegionCol,
    read_package,
    shipped_package,
)
from investments.validate import TypedTable, Validated, validate_dir

# Derived columns added on load, documented here for the data dictionary.
COUNTRY_NAME = "country_name"
SUBDIVISION_NAME = "subdivision_name"
COMPANY_NAME = "company_name"
REGION = "region"
SUB_REGION = "sub_region"
DERIVED_COLUMN_DOCS: dict[str, str] = {
    COUNTRY_NAME: "Short English name of the host country, from pycountry (derived from country_iso3).",
    SUBDIVISION_NAME: "English name of the sub-national region, from pycountry (derived from subdivision).",
    COMPANY_NAME: "Display name of the company, from companies.csv.",
    REGION: "UN M49 region of the host country (regions.csv).",
    SUB_REGION: "UN M49 sub-region of the host country (regions.csv).",
}

# The release record (releases.csv, release_changes.csv): optional, so a data folder
# written before releases were recorded still loads, with empty tables.
RELEASES = "releases"
RELEASE_CHANGES = "release_changes"

_PANDAS_DTYPE = {
    "string": "string",
    "integer": "Int64",
    "number": "float64",
    "date": "datetime64[ns]",
}


@dataclass(frozen=True)
class Dataset:
    """The tables of a valid data directory, and the version they were read at."""

    investments: pd.DataFrame
    companies: pd.DataFrame
    indicators: pd.DataFrame
    fx_supplement: pd.DataFrame
    regions: pd.DataFrame
    variants: pd.DataFrame
    commitments: pd.DataFrame
    releases: pd.DataFrame  # one row per release, as releases.csv has them (newest first)
    release_changes: pd.DataFrame  # one row per change a release made
    package: Package
    version: str


def data_version(data_dir: Path | None = None) -> str:
    """A short fingerprint of the package's files: equal versions mean equal data.

    Cheap enough to compute on every page run, so caches can be keyed on it and a
    changed file is noticed without restarting the app. Without `data_dir`, the folder
    `investments.paths.data_dir` finds.
    """
    data_dir = Path(data_dir) if data_dir else paths.data_dir()
    # Files whose size and modification times are unchanged keep their fingerprint: the
    # hash of their bytes is recomputed only when one of them changes (it took a fifth of
    # a page view's server time).
    key = str(data_dir.resolve())
    with _VERSIONS_LOCK:
        known = _VERSIONS.get(key)
    if known is not None and known[0] == _stats(data_dir, known[1]):
        return known[2]
    names = [DATAPACKAGE_FILENAME]
    # An unreadable package still gets a version; validation reports why.
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        names += [r.path for r in read_package(data_dir).resources]
    before = _stats(data_dir, names)
    version = _fingerprint(data_dir, names)
    if _stats(data_dir, names) == before:  # not written while being read
        with _VERSIONS_LOCK:
            _VERSIONS[key] = (before, names, version)
    return version


_VERSIONS: dict[str, tuple[tuple, list[str], str]] = {}
_VERSIONS_LOCK = threading.Lock()


def _stats(data_dir: Path, names: list[str]) -> tuple:
    out = []
    for name in names:
        try:
            st = (data_dir / name).stat()
            out.append((name, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
        except OSError:
            out.append((name, None))
    return tuple(out)


def _fingerprint(data_dir: Path, names: list[str]) -> str:
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode())
        try:
            digest.update((data_dir / name).read_bytes())
        except OSError:
            digest.update(b"<missing>")
    return digest.hexdigest()[:12]


def _frame(table: TypedTable) -> pd.DataFrame:
    """The validated table with pandas' nullable string type for text columns."""
    frame = table.frame.copy()
    for field in table.resource.fields:
        if field.type == "string":
            frame[field.name] = frame[field.name].astype("string")
    return frame


def _optional_frame(validated: Validated, name: str) -> pd.DataFrame:
    """The table if the package has it, else an empty frame with the columns the shipped
    package documents for it (a folder from before that resource was added)."""
    if name in validated.tables:
        return _frame(validated.tables[name])
    try:
        columns = shipped_package().resource(name).field_names
    except (KeyError, OSError, ValueError):
        columns = []
    return pd.DataFrame({column: pd.Series(dtype="string") for column in columns})


def _with_names(
    investments: pd.DataFrame, companies: pd.DataFrame, regions: pd.DataFrame
) -> pd.DataFrame:
    out = investments.copy()
    by_country = regions.set_index(RegionCol.COUNTRY_ISO3)
    out[REGION] = out[Col.COUNTRY_ISO3].map(by_country[RegionCol.REGION]).astype("string")
    out[SUB_REGION] = out[Col.COUNTRY_ISO3].map(by_country[RegionCol.SUB_REGION]).astype("string")
    out[COUNTRY_NAME] = out[Col.COUNTRY_ISO3].map(country_name).astype("string")
    out[SUBDIVISION_NAME] = (
        out[Col.SUBDIVISION].map(subdivision_name, na_action="ignore").astype("string")
    )
    display = companies.set_index(CompanyCol.COMPANY)[CompanyCol.DISPLAY_NAME]
    out[COMPANY_NAME] = out[Col.COMPANY].map(display).astype("string")
    return out


def load_dataset(data_dir: Path | None = None) -> Dataset:
    """Validate and load `data_dir` (by default the folder `investments.paths.data_dir`
    finds); raises DataError listing every problem if invalid."""
    data_dir = Path(data_dir) if data_dir else paths.data_dir()
    version = data_version(data_dir)
    validated = validate_dir(data_dir)
    if validated.problems:
        raise DataError(validated.problems)
    companies = _frame(validated.tables[COMPANIES])
    regions = _frame(validated.tables[REGIONS])
    investments = _with_names(_frame(validated.tables[INVESTMENTS]), companies, regions)
    investments = investments.sort_values(
        [Col.ANNOUNCED_ON, Col.ID], ascending=[False, True], ignore_index=True
    )
    return Dataset(
        investments=investments,
        companies=companies,
        indicators=_frame(validated.tables[COUNTRY_INDICATORS]),
        fx_supplement=_frame(validated.tables[FX_SUPPLEMENT]),
        regions=regions,
        variants=_frame(validated.tables[VARIANTS]),
        commitments=_frame(validated.tables[COMMITMENTS]),
        releases=_optional_frame(validated, RELEASES),
        release_changes=_optional_frame(validated, RELEASE_CHANGES),
        package=validated.package,
        version=version,
    )
