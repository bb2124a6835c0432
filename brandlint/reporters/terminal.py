"""For people at a terminal: grouped by file, the source line with the match underlined, the fix."""

from __future__ import annotations

import io
import re

from rich.console import Console
from rich.text import Text

from brandlint.reporters import Report, location

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(report: Report) -> str:
    out = io.StringIO()
    console = Console(file=out, force_terminal=report.color, no_color=not report.color, width=report.width,
                      highlight=False, emoji=False, color_system="standard" if report.color else None)
    for result in report.results:
        if not result.findings:
            continue
        path = report.relpath(result.path)
        console.print(Text.assemble((path, "bold underline"), (f"  ({result.channel} copy)", "dim")))
        lines = re.split(r"\r\n?|\n", result.document.source) if result.document else []
        for finding in result.findings:
            where = location(path, finding)
            severity = str(finding.severity)
            console.print(Text.assemble(
                (where, "bold"), ": ", (finding.code, STYLE[severity]), " ", (f"[{severity}]", STYLE[severity]),
                " ", finding.message, (f"  ({finding.name})", "dim")))
            if lines and 0 < finding.line <= len(lines):
                source = lines[finding.line - 1].rstrip("\r").expandtabs(1)
                end = finding.end_column if finding.end_line == finding.line else len(source) + 1
                start = finding.column - 1
                # long lines: show a window around the match
                left = max(0, start - 60)
                shown = source[left:left + 120]
                console.print(Text("    " + shown, style="dim" if report.color else ""))
                width = max(1, min(end - 1, left + 120) - start)
                console.print(Text("    " + " " * (start - left) + "^" * width, style=STYLE[severity]))
            if finding.suggestions:
                editable = result.document is None or result.document.editable
                label = "fix" if finding.fix and editable else "suggestion"
                for suggestion in finding.suggestions[:3]:
                    console.print(Text.assemble(f"    {label}: ", (suggestion, "green")))
        console.print()
    if not report.quiet:
        console.print(report.summary())
    return out.getvalue()
