"""Inline SVG charts for the HTML report: no script, no fonts, nothing fetched. Each returns markup."""

from __future__ import annotations

from html import escape

PALETTE = ["#2f6db5", "#e07b39", "#3a9a5b", "#9b59b6", "#c0392b", "#7f8c8d", "#d4ac0d"]


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def stacked_bars(title: str, rows: list[tuple[str, list[int]]], series: list[str]) -> str:
    """One horizontal bar per row, split by series (e.g. documents per channel for every message)."""
    label_w, bar_w, row_h = 230, 420, 22
    top = max([sum(v) for _, v in rows] + [1])
    height = row_h * len(rows) + 40
    out = [f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{label_w + bar_w + 60}" '
           f'height="{height}" viewBox="0 0 {label_w + bar_w + 60} {height}">',
           f"<title>{escape(title)}</title>"]
    for r, (label, values) in enumerate(rows):
        y = 10 + r * row_h
        out.append(f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end" class="lbl">{escape(label[:34])}</text>')
        x = label_w
        for s, value in enumerate(values):
            w = bar_w * value / top
            if value:
                out.append(f'<rect x="{x:.1f}" y="{y + 2}" width="{w:.1f}" height="{row_h - 6}" fill="{colour(s)}">'
                           f"<title>{escape(label)}: {value} {escape(series[s])}</title></rect>")
            x += w
        total = sum(values)
        out.append(f'<text x="{x + 6:.1f}" y="{y + 14}" class="num">{total if total else "not used"}</text>')
    y = height - 12
    for s, name in enumerate(series):
        out.append(f'<rect x="{label_w + s * 110}" y="{y - 10}" width="12" height="12" fill="{colour(s)}"/>'
                   f'<text x="{label_w + s * 110 + 16}" y="{y}" class="lbl">{escape(name)}</text>')
    out.append("</svg>")
    return "".join(out)


def line_chart(title: str, labels: list[str], series: dict[str, list[int]]) -> str:
    """Counts over time (findings per commit), one line per series."""
    w, h, left, bottom = 640, 240, 40, 40
    top = max([v for values in series.values() for v in values] + [1])
    n = max(len(labels), 1)
    step = (w - left - 20) / max(n - 1, 1)

    def point(i, v):
        return left + i * step, 10 + (h - bottom - 10) * (1 - v / top)

    out = [f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{w}" height="{h + 20}" '
           f'viewBox="0 0 {w} {h + 20}"><title>{escape(title)}</title>',
           f'<line x1="{left}" y1="{h - bottom}" x2="{w - 10}" y2="{h - bottom}" stroke="#999"/>',
           f'<text x="{left - 6}" y="16" text-anchor="end" class="num">{top}</text>',
           f'<text x="{left - 6}" y="{h - bottom}" text-anchor="end" class="num">0</text>']
    for s, (name, values) in enumerate(series.items()):
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, v) for i, v in enumerate(values)))
        out.append(f'<polyline fill="none" stroke="{colour(s)}" stroke-width="2" points="{points}"/>')
        for i, v in enumerate(values):
            x, y = point(i, v)
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour(s)}"><title>{escape(labels[i])}: '
                       f"{v} {escape(name)}</title></circle>")
        out.append(f'<rect x="{left + s * 120}" y="{h + 2}" width="12" height="12" fill="{colour(s)}"/>'
                   f'<text x="{left + s * 120 + 16}" y="{h + 12}" class="lbl">{escape(name)}</text>')
    for i, label in enumerate(labels):
        if n <= 12 or i % (n // 12 + 1) == 0:
            x, _ = point(i, 0)
            out.append(f'<text x="{x:.1f}" y="{h - bottom + 16}" text-anchor="middle" class="num">{escape(label)}</text>')
    out.append("</svg>")
    return "".join(out)
