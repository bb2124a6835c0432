"""Does a sentence contradict an entry? Decided on what the two assert, not by counting negation
words: an explicit "not" or a reversal of a word the entry asserts, a requirement of what it rules out,
a narrowing of what it says of everyone. Word lists in brandlint/data/claims.yaml."""

from __future__ import annotations

import re

from brandlint import wordlists
from brandlint.claims.detect import (CONTRAST, EXPLICIT_NEGATION, NEGATION, NEGATION_REACH, PLAIN, WORDS,
                                     clause_bounds, clause_of, share, word_stems)

RESTRICTIVE = re.compile(wordlists.alternation(WORDS["restrictive"]), re.I)
UNIVERSAL = re.compile(wordlists.alternation(WORDS["universal"]), re.I)
REVERSAL = re.compile(wordlists.alternation(WORDS["reversal"]), re.I)
REQUIREMENT = re.compile(wordlists.alternation(WORDS["requirement"]), re.I)
REQUIREMENT_CANCEL = re.compile(r"(?:" + wordlists.alternation(WORDS["requirement_cancel"])
                                + r"|n't)(?:\s+the)?\s*$", re.I)


def _scopes(text: str, pattern, before: bool = False, keep=None) -> set[str]:
    """Stems of the few words a cue bears on, in its clause: after it ("does not encrypt data"), or
    before it for a reversal ("the certification lapsed")."""
    bounds = clause_bounds(text)
    stems: set[str] = set()
    for m in pattern.finditer(text):
        if keep is not None and not keep(m):
            continue
        start, end = clause_of(bounds, m.start(), m.end())
        # a few words only: a window of characters, so a long clause costs no more than a short one
        words = re.findall(r"[\w-]+", text[max(start, m.start() - 200):m.start()] if before
                           else text[m.end():min(end, m.end() + 200)])
        # names ("Acme Cloud") say whose, not what is denied
        stems |= word_stems(" ".join(words[-NEGATION_REACH:] if before else words[:NEGATION_REACH]), lower_only=True)
    return stems


def contradicts(text: str, form: str) -> str:
    """How the sentence denies the wording, or "": it negates (explicitly) or reverses a word the
    wording asserts ("does not support passkeys" against "sign in with a passkey, without a password":
    the entry's own "without" is about passwords, not passkeys), makes a requirement of what the wording
    rules out ("need a password"), or narrows what the wording says of everyone ("only during business
    hours" against "24/7 support")."""
    text, form = CONTRAST.sub(" ", text.translate(PLAIN)), form.translate(PLAIN)
    denied = _scopes(form, NEGATION)  # what the wording itself rules out ("without a password")
    asserted = {w for w in word_stems(form, lower_only=True) if not share({w}, denied)}
    negated_words = _scopes(text, EXPLICIT_NEGATION)
    # "does not require code changes" agrees with "requires no code changes": both deny the changes;
    # and a denial mostly of other things is narrower than the entry ("will no longer publish a blog
    # post each time" does not deny "publishes what it found").
    own = sum(share({w}, asserted) for w in negated_words)
    if own and own * 2 >= len(negated_words) and not share(negated_words, denied):
        return "negation"
    if share(_scopes(text, REVERSAL, before=True), asserted):
        return "reversal"
    # ... but "requires no code changes" rules them out too
    if denied and share(_required(text), denied) and not share(_scopes(text, NEGATION), denied):
        return "requirement"
    # The narrowing must bear on what the wording says of everyone: a word of the restrictive clause
    # stands next to the wording's "every"/"24/7" ("only in backwards-compatible ways" narrows
    # nothing that "every edition interoperates" says).
    if not UNIVERSAL.search(text) and share(_clauses_with(text, RESTRICTIVE), _around(form, UNIVERSAL)):
        return "scope"
    return ""


def _required(text: str) -> set[str]:
    """Stems of what the sentence says is needed ("drivers need a password"), not of what it says is
    spared ("avoid the need for reboots")."""
    def needed(m) -> bool:
        return not REQUIREMENT_CANCEL.search(text[max(0, m.start() - 30):m.start()])
    return _scopes(text, REQUIREMENT, keep=needed)


def _clauses_with(text: str, pattern) -> set[str]:
    bounds = clause_bounds(text)
    return set().union(*(word_stems(text[slice(*clause_of(bounds, m.start(), m.end()))])
                         for m in pattern.finditer(text)))


def _around(text: str, pattern, reach: int = 3) -> set[str]:
    """Stems of the words within `reach` words of each match, in its clause."""
    out: set[str] = set()
    for m in pattern.finditer(text):
        before = re.findall(r"[\w-]+", text[:m.start()])[-reach:]
        after = re.findall(r"[\w-]+", text[m.end():])[:reach]
        out |= word_stems(" ".join(before + after), lower_only=True)
    return out
