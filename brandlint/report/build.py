"""The report data: one versioned, JSON-ready dict from every file's facts. Pure apart from the
embedding call the conflicts need. Field names are a contract: add, never rename."""

from __future__ import annotations

from collections import Counter

from brandlint import __version__
from brandlint.paths import relative
from brandlint.report import conflicts
from brandlint.reporters import Report
from brandlint.reporters.json_ import finding_dict

SCHEMA_VERSION = 1
TOP_DOCUMENTS = 10


def build(all_facts: list, run, history: list | None = None) -> dict:
    root = run.config.root
    channels = list(run.config.channel_names)
    docs = [(relative(f.result.path, root), f) for f in all_facts]
    report = Report(tuple(f.result for f in all_facts), run.rules, root=root)
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "brandlint", "version": __version__},
        "as_of": str(run.as_of),
        "company": run.messaging.company,
        "channels": channels,
        "documents": [{"path": path, "channel": f.result.channel, "findings": len(f.result.findings)}
                      for path, f in docs],
        "coverage": coverage(docs, run.messaging, channels),
        "findings": findings(report, channels),
        "conflicts": _conflicts(docs, run),
        "missing_required": missing_required(docs, run.messaging),
        "history": history,
    }


def coverage(docs, messaging, channels) -> list[dict]:
    out = []
    for entry in messaging.entries:
        found = [{"path": path, "line": f.mentions[entry.id], "channel": f.result.channel}
                 for path, f in docs if entry.id in f.mentions]
        by_channel = Counter(d["channel"] for d in found)
        out.append({"entry": entry.id, "section": entry.section, "text": entry.text,
                    "required_in": list(entry.required_in), "documents": found,
                    "by_channel": {c: by_channel.get(c, 0) for c in channels}})
    return out


def findings(report: Report, channels) -> dict:
    items = [finding_dict(report, r, f) for r, f in report.items()]
    per_doc = Counter(i["path"] for i in items)
    errors = Counter(i["path"] for i in items if i["severity"] == "error")
    by_channel = Counter(i["channel"] for i in items)
    return {
        "total": len(items),
        "by_severity": {s: sum(1 for i in items if i["severity"] == s) for s in ("error", "warning", "info")},
        "by_rule": dict(sorted(Counter(f"{i['rule']} {i['name']}" for i in items).items())),
        "by_family": dict(sorted(Counter(i["family"] for i in items).items())),
        "by_channel": {c: by_channel.get(c, 0) for c in channels},
        "top_documents": [{"path": p, "findings": n, "errors": errors.get(p, 0)}
                          for p, n in sorted(per_doc.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_DOCUMENTS]],
        "items": items,
    }


def missing_required(docs, messaging) -> list[dict]:
    out = []
    for path, f in docs:
        for entry_id in f.required:
            if entry_id not in f.mentions:
                entry = messaging.entry(entry_id)
                out.append({"path": path, "channel": f.result.channel, "entry": entry_id, "text": entry.text,
                            "required_in": list(entry.required_in)})
    return out


def _conflicts(docs, run) -> list[dict]:
    statements = [dict(s, path=path) for path, f in docs for s in f.statements]
    if not statements or run.language is None:
        return []
    static = run.language.static_embed if run.language.static() is not None else None
    return conflicts.find(statements, run.language.embed, static)
