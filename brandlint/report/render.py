"""The report as text: versioned JSON, or one self-contained HTML page (report/html.py)."""

from __future__ import annotations

import json

from brandlint.report.distributed import ClusterError
from brandlint.report.history import HistoryError

ReportError = (ClusterError, HistoryError)  # what the CLI turns into a message and exit 2


def render(data: dict, fmt: str, base: str = "") -> str:
    """`base`: for HTML, the path from the page's folder to the project root (links to files)."""
    if fmt == "html":
        from brandlint.report.html import render as html

        return html(data, base)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
