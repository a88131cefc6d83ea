"""Sort keys for names a reader scans in a list, in the reader's language.

Python orders strings by code point. In English that puts "Côte d'Ivoire" after "Cuba".
In Japanese it puts オーストラリア after オマーン, because the long-vowel mark ー
(U+30FC) comes after every katakana letter. A Japanese index reads ー as the vowel it
lengthens (オー as オオ), files ガ with カ and a small ッ with ツ, and ignores the middle
dot of a foreign name. The katakana block itself is in the index's (gojūon) order, so
once those are folded code points do the rest. Kanji have no order without a reading
dictionary: they keep code-point order, after the kana.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

_HIRAGANA_TO_KATAKANA = 0x60
_LONG_VOWEL = "ー"


@lru_cache(maxsize=4096)  # the same few hundred names, sorted on every page run
def sort_key(text: str, lang: str) -> str:
    """A key that orders `text` as an index in `lang` would.

    Letters are compared first without case, accents, voicing marks, small kana or
    punctuation; the text itself then breaks ties, so the order is total."""
    letters = _kana_letters(text) if lang == "ja" else _base_letters(text)
    return letters + "\x00" + text


def _base_letters(text: str) -> str:
    """Lower case, without accents, punctuation or spaces."""
    return "".join(
        c
        for c in unicodedata.normalize("NFKD", text).casefold()
        if not unicodedata.category(c).startswith(("M", "P", "Z"))
    )


def _kana_letters(text: str) -> str:
    out: list[str] = []
    for c in _base_letters(text):
        if "\u3041" <= c <= "\u3096":
            c = chr(ord(c) + _HIRAGANA_TO_KATAKANA)
        if c == _LONG_VOWEL and out:
            c = _vowel_of(out[-1]) or c
        out.append(_full_size(c))
    return "".join(out)


@cache
def _full_size(kana: str) -> str:
    """ッ → ツ, ャ → ヤ: a small kana is filed with its full-size letter."""
    name = unicodedata.name(kana, "")
    if name.startswith("KATAKANA LETTER SMALL "):
        try:
            return unicodedata.lookup(name.replace("SMALL ", "", 1))
        except KeyError:
            return kana
    return kana


@cache
def _vowel_of(kana: str) -> str | None:
    """The vowel a katakana syllable ends in (カ → ア), or None (ン, not a kana)."""
    name = unicodedata.name(kana, "")
    if not name.startswith("KATAKANA LETTER "):
        return None
    syllable = name.removeprefix("KATAKANA LETTER ").removeprefix("SMALL ")
    if syllable[-1] not in "AIUEO":
        return None
    return unicodedata.lookup(f"KATAKANA LETTER {syllable[-1]}")
