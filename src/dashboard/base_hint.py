"""Tell the browser where the app's root is, so a page's first load does not look for it twice.

On a page's address (`/map`, `/tracker/compare`) Streamlit's frontend cannot tell the page
from a path prefix, so it first asks `<page>/_stcore/health` and `<page>/_stcore/host-config`,
gets two 404s, waits, and asks again one level up: about 0.17 s before the first message on
every first load of a page (docs/PERFORMANCE.md). The frontend skips that search when the
page defines `window.__streamlit.BACKEND_BASE_URL`, so this middleware writes that line
into the HTML served for the app's page paths: the address minus the page's own segment,
worked out in the browser, so it holds behind any proxy prefix.

It also writes a second line, on those pages and at the root: the page's language in
`<html lang>`, which Streamlit's HTML fixes as "en". A screen reader reads a Japanese page
with a Japanese voice only if the page says it is Japanese, and Chromium breaks Japanese
headings between phrases (`word-break: auto-phrase`, chrome.PAGE_STYLE) only then. The
language is the address's `lang` (English has none: dashboard.language.keep_in_url), read
again whenever the frontend rewrites the address.

Only the index HTML of the root and of a known page path is touched; every other response
passes through.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

HINT = (
    "<script>(function(){{var p=location.pathname.replace(/\\/+$/,''),s={segment};"
    "if(p.slice(-s.length)===s)p=p.slice(0,-s.length);"
    "window.__streamlit={{BACKEND_BASE_URL:location.origin+p+'/'}};}})();</script>"
)


LANGUAGE = (
    b"<script>(function(){var h=document.documentElement;"
    b"function set(){var v=new URLSearchParams(location.search).get('lang')||'';"
    b"v=/^[a-z]{2,3}$/.test(v)?v:'en';if(h.lang!==v)h.lang=v;}"
    b"['pushState','replaceState'].forEach(function(k){var f=history[k];"
    b"history[k]=function(){var r=f.apply(this,arguments);set();return r;};});"
    b"addEventListener('popstate',set);set();})();</script>"
)


def hint_for(page: str) -> bytes:
    """The scripts for a page served at .../<page> (`""`: the root, which needs no hint)."""
    hint = HINT.format(segment=json.dumps("/" + page)).encode() if page else b""
    return hint + LANGUAGE


def with_hint(html: bytes, page: str) -> bytes:
    return html.replace(b"<head>", b"<head>" + hint_for(page), 1)


class BaseHintMiddleware:
    """ASGI middleware: the base-path hint in the HTML of `pages` (their URL paths), and
    the language script in theirs and the root's."""

    def __init__(self, app, pages: Iterable[str]):
        self.app = app
        self.pages = frozenset(pages)

    async def __call__(self, scope, receive, send):
        page = _page_of(scope, self.pages)
        if page is None:
            return await self.app(scope, receive, send)
        # The HTML is rewritten, so it must come uncompressed (it is 8 kB).
        headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]
        started: dict = {}
        body: list[bytes] = []

        async def rewrite(message):
            if message["type"] == "http.response.start":
                started.update(message)
                return
            if message["type"] != "http.response.body":
                return await send(message)
            body.append(message.get("body", b""))
            if message.get("more_body"):
                return
            content = b"".join(body)
            response_headers = list(started.get("headers", []))
            if started.get("status") == 200 and _is_html(response_headers):
                content = with_hint(content, page)
                # The bytes differ from the file's: its validators no longer describe them.
                response_headers = [
                    (k, v)
                    for k, v in response_headers
                    if k.lower() not in (b"content-length", b"etag", b"last-modified")
                ] + [(b"content-length", str(len(content)).encode())]
            await send({**started, "headers": response_headers})
            await send({"type": "http.response.body", "body": content})

        await self.app({**scope, "headers": headers}, receive, rewrite)


def _page_of(scope, pages: frozenset[str]) -> str | None:
    """The page a GET asks for, "" for the root, None for anything else."""
    if scope["type"] != "http" or scope["method"] != "GET":
        return None
    if scope["path"] == "/":
        return ""
    last = scope["path"].rstrip("/").rsplit("/", 1)[-1]
    return last if last in pages else None


def _is_html(headers: list[tuple[bytes, bytes]]) -> bool:
    return any(k.lower() == b"content-type" and v.startswith(b"text/html") for k, v in headers)
