"""claims: report the claims analysis' verdicts of one kind (`verdict:` prohibited, retired,
stale-figure, figure-mismatch, contradiction, channel, embargo, unsupported). The analysis itself
(brandlint/claims) runs once per document and is shared by all claims rules."""

from __future__ import annotations

from brandlint.model import Option, Severity

QUOTES = "\"“„‘'"
OPTIONS = {"verdict": Option(str, None, "which verdict of the claims analysis this rule reports")}


def check(rule, document, ctx, shared):
    wanted = rule.options["verdict"]
    seen: set[str] = set()
    for s, sig, verdict, ranked in shared.claims:
        if verdict is None or verdict.kind != wanted:
            continue
        if wanted == "unsupported":
            if s.text in seen:
                continue  # one claim, one decision: a sentence repeated on a page is reported once
            seen.add(s.text)
        severity = rule.severity
        if wanted == "unsupported":
            if s.kind == "quote" or s.text[:1] in QUOTES:
                continue  # someone else's words: a quoted customer's claim is not ours to approve
            default = Severity(max(Severity.INFO, rule.severity - 1)) if ctx.channel == "internal" else rule.severity
            severity = ctx.unsupported_severity.get(ctx.channel, default)
            if sig.hedged or sig.question:
                severity = Severity(max(Severity.INFO, severity - 1))
        entry = verdict.entry
        fields = dict(verdict.message, entry=entry.id if entry else "", approved=entry.text if entry else "",
                      score=f"{verdict.score:.2f}", channel=ctx.channel)
        suggestions = ()
        if wanted == "retired" and verdict.message.get("instead"):
            suggestions = (verdict.message["instead"],)
        elif entry is not None and wanted in ("stale-figure", "figure-mismatch", "contradiction"):
            suggestions = (entry.text,)
        nearest = tuple((e.id, score) for e, score in ranked)
        from brandlint.claims import readings  # here: a run answered from the cache never imports the analysis

        read_as = tuple(readings(s.text, ctx.messaging))
        yield rule.finding(s.start, s.end, document.source[s.start:s.end], fields, severity=severity,
                           suggestions=suggestions, entry=entry.id if entry else None,
                           details=(("score", verdict.score), ("nearest", nearest), ("signals", sig.reasons),
                                    *((("read as", read_as),) if read_as else ())))
