"""The app under load, measured in one run on loopback against two baselines.

    make bench-app        (or: python bench/bench_app.py [--quick])

Baselines, started in the same run:
- the framework's floor: a one-file Streamlit app showing one small plotly chart
  (bench/floor_app.py), under the app's own production settings, as Streamlit serves it
  and as serve.py serves the app (Nagle's algorithm off, dashboard.nodelay);
- the physical limit: a static HTML page with the same figure, plotly.js from loopback.

Prints Markdown tables; docs/PERFORMANCE.md records them. Every loop is bounded in count
and time; nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import http.server
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

import browser_timing as bt  # noqa: E402
import plotly.express as px  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from plotly.offline import get_plotlyjs  # noqa: E402
from ws_client import one_run, open_session, run_script  # noqa: E402

from tests.apprunner import CHROMIUM, free_port, start_app, stop, wait_healthy  # noqa: E402
from tests.apprunner import CHROMIUM_ARGS as ARGS  # noqa: E402

PAGES = {  # path -> what "the chart is drawn" means on it
    "/": bt.TRACE,
    "/map": bt.MAP_TRACE,
    "/timeline": bt.TRACE,
    "/compare": bt.TRACE,
    "/country": bt.TRACE,
    "/explore": "[data-testid='stDataFrame'] canvas",
}
FLOOR = "floor: one-chart Streamlit app"
FLOOR_NODELAY = "floor, served as serve.py serves the app (Nagle off)"


# ------------------------------------------------------------------ helpers


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def proc_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def proc_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def floor_dir() -> Path:
    """The one-chart floor app, beside a copy of the app's production config."""
    target = Path(tempfile.mkdtemp(prefix="floor-"))
    (target / ".streamlit").mkdir()
    shutil.copy(ROOT / ".streamlit" / "config.toml", target / ".streamlit" / "config.toml")
    shutil.copy(Path(__file__).parent / "floor_app.py", target / "floor_app.py")
    (target / "title_app.py").write_text('import streamlit as st\n\nst.title("Floor")\n')
    shutil.copy(Path(__file__).parent / "floor_views.py", target / "floor_views.py")
    (target / "floor_serve.py").write_text(  # the floor with serve.py's Nagle fix alone
        "import streamlit as st\n\nfrom dashboard import nodelay\n\n"
        "nodelay.listening_sockets_without_delay()\n"
        'app = st.App("floor_app.py")\n'
    )
    (target / "static").symlink_to(ROOT / "static")  # the map shapes, as the app serves them
    return target


def static_dir() -> Path:
    target = Path(tempfile.mkdtemp(prefix="static-"))
    (target / "plotly.min.js").write_text(get_plotlyjs())
    fig = px.bar(x=["a", "b", "c"], y=[1, 3, 2])
    (target / "index.html").write_text(
        "<!doctype html><html><head><script src='plotly.min.js'></script></head><body>"
        "<div id='c'></div><script>var f="
        + fig.to_json()
        + ";Plotly.newPlot('c',f.data,f.layout);</script>"
        "</body></html>"
    )
    return target


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the report is the output, not access logs
        pass


class StaticServer:
    def __init__(self, directory: Path):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.directory = directory
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()


class App:
    def __init__(self, script: Path | None = None, *, cwd: Path | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.started = time.perf_counter()
        if script is None:
            self.process = start_app(self.port)
        else:
            import subprocess

            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "streamlit",
                    "run",
                    str(script),
                    "--server.port",
                    str(self.port),
                    "--server.address",
                    "127.0.0.1",
                ],
                cwd=cwd,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env={**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"},
            )
        wait_healthy(self.url)
        self.healthy_s = time.perf_counter() - self.started

    def close(self) -> None:
        stop(self.process)


# ------------------------------------------------------------------ measurements


def cold_start() -> dict:
    app = App()
    first = asyncio.run(one_run(app.url, page_name=""))
    total = time.perf_counter() - app.started
    app.close()
    return {"health_s": app.healthy_s, "first_script_s": total, "ok": first.ok}


