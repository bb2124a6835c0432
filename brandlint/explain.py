"""Text for `brandlint explain` and `brandlint messaging check`."""

from __future__ import annotations

from brandlint.model import FileResult, Rule


def describe_rule(rule: Rule) -> str:
    lines = [f"{rule.code} {rule.name}", f"  family: {rule.family}   kind: {rule.kind}   "
             f"severity: {rule.severity}   fixable: {'yes' if rule.fixable else 'no'}",
             f"  message: {rule.message}", f"  defined in: {rule.source}", ""]
    if rule.description:
        lines += [rule.description, ""]
    for group, label in (("fail", "Flagged"), ("pass", "Not flagged"), ("fix", "Fixed")):
        items = rule.examples.get(group) or []
        if not items:
            continue
        lines.append(f"{label}:")
        for item in items:
            if group == "fix":
                lines.append(f"  {item[0]!r} -> {item[1]!r}")
            elif isinstance(item, dict):
                extra = ", ".join(f"{k}: {v}" for k, v in item.items() if k != "text")
                lines.append(f"  {item['text']!r} ({extra})")
            else:
                lines.append(f"  {item!r}")
    return "\n".join(lines).rstrip() + "\n"


def describe_findings(result: FileResult, line: int, ctx) -> str:
    from brandlint.claims import analyse

    out = []
    for finding, position in zip(result.findings, result.positions):
        if not position.line <= line <= position.end_line:
            continue
        out.append(f"{result.path}:{position.line}:{position.column}: {finding.rule} {finding.name} "
                   f"[{finding.severity}] {finding.message}")
        out.append(f"  text: {finding.match!r}")
        for key, value in finding.details:
            if key == "nearest":
                out.append("  nearest messaging entries:")
                for entry_id, score in value:
                    entry = ctx.messaging.entry(entry_id)
                    out.append(f"    {score:.3f}  {entry.section:<10} {entry_id}: {entry.text}")
            elif isinstance(value, tuple):
                out.append(f"  {key}: {', '.join(map(str, value)) or 'none'}")
            else:
                out.append(f"  {key}: {value}")
    if result.document is not None and ctx.messaging.entries:
        from brandlint.model import LineIndex

        index = LineIndex(result.document)
        for s, sig, verdict, ranked in analyse(result.document, ctx):
            if index.point(s.start)[0] <= line <= index.point(s.end)[0] and verdict is None:
                out.append(f"{result.path}:{line}: claim-like sentence ({', '.join(sig.reasons)}), no finding:")
                out.append(f"  text: {s.text!r}")
                for entry, score in ranked:
                    out.append(f"    {score:.3f}  {entry.section:<10} {entry.id}: {entry.text}")
    return "\n".join(out) + "\n" if out else f"no findings on line {line} of {result.path}\n"


def confusable(messaging, models, threshold: float):
    """Pairs of entries whose texts are so similar that a draft may match the wrong one."""
    entries = list(messaging.entries)
    if len(entries) < 2:
        return []
    vectors = models.embed([e.text for e in entries])
    scores = vectors @ vectors.T
    pairs = []
    for i in range(len(entries)):
        for j in range(i + 1, len(entries)):
            if scores[i, j] >= threshold:
                pairs.append((entries[i], entries[j], float(scores[i, j])))
    return sorted(pairs, key=lambda p: -p[2])
