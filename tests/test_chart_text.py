"""Golden files for the words every chart carries: titles, units, credit lines, alt text."""

from __future__ import annotations

import datetime as dt
import json

from charts.views import compare_view, country_view, map_view, timeline_view
from investments.comparison import bases
from investments.filters import Filter
from investments.load import load_dataset
from investments.normalize import normalize
from tests.golden_files import assert_matches_golden
from viz.theme import company_colours

AS_OF = dt.date(2026, 11, 25)


def test_chart_words_match_golden_file(valid_dir):
    dataset = load_dataset(valid_dir)
    normalized = normalize(dataset, base_year=2024)
    colours = company_colours(dataset.companies)
    views = [
        map_view(normalized, Filter(), base_year=2024),
        map_view(normalized, Filter(basis="per_capita", companies=("microsoft",)), base_year=2024),
        timeline_view(normalized, Filter(lineage="all"), base_year=2024, colours=colours),
        compare_view(
            normalized,
            ["microsoft-jpn-2024-04", "microsoft-aus-2023-10"],
            base_year=2024,
            bases=bases(2024),
            company_colours=colours,
        ),
        country_view(normalized, "USA", base_year=2024, colours=colours),
    ]
    words = [
        {
            "kind": view.kind,
            "slug": view.text.slug,
            "title": view.text.title,
            "subtitle": view.text.subtitle,
            "units": view.text.units,
            "sentence": view.text.sentence,
            "credit_line": view.text.credit_line(as_of=AS_OF),
            "alt": view.text.alt,
        }
        for view in views
    ]
    payload = (json.dumps(words, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    assert_matches_golden("chart_words.json", payload)
