"""The addresses a reader copies: the app's base URL and the link to one view.

The base comes from the URL in the reader's browser, because that is the only address
known to work for them: it already carries the host, the port and any path prefix
(`server.baseUrlPath`, or a proxy's). The browser's URL is that of the *current page*,
so its path has to come off before another page's path goes on; appending to it gave
`/compare/compare?…`. A deployment whose browser URL is not the one to share (an
internal host name, a preview domain) names its public address instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode, urlsplit, urlunsplit

PUBLIC_URL_VARIABLE = "TRACKER_PUBLIC_URL"


def app_base_url(
    page_url: str | None, *, page_path: str, public_url: str = "", fallback: str
) -> str:
    """The app's root URL, ending in "/".

    `page_url` is the browser's URL of the current page (Streamlit's `st.context.url`);
    `page_path` is that page's own path ("" for the home page). A configured `public_url`
    wins; `fallback` is used only when there is no browser (scripts, AppTest).
    """
    if public_url.strip():
        return public_url.strip().rstrip("/") + "/"
    if not page_url:
        return fallback.rstrip("/") + "/"
    scheme, netloc, path, _query, _fragment = urlsplit(page_url)
    path = path.rstrip("/")
    page_path = page_path.strip("/")
    if page_path and path.endswith("/" + page_path):
        path = path[: -len(page_path) - 1]
    return urlunsplit((scheme, netloc, path + "/", "", ""))


def local_base_url(*, port: int, base_path: str) -> str:
    """What a browser on this machine would use; only for runs without a browser."""
    prefix = base_path.strip("/")
    return f"http://localhost:{port}/" + (f"{prefix}/" if prefix else "")


def view_link(base_url: str, page_path: str, query: Mapping[str, str]) -> str:
    """`base_url` + page + query string, parameters in the order given."""
    target = base_url.rstrip("/") + "/" + page_path.strip("/")
    return f"{target}?{urlencode(dict(query))}" if query else target


def embed_link(base_url: str, page_path: str, query: Mapping[str, str]) -> str:
    """The same view in Streamlit's chrome-less embed mode (`embed=true`)."""
    return view_link(base_url, page_path, {**query, "embed": "true"})
