"""Contradictions said with the opposite word rather than a "not": on the way to what the entry says
we have ("preparing for our first SOC 2 Type II audit" against "SOC 2 Type II certified"), without what
it says comes with ("comes without a free trial" against "comes with a 30-day free trial"), and by
hand what it says is done for you ("drivers update their position manually" against "Harborline Track
updates every truck's position"). Word lists in brandlint/data/claims.yaml."""

from __future__ import annotations

import re

from brandlint import wordlists
from brandlint.claims.detect import NEGATION, STOP, WORDS, clause_bounds, clause_of, share, word_pattern
from brandlint.claims.phrases import WORD, content, pairs, stem

OBJECT_REACH = 4  # words after "with" / "without" that say what comes with it ("a 30-day free trial")
PENDING_REACH = 8  # words after "working towards" that name what is not there yet



PENDING = word_pattern("pending")
STANDING = word_pattern("standing")
COMES_WITH = word_pattern("comes_with")
LACKS = word_pattern("lacks")
MANUAL = word_pattern("manual")
OPTIONAL = word_pattern("optional")
PAST = word_pattern("past")
SPARED = re.compile(wordlists.alternation(WORDS["requirement_cancel"] + WORDS["replaced"]) + "|n't", re.I)


def pending(text: str, form: str) -> bool:
    """The wording says we hold a standing (certified, accredited) and the sentence says we are on the
    way to it, naming it as the wording does: "preparing for our first SOC 2 Type II audit", "working
    towards ISO 27001". Only a standing: "working towards faster arrival estimates" improves on a
    fact, it does not deny it."""
    if not STANDING.search(form) or PAST.search(text):
        return False
    # named as the wording names it ("SOC 2 Type II"): "her CISSP certification", "card terminals that
    # are not certified yet" are someone else's; only a wording with no such name goes by its word
    names = _names(form)
    standing = {stem(m[0].lower()) for m in STANDING.finditer(form)}
    bounds = clause_bounds(text)
    for m in PENDING.finditer(text):
        _, end = clause_of(bounds, m.start(), m.end())
        after = WORD.findall(text[m.end():min(end, m.end() + 200)])[:PENDING_REACH]
        if names & {w.lower() for w in after} if names else standing & {stem(w.lower()) for w in after}:
            return True
    return False


def lacks(text: str, form: str) -> bool:
    """The sentence says without (or excluding) what the wording says comes with: two neighbouring
    words of the wording's "with" object after the sentence's "without" ("comes without a free trial"
    against "comes with a 30-day free trial"). Not what the wording itself rules out ("sign in without
    a password" against "with a passkey, without a password")."""
    given = _objects(form, COMES_WITH)
    if not given:
        return False
    return bool(_objects(text, LACKS) & given - _objects(form, LACKS))


def by_hand(text: str, form: str) -> bool:
    """The sentence says by hand what the wording says is done, in a clause holding two of its words
    ("drivers update their position manually at each stop" against "Harborline Track updates every
    truck's position every 60 seconds"). Not an option beside it ("you can also enter it manually"),
    nor what is spared ("no more updating positions by hand"), nor where the wording is manual too."""
    # an option or a condition anywhere in the sentence ("When GPS is lost, ..."), or the past ("Before
    # Tallyhive, Marta reordered titles by hand")
    if MANUAL.search(form) or OPTIONAL.search(text) or PAST.search(text):
        return False
    own = {stem(w) for w in content(form)}
    verb = _action(form)
    bounds = clause_bounds(text)
    for m in MANUAL.finditer(text):
        start, end = clause_of(bounds, m.start(), m.end())
        clause = text[start:end]
        if SPARED.search(clause) or NEGATION.search(clause):
            continue
        # the wording's own action ("reorders"), not another on its things ("write the cards for
        # bestselling titles by hand")
        mine = {stem(w) for w in content(clause)}
        if len(mine & own) >= 2 and share(mine, {verb}):
            return True
    return False


def _action(form: str) -> str:
    """The wording's action: its first word after the subject's name ("Harborline Track updates ...")."""
    rest = _after_subject(form)
    return stem(rest[0].lower()) if rest else ""


def _names(form: str) -> set[str]:
    """The capitalised words of the wording after its subject's ("SOC", "Type", "II" in "Harborline is
    SOC 2 Type II certified"): what a standing is named by."""
    return {w.lower() for w in _after_subject(form) if w[0].isupper() and w.lower() not in STOP}


def _after_subject(form: str) -> list[str]:
    """The wording's words after the capitalised run it starts with (its subject's name)."""
    words = WORD.findall(form)
    i = 0
    while i < len(words) and words[i][0].isupper():
        i += 1
    return words[i:]


def _objects(text: str, cue: re.Pattern) -> frozenset:
    """Pairs of neighbouring words right after each cue, in its clause, or the one word where there is
    one ("with a passkey"): what comes with or without."""
    bounds = clause_bounds(text)
    found: set = set()
    for m in cue.finditer(text):
        _, end = clause_of(bounds, m.start(), m.end())
        after = " ".join(WORD.findall(text[m.end():min(end, m.end() + 200)])[:OBJECT_REACH])
        words = [stem(w) for w in content(after)]
        found |= pairs(after) if len(words) > 1 else {frozenset(words)} if words else set()
    return frozenset(found)
