"""casing: the right words of a product name in the wrong case (messaging terms with
`case_sensitive: true`), only where the name is used as the name: not inside a handle, domain,
path or identifier, not a lower-case dictionary word used as a common noun ("the IT landscape"),
not a lower-case command or namespace ("the linkerd inject command")."""

from __future__ import annotations

import re

from brandlint import prose, wordlists
from brandlint.matching import (in_literal, inside, literal_ranges, quoted_ranges, sentence_initial, shouting,
                                term_set)
from brandlint.model import Edit

OPTIONS: dict = {}
IDENTIFIER_NOUNS = set(wordlists.load("names")["identifier_nouns"])


def _identifier(text: str, end: int) -> bool:
    """A lower-case name followed within three words by "command", "namespace" and the like."""
    following = [w.lower() for w in prose.words(text[end:end + 60])[:3]]
    return any(w in IDENTIFIER_NOUNS for w in following)


def _generic(found: str, name: str) -> bool:
    """The name's first word as spelt, then ordinary lower-case words: "the Corvid relay" is the
    product's relay, not a miscased "Corvid Relay"."""
    ours, theirs = found.split(), name.split()
    return (len(ours) > 1 and ours[0] == theirs[0]
            and all(w.islower() and prose.dictionary_word(w) for w in ours[1:]))


def check(rule, document, ctx, shared):
    names = [t for t in ctx.messaging.terms if t.case_sensitive]
    terms = term_set(tuple(t.use for t in names), (False,) * len(names))
    for block in document.blocks:
        if block.kind == "quote" or shouting(block):
            continue
        quoted = literal = None
        for m, i in terms.finditer(block.text):
            term, found = names[i], m.group(0)
            if re.sub(r"\s+", " ", found) == term.use or found in term.avoid:
                continue
            if sentence_initial(block, m.start()) and found[1:] == term.use[1:]:
                continue
            if found.islower() and (prose.dictionary_word(found) or _identifier(block.text, m.end())):
                continue
            if _generic(found, term.use):
                continue
            quoted = quoted_ranges(block.text) if quoted is None else quoted
            literal = literal_ranges(block.text) if literal is None else literal
            if inside(quoted, *m.span()) or in_literal(literal, *m.span()):
                continue
            start, end = block.start + m.start(), block.start + m.end()
            yield rule.finding(start, end, found, {"found": found, "expected": term.use}, suggestions=(term.use,),
                               fix=Edit(start, end, term.use))
