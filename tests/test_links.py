"""The app's base URL from the browser's URL of the current page, and the links built on it."""

from __future__ import annotations

import pytest

from investments.links import app_base_url, embed_link, local_base_url, view_link

FALLBACK = "http://localhost:8501/"


@pytest.mark.parametrize(
    ("page_url", "page_path", "public", "expected"),
    [
        # The bug this replaces: the current page's path was kept, then the page added again.
        ("http://localhost:8501/compare", "compare", "", "http://localhost:8501/"),
        ("http://localhost:8501/compare/", "compare", "", "http://localhost:8501/"),
        ("http://localhost:8501", "", "", "http://localhost:8501/"),
        ("http://localhost:8501/", "", "", "http://localhost:8501/"),
        # server.baseUrlPath (or a proxy's prefix) stays.
        ("http://127.0.0.1:9000/tracker/map", "map", "", "http://127.0.0.1:9000/tracker/"),
        ("https://news.example/tools/tracker/", "", "", "https://news.example/tools/tracker/"),
        # A prefix that happens to end like a page is kept on the home page.
        ("https://news.example/map", "", "", "https://news.example/map/"),
        ("https://news.example/map/map", "map", "", "https://news.example/map/"),
        # Only the last segment, and only a whole segment, is the page.
        ("https://news.example/sitemap", "map", "", "https://news.example/sitemap/"),
        # A query or fragment never leaks into the base.
        ("http://h/timeline?company=ibm#x", "timeline", "", "http://h/"),
        # The configured public address wins over the browser's.
        (
            "http://10.0.0.7:8501/map",
            "map",
            "https://tracker.example.org/",
            "https://tracker.example.org/",
        ),
        ("http://10.0.0.7:8501/map", "map", "https://x.example/t", "https://x.example/t/"),
        # No browser (AppTest, scripts): the fallback.
        (None, "map", "", FALLBACK),
        ("", "", "", FALLBACK),
    ],
)
def test_app_base_url(page_url, page_path, public, expected):
    assert (
        app_base_url(page_url, page_path=page_path, public_url=public, fallback=FALLBACK)
        == expected
    )


@pytest.mark.parametrize(
    ("port", "base_path", "expected"),
    [
        (8501, "", "http://localhost:8501/"),
        (8502, "tracker", "http://localhost:8502/tracker/"),
        (8502, "/a/b/", "http://localhost:8502/a/b/"),
    ],
)
def test_local_base_url(port, base_path, expected):
    assert local_base_url(port=port, base_path=base_path) == expected


def test_view_link_keeps_every_parameter_in_order():
    query = {"iso3": "JPN", "peer": "AUS", "detail": "microsoft-jpn-2024-04"}
    assert (
        view_link("http://h/tracker/", "country", query)
        == "http://h/tracker/country?iso3=JPN&peer=AUS&detail=microsoft-jpn-2024-04"
    )
    assert view_link("http://h/", "", {}) == "http://h/"
    assert view_link("http://h/", "compare", {"items": "country:JPN,country:AUS"}) == (
        "http://h/compare?items=country%3AJPN%2Ccountry%3AAUS"
    )


def test_embed_link_adds_embed_mode_last():
    assert embed_link("http://h/t/", "map", {"basis": "per_capita"}) == (
        "http://h/t/map?basis=per_capita&embed=true"
    )
