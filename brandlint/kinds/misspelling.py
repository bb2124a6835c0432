"""misspelling: near misses of capitalised messaging terms (product names, codenames), found by
fuzzy matching with rapidfuzz. A near miss needs a word that is wrong where it stands: a window made
only of the name's own words and ordinary English words in their ordinary case ("Ubuntu comes",
"project on", "Buoyant Enterprise for") is correct copy, and so is an inflection ("Rustacean")."""

from __future__ import annotations

import re

from brandlint import prose
from brandlint.matching import (in_literal, inside, literal_ranges, quoted_ranges, sentence_initial, term_pattern,
                                words)
from brandlint.model import Edit, Option

OPTIONS = {"min_ratio": Option((int, float), 85, "similarity (0-100) from which a near miss is reported")}


def _token(m) -> tuple[int, int, str]:
    """(start, end, comparison key) of a word; a possessive stays outside: "Acme Clod's" -> "Clod"."""
    word, end = m.group(0), m.end()
    if word.lower().endswith(("'s", "’s")):
        word, end = word[:-2], end - 2
    return m.start(), end, word.lower().replace("-", "")


def _key(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text).lower()


def _correct(block, window, name_words: set[str]) -> bool:
    """Every word of the window is a word of the name as spelt, or a dictionary word in its ordinary
    case (lower case, or capitalised at the start of a sentence). An acronym is a word of its own
    ("the Link CRD" is not "Linkerd")."""
    tokens = [block.text[s:e] for s, e, _ in window]
    if len(tokens) > 1 and any(t.isupper() and len(t) >= 2 and t not in name_words for t in tokens):
        return True
    for s, e, _ in window:
        token = block.text[s:e]
        kebab = "-" in token and token.islower()  # "linkerd-proxy": an identifier made of the name's words
        for word in token.split("-"):  # "Linkerd-proxy": the name's own words, hyphenated
            if word in name_words or (kebab and word in {w.lower() for w in name_words}):
                continue
            ordinary = word.islower() or (word[:1].isupper() and word[1:].islower() and sentence_initial(block, s))
            if not (ordinary and prose.dictionary_word(word)):
                return False
    return True


# A window that a capitalised word continues is part of a longer name: "Ubuntu Code of Conduct".
LONGER_NAME = re.compile(r"\s+(?:(?:of|for|and|the|de|on)\s+)?[A-Z][a-z]")


def _inflection(key: str, target: str) -> bool:
    short, long = sorted((key, target), key=len)
    return long.startswith(short) and long[len(short):] in ("s", "es")


def check(rule, document, ctx, shared):
    from rapidfuzz.fuzz import ratio

    min_ratio = rule.options["min_ratio"]
    names = [t for t in ctx.messaging.terms if t.use[:1].isupper()]  # proper nouns: products, codenames
    known = {_key(t.use) for t in ctx.messaging.terms} | {_key(a) for t in ctx.messaging.terms for a in t.avoid}
    targets = [(term, _key(term.use), len(term.use.split()), set(re.findall(r"[^\W\d_]+", term.use)))
               for term in names]
    initials = {target[:1] for _, target, _, _ in targets}
    for block in document.blocks:
        if block.kind == "quote":
            continue
        found = words(block.text)
        # A misspelling keeps the name's first letter: windows start only at those words, and a word is
        # made a token (its comparison key) only when a window reaches it.
        by_initial: dict[str, list[int]] = {}
        for i, m in enumerate(found):
            initial = m.group(0)[:1].lower()[:1]
            if initial in initials:
                by_initial.setdefault(initial, []).append(i)
        if not by_initial:
            continue
        made: dict[int, tuple[int, int, str]] = {}

        def token(j: int) -> tuple[int, int, str]:
            if j not in made:
                made[j] = _token(found[j])
            return made[j]
        quoted = None
        taken: list[tuple[int, int]] = []
        for term, target, n, name_words in targets:
            # A ratio of min_ratio or more bounds the length: cheap filters first, fuzzy matching last.
            slack = max(1, int(len(target) * (100 - min_ratio) / 100 * 2))
            shortest, longest = max(5, len(target) - slack), len(target) + slack
            for i in by_initial.get(target[:1], ()):
                s = token(i)[0]
                length = 0  # of the window's key, grown a word at a time: a window is built only if it fits
                for k in range(1, n + 2):  # windows of n-1, n and n+1 words
                    if i + k > len(found):
                        break
                    length += len(token(i + k - 1)[2])
                    if length > longest:
                        break
                    if k < max(1, n - 1) or length < shortest:
                        continue
                    window = [token(j) for j in range(i, i + k)]
                    key = "".join(t[2] for t in window)
                    e = window[-1][1]
                    # the cheap C similarity first: most windows are far from the name
                    score = ratio(key, target)
                    if score < min_ratio:
                        continue
                    if any(block.text[a[1]:b[0]].strip(" \t-") for a, b in zip(window, window[1:])):
                        continue
                    candidate = block.text[s:e]
                    # Same letters, other spacing ("Acmecloud", "Acme-Cloud") is a misspelling; the name
                    # inside a longer word ("Acme Clouds") or another known term is not.
                    if key != target and (target in key or key in known or _inflection(key, target)):
                        continue
                    if key != target and _correct(block, window, name_words):
                        continue
                    if in_literal(literal_ranges(block.text), s, e):
                        continue
                    if term_pattern(term.use).search(candidate) or candidate in term.avoid:
                        continue
                    if k > 1 and key != target and LONGER_NAME.match(block.text, e):
                        continue
                    if any(a < e and s < b for a, b in taken):
                        continue
                    quoted = quoted_ranges(block.text) if quoted is None else quoted
                    if inside(quoted, s, e):
                        continue
                    taken.append((s, e))
                    start, end = block.start + s, block.start + e
                    yield rule.finding(start, end, candidate, {"found": candidate, "expected": term.use},
                                       suggestions=(term.use,), fix=Edit(start, end, term.use),
                                       details=(("similarity", round(score / 100, 2)),))
