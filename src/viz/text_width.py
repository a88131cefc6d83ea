"""How wide a label will be, before a browser draws it, and where to break it.

A layout fixed on the server (Streamlit lays a figure out once, for every screen) or in
an image has to know whether a label fits. The widths here are DejaVu Sans's, the
default sans-serif on Linux and the widest of the common fonts: Roboto, San Francisco,
Segoe UI, Arial and Liberation Sans all set the same text narrower, so a label that fits
by this estimate fits on a reader's phone. Browser tests measure the drawn result.
"""

from __future__ import annotations

import re

# Advance widths in em (DejaVu Sans Book, 2048 units per em).
_EM = {
    **dict.fromkeys("0123456789", 0.636),
    **dict.fromkeys("abdeghnopqu", 0.634),
    **dict.fromkeys("cksvxyz", 0.59),
    **dict.fromkeys("fijlrt", 0.37),
    "m": 0.974,
    "w": 0.818,
    **dict.fromkeys("ABCDEGHKNOQRUVXY", 0.76),
    **dict.fromkeys("FLPSTZ", 0.65),
    **dict.fromkeys("IJ", 0.30),
    "M": 0.863,
    "W": 0.989,
    " ": 0.318,
    **dict.fromkeys(".,:;'·!|", 0.34),
    **dict.fromkeys("-()[]/", 0.39),
    **dict.fromkeys("$€£¥₹#", 0.636),
    "%": 0.95,
    "&": 0.78,
    "–": 0.5,
    "—": 1.0,
    "×": 0.84,
    "∝": 0.84,
}
_DEFAULT_EM = 0.7
_WIDE_EM = 1.0  # CJK and other full-width characters
_BOLD = 1.1  # DejaVu Sans Bold sets Latin text about a tenth wider
_TAG = re.compile(r"<[^>]+>")


def _char_em(char: str) -> float:
    if char in _EM:
        return _EM[char]
    return _WIDE_EM if ord(char) >= 0x2E80 else _DEFAULT_EM


def text_width_px(text: str, *, size_px: float, bold: bool = False) -> float:
    """Estimated width of one line of plain text (tags such as <b> are not counted)."""
    plain = _TAG.sub("", text).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return sum(_char_em(c) for c in plain) * size_px * (_BOLD if bold else 1.0)


def wrap_px(text: str, *, width_px: float, size_px: float, bold: bool = False) -> list[str]:
    """Break `text` into lines no wider than `width_px`: at spaces, and between Chinese or
    Japanese characters (which have no spaces), never before a closing mark such as "。"
    or "）" nor after an opening one such as "（". A longer word keeps its own line: it is
    never cut."""
    lines: list[str] = []
    for glue, piece in _pieces(text):
        if (
            lines
            and text_width_px(lines[-1] + glue + piece, size_px=size_px, bold=bold) <= width_px
        ):
            lines[-1] += glue + piece
        else:
            lines.append(piece)
    return lines or [""]


_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
# A break opportunity: a number with its Japanese unit or date ("2023年10月", "29億8000万"),
# a katakana word ("オーストラリア"), one other Chinese or Japanese character, or a run of
# other text (an English word, "US$2.9").
_WIDE = re.compile(
    r"\d[\d,.]*[年月日億万兆](?:\d[\d,.]*[年月日億万兆])*"
    r"|[\u30a0-\u30ff]+"
    rf"|[{_CJK}]|[^{_CJK}]+"
)
# Japanese line-breaking rules (kinsoku): marks that may not start or end a line.
_NO_LINE_START = set("。、，．・：；？！）」』】〕〉》ー〜ゃゅょっぁぃぅぇぉァィゥェォャュョッ％%")
_NO_LINE_END = set("（「『【〔〈《")


def _pieces(text: str) -> list[tuple[str, str]]:
    """(glue, piece) pairs a line may break between: glue is " " where the text had a
    space, "" between two characters of a script written without spaces."""
    pieces: list[tuple[str, str]] = []
    for word in text.split():
        units = _WIDE.findall(word)
        merged: list[str] = []
        for unit in units:
            if merged and (unit[0] in _NO_LINE_START or merged[-1][-1] in _NO_LINE_END):
                merged[-1] += unit
            else:
                merged.append(unit)
        pieces.extend((" " if i == 0 else "", unit) for i, unit in enumerate(merged))
    return pieces
