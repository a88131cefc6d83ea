"""What the sources say about one announcement, and what comes with its money.

Readers and editors ask first "who says so, and does everyone agree?": these functions
gather, for one announcement, its sources with their sentences, the reports that differ
(variants.csv) and the non-monetary commitments (commitments.csv).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from investments.schema import Col, CommitmentCol, VariantCol

KIND_WORDS = {
    "people_to_train": "people to train",
    "datacentre_sites": "data-centre sites",
    "cloud_regions": "cloud regions",
    "research_labs": "research labs",
    "other": "",
}


@dataclass(frozen=True)
class SourceReport:
    role: str  # "source", "second source", "differs"
    publisher: str
    url: str
    quote: str
    field: str = ""
    reported_value: str = ""
    recorded_value: str = ""
    reason: str = ""


def source_reports(row: pd.Series, variants: pd.DataFrame) -> list[SourceReport]:
    reports = [
        SourceReport(
            "source", str(row[Col.SOURCE_PUBLISHER]), str(row[Col.SOURCE_URL]), str(row[Col.QUOTE])
        )
    ]
    if pd.notna(row.get(Col.SECOND_SOURCE_URL)):
        reports.append(
            SourceReport(
                "second source",
                "",
                str(row[Col.SECOND_SOURCE_URL]),
                str(row[Col.SECOND_SOURCE_QUOTE]),
            )
        )
    mine = variants[variants[VariantCol.ANNOUNCEMENT_ID] == row[Col.ID]]
    for _, variant in mine.iterrows():
        reports.append(
            SourceReport(
                "differs",
                str(variant[VariantCol.SOURCE_PUBLISHER]),
                str(variant[VariantCol.SOURCE_URL]),
                str(variant[VariantCol.QUOTE]),
                str(variant[VariantCol.FIELD]),
                str(variant[VariantCol.REPORTED_VALUE]),
                str(variant[VariantCol.RECORDED_VALUE]),
                str(variant[VariantCol.REASON]),
            )
        )
    return reports


def _quantity_words(quantity: float) -> str:
    """3000000 -> "3 million", 20000 -> "20,000", 1.3 -> "1.3"."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if quantity >= size:
            return f"{quantity / size:g} {word}"
    return f"{quantity:,.0f}" if float(quantity).is_integer() else f"{quantity:g}"


def commitment_phrases(announcement_id: str, commitments: pd.DataFrame) -> list[str]:
    """ "3 million people to train", "1 research labs" → readable phrases for one pledge."""
    mine = commitments[commitments[CommitmentCol.ANNOUNCEMENT_ID] == announcement_id]
    phrases = []
    for _, c in mine.iterrows():
        what = KIND_WORDS.get(str(c[CommitmentCol.KIND]), "") or str(c[CommitmentCol.UNIT])
        phrases.append(f"{_quantity_words(float(c[CommitmentCol.QUANTITY]))} {what}".strip())
    return phrases
