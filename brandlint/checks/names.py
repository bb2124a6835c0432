"""Names from the messaging `terms`: `casing` finds the right words in the wrong case (terms with
`case_sensitive: true`), `misspelling` finds near misses of capitalised terms by fuzzy matching,
`restricted` finds terms used outside their `channels:`."""

from __future__ import annotations

import re

from brandlint.checks.text import (format_message, inside, quoted_ranges, sentence_initial, shouting, term_pattern,
                                   term_set, words)
from brandlint.model import Edit, Finding

OPTIONS = {"min_ratio": (int, float)}


def casing(rule, document, ctx):
    names = [t for t in ctx.messaging.terms if t.case_sensitive]
    terms = term_set(tuple(t.use for t in names), (False,) * len(names))
    for block in document.blocks:
        if block.kind == "quote" or shouting(block):
            continue
        quoted = None
        for m, i in terms.finditer(block.text):
            term, found = names[i], m.group(0)
            if re.sub(r"\s+", " ", found) == term.use or found in term.avoid:
                continue
            if sentence_initial(block, m.start()) and found[1:] == term.use[1:]:
                continue
            quoted = quoted_ranges(block.text) if quoted is None else quoted
            if inside(quoted, *m.span()):
                continue
            start, end = block.start + m.start(), block.start + m.end()
            yield Finding(rule.code, rule.name, rule.family, rule.severity,
                          format_message(rule.message, found=found, expected=term.use), start, end,
                          found, (term.use,), Edit(start, end, term.use) if rule.fixable else None)


def _token(m) -> tuple[int, int, str]:
    """(start, end, comparison key) of a word; a possessive stays outside: "Acme Clod's" -> "Clod"."""
    word, end = m.group(0), m.end()
    if word.lower().endswith(("'s", "’s")):
        word, end = word[:-2], end - 2
    return m.start(), end, word.lower().replace("-", "")


def _key(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text).lower()


def misspelling(rule, document, ctx):
    from rapidfuzz.fuzz import ratio

    min_ratio = rule.options.get("min_ratio", 85)
    names = [t for t in ctx.messaging.terms if t.use[:1].isupper()]  # proper nouns: products, codenames
    known = {_key(t.use) for t in ctx.messaging.terms} | {_key(a) for t in ctx.messaging.terms for a in t.avoid}
    targets = [(term, _key(term.use), len(term.use.split())) for term in names]
    for block in document.blocks:
        if block.kind == "quote":
            continue
        tokens = [_token(m) for m in words(block.text)]
        quoted = None
        taken: list[tuple[int, int]] = []
        for term, target, n in targets:
            # A ratio of min_ratio or more bounds the length: cheap filters first, fuzzy matching last.
            slack = max(1, int(len(target) * (100 - min_ratio) / 100 * 2))
            for i, (s, _, first) in enumerate(tokens):
                if first[0] != target[0]:
                    continue
                for k in sorted({max(1, n - 1), n, n + 1}):
                    window = tokens[i:i + k]
                    if len(window) < k:
                        break
                    key = "".join(t[2] for t in window)
                    e = window[-1][1]
                    if abs(len(key) - len(target)) > slack or len(key) < 5:
                        continue
                    if any(block.text[a[1]:b[0]].strip(" \t-") for a, b in zip(window, window[1:])):
                        continue
                    candidate = block.text[s:e]
                    # Same letters, other spacing ("Acmecloud", "Acme-Cloud") is a misspelling; the name
                    # inside a longer word ("Acme Clouds") or another known term is not.
                    if key != target and (target in key or key in known):
                        continue
                    if term_pattern(term.use).search(candidate) or candidate in term.avoid:
                        continue
                    if any(a < e and s < b for a, b in taken):
                        continue
                    score = ratio(key, target)
                    if score < min_ratio:
                        continue
                    quoted = quoted_ranges(block.text) if quoted is None else quoted
                    if inside(quoted, s, e):
                        continue
                    taken.append((s, e))
                    start, end = block.start + s, block.start + e
                    yield Finding(rule.code, rule.name, rule.family, rule.severity,
                                  format_message(rule.message, found=candidate, expected=term.use),
                                  start, end, candidate, (term.use,),
                                  Edit(start, end, term.use) if rule.fixable else None,
                                  details=(("similarity", round(score / 100, 2)),))


def restricted(rule, document, ctx):
    barred = [t for t in ctx.messaging.terms if t.channels is not None and ctx.channel not in t.channels]
    terms = term_set(tuple(t.use for t in barred), tuple(t.case_sensitive for t in barred))
    for block in document.blocks:
        for m, i in terms.finditer(block.text):
            term = barred[i]
            yield Finding(rule.code, rule.name, rule.family, rule.severity,
                          format_message(rule.message, found=m.group(0), channels=", ".join(term.channels),
                                         channel=ctx.channel, note=term.note),
                          block.start + m.start(), block.start + m.end(), m.group(0))
