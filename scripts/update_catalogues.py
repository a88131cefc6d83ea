"""Extract every marked string (babel.cfg) and merge it into each language's catalogue.

    python scripts/update_catalogues.py

New strings arrive untranslated (and `tests/test_catalogues.py` fails until a translator
fills them in); strings no longer in the code are dropped.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract, extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from investments.i18n import DOMAIN, LANGUAGES, catalogue_path  # noqa: E402

TEMPLATE = ROOT / "src" / "investments" / "locales" / f"{DOMAIN}.pot"


KEYWORDS = {"_": None, "N_": None}


def extract_template() -> Catalog:
    """Babel's extraction over app.py, pages/ and src/ (as babel.cfg says), written as the
    template that translators start from."""
    template = Catalog(project="Big Tech Investment Tracker")
    with (ROOT / "app.py").open("rb") as handle:
        for _line, message, _comments, _context in extract_python_strings(handle):
            template.add(message)
    for folder in ("pages", "src"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / folder, keywords=KEYWORDS, method_map=[("**.py", "python")]
        ):
            template.add(message)
    with TEMPLATE.open("wb") as handle:
        write_po(handle, template, omit_header=True, no_location=True, sort_output=True)
    return template


def extract_python_strings(handle):
    return extract("python", handle, keywords=KEYWORDS)


def main() -> None:
    template = extract_template()
    for lang in LANGUAGES:
        path = catalogue_path(lang)
        if lang == "en":
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=lang, domain=DOMAIN)
        else:
            catalog = Catalog(locale=lang, domain=DOMAIN, project="Big Tech Investment Tracker")
        catalog.update(template, no_fuzzy_matching=True)
        with path.open("wb") as handle:
            write_po(
                handle,
                catalog,
                omit_header=False,
                no_location=True,
                sort_output=True,
                ignore_obsolete=True,
            )
        missing = [m.id for m in catalog if m.id and not m.string]
        print(f"{path.relative_to(ROOT)}: {len(missing)} untranslated")


if __name__ == "__main__":
    main()
