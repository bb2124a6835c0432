"""Versioned JSON for scripts. Field names are a contract: add, never rename."""

import json

from brandlint import __version__
from brandlint.reporters import Report

SCHEMA_VERSION = 1


def finding_dict(report: Report, result, finding) -> dict:
    details = dict(finding.details)
    out = {
        "path": report.relpath(result.path),
        "line": finding.line, "column": finding.column,
        "end_line": finding.end_line, "end_column": finding.end_column,
        "where": finding.where or None,
        "rule": finding.code, "name": finding.name, "family": finding.family,
        "severity": str(finding.severity), "message": finding.message, "match": finding.match,
        "suggestions": list(finding.suggestions), "fixable": finding.fix is not None,
        "channel": result.channel, "entry": finding.entry,
    }
    if "score" in details:
        out["score"] = details["score"]
    if "nearest" in details:
        out["nearest"] = [{"entry": e, "score": s} for e, s in details["nearest"]]
    return out


def render(report: Report) -> str:
    counts = report.counts()
    data = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "brandlint", "version": __version__},
        "summary": {"files": len(report.results), "findings": sum(counts.values()),
                    "error": counts["error"], "warning": counts["warning"], "info": counts["info"],
                    "fixed": sum(r.fixed for r in report.results), "seconds": round(report.seconds, 3)},
        "findings": [finding_dict(report, r, f) for r, f in report.items()],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
