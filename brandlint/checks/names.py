"""Product names from the messaging `terms` (those with `case_sensitive: true`):
`casing` finds the right words in the wrong case, `misspelling` finds near misses by fuzzy matching."""

from __future__ import annotations

import re

from brandlint.checks.text import format_message, inside, quoted_ranges, sentence_initial, shouting, term_pattern, words
from brandlint.model import Edit, Finding

OPTIONS = {"min_ratio": (int, float)}


def _names(messaging):
    return [t for t in messaging.terms if t.case_sensitive]


def casing(rule, document, ctx):
    for term in _names(ctx.messaging):
        avoid = set(term.avoid)
        for block in document.blocks:
            if shouting(block) or block.kind == "quote":
                continue
            quoted = quoted_ranges(block.text)
            for m in term_pattern(term.use).finditer(block.text):
                found = m.group(0)
                if re.sub(r"\s+", " ", found) == term.use or found in avoid or inside(quoted, *m.span()):
                    continue
                if sentence_initial(block, m.start()) and found[1:] == term.use[1:]:
                    continue
                start, end = block.start + m.start(), block.start + m.end()
                yield Finding(rule.code, rule.name, rule.family, rule.severity,
                              format_message(rule.message, found=found, expected=term.use), start, end,
                              found, (term.use,), Edit(start, end, term.use) if rule.fixable else None)


def _key(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text).lower()


def misspelling(rule, document, ctx):
    from rapidfuzz.fuzz import ratio

    min_ratio = rule.options.get("min_ratio", 85)
    names = _names(ctx.messaging)
    known = {_key(t.use) for t in ctx.messaging.terms} | {_key(a) for t in ctx.messaging.terms for a in t.avoid}
    for block in document.blocks:
        if block.kind == "quote":
            continue
        quoted = quoted_ranges(block.text)
        tokens = words(block.text)
        taken: list[tuple[int, int]] = []
        for term in names:
            target = _key(term.use)
            n = len(term.use.split())
            for k in sorted({max(1, n - 1), n, n + 1}):
                for i in range(len(tokens) - k + 1):
                    window = tokens[i:i + k]
                    gaps = [block.text[a.end():b.start()] for a, b in zip(window, window[1:])]
                    if any(g.strip(" \t-") for g in gaps):
                        continue
                    s, e = window[0].start(), window[-1].end()
                    candidate = block.text[s:e]
                    key = _key(candidate)
                    if (len(key) < 5 or key[0] != target[0] or target in key or key in known
                            or inside(quoted, s, e) or any(a < e and s < b for a, b in taken)):
                        continue
                    score = ratio(key, target)
                    if score < min_ratio:
                        continue
                    taken.append((s, e))
                    start, end = block.start + s, block.start + e
                    yield Finding(rule.code, rule.name, rule.family, rule.severity,
                                  format_message(rule.message, found=candidate, expected=term.use),
                                  start, end, candidate, (term.use,),
                                  Edit(start, end, term.use) if rule.fixable else None,
                                  details=(("similarity", round(score / 100, 2)),))


def restricted(rule, document, ctx):
    for term in ctx.messaging.terms:
        if term.channels is None or ctx.channel in term.channels:
            continue
        for block in document.blocks:
            for m in term_pattern(term.use, term.case_sensitive).finditer(block.text):
                yield Finding(rule.code, rule.name, rule.family, rule.severity,
                              format_message(rule.message, found=m.group(0), channels=", ".join(term.channels),
                                             channel=ctx.channel, note=term.note),
                              block.start + m.start(), block.start + m.end(), m.group(0))
