"""No words a reader sees bypass the catalogue.

Two nets: a scan of the page code for text handed to Streamlit without `_()`, and the
Japanese chart views (titles, units, credit lines, alt text, axis and legend words) read
for English left over. Babel's extraction (tests/test_catalogues.py) then checks that
every marked string is translated.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Streamlit calls whose first argument or these keywords are read by a person.
SHOWN = {
    "title",
    "header",
    "subheader",
    "caption",
    "markdown",
    "info",
    "warning",
    "error",
    "success",
    "toast",
    "button",
    "download_button",
    "link_button",
    "toggle",
    "checkbox",
    "radio",
    "selectbox",
    "multiselect",
    "select_slider",
    "slider",
    "text_input",
    "number_input",
    "date_input",
    "expander",
    "popover",
    "page_link",
    "metric",
    "segmented_control",
    "pills",
    "spinner",
    "tabs",
    "Page",
    # st.column_config: a table's header and help
    "Column",
    "TextColumn",
    "LinkColumn",
    "NumberColumn",
    "DateColumn",
    "DatetimeColumn",
    "ListColumn",
    "CheckboxColumn",
    "SelectboxColumn",
    "ProgressColumn",
}
SHOWN_KEYWORDS = {"label", "help", "placeholder", "title", "display_text", "why"}
# Our own helpers whose keywords (not first argument) reach the reader: url_state's
# notices say `why` a link value was ignored.
KEYWORDS_ONLY = {"choice", "items", "notice"}
# Text that is the same in every language, with the reason.
SAME_IN_EVERY_LANGUAGE = {
    "English": "a language's own name",
    "日本語": "a language's own name",
    "CSV": "a file format",
    "PNG": "a file format",
    "SVG": "a file format",
}
WORD = re.compile(r"[A-Za-z]{2,}")


def _literal_words(node: ast.AST) -> str:
    """The literal text of a str or f-string argument ("" for anything computed)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
    if isinstance(node, ast.BinOp):  # "a" + "b"
        return _literal_words(node.left) + _literal_words(node.right)
    return ""


def _untranslated(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        if name not in SHOWN | KEYWORDS_ONLY:
            continue
        first = node.args[:1] if name in SHOWN else []
        shown = first + [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
        for argument in shown:
            words = _literal_words(argument)
            if words in SAME_IN_EVERY_LANGUAGE:
                continue
            # markdown colours and icons, and page files (st.page_link's target), are not words
            prose = re.sub(r":[a-z]+\[|:material/\w+:|^[\w/]+\.py$", "", words)
            if WORD.search(prose):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {words[:60]!r}")
    return found


PAGE_CODE = sorted(
    [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "src" / "dashboard").glob("*.py")]
)


@pytest.mark.parametrize("path", PAGE_CODE, ids=lambda p: p.name)
def test_no_reader_text_bypasses_the_catalogue(path):
    """A literal handed to st.title, st.caption, a widget's label or help … must be
    wrapped in _() (or name a reason in SAME_IN_EVERY_LANGUAGE)."""
    assert _untranslated(path) == []


# English a Japanese chart may keep: names, codes and the licence.
KEPT_IN_ENGLISH = re.compile(
    r"Big Tech Investment Tracker|CC BY 4\.0|CPI-U|ECB|GDP|AWS|US\$|"
    r"SK|IBM|TSMC|Meta|Apple|Intel|Oracle|Nvidia|NVIDIA|Micron|Samsung|G42|TikTok|"
    r"euro foreign exchange reference rates|BLS|CUUR\w+|[A-Z]{3}"
)


def _english_left(text: str) -> list[str]:
    """Runs of two or more English words, markup and plotly's %{placeholders} aside."""
    text = re.sub(r"<[^>]+>|%\{[^}]*\}", " ", text)
    return re.findall(r"[A-Za-z]{3,}(?:\s+[A-Za-z]{2,})+", KEPT_IN_ENGLISH.sub("", text))


def test_japanese_charts_have_no_english_words(ja_views):
    for view in ja_views:
        words = [
            view.text.title,
            view.text.subtitle,
            view.text.units,
            view.text.credit_line(as_of=__import__("datetime").date(2026, 12, 6)),
            view.text.alt,
            view.text.sentence,
            view.text.caveats,
        ]
        layout = view.figure.layout
        words += [a.text or "" for a in layout.annotations]
        words += [t.name or "" for t in view.figure.data]
        words += [t.hovertemplate or "" for t in view.figure.data]
        for trace in view.figure.data:
            colorbar = getattr(trace, "colorbar", None)
            if colorbar is not None and colorbar.title is not None:
                words.append(colorbar.title.text or "")
        left = [(view.kind, w) for text in words for w in _english_left(str(text))]
        assert left == [], left


@pytest.fixture(scope="module")
def ja_views():
    """Every kind of chart view in Japanese (the published set, with 3 of its 60 countries)."""
    from charts.views import compare_view, country_view, map_view, timeline_view
    from investments.comparison import DEFAULT_ITEMS, bases
    from investments.filters import Filter
    from investments.load import load_dataset
    from investments.normalize import normalize
    from investments.prices import latest_complete_year
    from investments.style import style_for
    from viz.theme import company_colours

    dataset = load_dataset()
    year = latest_complete_year()
    normalized = normalize(dataset, base_year=year)
    colours = company_colours(dataset.companies)
    ja = style_for("ja")
    views = [
        map_view(normalized, Filter(basis=b), base_year=year, style=ja)
        for b in ("nominal", "constant", "per_capita", "share_of_gdp")
    ]
    views.append(timeline_view(normalized, Filter(), base_year=year, colours=colours, style=ja))
    views.append(
        compare_view(
            normalized,
            list(DEFAULT_ITEMS),
            base_year=year,
            bases=bases(year, ja),
            company_colours=colours,
            style=ja,
        )
    )
    views += [
        country_view(normalized, iso3, base_year=year, colours=colours, style=ja)
        for iso3 in ("JPN", "AUS", "USA")
    ]
    return views
