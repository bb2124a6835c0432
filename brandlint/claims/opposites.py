"""Contradictions said with the opposite word rather than a "not": on the way to what the entry says
we have ("preparing for our first SOC 2 Type II audit" against "SOC 2 Type II certified"), without what
it says comes with ("comes without a free trial" against "comes with a 30-day free trial"), and by
hand what it says is done for you ("drivers update their position manually" against "Harborline Track
updates every truck's position"), or another way than the one it names ("a one-time SMS code to sign in"
against "sign in with a passkey, without a password"). Word lists in brandlint/data/claims.yaml."""

from __future__ import annotations

import re
from functools import lru_cache

from brandlint import wordlists
from brandlint.claims.detect import NEGATION, STOP, WORDS, clause_bounds, clause_of, share, word_pattern
from brandlint.claims.phrases import WORD, content, heads_after, pairs, stem

OBJECT_REACH = 4  # words after "with" / "without" that say what comes with it ("a 30-day free trial")
PENDING_REACH = 8  # words after "working towards" that name what is not there yet



PENDING = word_pattern("pending")
STANDING = word_pattern("standing")
COMES_WITH = word_pattern("comes_with")
LACKS = word_pattern("lacks")
NO_EFFECT = word_pattern("no_effect")
INCLUDED = word_pattern("included")
COSTS_EXTRA = word_pattern("costs_extra")
INCLUDED_REACH = 4  # words before "are included" or after "includes" that name what is included
EFFECT = word_pattern("effect")
MANUAL = word_pattern("manual")
AUTOMATIC = word_pattern("automatic")
RELATION = frozenset(WORDS["relation"])
SUBJECT_END = frozenset(WORDS["subject_end"])
OPTIONAL = word_pattern("optional")
PAST = word_pattern("past")
REPLACED_OR_COMPARED = re.compile(wordlists.alternation(WORDS["replaced"] + WORDS["compared"]), re.I)
MEANS = [(re.compile(wordlists.alternation(way["topic"]), re.I),
          [re.compile(wordlists.alternation(group), re.I) for group in way["groups"]])
         for way in WORDS["means"].values()]
MEANS_REACH = 8  # words between the thing done ("to sign in") and the way it is done ("a one-time SMS code")
SPARED = re.compile(wordlists.alternation(WORDS["requirement_cancel"] + WORDS["replaced"]) + "|n't", re.I)


def pending(text: str, form: str) -> bool:
    """The wording says we hold a standing (certified, accredited) and the sentence says we are on the
    way to it, naming it as the wording does: "preparing for our first SOC 2 Type II audit", "working
    towards ISO 27001". Only a standing: "working towards faster arrival estimates" improves on a
    fact, it does not deny it."""
    held = _standing(form)
    if held is None or PAST.search(text):
        return False
    names, standing = held
    bounds = clause_bounds(text)
    for m in PENDING.finditer(text):
        _, end = clause_of(bounds, m.start(), m.end())
        after = WORD.findall(text[m.end():min(end, m.end() + 200)])[:PENDING_REACH]
        if names & {w.lower() for w in after} if names else standing & {stem(w.lower()) for w in after}:
            return True
    return False


