"""The app under load, measured in one run on loopback against two baselines.

    make bench-app        (or: python bench/bench_app.py [--quick])

Baselines, started in the same run:
- the framework's floor: a one-file Streamlit app showing one small plotly chart
  (bench/floor_app.py), under the app's own production settings;
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

import plotly.express as px  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from plotly.offline import get_plotlyjs  # noqa: E402
from ws_client import one_run, open_session, run_script  # noqa: E402

from tests.apprunner import CHROMIUM, free_port, start_app, stop, wait_healthy  # noqa: E402
from tests.apprunner import CHROMIUM_ARGS as ARGS  # noqa: E402

PAGES = {  # path -> what "the chart is drawn" means on it
    "/": ".main-svg",
    "/map": "path.choroplethlocation",
    "/timeline": ".main-svg",
    "/compare": ".main-svg",
    "/country": ".main-svg",
    "/explore": "[data-testid='stDataFrame'] canvas",
}


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


def time_to_chart(browser, url: str, selector: str, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(selector, state="attached", timeout=60_000)
        times.append(time.perf_counter() - start)
        context.close()
    return statistics.median(times)


def published_site() -> Path:
    """Every standard chart as static embeds (python -m investments publish)."""
    import datetime as dt

    from charts.publish import publish
    from investments.load import load_dataset
    from investments.prices import latest_complete_year

    target = Path(tempfile.mkdtemp(prefix="site-"))
    publish(load_dataset(), target, base_year=latest_complete_year(), as_of=dt.date.today())
    return target


def browser_timings(
    app: App, floor: App, static: StaticServer, repeats: int, published: StaticServer | None = None
) -> dict:
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        time_to_chart(browser, app.url + "/", ".main-svg", 1)  # warm caches once
        results["static page"] = time_to_chart(
            browser, static.url + "/index.html", ".main-svg", repeats
        )
        results["floor (one-chart Streamlit)"] = time_to_chart(
            browser, floor.url + "/", ".main-svg", repeats
        )
        for path, selector in PAGES.items():
            results[path] = time_to_chart(browser, app.url + path, selector, repeats)
        if published is not None:
            embeds = sorted(p.stem for p in (published.directory / "embed").glob("*.html"))
            chosen = [
                next(s for s in embeds if s.startswith(prefix))
                for prefix in ("map-", "compare-", "country-jpn")
            ]
            for slug in chosen:
                selector = "path.choroplethlocation" if slug.startswith("map-") else ".main-svg"
                results[f"published embed: {slug}"] = time_to_chart(
                    browser, f"{published.url}/embed/{slug}.html", selector, repeats
                )
        # Filter change, as a reader does it: pick "US$ per person" on the map.
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(app.url + "/map")
        page.wait_for_selector("path.choroplethlocation", state="attached", timeout=60_000)
        page.get_by_text("Filters ·").click()  # the collapsed section under the chart
        page.get_by_text("US$ per person", exact=True).first.wait_for()
        start = time.perf_counter()
        page.get_by_text("US$ per person", exact=True).first.click()
        page.wait_for_function(
            "() => Array.from(document.querySelectorAll('.cbtitle text, .colorbar text'))"
            ".some(t => t.textContent.includes('per person'))",
            timeout=60_000,
        )
        results["filter change redrawn (browser)"] = time.perf_counter() - start
        context.close()
        browser.close()
    return results


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
    title_floor = App(floors / "title_app.py", cwd=floors)
    static = StaticServer(static_dir())
    published = StaticServer(published_site())
    try:
        timings = browser_timings(app, floor, static, repeats, published)
        static_s = timings["static page"]
        floor_s = timings["floor (one-chart Streamlit)"]
        print("## Time to chart in headless Chromium (median)\n")
        print("| view | seconds | × floor | × static page |\n|---|---:|---:|---:|")
        for name, seconds in timings.items():
            print(
                f"| {name} | {seconds:.2f} | {seconds / floor_s:.2f} | {seconds / static_s:.2f} |"
            )
        print(f"\n## Rerun after a filter change (server side, median of {max(repeats, 3) * 2})\n")
        print(
            f"| /map, basis and region changed | {asyncio.run(rerun_latency(app.url, max(repeats, 3) * 2)):.3f} s |"
        )
        print("|---|---:|\n")

        print("## Simultaneous sessions over the websocket protocol\n")
        print(
            "| target | sessions | p50 (s) | p95 (s) | errors | server CPU (s) | wall (s) | RSS after (MB) |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for name, target, page_name in (
            ("floor: one-line app", title_floor, ""),
            ("/map", app, "map"),
            ("/compare", app, "compare"),
        ):
            for sessions in levels:
                r = concurrency(target, page_name, sessions)
                print(
                    f"| {name} | {sessions} | {r['p50']:.2f} | {r['p95']:.2f} | {r['errors']} | "
                    f"{r['cpu_s']:.1f} | {r['wall_s']:.1f} | {r['rss_mb']:.0f} |"
                )
        idle = 10 if args.quick else 50
        print(f"\n## Memory per idle session ({idle} sessions kept open, fresh servers)\n")
        print("| app, /map | floor, one-line app |\n|---:|---:|")
        print(
            f"| {memory_per_session(App, 'map', idle):.2f} MB | "
            f"{memory_per_session(lambda: App(floors / 'title_app.py', cwd=floors), '', idle):.2f} MB |"
        )
    finally:
        for server in (app, floor, title_floor):
            server.close()
        static.close()
        published.close()
    print("\nData scale: `python bench/bench_normalize.py` (validate + normalize + aggregate).")


if __name__ == "__main__":
    main()
