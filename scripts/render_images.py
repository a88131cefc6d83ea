"""Write every image preset of four standard charts, to look at before a release.

Usage: python scripts/render_images.py OUT_DIR
(Map, Timeline, Compare Japan vs Australia, the Japan profile) × (article, social, phone)
as PNG and SVG; needs Debian's chromium for kaleido.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from charts.images import PRESETS, image_bytes
from charts.views import compare_view, country_view, map_view, timeline_view
from investments.comparison import DEFAULT_ITEMS, bases
from investments.filters import Filter
from investments.load import load_dataset
from investments.normalize import normalize
from investments.prices import latest_complete_year
from viz.theme import company_colours


def main(out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    dataset = load_dataset()
    year = latest_complete_year()
    normalized = normalize(dataset, base_year=year)
    colours = company_colours(dataset.companies)
    views = {
        "map": map_view(normalized, Filter(basis="per_capita"), base_year=year),
        "timeline": timeline_view(normalized, Filter(), base_year=year, colours=colours),
        "compare": compare_view(
            normalized,
            list(DEFAULT_ITEMS),
            base_year=year,
            bases=bases(year),
            company_colours=colours,
        ),
        "country": country_view(normalized, "JPN", base_year=year, colours=colours),
    }
    for name, view in views.items():
        for preset in PRESETS:
            for fmt in ("png", "svg"):
                path = out / f"{name}-{preset}.{fmt}"
                path.write_bytes(image_bytes(view, as_of=dt.date.today(), fmt=fmt, preset=preset))
                print(path)


if __name__ == "__main__":
    main(sys.argv[1])
