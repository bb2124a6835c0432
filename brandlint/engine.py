"""Lint one Document: a pure function of the document, the rules, and a frozen Context (messaging,
channel, date, claims settings, and the language models behind a small interface). No files, no
environment, no shared state; caching lives behind the embedder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from brandlint import directives, prose, selectors
from brandlint.kinds import KINDS
from brandlint.messaging import Messaging
from brandlint.model import Document, Finding, LineIndex, Rule

TEXT_FORMATS = ("markdown", "html", "text")  # formats that can carry inline directives


@dataclass(frozen=True)
class Context:
    """Everything rules may consult besides the document. Built once per file; frozen."""

    messaging: Messaging
    channel: str = "external"
    as_of: dt.date = field(default_factory=dt.date.today)
    thresholds: dict = field(default_factory=dict, compare=False, hash=False)  # claims threshold overrides
    unsupported_severity: dict = field(default_factory=dict, compare=False, hash=False)  # channel -> Severity
    language: object = None  # brandlint.language.Language: spaCy and the embedder, loaded on first use
    known_rules: tuple = field(default=(), compare=False, hash=False)  # every loaded rule, for directives
    published: dt.date | None = None  # the document's own publication date, when it has one

    @property
    def judged_on(self) -> dt.date:
        """The day claims are judged as of: a dated document as of the day it was published."""
        return min(self.as_of, self.published) if self.published else self.as_of

    @property
    def voice(self) -> dict:
        """The messaging's `voice:` targets for this channel."""
        return self.messaging.voice.get(self.channel, {})


class Shared:
    """Analyses several rules of one document need, each computed on first use and handed to the
    rules as a value. One per lint() call; nothing outlives it."""

    def __init__(self, document: Document, ctx: Context):
        self.document, self.ctx = document, ctx

    @cached_property
    def prose_sentences(self) -> list[tuple[int, int, str]]:
        return prose.prose_sentences(self.document)

    @cached_property
    def claims(self) -> list:
        from brandlint.claims import analyse  # spaCy and the embedder load only when a claims rule runs

        return analyse(self.document, self.ctx)


def lint(document: Document, rules: list[Rule], ctx: Context, shared: Shared | None = None) -> list[Finding]:
    """`shared`: pass one to read the analyses afterwards (the report reads the claims verdicts)."""
    shared = shared or Shared(document, ctx)
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(KINDS[rule.kind].check(rule, document, ctx, shared))
    if document.format in TEXT_FORMATS:
        findings = _directives(document, findings, rules, ctx.known_rules or tuple(rules))
    index = LineIndex(document)
    return sorted((index.locate(f) for f in findings), key=lambda f: (f.start, f.end, f.code))


def _directives(document: Document, findings: list[Finding], rules: list[Rule], known: tuple) -> list[Finding]:
    found = directives.parse(document.source, lambda s: selectors.problem(s, known))
    if not found:
        return findings
    index = LineIndex(document)
    kept = directives.apply(findings, found, lambda offset: index.point(offset)[0])
    bad = next((r for r in known if r.kind == "bad-directive"), None)  # reported even when not selected
    if bad:
        for d in found:
            for problem in d.problems:
                kept.append(bad.finding(d.start, d.end, document.source[d.start:d.end], {"problem": problem}))
    unused = next((r for r in rules if r.kind == "unused-directive"), None)
    if unused:
        for d in found:
            if d.kind != "enable" and d.active and not d.used:
                what = " ".join(d.selectors) or "all rules"
                kept.append(unused.finding(d.start, d.end, document.source[d.start:d.end],
                                           {"directive": f"brandlint-{d.kind}", "what": what}))
    return kept
