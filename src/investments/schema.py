"""The data package's Table Schemas, read from `data/datapackage.json`.

The JSON file is the one description of every column: the validator, the loader, the
export and the data dictionary page all read it from here, so a column cannot be
documented in one place and used differently in another.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

DATAPACKAGE_FILENAME = "datapackage.json"

# Resource names, as in datapackage.json.
INVESTMENTS = "investments"
COMPANIES = "companies"
COUNTRY_INDICATORS = "country_indicators"
FX_SUPPLEMENT = "fx_rates_supplement"
REGIONS = "regions"
VARIANTS = "variants"
COMMITMENTS = "commitments"
VERIFICATIONS = "verifications"


class Col:
    """Column names of investments.csv, so code never spells them twice."""

    ID = "id"
    COMPANY = "company"
    COUNTRY_ISO3 = "country_iso3"
    SUBDIVISION = "subdivision"
    ANNOUNCED_ON = "announced_on"
    AMOUNT = "amount"
    CURRENCY = "currency"
    AMOUNT_QUALIFIER = "amount_qualifier"
    PERIOD_START_YEAR = "period_start_year"
    PERIOD_END_YEAR = "period_end_year"
    PURPOSE = "purpose"
    STATUS = "status"
    SUPERSEDES = "supersedes"
    PART_OF = "part_of"
    SOURCE_URL = "source_url"
    SOURCE_PUBLISHER = "source_publisher"
    QUOTE = "quote"
    QUOTE_LANGUAGE = "quote_language"
    SECOND_SOURCE_URL = "second_source_url"
    SECOND_SOURCE_QUOTE = "second_source_quote"
    SECOND_SOURCE_QUOTE_LANGUAGE = "second_source_quote_language"
    INCLUDES_PRIOR_SPENDING = "includes_prior_spending"
    FUNDING = "funding"
    SPEND_KIND = "spend_kind"
    NEW_MONEY_AMOUNT = "new_money_amount"
    SCOPE_QUOTE = "scope_quote"
    SCOPE_QUOTE_LANGUAGE = "scope_quote_language"
    SCOPE_SOURCE_URL = "scope_source_url"
    SCOPE_NOTE = "scope_note"
    NOTES = "notes"
    LAST_VERIFIED = "last_verified"


# Each quote of investments.csv and the column naming its language (ISO 639-1): a quote
# is shown as written, with its language said, never translated.
QUOTE_LANGUAGE_COLUMNS = (
    (Col.QUOTE, Col.QUOTE_LANGUAGE),
    (Col.SECOND_SOURCE_QUOTE, Col.SECOND_SOURCE_QUOTE_LANGUAGE),
    (Col.SCOPE_QUOTE, Col.SCOPE_QUOTE_LANGUAGE),
)


class CompanyCol:
    COMPANY = "company"
    DISPLAY_NAME = "display_name"
    PARENT = "parent"
    COLOUR_HEX = "colour_hex"


class IndicatorCol:
    COUNTRY_ISO3 = "country_iso3"
    YEAR = "year"
    POPULATION = "population"
    GDP_USD_CURRENT = "gdp_usd_current"


class RegionCol:
    COUNTRY_ISO3 = "country_iso3"
    M49_CODE = "m49_code"
    REGION = "region"
    SUB_REGION = "sub_region"
    INTERMEDIATE_REGION = "intermediate_region"
    ASSIGNED_BY = "assigned_by"


class VariantCol:
    ANNOUNCEMENT_ID = "announcement_id"
    FIELD = "field"
    REPORTED_VALUE = "reported_value"
    SOURCE_URL = "source_url"
    SOURCE_PUBLISHER = "source_publisher"
    QUOTE = "quote"
    RECORDED_VALUE = "recorded_value"
    REASON = "reason"


class CommitmentCol:
    ANNOUNCEMENT_ID = "announcement_id"
    KIND = "kind"
    QUANTITY = "quantity"
    UNIT = "unit"
    PERIOD_START_YEAR = "period_start_year"
    PERIOD_END_YEAR = "period_end_year"
    SOURCE_URL = "source_url"
    QUOTE = "quote"


class VerificationCol:
    ANNOUNCEMENT_ID = "announcement_id"
    CHECKED_ON = "checked_on"
    ROUND = "round"
    CHECKED_BY = "checked_by"
    CHECKED = "checked"
    RESULT = "result"
    HOW = "how"


class FxCol:
    CURRENCY = "currency"
    VALID_FROM = "valid_from"
    VALID_TO = "valid_to"
    RATE_DATE = "rate_date"
    LOCAL_PER_USD = "local_per_usd"
    RATE_TYPE = "rate_type"
    SOURCE_PUBLISHER = "source_publisher"
    SOURCE_URL = "source_url"
    QUOTE = "quote"
    NOTES = "notes"


@dataclass(frozen=True)
class Field:
    """One column of a Table Schema."""

    name: str
    type: str
    title: str
    description: str
    constraints: dict[str, Any] = field(default_factory=dict)
    format: str | None = None

    @property
    def required(self) -> bool:
        return bool(self.constraints.get("required"))

    @property
    def enum(self) -> list[str] | None:
        return self.constraints.get("enum")


@dataclass(frozen=True)
class Resource:
    """One CSV file of the package and its schema."""

    name: str
    path: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[dict[str, Any], ...]
    sources: tuple[dict[str, str], ...] = ()

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")


@dataclass(frozen=True)
class Package:
    title: str
    description: str
    licenses: tuple[dict[str, str], ...]
    sources: tuple[dict[str, str], ...]
    resources: tuple[Resource, ...]
    version: str = ""  # the data release ("2.0.0"), bumped with every published change
    created: str = ""  # ISO date of that release
    last_updated: str = ""  # ISO date of the latest curation round: what the data is current to

    @property
    def current_to(self) -> dt.date | None:
        """The date of the latest curation round (not of the latest announcement)."""
        for text in (self.last_updated, self.created):
            try:
                return dt.date.fromisoformat(text[:10])
            except ValueError:
                continue
        return None

    @property
    def release_columns(self) -> tuple[str, str]:
        """(version, current-to date) as the CSV export writes them."""
        day = self.current_to
        return (self.version, day.isoformat() if day else "")

    @property
    def release(self) -> str:
        """ "release 3.0.0, current to 6 December 2026": how readers cite the data."""
        if not self.version:
            return ""
        day = self.current_to
        return (
            f"release {self.version}, current to {day:%-d %B %Y}"
            if day
            else f"release {self.version}"
        )

    def resource(self, name: str) -> Resource:
        for r in self.resources:
            if r.name == name:
                return r
        raise KeyError(f"the data package has no resource {name!r}")


def _resource_from_json(raw: dict[str, Any]) -> Resource:
    schema = raw["schema"]
    fields = tuple(
        Field(
            name=f["name"],
            type=f["type"],
            title=f.get("title", f["name"]),
            description=f.get("description", ""),
            constraints=dict(f.get("constraints", {})),
            format=f.get("format"),
        )
        for f in schema["fields"]
    )
    return Resource(
        name=raw["name"],
        path=raw["path"],
        title=raw.get("title", raw["name"]),
        description=raw.get("description", ""),
        fields=fields,
        primary_key=tuple(schema.get("primaryKey", ())),
        foreign_keys=tuple(schema.get("foreignKeys", ())),
        sources=tuple(raw.get("sources", ())),
    )


def read_package(data_dir: Path) -> Package:
    """Parse `datapackage.json` in `data_dir`; raises OSError or ValueError if unusable."""
    raw = json.loads((Path(data_dir) / DATAPACKAGE_FILENAME).read_text(encoding="utf-8"))
    return Package(
        title=raw.get("title", ""),
        description=raw.get("description", ""),
        licenses=tuple(raw.get("licenses", ())),
        sources=tuple(raw.get("sources", ())),
        resources=tuple(_resource_from_json(r) for r in raw["resources"]),
        version=str(raw.get("version", "")),
        created=str(raw.get("created", "")),
        last_updated=str(raw.get("last_updated", "")),
    )


@cache
def shipped_package() -> Package:
    """The schema of the data shipped with the code (the contract the code is written to)."""
    from investments.paths import shipped_data_dir

    return read_package(shipped_data_dir())
