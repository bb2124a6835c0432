"""Does a sentence contradict an entry? Decided on what the two assert, not by counting negation
words: an explicit "not" or a reversal of a word the entry asserts, a requirement of what it rules out,
a narrowing of what it says of everyone. Word lists in brandlint/data/claims.yaml."""

from __future__ import annotations

import re

from brandlint import wordlists
from brandlint.claims.detect import (
    CONTRAST,
    EXPLICIT_NEGATION,
    NEGATION,
    NEGATION_REACH,
    PLAIN,
    STOP,
    WORDS,
    clause_bounds,
    clause_of,
    share,
    word_stems,
)
from brandlint.figures import find_figures

REQUIREMENT_REACH = 6
CUE_REACH = 6  # words between a restrictive or universal cue and the alternative it keeps
LIST_END = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\b(?:but|while|whereas|although|though|because|which)\b", re.I)

RESTRICTIVE = re.compile(wordlists.alternation(WORDS["restrictive"]), re.I)
UNIVERSAL = re.compile(wordlists.alternation(WORDS["universal"]), re.I)
REVERSAL = re.compile(wordlists.alternation(WORDS["reversal"]), re.I)
REQUIREMENT = re.compile(wordlists.alternation(WORDS["requirement"]), re.I)
ALL_HOURS = re.compile(wordlists.alternation(WORDS["all_hours"]), re.I)
LIMITED_HOURS = re.compile(wordlists.alternation(WORDS["limited_hours"]), re.I)
REPLACED = re.compile(wordlists.alternation(WORDS["replaced"]), re.I)
HOURS_BESIDE = re.compile(wordlists.alternation(WORDS["hours_beside"]), re.I)
CHOICE = re.compile(wordlists.alternation(WORDS["choice"]), re.I)
# two alternatives an entry names: "in the EU or the US", "by phone and chat"
ALTERNATIVES = re.compile(r"(?<![\w-])([\w-]{2,})\s+(?:and|or)\s+(?:(?:the|by|in|on|at|via|from|for)\s+)*([\w-]{2,})",
                          re.I)
# a name after two lower-case words: "founded in Rotterdam"
NAMED_SLOT = re.compile(r"(?<![\w-])([a-z][\w-]*\s+[a-z][\w-]*)\s+([A-Z][\w-]+)")
NOT_NAME = re.compile(wordlists.alternation(WORDS["not_names"]), re.I)
# How a sentence narrows an entry: evidence from the match score, where a "not" needs a closer one;
# see `narrows` for the two that are evidence from further away
NARROWING = frozenset({"scope", "hours", "subset", "requirement"})
REQUIREMENT_CANCEL = re.compile(r"(?:" + wordlists.alternation(WORDS["requirement_cancel"])
                                + r"|n't)(?:\s+the)?\s*$", re.I)


def _scopes(text: str, pattern, before: bool = False, keep=None, reach: int = NEGATION_REACH,
            bounds: list[int] | None = None) -> set[str]:
    """Stems of the few words a cue bears on, in its clause: after it ("does not encrypt data"), or
    before it for a reversal ("the certification lapsed")."""
    bounds = clause_bounds(text) if bounds is None else bounds
    stems: set[str] = set()
    for m in pattern.finditer(text):
        if keep is not None and not keep(m):
            continue
        start, end = clause_of(bounds, m.start(), m.end())
        # a few words only: a window of characters, so a long clause costs no more than a short one
        words = re.findall(r"[\w-]+", text[max(start, m.start() - 200):m.start()] if before
                           else text[m.end():min(end, m.end() + 200)])
        # names ("Acme Cloud") say whose, not what is denied
        stems |= word_stems(" ".join(words[-reach:] if before else words[:reach]), lower_only=True)
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
    if denied and share(_required(text), denied) and not share(_scopes(text, NEGATION) | _scopes(text, REPLACED), denied):
        return "requirement"
    if _office_hours(text, form):
        return "hours"
    if _scope(text, form):
        return "scope"
    if _keeps_one(text, form):
        return "subset"
    if _other_name(text, form):
        return "other"
    return ""


