"""How to cite the data: one citation, made here, for the Sources page, the data package
zip's README and the feeds (CITATION.cff says the same; tests/test_feeds.py keeps it so).

The version and release date come from the data folder (datapackage.json `version`,
releases.csv `released_on`), never from the code, so a new release is cited correctly
without an edit here. The stable reference is the release's git tag: `data/` at
`data-v4.0.0` holds exactly the files the version names.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from investments.credits import DATA_LICENCE, PROJECT_NAME
from investments.schema import DATAPACKAGE_FILENAME, Package, read_package

AUTHORS = "Big Tech Investment Tracker contributors"
DATA_TITLE = "Big Tech Investment Tracker: big-tech investment pledges by country"
RELEASES_FILENAME = "releases.csv"


def release_tag(version: str) -> str:
    """The git tag that marks a data release: "data-v4.0.0"."""
    return f"data-v{version}"


@dataclass(frozen=True)
class Citation:
    """One data release, as a reader cites it."""

    version: str
    released_on: dt.date | None
    url: str = ""
    licence: str = DATA_LICENCE
    authors: str = AUTHORS
    title: str = DATA_TITLE

    @property
    def reference(self) -> str:
        """ "data release 4.0.0, data/ at git tag data-v4.0.0": the files, exactly."""
        if not self.version:
            return "unreleased data"
        return f"data release {self.version}, data/ at git tag {release_tag(self.version)}"

    def text(self) -> str:
        """APA style for a data set: authors, (year), title (version) [Data set], licence,
        address, and the stable reference."""
        year = f"{self.released_on:%Y}" if self.released_on else "n.d."
        details = [f"Version {self.version}" if self.version else "unreleased"]
        if self.released_on:
            details.append(f"released {self.released_on:%-d %B %Y}")
        parts = [
            f"{self.authors}. ({year}). {self.title} ({'; '.join(details)}) [Data set].",
            f"{self.licence}.",
        ]
        if self.url:
            parts.append(self.url + ".")
        parts.append(f"Stable reference: {self.reference}.")
        return " ".join(parts)

    def bibtex(self) -> str:
        """A @misc entry (BibTeX has no data set type; biblatex reads `version` and `date`)."""
        key = "big_tech_investment_tracker" + (
            "_" + self.version.replace(".", "_") if self.version else ""
        )
        title = self.title.replace(PROJECT_NAME, "{" + PROJECT_NAME + "}", 1)  # kept capitalised
        fields = [("author", "{" + self.authors + "}"), ("title", title)]
        if self.released_on:
            fields += [("year", f"{self.released_on:%Y}"), ("date", self.released_on.isoformat())]
        if self.version:
            fields.append(("version", self.version))
        fields.append(("howpublished", self.reference[:1].upper() + self.reference[1:]))
        if self.url:
            fields.append(("url", self.url))
        fields.append(("note", f"Licence: {self.licence}"))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@misc{{{key},\n{body}\n}}"


def _date(value) -> dt.date | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    try:
        return pd.Timestamp(value).date()
    except (ValueError, TypeError):
        return None


def citation_for(
    *,
    version: str,
    releases: pd.DataFrame | None = None,
    created: str = "",
    url: str = "",
) -> Citation:
    """The citation of `version`: its date from `releases` (releases.csv, newest first),
    else the package's `created` date."""
    released_on = None
    if releases is not None and not releases.empty and version:
        same = releases[releases["version"].astype(str) == version]
        if not same.empty:
            released_on = _date(same.iloc[0]["released_on"])
    return Citation(
        version=version, released_on=released_on or _date(created or None), url=url or ""
    )


def read_releases(data_dir: Path) -> pd.DataFrame | None:
    """releases.csv as text, or None if the folder has none."""
    path = Path(data_dir) / RELEASES_FILENAME
    if not path.exists():
        return None
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def homepage(data_dir: Path) -> str:
    """datapackage.json's `homepage`, or "" (the citation then names no address)."""
    try:
        raw = json.loads((Path(data_dir) / DATAPACKAGE_FILENAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return str(raw.get("homepage", "")) if isinstance(raw, dict) else ""


def package_citation(
    package: Package, data_dir: Path, releases: pd.DataFrame | None = None
) -> Citation:
    """The citation of the loaded `package` (its version and date), with releases.csv and
    the homepage from `data_dir`; `releases` saves reading the file where it is loaded."""
    return citation_for(
        version=package.version,
        releases=releases if releases is not None else read_releases(data_dir),
        created=package.created,
        url=homepage(data_dir),
    )


def read_citation(data_dir: Path) -> Citation:
    """The citation of the data in `data_dir` (datapackage.json and releases.csv)."""
    return package_citation(read_package(data_dir), data_dir)
