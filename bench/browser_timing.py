"""Time to chart in headless Chromium, cold and warm, and a request waterfall of a warm load.

Cold: a new browser context for every visit, so every script chunk and the 4.8 MB plotly
bundle are fetched again (a first-time reader). Warm: one context whose cache is kept, as
for a reader who moves from page to page or comes back. The targets are visited in
alternating rounds so that a drift of the machine touches all of them alike, each round in
its own order: a visit pays for work the one before it left (its chart still drawing, a
script cache being written), so no target may always follow the same one.

"Chart drawn" is the first drawn trace (`.main-svg .trace`; a map's country paths), not the
chart's empty frame, timed in the page itself: a MutationObserver installed before the
page's own scripts notes `performance.now()` (milliseconds from the navigation's start)
when the selector first matches. Playwright's `wait_for_selector` only says that it
matches: it looks again after 20, 50, 100 and 100 ms, then every 500 ms, so a chart drawn
0.3 s after the call was reported up to 0.5 s late (the "bimodal 0.4 s delay" of earlier
reports in docs/PERFORMANCE.md).
"""

from __future__ import annotations

import json
import random
import statistics
from dataclasses import dataclass, field

TRACE = ".main-svg .trace"
MAP_TRACE = "path.choroplethlocation"
# The chart's element, put on the page once the frontend has rendered every element
# before it and imported plotly; the chart is drawn inside it afterwards.
MOUNTED = "[data-testid='stPlotlyChart']"
VIEWPORT = {"width": 1280, "height": 900}
TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class Target:
    name: str
    url: str
    selector: str = TRACE


@dataclass
class Timings:
    seconds: list[float] = field(default_factory=list)
    mounted_s: list[float] = field(default_factory=list)  # warm visits with a chart element

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def spread(self) -> str:
        return f"{min(self.seconds):.2f}–{max(self.seconds):.2f}"


_FIRST_MATCH_JS = """
(selectors) => {
  const seen = (window.__firstMatchMs = {});
  const look = () => {
    for (const s of selectors) {
      if (!(s in seen) && document.querySelector(s)) seen[s] = performance.now();
    }
    if (Object.keys(seen).length === selectors.length) observer.disconnect();
  };
  const observer = new MutationObserver(look);
  observer.observe(document, {childList: true, subtree: true});
}
"""


def _context(browser, targets: list[Target]):
    """A browser context whose pages note when each target's selector first matches."""
    context = browser.new_context(viewport=VIEWPORT, ignore_https_errors=True)
    selectors = sorted({t.selector for t in targets} | {MOUNTED})
    context.add_init_script(f"({_FIRST_MATCH_JS})({json.dumps(selectors)})")
    return context


def _visit(page, target: Target) -> float:
    """Seconds from the navigation's start to the chart, as the page itself saw it."""
    page.goto(target.url)
    page.wait_for_selector(target.selector, state="attached", timeout=TIMEOUT_MS)
    return page.evaluate("(s) => window.__firstMatchMs[s]", target.selector) / 1000


def _mounted(page) -> float | None:
    """Seconds from the navigation's start to the chart's element, if the page has one."""
    ms = page.evaluate("(s) => window.__firstMatchMs[s] ?? null", MOUNTED)
    return None if ms is None else ms / 1000


def cold(browser, targets: list[Target], rounds: int) -> dict[str, Timings]:
    """Each visit in a new context: nothing cached."""
    results = {t.name: Timings() for t in targets}
    for round_number in range(rounds):
        for target in _shuffled(targets, round_number):
            context = _context(browser, [target])
            results[target.name].seconds.append(_visit(context.new_page(), target))
            context.close()
    return results


def warm(browser, targets: list[Target], rounds: int) -> dict[str, Timings]:
    """A returning reader: one context per address (origin), primed by a visit to each of
    its targets, kept for every round. Separate contexts, because several copies of the
    4.7 MB plotly bundle from different addresses evict each other from one context's
    memory cache, which no reader of one site meets."""
    results = {t.name: Timings() for t in targets}
    pages = {}
    for target in targets:
        if _origin(target) not in pages:
            same_origin = [t for t in targets if _origin(t) == _origin(target)]
            pages[_origin(target)] = _context(browser, same_origin).new_page()
        _visit(pages[_origin(target)], target)
    for round_number in range(rounds):
        for target in _shuffled(targets, round_number):
            page = pages[_origin(target)]
            page.goto("about:blank")
            results[target.name].seconds.append(_visit(page, target))
            mounted = _mounted(page)
            if mounted is not None:
                results[target.name].mounted_s.append(mounted)
    for page in pages.values():
        page.context.close()
    return results


def _origin(target: Target) -> str:
    return "/".join(target.url.split("/")[:3])