def published_site() -> Path:
    """Every standard chart as static embeds (python -m investments publish)."""
    import datetime as dt

    from charts.publish import publish
    from investments.load import load_dataset
    from investments.prices import latest_complete_year

    target = Path(tempfile.mkdtemp(prefix="site-"))
    publish(load_dataset(), target, base_year=latest_complete_year(), as_of=dt.date.today())
    return target


COMPARABLE = {"/map": "map", "/timeline": "timeline", "/compare": "compare", "/country": "country"}


def browser_targets(
    app: App, floor: App, static: StaticServer, views: App, floor_nodelay: App
) -> list[bt.Target]:
    """The static page, the floor (as Streamlit serves it, and with serve.py's Nagle fix),
    each page, and each chart page's comparable one-chart app (bench/floor_views.py: the
    page's own chart alone)."""
    return [
        bt.Target("static page, same chart", static.url + "/index.html"),
        bt.Target(FLOOR, floor.url + "/"),
        bt.Target(FLOOR_NODELAY, floor_nodelay.url + "/"),
        *(bt.Target(path, app.url + path, selector) for path, selector in PAGES.items()),
        *(
            bt.Target(f"comparable: {view}", f"{views.url}/?view={view}", PAGES[path])
            for path, view in COMPARABLE.items()
        ),
    ]


def published_targets(published: StaticServer) -> list[bt.Target]:
    embeds = sorted(p.stem for p in (published.directory / "embed").glob("*.html"))
    chosen = [
        next(s for s in embeds if s.startswith(prefix))
        for prefix in ("map-", "compare-", "country-jpn")
    ]
    return [
        bt.Target(
            f"published embed: {slug}",
            f"{published.url}/embed/{slug}.html",
            bt.MAP_TRACE if slug.startswith("map-") else bt.TRACE,
        )
        for slug in chosen
    ]


def filter_change(browser, app: App) -> float:
    """Pick "US$ per person" on the map, as a reader does it; seconds to the new legend."""
    context = browser.new_context(viewport=bt.VIEWPORT)
    page = context.new_page()
    page.goto(app.url + "/map")
    page.wait_for_selector(bt.MAP_TRACE, state="attached", timeout=bt.TIMEOUT_MS)
    page.get_by_text("Filters ·").click()  # the collapsed section under the chart
    page.get_by_text("US$ per person", exact=True).first.wait_for()
    start = time.perf_counter()
    page.get_by_text("US$ per person", exact=True).first.click()
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.cbtitle text, .colorbar text'))"
        ".some(t => t.textContent.includes('per person'))",
        timeout=bt.TIMEOUT_MS,
    )
    seconds = time.perf_counter() - start
    context.close()
    return seconds


def browser_timings(
    app: App,
    floor: App,
    static: StaticServer,
    views: App,
    rounds: int,
    published: StaticServer,
    floor_nodelay: App,
    warm_rounds: int,
) -> dict:
    """Cold and warm time to chart for every page, the floor and the static page (one run,
    alternating rounds), the published embeds, a filter change, and one warm waterfall per
    page."""
    targets = browser_targets(app, floor, static, views, floor_nodelay)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        bt.cold(browser, targets, 1)  # fills the servers' caches, not the browser's
        results = {
            "cold": bt.cold(browser, targets, rounds),
            "warm": bt.warm(browser, targets, warm_rounds),
            "published cold": bt.cold(browser, published_targets(published), rounds),
            "filter change": filter_change(browser, app),
            "waterfalls": [
                bt.waterfall(browser, t, app.url if t.url.startswith(app.url) else floor.url)
                for t in targets[1:]
                if t.name not in ("/explore", FLOOR_NODELAY) and not t.name.startswith("comparable")
            ],
        }
        browser.close()
    return results


