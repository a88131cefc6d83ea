"""The embed code a journalist pastes into a CMS: a responsive iframe and, optionally, a
tiny inline script that lets the chart set the iframe's height (no external script)."""

from __future__ import annotations

import html

from charts.html import HEIGHT_MESSAGE

SANDBOX = "allow-scripts allow-same-origin allow-popups allow-downloads"
INITIAL_HEIGHT_PX = {"map": 640, "timeline": 900, "compare": 1150, "country": 1050}

# Resizes every tracker iframe on the page when its chart reports its height.
RESIZER = (
    '<script>window.addEventListener("message",function(e){var d=e.data;'
    f'if(!d||d.type!=="{HEIGHT_MESSAGE}"||!(d.height>0))return;'
    'document.querySelectorAll("iframe[data-btit-embed]").forEach(function(f){'
    'if(f.contentWindow===e.source)f.style.height=Math.min(d.height,4000)+"px";});});</script>'
)


def published_embed_url(published_base: str, slug: str, lang: str = "en") -> str:
    """A published chart's address; other languages than English sit in their own folder
    (`python -m investments publish --lang ja` writes ja/embed/…)."""
    folder = "" if lang == "en" else f"{lang}/"
    return f"{published_base.rstrip('/')}/{folder}embed/{slug}.html"


def embed_snippet(src: str, *, title: str, kind: str, resizer: bool = True) -> str:
    """The iframe (title for screen readers, lazy loading, sandbox allowing downloads and
    new tabs) plus the optional resizer; without it the iframe keeps its initial height."""
    height = INITIAL_HEIGHT_PX.get(kind, 700)
    frame = (
        f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" loading="lazy" '
        f'sandbox="{SANDBOX}" data-btit-embed '
        f'style="width:100%;min-width:300px;max-width:1200px;height:{height}px;border:0"></iframe>'
    )
    return frame + ("\n" + RESIZER if resizer else "")
