"""Names sorted as a reader's index sorts them (investments.collation)."""

from investments.collation import sort_key
from investments.style import style_for


def _sorted(names, lang):
    return sorted(names, key=lambda name: sort_key(name, lang))


def test_japanese_reads_the_long_vowel_mark_as_its_vowel():
    # Code points put every ー after every letter: オマーン first, グローバル… first.
    assert _sorted(["オマーン", "オーストラリア"], "ja") == ["オーストラリア", "オマーン"]
    assert _sorted(["オラクル", "オープンAI"], "ja") == ["オープンAI", "オラクル"]
    assert _sorted(["グローバルファウンドリーズ", "グーグル（アルファベット）"], "ja") == [
        "グーグル（アルファベット）",
        "グローバルファウンドリーズ",
    ]


def test_japanese_files_voiced_and_small_kana_with_their_letter():
    # ガ with カ (between カナダ and キプロス), ッ with ツ, the middle dot ignored.
    assert _sorted(["キプロス", "ガーナ", "カナダ"], "ja") == ["ガーナ", "カナダ", "キプロス"]
    assert _sorted(["マレーシア", "マッキンゼー"], "ja") == ["マッキンゼー", "マレーシア"]
    assert _sorted(["テキサス・インスツルメンツ", "テキサスA"], "ja") == [
        "テキサスA",
        "テキサス・インスツルメンツ",
    ]


def test_japanese_puts_latin_names_first_and_keeps_the_order_total():
    names = ["アップル", "IBM", "SKハイニックス", "TSMC", "アマゾン（AWSを含む）"]
    assert _sorted(names, "ja") == [
        "IBM",
        "SKハイニックス",
        "TSMC",
        "アップル",
        "アマゾン（AWSを含む）",
    ]
    assert sort_key("ガ", "ja") != sort_key("カ", "ja")  # equal letters, different names


def test_english_ignores_case_and_accents():
    assert _sorted(["Cuba", "Côte d'Ivoire", "chile"], "en") == ["chile", "Côte d'Ivoire", "Cuba"]
    assert _sorted(["Türkiye", "Tunisia", "Uganda"], "en") == ["Tunisia", "Türkiye", "Uganda"]


def test_a_style_sorts_in_its_own_language():
    assert style_for("ja").sort_key("オーストラリア") < style_for("ja").sort_key("オマーン")
    assert style_for("en").sort_key("Côte d'Ivoire") < style_for("en").sort_key("Cuba")


def test_the_japanese_timeline_lists_companies_in_index_order():
    import re

    from charts.views import timeline_view
    from investments.filters import Filter
    from investments.load import load_dataset
    from investments.normalize import normalize
    from viz.theme import company_colours

    dataset = load_dataset()
    view = timeline_view(
        normalize(dataset, base_year=2024),
        Filter(),
        base_year=2024,
        colours=company_colours(dataset.companies),
        style=style_for("ja"),
    )
    rows = [re.sub(r"<[^>]+>", "", t).removeprefix("● ") for t in view.figure.layout.yaxis.ticktext]
    assert rows == _sorted(rows, "ja")
    assert rows.index("グーグル") < rows.index("グローバルファウンドリーズ")