def print_browser_timings(results: dict, rounds: int, warm_rounds: int) -> None:
    cold, warm = results["cold"], results["warm"]
    floor_cold, floor_warm = cold[FLOOR].median, warm[FLOOR].median
    print(
        f"## Time to chart in headless Chromium (cold: median of {rounds}; "
        f"warm: median of {warm_rounds}; alternating rounds)\n"
    )
    print(
        "| view | cold (s) | cold spread | × floor | × comparable | "
        "warm (s) | warm spread | × floor | × comparable |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    for name in cold:
        c, w = cold[name], warm[name]
        like = f"comparable: {COMPARABLE[name]}" if name in COMPARABLE else None
        c_like = f"{c.median / cold[like].median:.2f}" if like else ""
        w_like = f"{w.median / warm[like].median:.2f}" if like else ""
        print(
            f"| {name} | {c.median:.2f} | {c.spread} | {c.median / floor_cold:.2f} | {c_like} | "
            f"{w.median:.2f} | {w.spread} | {w.median / floor_warm:.2f} | {w_like} |"
        )
    for name, t in results["published cold"].items():
        print(f"| {name} | {t.median:.2f} | {t.spread} | {t.median / floor_cold:.2f} | | | | | |")
    print(f"\nFilter change on /map redrawn (browser): {results['filter change']:.2f} s\n")
    print_mount_split(warm, warm_rounds)

    print("## One warm load per page, traced (seconds from the first request)\n")
    falls = results["waterfalls"]
    print("| | " + " | ".join(w.target.name for w in falls) + " |")
    print("|---|" + "---|" * len(falls))
    summaries = [w.summary() for w in falls]
    for key in summaries[0]:
        print(f"| {key} | " + " | ".join(s[key] for s in summaries) + " |")
    out = ROOT / "out" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    for w in falls:
        name = w.target.name.strip("/").replace("/", "-") or "overview"
        (out / f"waterfall-{name.split()[0]}.txt").write_text("\n".join(w.lines()) + "\n")
    print(f"\nEvery request of each load: {out.relative_to(ROOT)}/waterfall-*.txt\n")


def print_mount_split(warm: dict, warm_rounds: int) -> None:
    """Warm time to chart in two parts: until the chart's element is on the page (every
    element before it rendered, plotly imported), then plotly's drawing. A page that trails
    its comparable app in the first part spends it on its other elements."""
    print(
        f"## Warm: the chart's element on the page, then the chart drawn (median of "
        f"{warm_rounds})\n\n"
        "| view | element on the page (s) | comparable app's (s) | later by (s) | "
        "drawing (s) | comparable app's (s) |\n|---|---:|---:|---:|---:|---:|"
    )
    for name, view in COMPARABLE.items():
        page, like = warm[name], warm[f"comparable: {view}"]
        print(
            f"| {name} | {_median(page.mounted_s)} | {_median(like.mounted_s)} | "
            f"{_later(page, like)} | {_drawing(page)} | {_drawing(like)} |"
        )
    print()


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.3f}" if values else "–"


def _later(page: bt.Timings, like: bt.Timings) -> str:
    if not (page.mounted_s and like.mounted_s):
        return "–"
    return f"{statistics.median(page.mounted_s) - statistics.median(like.mounted_s):.3f}"


def _drawing(timings: bt.Timings) -> str:
    """Median of each visit's drawn minus mounted (visits without an element are left out)."""
    if len(timings.mounted_s) != len(timings.seconds):
        return "–"
    return _median([d - m for d, m in zip(timings.seconds, timings.mounted_s, strict=True)])


def behind_nginx(app: App, rounds: int) -> dict:
    """Time to chart through deploy/nginx.conf on loopback: its HTTP/1.1 listener and its
    HTTPS + HTTP/2 one, against the app itself, in the same alternating rounds."""
    import contextlib

    from tests.browser.hosting import nginx_in_front

    with contextlib.ExitStack() as stack:
        plain = stack.enter_context(nginx_in_front([app.port], Path(tempfile.mkdtemp())))
        tls = stack.enter_context(nginx_in_front([app.port], Path(tempfile.mkdtemp()), tls=True))
        bases = (("app", app.url), ("nginx HTTP/1.1", plain), ("nginx HTTP/2", tls))
        by_base = {
            name: [bt.Target(f"{name} {path}", base + path, PAGES[path]) for path in PAGES_BEHIND]
            for name, base in bases
        }
        targets = [t for path_targets in zip(*by_base.values(), strict=True) for t in path_targets]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            bt.cold(browser, targets, 1)
            results = {
                "cold": bt.cold(browser, targets, rounds),
                "warm": bt.warm(browser, targets, rounds),  # one context per address
            }
            browser.close()
    return results


