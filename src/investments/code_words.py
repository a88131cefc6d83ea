"""The data's codes (purpose, status, scope) as a reader reads them, in any language.

The English words are what `formatting.code_label` has always shown ("Cloud datacentres",
"Under way"); marking them here puts them in the catalogue, so a table, filter or caption
in Japanese reads "クラウド・データセンター" for `cloud_datacentres`.
"""

from __future__ import annotations

from investments.formatting import code_label
from investments.i18n import N_
from investments.style import EN, Style

CODE_WORDS: dict[str, str] = {
    # purpose
    "cloud_datacentres": N_("Cloud datacentres"),
    "ai_infrastructure": N_("AI infrastructure"),
    "skilling": N_("Skilling"),
    "research": N_("Research"),
    "manufacturing": N_("Manufacturing"),
    "semiconductors": N_("Semiconductors"),
    "mixed": N_("Mixed"),
    "other": N_("Other"),
    # status
    "announced": N_("Announced"),
    "reported": N_("Reported"),
    "under_way": N_("Under way"),
    "completed": N_("Completed"),
    "paused": N_("Paused"),
    "cancelled": N_("Cancelled"),
    # scope
    "no": N_("No"),
    "yes": N_("Yes"),
    "unknown": N_("Unknown"),
    "company": N_("Company"),
    "with_partners": N_("With partners"),
    "with_public_funds": N_("With public funds"),
    "capex": N_("Capex"),
    "economy_wide": N_("Economy wide"),
}


def code_words(code: object, style: Style = EN) -> str:
    """ "Cloud datacentres" / "クラウド・データセンター"; a code not listed reads as
    `code_label` makes it, untranslated."""
    english = CODE_WORDS.get(str(code))
    return style._(english) if english else code_label(code)
