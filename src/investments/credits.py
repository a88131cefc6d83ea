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


def source_line(
    *,
    version: str,
    current_to=None,
    fx: bool = False,
    world_bank: bool = False,
    figures: str = "",
    style: Style = EN,
) -> str:
    """The credit under charts and tables in the app: the same words, plus the data release
    ("Data release 3.0.0, current to 6 December 2026." / "データ版3.0.0（2026年12月6日現在）。";
    the files' hash stays in metadata and exports)."""
    credit = source_credit(fx=fx, world_bank=world_bank, figures=figures, style=style)
    if not version:
        return credit
    if current_to:
        release = style._("Data release {version}, current to {day}.").format(
            version=version, day=style.date(current_to)
        )
    else:
        release = style._("Data release {version}.").format(version=version)
    return style.sentences(credit, release)