PAGES_BEHIND = ("/map", "/compare")


def print_behind_nginx(results: dict, rounds: int) -> None:
    print(f"## Behind nginx on loopback (deploy/nginx.conf, median of {rounds})\n")
    print("| view | cold (s) | cold spread | warm (s) | warm spread |\n|---|---:|---:|---:|---:|")
    for name, cold in results["cold"].items():
        warm = results["warm"][name]
        print(f"| {name} | {cold.median:.2f} | {cold.spread} | {warm.median:.2f} | {warm.spread} |")
    print()


async def _delivery(url: str, page_name: str, repeats: int) -> tuple[float, float]:
    """Median seconds from a new session's run request to its chart's message, and to the
    run's last message (loopback: what is left is the server's work and its socket)."""
    runs = []
    for _ in range(repeats + 2):
        ws = await open_session(url)
        async with ws:
            runs.append(await run_script(ws, page_name=page_name))
    runs = runs[2:]  # the first runs fill the server's caches
    return (
        statistics.median(r.chart_s for r in runs if r.chart_s is not None),
        statistics.median(r.seconds for r in runs),
    )


def print_delivery(targets: list[tuple[str, App, str]], repeats: int) -> None:
    print(f"## Messages delivered over the websocket (median of {repeats} new sessions)\n")
    print("| target | page | chart's message (ms) | last message (ms) |\n|---|---|---:|---:|")
    for name, target, page_name in targets:
        chart_s, last_s = asyncio.run(_delivery(target.url, page_name, repeats))
        print(f"| {name} | /{page_name} | {chart_s * 1000:.1f} | {last_s * 1000:.1f} |")
    print()


async def rerun_latency(url: str, repeats: int) -> float:
    ws = await open_session(url)
    async with ws:
        await run_script(ws, page_name="map")
        times = []
        for i in range(repeats):
            basis = ("per_capita", "nominal")[i % 2]
            result = await run_script(
                ws, page_name="map", query_string=f"basis={basis}&region=Asia"
            )
            times.append(result.seconds)
    return statistics.median(times)


async def _concurrent(url: str, page_name: str, sessions: int) -> list:
    return await asyncio.gather(*(one_run(url, page_name=page_name) for _ in range(sessions)))


def concurrency(app: App, page_name: str, sessions: int) -> dict:
    cpu_before = proc_cpu_seconds(app.process.pid)
    start = time.perf_counter()
    results = asyncio.run(asyncio.wait_for(_concurrent(app.url, page_name, sessions), timeout=600))
    wall = time.perf_counter() - start
    times = [r.seconds for r in results if r.ok]
    return {
        "p50": statistics.median(times) if times else float("nan"),
        "p95": pct(times, 0.95) if times else float("nan"),
        "errors": sum(not r.ok for r in results),
        "cpu_s": proc_cpu_seconds(app.process.pid) - cpu_before,
        "wall_s": wall,
        "rss_mb": proc_rss_mb(app.process.pid),
    }


async def _idle_sessions(url: str, page_name: str, count: int):
    sockets = []
    for _ in range(count):
        ws = await open_session(url)
        await run_script(ws, page_name=page_name)
        sockets.append(ws)
    return sockets


def memory_per_session(make_app, page_name: str, count: int) -> float:
    """RSS growth per idle session on a fresh server, after a warm-up of a few runs."""
    app = make_app()

    async def measure():
        for _ in range(3):
            await one_run(app.url, page_name=page_name)
        await asyncio.sleep(1)
        before = proc_rss_mb(app.process.pid)
        sockets = await _idle_sessions(app.url, page_name, count)
        await asyncio.sleep(2)
        after = proc_rss_mb(app.process.pid)
        for ws in sockets:
            await ws.close()
        return (after - before) / count

    try:
        return asyncio.run(measure())
    finally:
        app.close()


