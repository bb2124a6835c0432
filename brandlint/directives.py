"""Inline control: `<!-- brandlint-disable BL100 -->`, `-enable`, `-disable-next-line` and
`-disable-file`, in an HTML comment (Markdown, HTML) or on a `#` or `//` comment line (text).
A directive that suppresses nothing is itself reported (BL002), as ruff reports an unused noqa."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from brandlint.model import Finding, line_of, line_starts

DIRECTIVE = re.compile(
    r"(?:<!--|^[ \t]*(?:#|//))[ \t]*brandlint-(?P<kind>disable-next-line|disable-file|disable|enable)\b"
    r"(?P<codes>[^\n]*?)[ \t]*(?:-->|$)", re.M)
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

    def covers(self, finding: Finding, line: int) -> bool:
        if not self.first_line <= line <= self.last_line:
            return False
        return not self.selectors or any(
            s in (finding.name, finding.family) or finding.code.startswith(s.upper()) for s in self.selectors)


def parse(source: str) -> list[Directive]:
    starts = line_starts(source)

    def at(offset: int) -> int:
        return line_of(starts, offset)

    found: list[Directive] = []
    for m in DIRECTIVE.finditer(source):
        selectors = tuple(s for s in re.split(r"[\s,]+", m["codes"].strip()) if s and s != "-->")
        line = at(m.start())
        if m["kind"] == "disable-file":
            found.append(Directive("disable-file", selectors, m.start(), m.end(), 1))
        elif m["kind"] == "disable-next-line":
            rest = source[m.end():]
            nxt = re.search(r"\n[ \t]*\S", rest)
            target = at(m.end() + nxt.end() - 1) if nxt else at(m.end()) + 1
            found.append(Directive("disable-next-line", selectors, m.start(), m.end(), target, target))
        elif m["kind"] == "disable":
            found.append(Directive("disable", selectors, m.start(), m.end(), line))
        else:  # enable closes the open disables it names (or all)
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
