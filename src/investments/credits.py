"""The source line every chart, table, download and embed carries, written in one place."""

from __future__ import annotations

PROJECT_NAME = "Big Tech Investment Tracker"
DATA_LICENCE = "CC BY 4.0"
FX_CREDIT = "FX: ECB"
WORLD_BANK_CREDIT = "population and GDP: World Bank"


def source_credit(*, fx: bool = True, world_bank: bool = False, figures: str = "") -> str:
    """ "Source: company announcements compiled by … (comparable figures); FX: ECB; ….
    CC BY 4.0."; `figures` names the basis (investments.scope.FIGURES) where totals show."""
    basis = f" ({figures} figures)" if figures else ""
    parts = [f"Source: company announcements compiled by {PROJECT_NAME}{basis}"]
    if fx:
        parts.append(FX_CREDIT)
    if world_bank:
        parts.append(WORLD_BANK_CREDIT)
    return "; ".join(parts) + f". {DATA_LICENCE}."


def source_line(
    *, release: str, fx: bool = False, world_bank: bool = False, figures: str = ""
) -> str:
    """The credit under charts and tables in the app: the same words, plus the data release
    ("release 2.0.0 of 26 November 2026"; the files' hash stays in metadata and exports)."""
    credit = source_credit(fx=fx, world_bank=world_bank, figures=figures)
    return f"{credit} Data {release}." if release else credit
