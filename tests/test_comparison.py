"""The comparison sentence and footnotes, from the fixture's Japan and Australia pledges."""

from __future__ import annotations

import pytest

from investments.comparison import comparison_sentence, fx_footnote, parse_item, resolve
from investments.load import load_dataset
from investments.normalize import normalize


@pytest.fixture
def normalized(valid_dir):
    return normalize(load_dataset(valid_dir), base_year=2024)


def test_sentence_for_japan_and_australia(normalized):
    items = resolve(["microsoft-jpn-2024-04", "microsoft-aus-2023-10"], normalized, base_year=2024)
    # Fixture populations (2023): Japan 124,516,650, Australia 26,652,777.
    assert comparison_sentence(items) == (
        "Microsoft's A$5 billion for Australia (about US$3.18 billion at the 24 October 2023 rate) "
        "is 1.1 times its US$2.9 billion for Japan; per person it is 5.1 times larger."
    )


def test_footnote_states_rate_date_and_source(normalized):
    items = resolve(["microsoft-aus-2023-10", "microsoft-jpn-2024-04"], normalized, base_year=2024)
    assert fx_footnote(items.iloc[0]) == (
        "Microsoft · Australia · Oct 2023: A$5 billion × 0.636342 US$ per AUD "
        "(ECB euro foreign exchange reference rates, 24 October 2023) = US$3.18 billion; "
        "World Bank population 2023, GDP 2023."
    )
    assert "no conversion" in fx_footnote(items.iloc[1])


def test_country_totals_follow_lineage(normalized):
    items = resolve(["country:USA", "country:JPN"], normalized, base_year=2024)
    assert items.loc[0, "nominal"] == 12e9  # the raised total, not 10 + 12
    assert comparison_sentence(items).startswith(
        "All recorded pledges to the United States (US$12 billion) are "
    )


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("microsoft-jpn-2024-04", True),
        ("country:JPN", True),
        ("country:USA:amazon", True),
        ("country:USA:microsoft", False),
        ("country:XXX", False),
        ("<script>", False),
        ("microsoft-jpn", False),
    ],
)
def test_parse_item_whitelist(normalized, text, valid):
    assert (parse_item(text, normalized) is not None) is valid