def _scope(text: str, form: str) -> bool:
    """The narrowing bears on what the wording says of everyone: a word of the restrictive clause
    stands next to a "every"/"24/7" of the wording, one of which the sentence leaves out ("only in
    backwards-compatible ways" narrows nothing that "every edition interoperates" says; "24/7
    support is reserved for Enterprise" keeps the 24/7 and narrows "every plan"). "Only" on the
    wording's own figure is no narrowing ("only six weeks apart" against "every six weeks")."""
    if not _universals(form) - _universals(text):
        return False
    narrowing = [m for m in RESTRICTIVE.finditer(text) if not _on_figure(text, m, find_figures(form))]
    return bool(narrowing) and share(_clauses_with(text, narrowing), _around(form, UNIVERSAL))


def _office_hours(text: str, form: str) -> bool:
    """Office hours against round-the-clock, in a sentence about what the wording is about (a word
    in common: "our engineers answer the phone" against "24/7 support from our engineers by phone").
    Office hours deny it only where the wording says round-the-clock of everything ("every plan
    includes 24/7 support") or the sentence says "only": "weekday support" is another tier beside
    "Canonical offers 24/7 access to support"."""
    if not (LIMITED_HOURS.search(text) and ALL_HOURS.search(form)) or ALL_HOURS.search(text) \
            or HOURS_BESIDE.search(text):
        return False
    everything = RESTRICTIVE.search(text) or UNIVERSAL.search(ALL_HOURS.sub(" ", form))
    return bool(everything and share(word_stems(text), word_stems(form, lower_only=True)))


def _plain(words: str) -> str:
    return " ".join(words.lower().split())


def _universals(text: str) -> set[str]:
    """The wording's "every", "all", "24/7" ...: round-the-clock in any spelling is one."""
    return {"24/7" if ALL_HOURS.fullmatch(m[0]) else _plain(m[0]) for m in UNIVERSAL.finditer(text)}


def _on_figure(text: str, cue, figures) -> bool:
    """The cue stands next to one of `figures` in the sentence ("only six weeks")."""
    return any(f.same(e) and len(re.findall(r"[\w-]+", text[min(cue.end(), f.end):max(cue.start(), f.start)])) <= 1
               for f in find_figures(text) for e in figures)


def _mentions(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.I) is not None


def _keeps_one(text: str, form: str) -> bool:
    """The sentence keeps one of two alternatives the wording offers, for everyone: "by chat only"
    against "by phone and chat", "all data is stored in the US" against "choose whether it is stored in
    the EU or the US". A universal "all" counts only where the wording offers a choice ("shippers plan
    and book their freight" is no choice between planning and booking)."""
    choice = CHOICE.search(form) is not None
    if not (RESTRICTIVE.search(text) or (UNIVERSAL.search(text) and choice)) or CHOICE.search(text):
        return False
    cues = [*RESTRICTIVE.finditer(text), *(UNIVERSAL.finditer(text) if choice else ())]
    bounds = clause_bounds(text)
    for m in ALTERNATIVES.finditer(form):
        a, b = m[1], m[2]
        if a.lower() in STOP or b.lower() in STOP or _mentions(text, a) == _mentions(text, b):
            continue
        kept = re.search(rf"(?<![\w-]){re.escape(a if _mentions(text, a) else b)}(?![\w-])", text, re.I)
        # the cue bears on the kept alternative: a few words from it ("by chat only"), or, where the
        # wording offers a choice, anywhere in its clause ("all customer data is stored in the EU")
        for c in cues:
            between = len(re.findall(r"[\w-]+", text[min(c.end(), kept.end()):max(c.start(), kept.start())]))
            if between <= CUE_REACH or (choice and clause_of(bounds, c.start(), c.end())
                                        == clause_of(bounds, kept.start(), kept.end())):
                return True
    return False


