"""Every string marked for translation is in each catalogue, translated, with the same
placeholders; the Japanese pages read in Japanese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract, extract_from_dir
from babel.messages.pofile import read_po

from investments.i18n import LANGUAGES, catalogue_path, pick_language, translator
from tests.apptests import run_page

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = {"_": None, "N_": None}


def _marked() -> set[str]:
    found = set()
    for folder in ("pages", "src"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / folder, keywords=KEYWORDS, method_map=[("**.py", "python")]
        ):
            found.add(message)
    with (ROOT / "app.py").open("rb") as handle:
        for _line, message, _comments, _context in extract("python", handle, keywords=KEYWORDS):
            found.add(message)
    return found


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_marked_string_is_translated(lang):
    with catalogue_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    marked = _marked()
    assert len(marked) > 30
    missing = sorted(m for m in marked if not (catalog.get(m) and catalog.get(m).string))
    assert missing == [], f"untranslated in {lang}: run scripts/update_catalogues.py"
    fuzzy = sorted(m.id for m in catalog if m.id and m.fuzzy)
    assert fuzzy == []
    for message in catalog:
        if message.id:
            wanted = set(re.findall(r"\{\w+\}", message.id))
            assert set(re.findall(r"\{\w+\}", message.string)) == wanted, message.id


def test_catalogue_compiles_and_translates():
    assert translator("ja").gettext("Overview") == "概要"
    assert translator("en").gettext("Overview") == "Overview"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("ja,en-US;q=0.9", "ja"),
        ("ja-JP", "ja"),
        ("en-GB,en;q=0.9", "en"),
        ("fr,ja;q=0.5", "ja"),
        ("", "en"),
    ],
)
def test_accept_language_picks_the_default(header, expected):
    assert pick_language(header) == expected


def test_overview_in_japanese_from_the_link():
    at = run_page("pages/overview.py", {"lang": "ja"})
    assert not at.exception
    assert at.title[0].value == "ビッグテック投資トラッカー"
    labels = [m.label for m in at.metric]
    assert labels[0] == "2019年以降の表明額" and "ドル" in at.metric[0].value
    assert at.query_params["lang"] in ("ja", ["ja"])
    assert any("データ版" in c.value for c in at.caption)


def test_unknown_language_gets_a_notice_and_english():
    at = run_page("pages/overview.py", {"lang": "xx"})
    assert at.title[0].value == "Big Tech Investment Tracker"
    assert any("not a language of this site" in i.value for i in at.info)


def test_compare_says_japan_versus_australia_in_japanese():
    at = run_page(
        "pages/compare.py",
        {"items": "microsoft-jpn-2024-04,microsoft-aus-2023-10", "lang": "ja"},
    )
    assert not at.exception
    assert at.title[0].value == "投資表明の比較"
    text = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "マイクロソフトのオーストラリアへの50億豪ドル（2023年10月24日のレートで約" in text
    assert "日本への29億ドルの" in text


def test_a_third_language_is_a_catalogue_with_no_code(tmp_path):
    """A new locales/<lang>/LC_MESSAGES/tracker.po is a new language, named in itself, and
    its numbers, dates and names follow CLDR (Babel) until a reviewed style is added."""
    import datetime as dt
    import shutil

    from investments.i18n import LOCALES_DIR, discover_languages
    from investments.style import Style

    for lang in ("ja", "de"):
        target = tmp_path / lang / "LC_MESSAGES"
        target.mkdir(parents=True)
        shutil.copy(LOCALES_DIR / "ja" / "LC_MESSAGES" / "tracker.po", target / "tracker.po")
    assert discover_languages(tmp_path) == {"en": "English", "ja": "日本語", "de": "Deutsch"}
    german = Style("de")
    assert german.usd(2.9e9) == "2,9\xa0Mrd.\xa0$"
    assert german.date(dt.date(2024, 4, 10)) == "10. April 2024"
    assert german.country("JPN", "Japan") == "Japan"
    assert german.country("DEU", "Germany") == "Deutschland"
