"""Inline control: `<!-- brandlint-disable BL100 -->`, `-enable`, `-disable-next-line` and
`-disable-file`, in an HTML comment (Markdown, HTML) or on a `#` or `//` comment line (text).
A directive that suppresses nothing is itself reported (BL002), as ruff reports an unused noqa; a
directive of an unknown kind or naming an unknown rule is reported (BL003) and never widened to
disable more than it names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from brandlint.model import Finding, line_of, line_starts

# Any `brandlint-word-word`, so a misspelt kind is seen and reported rather than read as another.
DIRECTIVE = re.compile(
    r"(?:<!--|^[ \t]*(?:#|//))[ \t]*brandlint-(?P<kind>[A-Za-z]+(?:-[A-Za-z]+)*)"
    r"(?P<codes>[^\n]*?)[ \t]*(?:-->|$)", re.M)
KINDS = ("disable", "enable", "disable-next-line", "disable-file")
ALL_LINES = 10**9


@dataclass
class Directive:
    kind: str
    selectors: tuple[str, ...]
    start: int
    end: int
    first_line: int
    last_line: int = ALL_LINES
    used: bool = field(default=False)
    problems: tuple[str, ...] = ()  # unknown kind or selectors, reported as findings
    active: bool = True  # False: suppresses nothing (unknown kind, or every selector unknown)

    def covers(self, finding: Finding, line: int) -> bool:
        if not self.active or not self.first_line <= line <= self.last_line:
            return False
        return not self.selectors or any(
            s in (finding.name, finding.family) or finding.code.startswith(s.upper()) for s in self.selectors)


def parse(source: str, check: Callable[[str], str | None] = lambda s: None) -> list[Directive]:
    """`check(selector)` says why a selector names no rule (None when it names some)."""
    starts = line_starts(source)

    def at(offset: int) -> int:
        return line_of(starts, offset)

    found: list[Directive] = []
    for m in DIRECTIVE.finditer(source):
        kind = m["kind"].lower()
        written = tuple(s for s in re.split(r"[\s,]+", m["codes"].strip()) if s and s != "-->")
        line = at(m.start())
        if kind not in KINDS:
            found.append(Directive(kind, written, m.start(), m.end(), line, line, active=False, problems=(
                f"unknown directive 'brandlint-{kind}'; use brandlint-disable, -enable, -disable-next-line "
                "or -disable-file",)))
            continue
        problems = tuple(p for p in map(check, written) if p)
        selectors = tuple(s for s in written if not check(s))
        active = bool(selectors) or not written  # all named rules unknown: not "every rule"
        if kind == "disable-file":
            found.append(Directive(kind, selectors, m.start(), m.end(), 1, problems=problems, active=active))
        elif kind == "disable-next-line":
            rest = source[m.end():]
            nxt = re.search(r"\n[ \t]*\S", rest)
            target = at(m.end() + nxt.end() - 1) if nxt else at(m.end()) + 1
            found.append(Directive(kind, selectors, m.start(), m.end(), target, target, problems=problems,
                                   active=active))
        elif kind == "disable":
            found.append(Directive(kind, selectors, m.start(), m.end(), line, problems=problems, active=active))
        else:  # enable closes the open disables it names (or all)
            found.append(Directive(kind, selectors, m.start(), m.end(), line, line, problems=problems,
                                   active=False))
            if not active:
                continue
            for d in found:
                if d.kind == "disable" and d.last_line == ALL_LINES and (
                        not selectors or set(d.selectors) <= set(selectors)):
                    d.last_line = line
    return found


def apply(findings: list[Finding], directives: list[Directive], line_at) -> list[Finding]:
    kept = []
    for finding in findings:
        line = line_at(finding.start)
        hits = [d for d in directives if d.covers(finding, line)]
        for d in hits:
            d.used = True
        if not hits:
            kept.append(finding)
    return kept
