"""Run the rules over one Document. Pure: no printing, no files; heavy models come through the context."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

from brandlint import directives
from brandlint.checks import KINDS
from brandlint.config import Config
from brandlint.messaging import Messaging
from brandlint.model import CHANNELS, Document, Finding, Rule, Severity
from brandlint.rules import active, matches


@dataclass
class Context:
    messaging: Messaging
    config: Config
    channel: str = "external"
    as_of: dt.date = field(default_factory=dt.date.today)
    models: object = None  # brandlint.models.Models: spaCy and the embedder, loaded on first use
    memo: dict = field(default_factory=dict)  # analyses shared by the rules of one document


def channel_for(document: Document, config: Config, override: str | None = None) -> str:
    if override:
        return override
    meta = document.meta.get("channel")
    if isinstance(meta, str) and meta.lower() in CHANNELS:
        return meta.lower()
    try:
        relative = Path(document.path).resolve().relative_to(config.root).as_posix()
    except ValueError:
        relative = Path(document.path).as_posix()
    for channel, globs in config.channels.items():
        if any(fnmatch.fnmatch(relative, g) or fnmatch.fnmatch(relative, g.rstrip("/") + "/*") for g in globs):
            return channel
    return config.default_channel


def rules_for(rules: list[Rule], config: Config, channel: str) -> list[Rule]:
    per = config.per_channel.get(channel, {})
    chosen = []
    for rule in rules:
        if not active(rule, config.select, config.ignore):
            continue
        if not active(rule, per.get("select") or (), per.get("ignore") or ()):
            continue
        severity = rule.severity
        for overrides in (config.severity, per.get("severity") or {}):
            for selector, value in overrides.items():
                if matches(rule, selector):
                    severity = value if isinstance(value, Severity) else Severity.parse(value)
        chosen.append(rule if severity == rule.severity else dataclasses.replace(rule, severity=severity))
    return chosen


def lint(document: Document, rules: list[Rule], ctx: Context) -> list[Finding]:
    ctx.memo = {}
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(KINDS[rule.kind].check(rule, document, ctx))
    if document.format in ("markdown", "html", "text"):
        findings = _directives(document, findings, rules)
    return sorted(findings, key=lambda f: (f.start, f.end, f.rule))


def _directives(document: Document, findings: list[Finding], rules: list[Rule]) -> list[Finding]:
    found = directives.parse(document.source)
    if not found:
        return findings
    starts = document.line_starts()
    kept = directives.apply(findings, found, lambda offset: bisect.bisect_right(starts, offset))
    unused = next((r for r in rules if r.code == "BL002"), None)
    if unused:
        for d in found:
            if d.kind != "enable" and not d.used:
                what = " ".join(d.selectors) or "all rules"
                kept.append(Finding(unused.code, unused.name, unused.family, unused.severity,
                                    unused.message.format(directive=f"brandlint-{d.kind}", what=what),
                                    d.start, d.end, document.source[d.start:d.end]))
    return kept
