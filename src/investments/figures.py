"""Reading money figures out of prose, to check a quote really states its row's amount.

Sources write the same sum many ways, in several languages: "$2.9 billion", "US$2.9bn",
"2.26 trillion yen", "Rs 33,000 crore", "7,8 Milliarden Euro", "1.000 millones de euros",
"7조8500억원". A quote passes when any reading of any figure in it, with its scale word,
equals the recorded amount. A number like "1,200" is ambiguous (English 1200, or European
1.2), so every plausible reading is tried: the check asks "does the sentence state this
amount?", not "what is the one amount in this sentence?". Currency is not checked:
symbols are too ambiguous ("$" is US, Australian or Singapore dollars depending on the page).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

# Scale words as they appear in sources, matched case-insensitively, longest first so
# that "lakh crore" wins over "lakh" and "mil millones" over "millones".
SCALE_BY_WORD: dict[str, float] = {
    # English and Indian English
    "lakh crore": 1e12,
    "trillion": 1e12,
    "tn": 1e12,
    "tr": 1e12,
    "billion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "crores": 1e7,
    "crore": 1e7,
    "cr": 1e7,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "lakhs": 1e5,
    "lakh": 1e5,
    "thousand": 1e3,
    "k": 1e3,
    # French, German, Italian, Spanish, Portuguese, Nordic, Polish, Dutch
    "mil millones": 1e9,
    "milliards": 1e9,
    "milliard": 1e9,
    "milliarden": 1e9,
    "milliarder": 1e9,
    "miljarder": 1e9,
    "miljard": 1e9,
    "miljardia": 1e9,
    "mld": 1e9,
    "miliardi": 1e9,
    "miliardo": 1e9,
    "miliardów": 1e9,
    "miliardy": 1e9,
    "mrd": 1e9,
    "bilhões": 1e9,
    "bilhão": 1e9,
    "billones": 1e12,
    "billions": 1e9,
    "millions": 1e6,
    "millionen": 1e6,
    "millones": 1e6,
    "millón": 1e6,
    "milioni": 1e6,
    "milione": 1e6,
    "milhões": 1e6,
    "milhão": 1e6,
    "millioner": 1e6,
    "miljoner": 1e6,
    "miljoen": 1e6,
    "miljoonaa": 1e6,
    "mio": 1e6,
    "mln.": 1e6,
    # Central European, Turkish, Indonesian and Malay, Arabic
    "milliárd": 1e9,
    "millió": 1e6,
    "miliardů": 1e9,
    "miliardu": 1e9,
    "miliard": 1e9,
    "milionů": 1e6,
    "miliárd": 1e9,  # Slovak
    "miliónov": 1e6,
    "milióny": 1e6,
    "milión": 1e6,
    "milionu": 1e6,
    "milionów": 1e6,
    "miliony": 1e6,
    "milion": 1e6,
    "milyar": 1e9,
    "milyon": 1e6,
    "triliun": 1e12,
    "miliar": 1e9,
    "juta": 1e6,
    "مليار": 1e9,
    "مليون": 1e6,
    # East Asian myriad units (Japanese, Chinese, Korean)
    "兆": 1e12,
    "조": 1e12,
    "億": 1e8,
    "亿": 1e8,
    "억": 1e8,
    "万": 1e4,
    "萬": 1e4,
    "만": 1e4,
}

_SCALE_ALTERNATION = "|".join(re.escape(w) for w in sorted(SCALE_BY_WORD, key=len, reverse=True))
_CJK_UNITS = ("兆", "조", "億", "亿", "억", "万", "萬", "만")

# A number token: digits with "," or "." or thin/normal spaces as separators. Its meaning
# is settled in _readings. The token's first digit comes first in the pattern, and the
# look-behind (no digit, "." or "," before it) only after it: a pattern that starts with a
# digit lets the regex engine skip to digits, and reads quotes four times faster than
# `(?<![\d.,])(\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)`, which
# matches the same tokens.
_NUMBER = re.compile(
    r"(\d(?<![\d.,]\d)(?:\d{0,2}(?:[,.\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d*(?:[.,]\d+)?))"
)
# The scale word right after a number (tried only there, which keeps long texts fast).
_SCALE_AFTER = re.compile(
    r"[\s\u00a0-]?(" + _SCALE_ALTERNATION + r")(?![A-Za-z\u00c0-\u024f])", flags=re.IGNORECASE
)

# East Asian compounds such as 7조8500억 (7 trillion 850 billion) or 2兆2600億.
_CJK_COMPOUND = re.compile(
    r"(?P<big>\d+(?:[.,]\d+)?)\s?(?P<big_unit>[兆조億亿억])\s?(?P<small>\d+(?:[.,]\d+)?)\s?(?P<small_unit>[億亿억万萬만])"
)


_ENGLISH = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")  # 1,234.5
_EUROPEAN = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")  # 1.234,5


_GROUPING_SPACE = re.compile(r"(?<=\d)[\u202f\u00a0 ](?=\d{3})")
_CJK_UNIT_CHARS = re.compile("[" + "".join(_CJK_UNITS) + "]")


@lru_cache(maxsize=4096)
def _readings(token: str) -> frozenset[float]:
    """Every plausible value of a number token, under English and European separators.
    Kept per token: sources repeat their figures ("2.9", "1,000"), and validation reads
    every quote of the dataset on every load."""
    if token.isdigit():
        return frozenset((float(token),))
    plain = _GROUPING_SPACE.sub("", token)  # 60 000 -> 60000
    readings = set()
    if _ENGLISH.fullmatch(plain):
        readings.add(float(plain.replace(",", "")))
    if _EUROPEAN.fullmatch(plain):
        readings.add(float(plain.replace(".", "").replace(",", ".")))
    return frozenset(readings)


def figures_in(text: str) -> set[float]:
    """Every reading of every money-like figure in `text`, scaled to full units."""
    found: set[float] = set()
    for match in _NUMBER.finditer(text):
        after = _SCALE_AFTER.match(text, match.end())
        scale = SCALE_BY_WORD[after.group(1).lower()] if after else 1.0
        found |= {value * scale for value in _readings(match.group(1))}
    if _CJK_UNIT_CHARS.search(text) is None:
        return found
    for match in _CJK_COMPOUND.finditer(text):
        for big in _readings(match.group("big")):
            for small in _readings(match.group("small")):
                found.add(
                    big * SCALE_BY_WORD[match.group("big_unit")]
                    + small * SCALE_BY_WORD[match.group("small_unit")]
                )
    return found


def states_amount(text: str, amount: float) -> bool:
    """True if `text` contains a figure equal to `amount` (to a part in a billion)."""
    tolerance = abs(amount) * 1e-9
    for match in _NUMBER.finditer(text):
        after = _SCALE_AFTER.match(text, match.end())
        scale = SCALE_BY_WORD[after.group(1).lower()] if after else 1.0
        for value in _readings(match.group(1)):
            if abs(value * scale - amount) <= tolerance:
                return True
    if _CJK_UNIT_CHARS.search(text) is None:
        return False
    return any(math.isclose(f, amount, rel_tol=1e-9) for f in figures_in(text))


_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}
_WORD_FIGURE = re.compile(
    r"\b(" + "|".join(_NUMBER_WORDS) + r")(?:[\s-]+(hundred|thousand|million|billion))?\b",
    flags=re.IGNORECASE,
)
_WORD_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}


def states_quantity(text: str, quantity: float) -> bool:
    """Like states_amount, but also reads small number words ("three million people")."""
    if states_amount(text, quantity):
        return True
    for match in _WORD_FIGURE.finditer(text):
        value = _NUMBER_WORDS[match.group(1).lower()] * _WORD_SCALE.get(
            (match.group(2) or "").lower(), 1.0
        )
        if math.isclose(value, quantity, rel_tol=1e-9):
            return True
    return False