@lru_cache(maxsize=1024)
def _standing(form: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """(names, stems of standings) of a wording that says we hold a standing; None for any other.
    Named as the wording names it ("SOC 2 Type II"): "her CISSP certification", "card terminals that
    are not certified yet" are someone else's; only a wording with no such name goes by its word."""
    if not STANDING.search(form):
        return None
    return frozenset(_names(form)), frozenset(stem(m[0].lower()) for m in STANDING.finditer(form))


def lacks(text: str, form: str) -> bool:
    """The sentence says without (or excluding) what the wording says comes with: two neighbouring
    words of the wording's "with" object after the sentence's "without" ("comes without a free trial"
    against "comes with a 30-day free trial"). Not what the wording itself rules out ("sign in without
    a password" against "with a passkey, without a password")."""
    given = _objects(form, COMES_WITH)
    if not given:
        return False
    return bool(_objects(text, LACKS) & given - _objects(form, LACKS))


def no_effect(text: str, form: str) -> bool:
    """The sentence says there is no effect on what the wording says changes, naming it by two of the
    wording's neighbouring words right after its word of change ("has no measurable effect on missed
    appointments." against "38% fewer missed appointments"), and nothing after them in the clause. Not on
    a part of them ("no effect on call-outs already booked", "on your bills during the first month"), not
    of an action ("Switching supplier has no impact on ..."), nor against a count ("more than 9,000
    homes" changes nothing)."""
    changed = _changed(form)
    if not changed or NO_EFFECT.search(text) is None:
        return False
    bounds = clause_bounds(text)
    for m in NO_EFFECT.finditer(text):
        start, end = clause_of(bounds, m.start(), m.end())
        before, after = content(text[start:m.start()]), content(text[m.end():end])
        if len(after) == 2 and frozenset(stem(w) for w in after) in changed \
                and not (before and before[0].endswith("ing")):
            return True
    return False


@lru_cache(maxsize=1024)  # a wording's side, asked of every sentence held against it
def _changed(form: str) -> frozenset:
    """The pairs of neighbouring words right after the wording's words of change ("fewer missed
    appointments"); none after "more than" (a count, not a change)."""
    found = set()
    for m in EFFECT.finditer(form):
        if re.match(r"\s+than\b", form[m.end():], re.I):
            continue
        words = [stem(w) for w in content(" ".join(WORD.findall(form[m.end():])[:2]))]
        if len(words) == 2:
            found.add(frozenset(words))
    return frozenset(found)


def paid_extra(text: str, form: str) -> bool:
    """The sentence puts a price of its own on what the wording says is included, as the clause's subject
    (its last word before the verb): "servicing is available as a paid add-on" against "servicing and
    repairs are included in every plan". Not another thing ("weekday support with a named engineer is a
    paid add-on", "phone cases for the app display are sold separately"), nor an option or a condition
    ("repairs can cost extra if the damage is deliberate")."""
    given = _included(form)
    if not given or not COSTS_EXTRA.search(text) or OPTIONAL.search(text):
        return False
    bounds = clause_bounds(text)
    for m in COSTS_EXTRA.finditer(text):
        start, _ = clause_of(bounds, m.start(), m.end())
        words = WORD.findall(text[start:m.start()])
        verb = next((i for i, w in enumerate(words) if w.lower() in SUBJECT_END), len(words))
        subject = content(" ".join(words[:verb]))[-1:]
        if subject and stem(subject[0]) in given:
            return True
    return False


@lru_cache(maxsize=1024)  # a wording's side, the same for every sentence it is held against
def _included(form: str) -> frozenset[str]:
    """Stems of what the wording says is included, the head of each: before "are included" ("Annual
    servicing and repairs" -> servicing, repairs), after "includes" up to a preposition ("includes
    customer support by phone" -> support)."""
    found: set[str] = set()
    for m in INCLUDED.finditer(form):
        if m[0].lower().startswith(("is", "are")):
            parts = re.split(r",|\band\b", " ".join(WORD.findall(form[:m.start()])[-INCLUDED_REACH:]))
            found |= {stem(w[-1]) for w in (content(p.lower()) for p in parts) if w}
        else:
            found |= heads_after(form[m.end():])
    return frozenset(found)


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
        # (where the wording says "automatically", any verb on its thing: "schedules each vaccination
        # reminder by hand", not "write the cards for bestselling titles by hand")
        if len(mine & own) >= 2 and (share(mine, {verb}) or (AUTOMATIC.search(form) and _acts_on(clause, form))):
            return True
    return False


def _acts_on(clause: str, form: str) -> bool:
    """The clause does something to the wording's thing (the first word after its action), not to
    something for or of it: "schedules each vaccination reminder", not "cards for bestselling titles"."""
    rest = _after_subject(form)
    thing = next((stem(w.lower()) for w in rest[1:] if w.lower() not in STOP and len(w) > 2), "")
    words = WORD.findall(clause)
    return any(stem(w.lower()) == thing and (i == 0 or words[i - 1].lower() not in RELATION)
               for i, w in enumerate(words))


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


def other_means(text: str, form: str) -> bool:
    """The sentence does what the wording does another way, where the wording names its way and rules
    another out: "sends drivers a one-time SMS code to sign in" against "sign in with a passkey, without a
    password". Not beside the wording's way ("with a passkey instead of a code"), nor as an option ("can
    also sign in with a code"), nor where the wording names a way without ruling one out ("integrates
    with Slack" leaves room for others)."""
    ruling_out = _ways_ruled_out(form)
    if not ruling_out or OPTIONAL.search(text):
        return False
    for topic, groups, own in ruling_out:
        said, _ = _ways(text, groups, topic)
        if said and not said & own:
            return True
    return False


@lru_cache(maxsize=1024)  # a wording's side, the same for every sentence it is held against
def _ways_ruled_out(form: str) -> tuple:
    """(topic, groups, the wording's own ways) for each thing the wording does its way, ruling another out."""
    found = []
    for topic, groups in MEANS:
        if topic.search(form):
            own, excluded = _ways(form, groups, topic, reach=None)
            if own and excluded:
                found.append((topic, groups, frozenset(own)))
    return tuple(found)


def _ways(text: str, groups, topic, reach: int | None = MEANS_REACH) -> tuple[set[int], set[int]]:
    """The ways (group indexes) the text says a thing is done, and those it rules out ("without a
    password", "no password", "instead of a code", "than a password"). With `reach`, only a way in the
    clause of the thing done, a few words from it."""
    bounds = clause_bounds(text)
    done = list(topic.finditer(text))
    said: set[int] = set()
    ruled_out: set[int] = set()
    for i, group in enumerate(groups):
        for m in group.finditer(text):
            clause = clause_of(bounds, m.start(), m.end())
            if reach is not None and not any(
                    clause_of(bounds, d.start(), d.end()) == clause
                    and len(WORD.findall(text[min(d.end(), m.end()):max(d.start(), m.start())])) <= reach
                    for d in done):
                continue
            start = clause[0]
            before = " ".join(WORD.findall(text[start:m.start()])[-3:])
            (ruled_out if NEGATION.search(before) or REPLACED_OR_COMPARED.search(before) else said).add(i)
    return said, ruled_out
