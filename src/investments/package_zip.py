"""The data package as one zip: every CSV, datapackage.json and a README with sources and licence.

Built from the files on disk (not from frames) so the analyst gets exactly what the
curators committed; entries carry a fixed timestamp so the same data gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from investments.citation import Citation, citation_for, package_citation
from investments.credits import DATA_LICENCE, PROJECT_NAME
from investments.schema import DATAPACKAGE_FILENAME, Package, read_package

FIXED_TIMESTAMP = (2020, 1, 1, 0, 0, 0)
FOLDER = "big-tech-investment-tracker-data"


def readme_text(package: Package, *, data_version: str, citation: Citation | None = None) -> str:
    """The zip's README.md; `citation` (investments.citation) as the Sources page gives it."""
    citation = citation or citation_for(version=package.version, created=package.created)
    lines = [
        f"# {package.title}",
        "",
        package.description,
        "",
        f"Compiled by {PROJECT_NAME}. Data {package.release or 'unreleased'} "
        f"(files fingerprint {data_version}). Licence: {DATA_LICENCE}"
        " (quotes remain their publishers' and are reproduced as short citations).",
        "",
        "## Files",
        "",
    ]
    for resource in package.resources:
        lines.append(f"- `{resource.path}` — {resource.title}: {resource.description}")
        for source in resource.sources:
            lines.append(f"  - Source: {source.get('title', '')} ({source.get('path', '')})")
    lines += [
        "",
        "Every column is described in `datapackage.json` (Frictionless Data Package). Amounts in",
        "`investments.csv` are as announced, in the currency announced; each row carries its source",
        "URL and the sentence that states the amount. Conversions (ECB reference rates, US CPI-U,",
        "World Bank population and GDP) are applied by the tracker's code and its CSV export.",
        "",
        "## Cite this data",
        "",
        citation.text(),
        "",
        "BibTeX:",
        "",
        "```bibtex",
        citation.bibtex(),
        "```",
        "",
        f"The files in this zip are data version {data_version} (a fingerprint of their",
        "bytes: the same files always give the same fingerprint).",
        "",
    ]
    return "\n".join(lines)


def data_package_zip(data_dir: Path, *, data_version: str) -> bytes:
    package = read_package(data_dir)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:

        def add(name: str, payload: bytes) -> None:
            info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=FIXED_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, payload)

        readme = readme_text(
            package, data_version=data_version, citation=package_citation(package, data_dir)
        )
        add("README.md", readme.encode("utf-8"))
        add(DATAPACKAGE_FILENAME, (Path(data_dir) / DATAPACKAGE_FILENAME).read_bytes())
        for resource in package.resources:
            add(resource.path, (Path(data_dir) / resource.path).read_bytes())
    return buffer.getvalue()
