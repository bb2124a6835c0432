"""For people at a terminal: grouped by file, the source line with the match underlined, the fix."""

from __future__ import annotations

import io
import re

from rich.console import Console
from rich.text import Text

from brandlint.reporters import Report, location

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(report: Report) -> str:
    lines = list(_lines(report))
    if not report.color:  # plain text: no rich at all, which matters with 100,000 findings
        return "".join("".join(text for text, _ in segments) + "\n" for segments in lines)
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=report.width, highlight=False, emoji=False,
                      color_system="standard")
    for segments in lines:
        console.print(Text.assemble(*segments), soft_wrap=not report.wrap)  # soft_wrap: no line breaks added
    return out.getvalue()


def _lines(report: Report):
    """Each output line as (text, style) segments."""
    for result in report.results:
        if not result.findings:
            continue
        path = report.relpath(result.path)
        yield [(path, "bold underline"), (f"  ({result.channel} copy)", "dim")]
        lines = re.split(r"\r\n?|\n", result.document.source) if result.document else []
        for finding in result.findings:
            severity = str(finding.severity)
            yield [(location(path, finding), "bold"), (": ", ""), (finding.code, STYLE[severity]), (" ", ""),
                   (f"[{severity}]", STYLE[severity]), (" " + finding.message, ""), (f"  ({finding.name})", "dim")]
            if lines and 0 < finding.line <= len(lines):
                source = lines[finding.line - 1].rstrip("\r").expandtabs(1)
                end = finding.end_column if finding.end_line == finding.line else len(source) + 1
                start = finding.column - 1
                left = max(0, start - 60)  # long lines: show a window around the match
                yield [("    " + source[left:left + 120], "dim")]
                width = max(1, min(end - 1, left + 120) - start)
                yield [("    " + " " * (start - left) + "^" * width, STYLE[severity])]
            if finding.suggestions:
                editable = result.document is None or result.document.editable
                label = "fix" if finding.fix and editable else "suggestion"
                for suggestion in finding.suggestions[:3]:
                    yield [(f"    {label}: ", ""), (suggestion, "green")]
        yield []
    if not report.quiet:
        yield [(report.summary(), "")]
