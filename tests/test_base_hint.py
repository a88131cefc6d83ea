"""The base-path hint: only a page's HTML changes, and it stays a valid response."""

import asyncio
import threading

from dashboard.base_hint import LANGUAGE, BaseHintMiddleware, hint_for

INDEX = b"<!doctype html><html><head><title>x</title></head><body></body></html>"


def _serve(path: str, *, method: str = "GET", content_type: bytes = b"text/html; charset=utf-8"):
    seen = {}

    async def inner(scope, receive, send):
        seen["headers"] = dict(scope["headers"])
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", content_type),
                    (b"content-length", str(len(INDEX)).encode()),
                    (b"etag", b'"abc"'),
                    (b"cache-control", b"no-cache"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": INDEX[:20], "more_body": True})
        await send({"type": "http.response.body", "body": INDEX[20:]})

    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "headers": [(b"accept-encoding", b"gzip"), (b"host", b"x")],
    }
    middleware = BaseHintMiddleware(inner, pages=["map", "compare"])
    # A thread of its own: a browser test in the same process may hold this thread's loop.
    worker = threading.Thread(target=asyncio.run, args=(middleware(scope, receive, send),))
    worker.start()
    worker.join()
    headers = dict(sent[0]["headers"])
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return headers, body, seen["headers"]


def test_a_page_gets_the_hint_and_consistent_headers():
    headers, body, asked = _serve("/tracker/map")
    assert body.startswith(b"<!doctype html><html><head>" + hint_for("map") + b"<title>")
    assert int(headers[b"content-length"]) == len(body)
    assert b"etag" not in headers  # the file's validator no longer describes these bytes
    assert headers[b"cache-control"] == b"no-cache"
    assert b"accept-encoding" not in asked  # asked for uncompressed, to be rewritten


def test_a_trailing_slash_is_the_same_page():
    _, body, _ = _serve("/compare/")
    assert hint_for("compare") in body


def test_the_root_gets_the_language_but_no_hint():
    _, body, _ = _serve("/")
    assert body.startswith(b"<!doctype html><html><head>" + LANGUAGE + b"<title>")
    assert b"BACKEND_BASE_URL" not in body


def test_everything_else_passes_through_untouched():
    for path, method, kind in (
        ("/tracker/", "GET", b"text/html"),
        ("/app/static/topojson/world_110m.json", "GET", b"application/json"),
        ("/map", "POST", b"text/html"),
        ("/static/js/index.js", "GET", b"text/javascript"),
    ):
        headers, body, asked = _serve(path, method=method, content_type=kind)
        assert body == INDEX, path
        assert headers[b"etag"] == b'"abc"'
        assert asked[b"accept-encoding"] == b"gzip"


def test_the_hint_strips_only_the_page_segment():
    script = hint_for("map").decode()
    assert 's="/map"' in script
    assert "BACKEND_BASE_URL:location.origin+p+'/'" in script
