"""Japanese newsroom number style, names, and the Japan-versus-Australia sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from investments.comparison import resolve
from investments.comparison_ja import comparison_sentence_ja
from investments.ja_style import (
    company_name_ja,
    country_name_ja,
    currency_name_ja,
    format_date_ja,
    format_money_ja,
    format_number_ja,
    format_per_person_ja,
    format_share_of_gdp_ja,
    format_usd_ja,
)
from investments.load import load_dataset
from investments.normalize import normalize
from tests.golden_files import assert_matches_golden


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (1e9, None, "10億"),
        (2.9e9, None, "29億"),
        (1.2e12, None, "1兆2000億"),
        (2.26e12, None, "2兆2600億"),
        (5e7, None, "5000万"),
        (15_000, None, "1万5000"),
        (1_230_000_000, None, "12億3000万"),
        (0, None, "0"),
        (-1e9, None, "−10億"),
        (3_181_709_360.79, 3, "31億8000万"),  # converted: three significant figures first
        (999_700_000_000, 3, "1兆"),
        (0.5, None, "0.5"),
    ],
)
def test_numbers_in_man_oku_cho(value, digits, expected):
    assert format_number_ja(value, digits=digits) == expected


@pytest.mark.parametrize(
    ("amount", "currency", "qualifier", "expected"),
    [
        (2.9e9, "USD", "exact", "29億ドル"),
        (5e9, "AUD", "exact", "50億豪ドル"),
        (2.26e12, "JPY", "exact", "2兆2600億円"),
        (1.5e10, "EUR", "at_least", "150億ユーロ以上"),
        (4.6e9, "USD", "up_to", "最大46億ドル"),
        (1e9, "GBP", "about", "約10億ポンド"),
    ],
)
def test_money_as_announced(amount, currency, qualifier, expected):
    assert format_money_ja(amount, currency, qualifier) == expected


def test_converted_per_person_share_and_dates():
    assert format_usd_ja(3_181_709_360.79) == "31億8000万ドル"
    assert format_per_person_ja(305.62) == "1人当たり306ドル"
    assert format_per_person_ja(12.34) == "1人当たり12.3ドル"
    assert format_share_of_gdp_ja(0.4471) == "GDPの0.447%"
    assert format_date_ja(dt.date(2024, 4, 10)) == "2024年4月10日"


def test_names_as_japanese_newsrooms_write_them():
    assert [country_name_ja(c) for c in ("JPN", "AUS", "USA", "GBR", "KOR")] == [
        "日本",
        "オーストラリア",
        "米国",
        "英国",
        "韓国",
    ]
    assert currency_name_ja("USD") == "米ドル" and currency_name_ja("AUD") == "豪ドル"
    assert currency_name_ja("SAR")  # CLDR's name for a currency outside the table
    assert company_name_ja("microsoft") == "マイクロソフト"


def test_japan_versus_australia_in_japanese_matches_golden(valid_dir):
    normalized = normalize(load_dataset(valid_dir), base_year=2024)
    items = resolve(["microsoft-jpn-2024-04", "microsoft-aus-2023-10"], normalized, base_year=2024)
    sentence = comparison_sentence_ja(items)
    assert "50億豪ドル（2023年10月24日のレートで約" in sentence and "29億ドル" in sentence
    assert_matches_golden("compare_japan_australia_ja.txt", (sentence + "\n").encode("utf-8"))


def test_japanese_text_wraps_between_characters_but_not_inside_words_or_dates():
    from viz.text_width import wrap_px

    lines = wrap_px(
        "マイクロソフト · オーストラリア · 2023年10月", width_px=200, size_px=13, bold=True
    )
    assert lines == ["マイクロソフト ·", "オーストラリア · 2023年10月"]
    sentence = "日本への29億ドルの1.1倍。1人当たりでは5.1倍となる。"
    for line in wrap_px(sentence, width_px=120, size_px=14):
        assert not line.startswith(("。", "、", "）")), line  # kinsoku
    assert "".join(wrap_px(sentence, width_px=120, size_px=14)) == sentence
    # English still breaks at spaces only
    assert wrap_px("US$2.9 billion 2023–2024", width_px=80, size_px=14) == [
        "US$2.9",
        "billion",
        "2023–2024",
    ]
