"""Text for `brandlint explain` and `brandlint messaging check`."""

from __future__ import annotations

from brandlint.kinds import KINDS
from brandlint.model import FileResult, LineIndex, Rule


def describe_rule(rule: Rule) -> str:
    lines = [f"{rule.code} {rule.name}", f"  family: {rule.family}   kind: {rule.kind}   "
             f"severity: {rule.severity}   fixable: {'yes' if rule.fixable else 'no'}",
             f"  message: {rule.message}", f"  defined in: {rule.source}", ""]
    if rule.description:
        lines += [rule.description, ""]
    declared = KINDS[rule.kind].options
    if declared:
        lines.append("Options (this rule's value; the kind's default):")
        for key, option in declared.items():
            value = rule.options.get(key)
            shown = _short(value)
            lines.append(f"  {key}: {shown}   (default: {_short(option.default)}) {option.help}")
        lines.append("")
    for group, label in (("fail", "Flagged"), ("pass", "Not flagged"), ("fix", "Fixed")):
        items = rule.examples.get(group) or []
        if not items:
            continue
        lines.append(f"{label}:")
        for item in items:
            if group == "fix":
                lines.append(f"  {item[0]!r} -> {item[1]!r}")
            elif isinstance(item, dict):
                extra = ", ".join(f"{k}: {v}" for k, v in item.items() if k in ("channel", "as_of"))
                lines.append(f"  {item['text']!r}" + (f" ({extra})" if extra else ""))
                lines.extend(f"    -> {finding}" for finding in item.get("findings") or ())
            else:
                lines.append(f"  {item!r}")
    return "\n".join(lines).rstrip() + "\n"


def _short(value) -> str:
    text = "none" if value is None else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def describe_findings(result: FileResult, line: int, messaging, ctx=None) -> str:
    """The findings on one line with their scores and nearest entries, and (given the document's
    context) every claim-like sentence there that gave no finding, with the entries it was compared with."""
    from brandlint.claims import analyse

    out = []
    for finding in result.findings:
        if not finding.line <= line <= finding.end_line:
            continue
        out.append(f"{result.path}:{finding.line}:{finding.column}: {finding.code} {finding.name} "
                   f"[{finding.severity}] {finding.message}")
        out.append(f"  text: {finding.match!r}")
        for key, value in finding.details:
            if key == "nearest":
                out.append("  nearest messaging entries:")
                for entry_id, score in value:
                    entry = messaging.entry(entry_id)
                    out.append(f"    {score:.3f}  {entry.section:<10} {entry_id}: {entry.text}")
            elif isinstance(value, tuple):
                out.append(f"  {key}: {', '.join(map(str, value)) or 'none'}")
            else:
                out.append(f"  {key}: {value}")
    if ctx is not None and result.document is not None and messaging.entries:
        index = LineIndex(result.document)
        traces: list = []
        for (s, sig, verdict, ranked), why in zip(analyse(result.document, ctx, traces), traces):
            if index.point(s.start)[0] <= line <= index.point(s.end)[0] and verdict is None:
                out.append(f"{result.path}:{line}: claim-like sentence ({', '.join(sig.reasons)}), no finding:")
                out.append(f"  text: {s.text!r}")
                for entry, score in ranked:
                    out.append(f"    {score:.3f}  {entry.section:<10} {entry.id}: {entry.text}")
                    if entry.id in why:
                        out.append(f"           why no finding: {why[entry.id]}")
    return "\n".join(out) + "\n" if out else f"no findings on line {line} of {result.path}\n"


def confusable(messaging, language, threshold: float):
    """Pairs of entries whose texts are so similar that a draft may match the wrong one."""
    entries = list(messaging.entries)
    if len(entries) < 2:
        return []
    vectors = language.embed([e.text for e in entries])
    scores = vectors @ vectors.T
    pairs = []
    for i in range(len(entries)):
        for j in range(i + 1, len(entries)):
            if scores[i, j] >= threshold:
                pairs.append((entries[i], entries[j], float(scores[i, j])))
    return sorted(pairs, key=lambda p: -p[2])
