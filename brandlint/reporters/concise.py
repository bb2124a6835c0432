"""One line per finding: path:line:col: CODE [severity] message (the format editors and grep know)."""

from brandlint.reporters import Report, location


def render(report: Report) -> str:
    lines = [f"{location(report.relpath(r.path), f)}: {f.code} [{f.severity}] {f.message}"
             for r, f in report.items()]
    if not report.quiet:
        lines.append(report.summary())
    return "\n".join(lines) + "\n" if lines else ""