def _other_name(text: str, form: str) -> bool:
    """Another name where the wording has one, after the same two words: "founded in Amsterdam"
    against "founded in Rotterdam". Not a date ("released on October 21st"), a short form ("K8s" for
    "Kubernetes", "the Cloud Native Computing Foundation" for "the CNCF": the same first letter), or a
    name put before the wording's ("your Ubuntu Kubernetes cloud")."""
    for m in NAMED_SLOT.finditer(form):
        if NOT_NAME.fullmatch(m[2]):
            continue
        for other in re.finditer(rf"(?<![\w-]){re.escape(m[1])}\s+([A-Z][\w-]+)((?:\s+[\w-]+){{0,2}})", text):
            name = other[1]
            if name[0].lower() == m[2][0].lower() or NOT_NAME.fullmatch(name) or _mentions(form, name) \
                    or _mentions(other[2], m[2]):
                continue
            return True
    return False


def _required(text: str) -> set[str]:
    """Stems of what the sentence says is needed ("drivers need a password"), not of what it says is
    spared ("avoid the need for reboots")."""
    def needed(m) -> bool:
        return not REQUIREMENT_CANCEL.search(text[max(0, m.start() - 30):m.start()])
    # "with their email address and password": a list, so further than a negation's reach, past "and"
    bounds = sorted({0, len(text), *(m.start() for m in LIST_END.finditer(text))})
    return _scopes(text, REQUIREMENT, keep=needed, reach=REQUIREMENT_REACH, bounds=bounds)


def _clauses_with(text: str, matches) -> set[str]:
    bounds = clause_bounds(text)
    return set().union(*(word_stems(text[slice(*clause_of(bounds, m.start(), m.end()))]) for m in matches))


def _around(text: str, pattern, reach: int = 3, keep=None) -> set[str]:
    """Stems of the words within `reach` words of each match, in its clause."""
    out: set[str] = set()
    for m in pattern.finditer(text):
        if keep is not None and not keep(m):
            continue
        before = re.findall(r"[\w-]+", text[:m.start()])[-reach:]
        after = re.findall(r"[\w-]+", text[m.end():])[:reach]
        out |= word_stems(" ".join(before + after), lower_only=True)
    return out


def cue(text: str) -> bool:
    """Whether the sentence may narrow anything at all: only these are checked against every entry."""
    return bool(RESTRICTIVE.search(text) or LIMITED_HOURS.search(text) or UNIVERSAL.search(text))


def restricts(text: str, choices: bool = False) -> bool:
    """A restrictive word or office hours, or an "all" where the messaging offers a choice (`choices`):
    a sentence that need not name us to contradict us ("support is available only during business
    hours", "all customer files are hosted in Canada")."""
    return bool(RESTRICTIVE.search(text) or LIMITED_HOURS.search(text) or (choices and UNIVERSAL.search(text)))


def offers_choice(text: str) -> bool:
    return CHOICE.search(text) is not None


def narrows(text: str, forms, figures=()) -> str:
    """How the sentence narrows one of an entry's wordings though far from it by meaning, or "":
    office hours against round-the-clock, a narrowing of what it says of everyone in a sentence that
    states the entry's own figure ("24/7 support is reserved for Enterprise"), or one of the choices it
    offers made for everyone ("all customer data is stored in the EU"); embeddings put these far from
    the entry. Other narrowings ("only", "all") are too common to trust without a close match ("only
    for HTTP traffic", "at least one beta"). The cheap tests come first: most sentences fail them."""
    text = text.translate(PLAIN)
    hours, restrictive = LIMITED_HOURS.search(text), RESTRICTIVE.search(text)
    for form in forms:
        if hours and _office_hours(text, form):
            return "hours"
        if restrictive and UNIVERSAL.search(form) and _states(text, figures) and _scope(text, form):
            return "scope"
        if CHOICE.search(form) and _keeps_one(text, form):  # one of the choices the entry offers, for everyone
            return "subset"
    return ""


def _states(text: str, figures) -> bool:
    """The sentence states one of `figures`, and not as the thing narrowed ("only six weeks" says
    "every six weeks" too)."""
    stated = [f for f in find_figures(text) if any(f.same(e) for e in figures)]
    return any(not any(_on_figure(text, c, [f]) for c in RESTRICTIVE.finditer(text)) for f in stated)
