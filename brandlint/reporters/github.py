"""GitHub Actions workflow commands: one annotation per finding, grouped per file, then a plain
summary (GitHub shows only 10 annotations of each type per step in the summary page)."""

from __future__ import annotations

from collections import Counter

from brandlint.reporters import Report, location

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
SHOWN = 10


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    kinds: Counter = Counter()
    for result in report.results:
        if not result.findings:
            continue
        path = report.relpath(result.path)
        lines.append(f"::group::{escape_data(path)}")
        for finding in result.findings:
            command = COMMANDS[str(finding.severity)]
            kinds[command] += 1
            title = f"{finding.code} {finding.name}" + (f" ({finding.where})" if finding.where else "")
            props = (f"file={escape_property(path)},line={finding.line},col={finding.column},"
                     f"endLine={finding.end_line},endColumn={max(finding.end_column, finding.column)},title={escape_property(title)}")
            lines.append(f"::{command} {props}::{escape_data(finding.message)}")
        lines.append("::endgroup::")
    if not report.quiet:
        for command, n in sorted(kinds.items()):
            if n > SHOWN:
                lines.append(f"Note: {n} {command} annotations; GitHub shows only {SHOWN} per type in the run summary, "
                             "all of them in the files view and below.")
        for result in report.results:
            for finding in result.findings:
                lines.append(f"{location(report.relpath(result.path), finding)}: {finding.code} [{finding.severity}] "
                             f"{escape_data(finding.message)}")
        lines.append(report.summary())
    return "\n".join(lines) + "\n" if lines else ""
