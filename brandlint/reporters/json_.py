"""Versioned JSON for scripts. Field names are a contract: add, never rename."""

import json

from brandlint import __version__
from brandlint.reporters import Report

SCHEMA_VERSION = 1


def finding_dict(report: Report, result, finding) -> dict:
    """The contract's fields, from the finding's own serialised form (model.Finding.to_dict)."""
    data = finding.to_dict()
    details = dict(finding.details)
    out = {
        "path": report.relpath(result.path),
        **{k: data[k] for k in ("line", "column", "end_line", "end_column")},
        "where": data["where"] or None,
        "rule": data["code"], **{k: data[k] for k in ("name", "family", "severity", "message", "match",
                                                      "suggestions")},
        "fixable": data["fix"] is not None, "channel": result.channel, "entry": data["entry"],
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