def _shuffled(targets: list[Target], round_number: int) -> list[Target]:
    """The targets in an order of their own for each round, the same in every run."""
    order = list(targets)
    random.Random(round_number).shuffle(order)
    return order


@dataclass(frozen=True)
class Request:
    start_s: float  # from the first request
    end_s: float
    status: int
    cached: bool
    path: str


@dataclass(frozen=True)
class Waterfall:
    target: Target
    chart_s: float
    requests: list[Request]
    socket_open_s: float | None
    first_frame_s: float | None

    def summary(self) -> dict[str, str]:
        """The milestones of one load, in the order they happen."""
        chunks = [r for r in self.requests if r.path.startswith("/static/js/")]
        before_chart = [r for r in chunks if r.start_s < self.chart_s]
        misses = [r for r in self.requests if r.status == 404]
        plotly = next((r for r in chunks if "/PlotlyChart." in r.path), None)
        health = [r for r in self.requests if r.path.endswith("/_stcore/health")]
        fetched = [r for r in self.requests if not r.cached]
        return {
            "requests": str(len(self.requests)),
            "from the network": str(len(fetched)),
            "404s (base-path probe)": ", ".join(
                f"{r.path} {r.start_s:.2f}–{r.end_s:.2f}" for r in misses
            )
            or "none",
            "health answered": f"{health[-1].end_s:.2f}" if health else "–",
            "websocket open": _s(self.socket_open_s),
            "first message": _s(self.first_frame_s),
            "script chunks before the chart": str(len(before_chart)),
            "PlotlyChart chunk": f"{plotly.start_s:.2f}–{plotly.end_s:.2f}" if plotly else "–",
            "chart drawn": f"{self.chart_s:.2f}",
        }

    def lines(self) -> list[str]:
        """Every request: start, end, status, cache, path (for a file beside the report)."""
        return [
            f"{r.start_s:6.3f} {r.end_s:6.3f} {r.status:>3} {'cache' if r.cached else 'net  '} "
            f"{r.path}"
            for r in self.requests
        ] + [f"{self.chart_s:6.3f} {self.chart_s:6.3f}     chart drawn"]


def _s(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds:.2f}"


def waterfall(browser, target: Target, origin: str) -> Waterfall:
    """One warm load of `target` (after a priming visit), traced over the DevTools protocol."""
    context = _context(browser, [target])
    page = context.new_page()
    _visit(page, target)
    page.goto("about:blank")
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    seen: dict[str, dict] = {}
    socket: dict[str, float] = {}

    def on_sent(e):
        seen.setdefault(e["requestId"], {}).update(
            start=e["timestamp"], wall=e["wallTime"], url=e["request"]["url"]
        )

    def on_response(e):
        response = e["response"]
        entry = seen.setdefault(e["requestId"], {})
        entry["status"] = response["status"]
        entry["cached"] = entry.get("cached") or bool(
            response.get("fromDiskCache") or response.get("fromPrefetchCache")
        )

    def on_cache(e):
        seen.setdefault(e["requestId"], {})["cached"] = True

    def on_finished(e):
        seen.setdefault(e["requestId"], {})["end"] = e["timestamp"]

    def on_socket(e):
        socket.setdefault("open", e["timestamp"])

    def on_frame(e):
        socket.setdefault("frame", e["timestamp"])

    cdp.on("Network.requestWillBeSent", on_sent)
    cdp.on("Network.responseReceived", on_response)
    cdp.on("Network.requestServedFromCache", on_cache)
    cdp.on("Network.loadingFinished", on_finished)
    cdp.on("Network.webSocketHandshakeResponseReceived", on_socket)
    cdp.on("Network.webSocketFrameReceived", on_frame)
    from_navigation_s = _visit(page, target)
    navigation_started = page.evaluate("performance.timeOrigin") / 1000  # seconds, epoch
    page.wait_for_timeout(1000)  # late requests (chunks after the chart) still count
    context.close()
    started = [e for e in seen.values() if "start" in e]
    first = min(started, key=lambda e: e["start"])
    t0 = first["start"]
    chart_s = navigation_started + from_navigation_s - first["wall"]
    requests = sorted(
        (
            Request(
                start_s=e["start"] - t0,
                end_s=e.get("end", e["start"]) - t0,
                status=e.get("status", 0),
                cached=bool(e.get("cached")),
                path=e["url"].removeprefix(origin) or "/",
            )
            for e in started
            if not e["url"].startswith("data:")
        ),
        key=lambda r: r.start_s,
    )
    return Waterfall(
        target,
        chart_s,
        requests,
        socket["open"] - t0 if "open" in socket else None,
        socket["frame"] - t0 if "frame" in socket else None,
    )
