"""substitution: avoid X, use Y. The pairs come from the rule's `swap:` map or, with
`from: messaging`, from the messaging `terms` (`avoid:` -> `use:`)."""

from __future__ import annotations

from brandlint.checks.text import (carry_preposition, format_message, inflections, inside, keep_case,
                                   quoted_ranges, term_set)
from brandlint.model import Edit, Finding

OPTIONS = {"swap": dict, "from": str, "ignorecase": bool, "skip_quotes": bool}


def pairs(rule, messaging) -> list[tuple[str, tuple[str, ...], bool, str]]:
    """(avoid, suggestions, case_sensitive, note) for every pair this rule knows."""
    out = []
    if rule.options.get("from") == "messaging":
        for term in messaging.terms:
            for avoid in term.avoid:
                for a, u in inflections(avoid, term.use) if not term.case_sensitive else [(avoid, term.use)]:
                    out.append((a, (carry_preposition(a, u),), term.case_sensitive, term.note))
    ignorecase = rule.options.get("ignorecase", True)
    for avoid, use in (rule.options.get("swap") or {}).items():
        uses = tuple(use) if isinstance(use, list) else (str(use),)
        out.append((str(avoid), uses, not ignorecase, ""))
    return out


def check(rule, document, ctx):
    skip_quotes = rule.options.get("skip_quotes", True)
    table = pairs(rule, ctx.messaging)
    terms = term_set(tuple(p[0] for p in table), tuple(p[2] for p in table))
    for block in document.blocks:
        if skip_quotes and block.kind == "quote":
            continue
        quoted = None
        for m, i in terms.finditer(block.text):
            avoid, uses, case_sensitive, note = table[i]
            if skip_quotes:
                quoted = quoted_ranges(block.text) if quoted is None else quoted
                if inside(quoted, m.start(), m.end()):
                    continue
            found = m.group(0)
            suggestions = tuple(u if case_sensitive else keep_case(found, u) for u in uses)
            if found in suggestions:
                continue
            start, end = block.start + m.start(), block.start + m.end()
            fix = Edit(start, end, suggestions[0]) if rule.fixable and len(suggestions) == 1 else None
            message = format_message(rule.message, found=found, expected=suggestions[0],
                                     suggestions="', '".join(suggestions), note=note)
            yield Finding(rule.code, rule.name, rule.family, rule.severity, message, start, end,
                          found, suggestions, fix)