# ------------------------------------------------------------------ report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="fewer repeats and sessions (a smoke run)"
    )
    args = parser.parse_args()
    repeats = 1 if args.quick else 3
    rounds = 2 if args.quick else 5
    # Warm visits take half a second, and pages differ from their comparable apps by a
    # tenth of one: more rounds than cold, so the medians hold still from run to run.
    warm_rounds = 3 if args.quick else 15
    levels = (5, 10) if args.quick else (10, 50, 100)

    print(f"# App benchmark ({os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d')})\n")
    start = cold_start()
    print(
        "## Cold start\n\n| process start → /_stcore/health | → first page's script finished |\n|---:|---:|"
    )
    print(f"| {start['health_s']:.2f} s | {start['first_script_s']:.2f} s |\n")

    floors = floor_dir()
    app = App()
    floor = App(floors / "floor_app.py", cwd=floors)
    floor_nodelay = App(floors / "floor_serve.py", cwd=floors)
    views = App(floors / "floor_views.py", cwd=floors)
    title_floor = App(floors / "title_app.py", cwd=floors)
    static = StaticServer(static_dir())
    published = StaticServer(published_site())
    try:
        timings = browser_timings(
            app, floor, static, views, rounds, published, floor_nodelay, warm_rounds
        )
        print_browser_timings(timings, rounds, warm_rounds)
        if shutil.which("nginx") or Path("/usr/sbin/nginx").exists():
            print_behind_nginx(behind_nginx(app, rounds), rounds)
        as_shipped = App(ROOT / "app.py", cwd=ROOT)  # Streamlit's own server: Nagle on
        try:
            print_delivery(
                [
                    (FLOOR, floor, ""),
                    (FLOOR_NODELAY, floor_nodelay, ""),
                    *(
                        (f"app, {how}", server, page)
                        for page in ("map", "compare", "country")
                        for how, server in (("streamlit run app.py", as_shipped), ("serve.py", app))
                    ),
                ],
                5 if args.quick else 15,
            )
        finally:
            as_shipped.close()
        print(f"\n## Rerun after a filter change (server side, median of {max(repeats, 3) * 2})\n")
        print(
            f"| /map, basis and region changed | {asyncio.run(rerun_latency(app.url, max(repeats, 3) * 2)):.3f} s |"
        )
        print("|---|---:|\n")

        tries = 1 if args.quick else 3
        print(f"## Simultaneous sessions over the websocket protocol (median of {tries})\n")
        print(
            "| target | sessions | p50 (s) | p95 (s) | errors | server CPU (s) | wall (s) | RSS after (MB) |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for name, target, page_name in (
            ("floor: one-line app", title_floor, ""),
            (FLOOR, floor, ""),
            (FLOOR_NODELAY, floor_nodelay, ""),
            ("/map", app, "map"),
            ("/timeline", app, "timeline"),
            ("/compare", app, "compare"),
            ("/country", app, "country"),
        ):
            for sessions in levels:
                runs = [concurrency(target, page_name, sessions) for _ in range(tries)]
                r = {k: statistics.median(run[k] for run in runs) for k in runs[0]}
                print(
                    f"| {name} | {sessions} | {r['p50']:.2f} | {r['p95']:.2f} | "
                    f"{sum(run['errors'] for run in runs)} | {r['cpu_s']:.2f} | "
                    f"{r['wall_s']:.1f} | {r['rss_mb']:.0f} |"
                )
        idle = 10 if args.quick else 50
        print(f"\n## Memory per idle session ({idle} sessions kept open, fresh servers)\n")
        print("| app, /map | floor, one-line app |\n|---:|---:|")
        print(
            f"| {memory_per_session(App, 'map', idle):.2f} MB | "
            f"{memory_per_session(lambda: App(floors / 'title_app.py', cwd=floors), '', idle):.2f} MB |"
        )
    finally:
        for server in (app, floor, floor_nodelay, views, title_floor):
            server.close()
        static.close()
        published.close()
    print("\nData scale: `python bench/bench_normalize.py` (validate + normalize + aggregate).")


if __name__ == "__main__":
    main()
