"""When a page of the app has finished drawing: its script run is over and every chart on it
has an SVG. Waiting on that, rather than on network silence plus a fixed pause, is both
surer and faster (a kept tab loads nothing from the network to fall silent after)."""

from __future__ import annotations

# Streamlit's frontend marks its root with the state of the last script run: "initial"
# before the first run has started, "running", then "notRunning" once it has finished.
RUN_FINISHED = "[data-testid='stApp'][data-test-script-state='notRunning']"
CHARTS_DRAWN = """() => [...document.querySelectorAll("[data-testid='stPlotlyChart']")]
    .every(chart => chart.querySelector('.main-svg'))"""


def settled(page, *, timeout_ms: float = 30_000) -> None:
    """Wait until the run that drew the page has finished and its charts are drawn."""
    page.wait_for_selector(RUN_FINISHED, state="attached", timeout=timeout_ms)
    page.wait_for_function(CHARTS_DRAWN, timeout=timeout_ms)
    page.wait_for_timeout(200)  # React's last commit and plotly's relayout after the frame
