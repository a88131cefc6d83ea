"""Languages: gettext catalogues compiled with Babel, and the reader's language choice.

Every string a reader sees is written in English in the code, marked `_("…")`, and found
by Babel's extraction (`pybabel extract -F babel.cfg`); `locales/<lang>/LC_MESSAGES/
tracker.po` holds its translation. The .po files are the only source: they are compiled
in memory when first used, so no binary .mo file can drift from them. A third language
joins by adding its catalogue and its name to LANGUAGES.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError, negotiate_locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DEFAULT_LANGUAGE = "en"
DOMAIN = "tracker"
LOCALES_DIR = Path(__file__).resolve().parent / "locales"


def discover_languages(locales_dir: Path = LOCALES_DIR) -> dict[str, str]:
    """English and every language with a catalogue, each named in itself (CLDR: "日本語"):
    a new catalogue is a new language, with no code to change."""
    found = {DEFAULT_LANGUAGE: "English"}
    for path in sorted(locales_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        lang = path.parent.parent.name
        try:
            found[lang] = Locale.parse(lang).get_display_name(lang) or lang
        except (UnknownLocaleError, ValueError):
            continue
    return found


LANGUAGES: dict[str, str] = discover_languages()


def N_(message: str) -> str:  # noqa: N802 (gettext's name for "mark, translate later")
    """Marks a module-level string for extraction; it is translated where it is shown."""
    return message


def catalogue_path(lang: str) -> Path:
    return LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translator(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue for `lang` (English, the source language, needs none)."""
    path = catalogue_path(lang)
    if lang == DEFAULT_LANGUAGE or not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def pick_language(accept_language: str | None) -> str:
    """The supported language a browser's Accept-Language prefers most, else English."""
    preferred = []
    for part in (accept_language or "").split(","):
        tag, _, quality = part.strip().partition(";q=")
        if not tag:
            continue
        try:
            weight = float(quality) if quality else 1.0
        except ValueError:
            continue
        preferred.append((weight, tag.replace("-", "_")))
    ranked = [tag for _, tag in sorted(preferred, key=lambda p: -p[0])]
    chosen = negotiate_locale(ranked, list(LANGUAGES), sep="_")
    if chosen:
        return chosen
    for tag in ranked:  # "ja_JP" -> "ja"
        try:
            language = Locale.parse(tag).language
        except (UnknownLocaleError, ValueError):
            continue
        if language in LANGUAGES:
            return language
    return DEFAULT_LANGUAGE
