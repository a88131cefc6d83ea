"""The source line every chart, table, download and embed carries, written in one place."""

from __future__ import annotations

from investments.i18n import N_
from investments.scope import FIGURES
from investments.style import EN, Style

PROJECT_NAME = "Big Tech Investment Tracker"
DATA_LICENCE = "CC BY 4.0"
FX_CREDIT = N_("FX: ECB")
WORLD_BANK_CREDIT = N_("population and GDP: World Bank")


def source_credit(
    *, fx: bool = True, world_bank: bool = False, figures: str = "", style: Style = EN
) -> str:
    """ "Source: company announcements compiled by … (comparable figures); FX: ECB; ….
    CC BY 4.0."; `figures` names the basis (investments.scope.FIGURES) where totals show.
    In Japanese: "出典：企業発表（Big Tech Investment Tracker集計、比較可能な数字）。為替：…"."""
    _ = style._
    if figures:
        first = _("Source: company announcements compiled by {project} ({figures})").format(
            project=PROJECT_NAME, figures=_(FIGURES[figures])
        )
    else:
        first = _("Source: company announcements compiled by {project}").format(
            project=PROJECT_NAME
        )
    parts = [first]
    if fx:
        parts.append(_(FX_CREDIT))
    if world_bank:
        parts.append(_(WORLD_BANK_CREDIT))
    return _("{credits}. {licence}.").format(credits=_("; ").join(parts), licence=DATA_LICENCE)


FIGURES_JA = {"comparable": "比較可能な数字", "headline": "発表どおりの数字"}


def source_line_ja(
    *,
    version: str,
    current_to,
    fx: bool = False,
    world_bank: bool = False,
    figures: str = "",
) -> str:
    """The same credit in Japanese: "出典：企業発表（Big Tech Investment Tracker集計、
    比較可能な数字）。為替：欧州中央銀行。CC BY 4.0。データ版3.0.0（2026年12月6日現在）。"""
    basis = f"、{FIGURES_JA[figures]}" if figures in FIGURES_JA else ""
    parts = [f"出典：企業発表（{PROJECT_NAME}集計{basis}）。"]
    if fx:
        parts.append("為替：欧州中央銀行。")
    if world_bank:
        parts.append("人口・GDP：世界銀行。")
    parts.append(f"{DATA_LICENCE}。")
    if version:
        day = (
            f"（{current_to.year}年{current_to.month}月{current_to.day}日現在）"
            if current_to
            else ""
        )
        parts.append(f"データ版{version}{day}。")
    return "".join(parts)


def source_line(
    *, release: str, fx: bool = False, world_bank: bool = False, figures: str = ""
) -> str:
    """The credit under charts and tables in the app: the same words, plus the data release
    ("release 2.0.0 of 26 November 2026"; the files' hash stays in metadata and exports)."""
    credit = source_credit(fx=fx, world_bank=world_bank, figures=figures)
    return f"{credit} Data {release}." if release else credit
