"""The data dictionary, generated from datapackage.json so the docs cannot drift."""

from __future__ import annotations

import pandas as pd

from investments.schema import Field, Package


def _constraint_text(field: Field) -> str:
    c = field.constraints
    parts = []
    if c.get("required"):
        parts.append("required")
    if c.get("unique"):
        parts.append("unique")
    if "enum" in c:
        parts.append("one of: " + ", ".join(c["enum"]))
    if "pattern" in c:
        parts.append(f"pattern {c['pattern']}")
    for key, word in (("minimum", "≥"), ("exclusiveMinimum", ">"), ("maximum", "≤")):
        if key in c:
            parts.append(f"{word} {c[key]}")
    return "; ".join(parts)


def dictionary_frame(
    package: Package, resource_name: str, derived: dict[str, str] | None = None
) -> pd.DataFrame:
    """One row per column: name, type, title, description, constraints."""
    resource = package.resource(resource_name)
    records = [
        {
            "column": f.name,
            "type": f.type,
            "title": f.title,
            "description": f.description,
            "constraints": _constraint_text(f),
        }
        for f in resource.fields
    ]
    for name, description in (derived or {}).items():
        records.append(
            {
                "column": name,
                "type": "string",
                "title": name.replace("_", " ").capitalize(),
                "description": description,
                "constraints": "derived, not stored",
            }
        )
    return pd.DataFrame.from_records(records)
