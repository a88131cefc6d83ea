"""Text geometry as the reader sees it: every label of a chart measured in the browser.

A label is cut off when its box leaves the chart or the screen, and unreadable when it
sits on another label. Both are measured on the drawn SVG, with the fonts the browser
really has, so a layout that only works for the fonts of the machine that wrote it fails.
"""

from __future__ import annotations

# Fraction of the smaller label two labels may share before they count as overlapping.
MAX_OVERLAP_SHARE = 0.25
SLACK_PX = 1.0  # sub-pixel rounding

_MEASURE_JS = """
(root) => {
  const scope = root || document;
  const boxes = [];
  const charts = Array.from(scope.querySelectorAll('.js-plotly-plot, svg.exported'));
  const vw = document.documentElement.clientWidth;
  for (const [index, chart] of charts.entries()) {
    const frame = chart.getBoundingClientRect();
    for (const text of chart.querySelectorAll('svg text')) {
      const words = (text.textContent || '').trim();
      if (!words) continue;
      const style = getComputedStyle(text);
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      let hidden = false;
      for (let node = text; node && node !== chart; node = node.parentElement) {
        const s = getComputedStyle(node);
        if (s.display === 'none' || Number(s.opacity) === 0) { hidden = true; break; }
      }
      if (hidden) continue;
      const r = text.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      boxes.push({chart: index, words, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                  chartLeft: frame.left, chartRight: frame.right, chartTop: frame.top,
                  chartBottom: frame.bottom, viewport: vw,
                  cls: (text.getAttribute('class') || '') + ' ' + (text.parentElement.getAttribute('class') || '')});
    }
  }
  return boxes;
}
"""


def measure(where) -> list[dict]:
    """Boxes of every visible SVG text in the plotly charts of a page or frame."""
    return where.evaluate(_MEASURE_JS, None)


def problems(boxes: list[dict]) -> list[str]:
    """Labels outside their chart or the viewport, and pairs of labels on top of each other."""
    found = []
    for b in boxes:
        if (
            b["left"] < b["chartLeft"] - SLACK_PX
            or b["right"] > b["chartRight"] + SLACK_PX
            or b["top"] < b["chartTop"] - SLACK_PX
            or b["bottom"] > b["chartBottom"] + SLACK_PX
        ):
            found.append(f"outside its chart: {b['words']!r} {_box(b)} chart {_chart(b)}")
        elif b["left"] < -SLACK_PX or b["right"] > b["viewport"] + SLACK_PX:
            found.append(f"outside the screen ({b['viewport']} px): {b['words']!r} {_box(b)}")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if a["chart"] != b["chart"]:
                continue
            shared = _intersection(a, b)
            smaller = min(_area(a), _area(b))
            if smaller and shared / smaller > MAX_OVERLAP_SHARE:
                found.append(f"overlap {shared / smaller:.0%}: {a['words']!r} and {b['words']!r}")
    return found


def _area(b: dict) -> float:
    return (b["right"] - b["left"]) * (b["bottom"] - b["top"])


def _intersection(a: dict, b: dict) -> float:
    width = min(a["right"], b["right"]) - max(a["left"], b["left"])
    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return max(width, 0) * max(height, 0)


def _box(b: dict) -> str:
    return f"[{b['left']:.0f}..{b['right']:.0f} x {b['top']:.0f}..{b['bottom']:.0f}]"


def _chart(b: dict) -> str:
    return f"[{b['chartLeft']:.0f}..{b['chartRight']:.0f} x {b['chartTop']:.0f}..{b['chartBottom']:.0f}]"
