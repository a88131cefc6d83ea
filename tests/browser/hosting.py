"""A plain host page, as a newsroom CMS would serve one, for embed code pasted as is."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path


@contextlib.contextmanager
def static_server(directory: Path):
    """Serve `directory` on a free loopback port (another origin than the app's)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def host_page(directory: Path, snippets: list[str], *, width_px: int) -> str:
    """Write a page holding each snippet in an article column `width_px` wide; its name."""
    frames = "\n".join(f'<div style="width:{width_px}px">{s}</div>' for s in snippets)
    name = f"host-{width_px}-{abs(hash(tuple(snippets))) % 10**8}.html"
    (directory / name).write_text(
        "<!doctype html><html><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'></head>"
        f"<body style='margin:0'>{frames}</body></html>",
        encoding="utf-8",
    )
    return name
