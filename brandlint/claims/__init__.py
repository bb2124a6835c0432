"""The claims family: every claim-like sentence is compared by meaning with the messaging entries.
The analysis runs once per document; each claims rule reports the verdicts of its kind."""

from __future__ import annotations

import re
from dataclasses import dataclass

from brandlint.claims.decide import decide
from brandlint.claims.detect import signal
from brandlint.checks.text import format_message
from brandlint.model import Finding, Severity

TOP_K = 5


@dataclass(frozen=True)
class Sentence:
    text: str  # whitespace collapsed, as embedded
    start: int
    end: int
    kind: str


def names(messaging) -> list[str]:
    found = [messaging.company] if messaging.company else []
    return found + [t.use for t in messaging.terms if t.case_sensitive and t.use not in found]


def sentences(document, nlp) -> list[Sentence]:
    out = []
    blocks = [b for b in document.blocks if b.text.strip()]
    for block, doc in zip(blocks, nlp.pipe(b.text for b in blocks)):
        for sent in doc.sents:
            text = " ".join(sent.text.split())
            if len(re.findall(r"[^\W\d_]{2,}", text)) < 2:
                continue  # a lone word or number is not a sentence to judge
            out.append(Sentence(text, block.start + sent.start_char, block.start + sent.end_char, block.kind))
    return out


def entry_index(messaging, models):
    """(entries, texts, owner index per text, vectors); cached on the models object per messaging."""
    key = ("entries", messaging.digest)
    cached = getattr(models, "_entry_index", None)
    if cached and cached[0] == key:
        return cached[1]
    entries = [e for e in messaging.entries]
    texts, owners = [], []
    for i, entry in enumerate(entries):
        for text in (entry.text, *entry.variants):
            texts.append(text)
            owners.append(i)
    vectors = models.embed(texts)
    index = (entries, texts, owners, vectors)
    models._entry_index = (key, index)
    return index


def rank(vector, index) -> list:
    entries, _, owners, vectors = index
    scores = vectors @ vector
    best: dict[int, float] = {}
    for owner, score in zip(owners, scores):
        best[owner] = max(best.get(owner, -1.0), float(score))
    ordered = sorted(best.items(), key=lambda kv: -kv[1])[:TOP_K]
    return [(entries[i], round(s, 3)) for i, s in ordered]


def prepare(document, messaging, models) -> list[tuple[Sentence, object, list]]:
    """(sentence, signal, nearest entries) for every claim-like sentence: the costly part."""
    if not messaging.entries:
        return []
    known = names(messaging)
    found = [(s, signal(s.text, known)) for s in sentences(document, models.nlp())]
    claims = [(s, sig) for s, sig in found if sig.strength > 0]
    index = entry_index(messaging, models)
    vectors = models.embed([s.text for s, _ in claims])
    return [(s, sig, rank(vector, index)) for (s, sig), vector in zip(claims, vectors)]


def analyse(document, ctx) -> list[tuple[Sentence, object, object, list]]:
    """(sentence, signal, verdict or None, nearest entries) for every claim-like sentence."""
    if "claims" not in ctx.memo:
        known = names(ctx.messaging)
        thresholds = ctx.config.claims.get("thresholds") or {}
        ctx.memo["claims"] = [
            (s, sig, decide(s.text, sig, ranked, ctx.messaging, ctx.channel, ctx.as_of, known, thresholds), ranked)
            for s, sig, ranked in prepare(document, ctx.messaging, ctx.models)]
    return ctx.memo["claims"]


def check(rule, document, ctx):
    wanted = rule.options.get("verdict")
    for s, sig, verdict, ranked in analyse(document, ctx):
        if verdict is None or verdict.kind != wanted:
            continue
        severity = rule.severity
        if wanted == "unsupported":
            configured = ctx.config.claims.get("unsupported_severity") or {}
            severity = configured.get(ctx.channel, Severity.WARNING if ctx.channel == "internal" else rule.severity)
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
        nearest = tuple((e.id, s_) for e, s_ in ranked)
        yield Finding(rule.code, rule.name, rule.family, severity, format_message(rule.message, **fields),
                      s.start, s.end, document.source[s.start:s.end], suggestions, None,
                      entry.id if entry else None,
                      details=(("score", verdict.score), ("nearest", nearest), ("signals", sig.reasons)))
