"""The journalist's path, as a journalist takes it: open a chart, switch the share panel
on, copy the link and the embed code from the page, then use them.

Nothing here builds a URL: the link and the snippet are copied with the page's own copy
buttons (read back from the clipboard), at the server's root and under a path prefix
(`server.baseUrlPath`), because that is where a link once went wrong while every test
that rebuilt it passed.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.apprunner import running_app
from tests.browser.hosting import host_page, static_server

pytestmark = pytest.mark.browser

VIEWS = [
    ("map", "basis=per_capita&region=Asia&selected=JPN"),
    ("map", "figures=headline&lang=ja&region=Asia"),  # the basis and the language travel too
    ("timeline", "company=microsoft,amazon&lineage=all"),
    ("compare", "items=microsoft-jpn-2024-04,microsoft-aus-2023-10&base_year=2024&currency=EUR"),
    ("country", "iso3=JPN&peer=KOR&detail=microsoft-jpn-2024-04"),
]


@pytest.fixture(scope="module", params=["", "tracker"], ids=["root", "prefix"])
def served(request):
    with running_app(base_path=request.param) as url:
        yield url


# Under a path prefix, the views whose links and assets depend on it most: the map (its
# shapes come from the app's static folder) and compare (the longest query); the other
# views' links are built by the same code and are checked at the root.
PREFIX_VIEWS = {"map", "compare"}


def _chart_drawn(where, *, page: str) -> None:
    expect(where.locator("[data-testid='stPlotlyChart'] .main-svg").first).to_be_visible(
        timeout=40_000
    )
    if page == "map":  # the shapes come from the app, under its prefix
        expect(where.locator("path.choroplethlocation").first).to_be_attached(timeout=40_000)


def _copy(page, block) -> str:
    """Click a code block's copy button and read what landed on the clipboard."""
    block.hover()
    block.get_by_role("button").first.click()
    return page.evaluate("() => navigator.clipboard.readText()")


def _same_view(url_a: str, url_b: str) -> bool:
    a, b = urlsplit(url_a), urlsplit(url_b)
    return (a.scheme, a.netloc, a.path.rstrip("/")) == (
        b.scheme,
        b.netloc,
        b.path.rstrip("/"),
    ) and (parse_qs(a.query) == parse_qs(b.query))


@pytest.fixture(scope="module")
def tabs(browser):
    """The journalist's tab, a reader's tab and a phone, kept across the views as tabs are
    (a new tab compiles the app's scripts again), in a browser that may use the clipboard."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    phone = context.new_page()
    phone.set_viewport_size({"width": 360, "height": 800})
    yield context.new_page(), context.new_page(), phone
    context.close()


@pytest.mark.parametrize(("path", "query"), VIEWS, ids=[f"{v[0]}-{i}" for i, v in enumerate(VIEWS)])
def test_copied_link_and_embed_code_work(tabs, served, tmp_path, path, query):
    if "/tracker" in served and path not in PREFIX_VIEWS:
        pytest.skip("checked at the root; under the prefix only " + ", ".join(sorted(PREFIX_VIEWS)))
    page, reader, phone = tabs
    errors = []

    def _error(e):
        errors.append(str(e))

    for tab in tabs:
        tab.on("pageerror", _error)

    japanese = "lang=ja" in query
    page.bring_to_front()  # hover shows the copy buttons only in the tab in front
    page.goto(f"{served}/{path}?{query}")
    _chart_drawn(page, page=path)
    page.get_by_text(
        "このグラフを共有・埋め込み・ダウンロード"
        if japanese
        else "Share, embed or download this chart"
    ).click()
    panel = page.locator(f".st-key-{path}-share")
    expect(panel).to_be_visible(timeout=20_000)
    blocks = panel.locator("[data-testid='stCode']")
    expect(blocks.nth(1)).to_be_visible(timeout=20_000)

    link = _copy(page, blocks.nth(0))
    snippet = _copy(page, blocks.nth(1))
    assert _same_view(link, page.url), f"the link {link} is not the address {page.url}"
    for key, value in parse_qs(query).items():
        assert parse_qs(urlsplit(link).query).get(key) == value, f"{key} kept"

    # The link, opened by a reader: the same view, drawn.
    reader.bring_to_front()
    reader.goto(link)
    _chart_drawn(reader, page=path)
    expect(reader.locator("[data-testid='stException']")).to_have_count(0)
    assert _same_view(reader.url, link)
    if "lang=ja" in query:
        expect(reader.get_by_role("link", name="概要")).to_be_visible()
    if "figures=headline" in query:
        expect(reader.get_by_text("発表どおりの数字").first).to_be_visible()

    # The embed code, pasted into a plain page on another origin, read on a phone.
    assert snippet.startswith("<iframe ")
    name = host_page(tmp_path, [snippet], width_px=360)
    with static_server(tmp_path) as host:
        phone.bring_to_front()
        phone.goto(f"{host}/{name}")
        frame = phone.frame_locator("iframe")
        _chart_drawn(frame, page=path)
        expect(frame.locator("[data-testid='stCaptionContainer']").last).to_contain_text(
            "データを入手" if japanese else "Get the data"
        )
        phone.goto("about:blank")  # before its server stops
    for tab in tabs:
        tab.remove_listener("pageerror", _error)
    assert errors == []


def test_the_sentence_to_quote_is_copied_from_the_share_panel(browser, app_url):
    """Compare's sentence, copied with the share panel's button, is the sentence on the page
    (without markdown escapes), followed by what each figure covers."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{app_url}/compare")
    _chart_drawn(page, page="compare")
    shown = page.locator("strong", has_text="1.1 times").first.inner_text()
    page.get_by_text("Share, embed or download this chart").click()
    # The alt text quotes the sentence too; the sentence's own block comes last.
    block = page.locator(".st-key-compare-share [data-testid='stCode']", has_text="1.1 times").last
    expect(block).to_be_visible(timeout=20_000)
    copied = _copy(page, block)
    context.close()
    assert shown.startswith("Microsoft's A$5 billion for Australia")
    assert copied.startswith(shown), (copied, shown)
    assert "\\" not in copied
