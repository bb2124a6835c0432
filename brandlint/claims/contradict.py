"""Does a sentence contradict an entry? Decided on what the two assert, not by counting negation
words: an explicit "not" or a reversal of a word the entry asserts, a requirement of what it rules out,
a narrowing of what it says of everyone. Word lists in brandlint/data/claims.yaml. Long sentences
cost about their length (a 200 KB line in about a second): positions are found once and counted by
bisection, and each clause is read once."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from brandlint import wordlists
from brandlint.claims.detect import (
    CONTRAST,
    EXPLICIT_NEGATION,
    NEGATION,
    NEGATION_REACH,
    PLAIN,
    RESTRICTIVE,
    STOP,
    UNIVERSAL,
    WORDS,
    clause_bounds,
    clause_of,
    list_bounds,
    share,
    word_pattern,
    word_stems,
)
from brandlint.claims.hours import (
    BESIDE,
    CLOSED,
    LIMITED_HOURS,
    OTHER_HOURS,
    around,
    around_words,
    closed_hours,
    office_hours,
)
from brandlint.claims.opposites import COSTS_EXTRA, MANUAL, by_hand, lacks, no_effect, other_means, paid_extra, pending
from brandlint.claims.phrases import CHOICE, ROUND_STEM, WORD, content, other_place, pairs, stem, way_pairs
from brandlint.figures import ROUND_CLOCK, find_figures

REQUIREMENT_REACH = 6  # words after "need"/"requires": a list ("their email address and password")
CUE_REACH = 2  # words between a restrictive or universal cue and the alternative it keeps, in one clause
USES_REACH = 5  # words before "with" where the wording's own verb is ("sign in to Harborline Driver with")



REVERSAL = word_pattern("reversal")
PRIVATIVE = word_pattern("privative")  # "eliminates": a verb of none
REQUIREMENT = word_pattern("requirement")
USES = word_pattern("uses")
COMPARED = word_pattern("compared")
REPLACED = word_pattern("replaced")
DENIAL_FILLER = word_pattern("denial_filler")
AUDIENCE = word_pattern("audience")
# two alternatives an entry names: "in the EU or the US", "by phone and chat"
ALTERNATIVES = re.compile(r"(?<![\w-])([\w-]{2,})\s+(?:and|or)\s+(?:(?:" + "|".join(WORDS["alternative_joins"])
                          + r")\s+)*([\w-]{2,})", re.I)
OR = re.compile(r"\bor\b", re.I)
ANY_TIME = re.compile(r"\s+(?:time|point|moment)\b", re.I)
# How a sentence narrows an entry, each evidence from the match score (a "not" needs a closer one);
# `narrows` says which of them are evidence from further away
NARROWING = frozenset({"scope", "hours", "subset", "requirement", "pending", "without", "manual", "place", "means",
                       "no effect", "paid extra"})
REQUIREMENT_CANCEL = re.compile(r"(?:" + wordlists.alternation(WORDS["requirement_cancel"])
                                + r"|n't)(?:\s+the)?\s*$", re.I)


def contradicts(text: str, form: str) -> str:
    """How the sentence denies the wording, or "": it negates (explicitly) or reverses a word the
    wording asserts ("does not support passkeys" against "sign in with a passkey, without a password":
    the entry's own "without" is about passwords, not passkeys), makes a requirement of what the wording
    rules out ("need a password"), or narrows what the wording says of everyone ("only during business
    hours" against "24/7 support")."""
    text, form = CONTRAST.sub(" ", text.translate(PLAIN)), form.translate(PLAIN)
    denied = _scopes(form, NEGATION)  # what the wording itself rules out ("without a password")
    asserted = {w for w in word_stems(form, lower_only=True) if not share({w}, denied)}
    plain = DENIAL_FILLER.sub(" ", text)
    # "doesn't eliminate missed appointments" says there are some: it denies only a wording of none
    keep = None if PRIVATIVE.search(form) else (lambda m: not PRIVATIVE.match(plain[m.end():m.end() + 30].lstrip()))
    negated_words = _scopes(plain, EXPLICIT_NEGATION, keep=keep)  # "no longer part of the plan"
    # "does not require code changes" agrees with "requires no code changes": both deny the changes;
    # and a denial mostly of other things is narrower than the entry ("will no longer publish a blog
    # post each time" does not deny "publishes what it found").
    own = sum(share({w}, asserted) for w in negated_words)
    if own and own * 2 >= len(negated_words) and not share(negated_words, denied):
        return "negation"
    if share(_scopes(text, REVERSAL, before=True), asserted):
        return "reversal"
    if pending(text, form):
        return "pending"
    if lacks(text, form):
        return "without"
    if no_effect(text, form):
        return "no effect"
    if paid_extra(text, form):
        return "paid extra"
    if by_hand(text, form):
        return "manual"
    # ... but "requires no code changes" rules them out too
    spared = _scopes(text, NEGATION) | _scopes(text, REPLACED)
    if denied and share(_required(text, form, asserted), denied) and not share(spared, denied):
        return "requirement"
    if office_hours(text, form) or closed_hours(text, form):
        return "hours"
    if _scope(text, form):
        return "scope"
    if _keeps_one(text, form):
        return "subset"
    if other_place(text, form):
        return "place"
    if other_means(text, form):
        return "means"
    return ""


def narrows(text: str, forms) -> str:
    """How the sentence denies one of the wordings by its words, though far from it by meaning, or "":
    office hours against an entry's round-the-clock ("support is available only during business
    hours" against "every plan includes 24/7 support"), or any other denial in a sentence that holds
    two neighbouring words of the wording ("24/7 support is reserved for Enterprise customers",
    "human support is no longer included"; `phrases.pairs`). A denial without such a
    pair was tried at this distance too and contradicted written copy that restricts something else
    ("dedicated Slack channels are exclusively for Enterprise plans", "all data stored in the US is
    covered by our SOC 2 report"); it needs the match score."""
    text = text.translate(PLAIN)
    if (LIMITED_HOURS.search(text) and any(office_hours(text, form) for form in forms)) \
            or any(closed_hours(text, form) for form in forms):
        return "hours"
    for form in _plain_forms(tuple(forms)):
        # named as the wording names its standing ("our first SOC 2 Type II audit")
        if pending(text, form):
            return "pending"
        # where we began has one answer: "born in Amsterdam" against "founded in Ghent"
        if other_place(text, form, origin_only=True):
            return "place"
        # what the wording does another way, where it names its way and rules another out
        if other_means(text, form):
            return "means"
        # no effect on what the wording says changes, in its words ("no measurable effect on missed
        # appointments")
        if no_effect(text, form):
            return "no effect"
        # a price of its own on what the wording says is included ("servicing is a paid add-on")
        if paid_extra(text, form):
            return "paid extra"
        ways = pairs(text) & way_pairs(form)  # "phone support" of "support ... by phone and chat"
        shared = pairs(text) & pairs(form) | ways
        if not shared:
            continue
        how = contradicts(text, form)
        # what comes with it, or what it does done by hand, in its words ("comes without a free trial",
        # "schedules each vaccination reminder by hand")
        if how in ("without", "manual"):
            return how
        round_clock = any(ROUND_STEM in p for p in shared)
        # what the wording says round the clock ("24/7 support") or by some way ("phone support") is its
        # own subject: narrowing it to some customers denies "every plan"
        if how == "scope" and (round_clock or ways):
            return how
        # keeping one of the wording's alternatives, named as the wording names them ("by chat only",
        # "stored in the EU"; not "only a phone call away"), of its round-the-clock or of a choice
        if how == "subset" and (round_clock or CHOICE.search(form)) and _named_as_in(text, form):
            return how
        if how == "negation" and _denies_shared(text, form):
            return how
    return ""


@lru_cache(maxsize=64)  # the messaging's wordings, held against every sentence
def _plain_forms(forms: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(form.translate(PLAIN) for form in forms)


def _denies_shared(text: str, form: str) -> bool:
    """A denial of what the sentence shares with the wording, in one clause: "human support is no longer
    included in the plans". A topic pair ("open source", "service mesh") is in most copy about us: it
    must be what is denied of, not the denial itself ("isn't the first open source project"); the
    denial must bear first on a word of the wording ("cannot choose another region" denies "choose";
    "does not include certified tax advice" denies something else), one that is not short ("day") nor a
    universal ("not every call")."""
    own = {stem(w) for w in content(form)}
    bounds = clause_bounds(text)
    for m in EXPLICIT_NEGATION.finditer(text):
        start, end = clause_of(bounds, m.start(), m.end())
        after = [w for w in WORD.findall(text[m.end():min(end, m.end() + 200)]) if not DENIAL_FILLER.fullmatch(w)]
        denied = [stem(w) for w in content(" ".join(after[:NEGATION_REACH]))]
        if not denied or denied[0] not in own or len(denied[0]) < 4 or UNIVERSAL.fullmatch(denied[0]):
            continue
        shared = pairs(text[start:end]) & (pairs(form) | way_pairs(form))
        # ... or a pair that is all the denial bears on ("doesn't offer a free trial"), not itself a
        # denial ("cannot be stabilized without a pull request" against "stability without stagnation")
        if any(not p & set(denied) for p in shared) or (len(denied) == 2 and frozenset(denied) in shared
                                                        and not NEGATION.search(" ".join(after[:NEGATION_REACH]))):
            return True
    return False


def _named_as_in(text: str, form: str) -> bool:
    """The sentence names one of the wording's alternatives after the words the wording puts before them:
    "by chat" for "by phone and chat", "in the EU" for "in the EU or the US"."""
    for m in ALTERNATIVES.finditer(form):
        lead = WORD.findall(form[max(0, m.start() - 20):m.start()])[-2:]
        lead = [w for w in lead if w.lower() in WORDS["alternative_joins"]][-2:]
        joined = r"\b" + r"\s+".join(map(re.escape, lead)) + r"\s+"
        if lead and any(re.search(joined + re.escape(alt) + r"\b", text, re.I) for alt in (m[1], m[2])):
            return True
    return False


def cue(text: str, universal: bool = True) -> bool:
    """Whether the sentence may narrow anything: a restrictive word, office hours, or (`universal`) an
    "all", which narrows only where the messaging offers a choice ("all customer files are hosted in
    Canada"). Only these are checked against every entry, and only these need not name us."""
    return bool(RESTRICTIVE.search(text) or LIMITED_HOURS.search(text) or MANUAL.search(text)
                or COSTS_EXTRA.search(text)
                or (CLOSED.search(text) and OTHER_HOURS.search(text))
                or (universal and UNIVERSAL.search(text)))


def offers_choice(forms) -> bool:
    return any(CHOICE.search(form) for form in forms)


# ------------------------------------------------------------------------------------------- scope

def _scope(text: str, form: str) -> bool:
    """The narrowing bears on what the wording says of everyone: a word of the restrictive clause
    stands next to a "every"/"24/7" of the wording that the sentence leaves out ("only in
    backwards-compatible ways" narrows nothing that "every edition interoperates" says; "24/7 support
    is reserved for customers on the Enterprise plan" keeps the 24/7 and narrows "every plan", while
    "24/7 support is staffed in English only" narrows no plan). "Only" on the
    wording's own figure is no narrowing ("only six weeks apart" against "every six weeks"), nor is an
    addition in the same clause ("selected databases are also backed up more often")."""
    lacking = _universals(form) - _universals(text) - {"24/7"}  # office hours are `_office_hours`
    if not lacking:
        return False
    bounds = clause_bounds(text)
    own = find_figures(form)
    clauses = {clause_of(bounds, m.start(), m.end()) for m in RESTRICTIVE.finditer(text)
               if not _on_figure(text, m, own)}
    clauses = {c for c in clauses if not BESIDE.search(text, *c)}
    if not clauses:
        return False
    near = around(form, UNIVERSAL, keep=lambda m: _plain(m[0]) in lacking)
    # "every plan" is narrowed by "reserved for Enterprise customers" as by "for the Enterprise plan"
    audience = any(AUDIENCE.fullmatch(w) for w in around_words(form, UNIVERSAL, keep=lambda m: _plain(m[0]) in lacking))
    return any(share(word_stems(text[a:b]), near) or (audience and AUDIENCE.search(text, a, b)) for a, b in clauses)


def _universals(text: str) -> set[str]:
    """The wording's "every", "all", "24/7" ...: round-the-clock in any spelling is one."""
    return {"24/7" if ROUND_CLOCK.fullmatch(m[0]) else _plain(m[0]) for m in UNIVERSAL.finditer(text)}


def _on_figure(text: str, cue, figures=None) -> bool:
    """The cue stands next to a figure of the sentence (one of `figures`, when given): "only six
    weeks", "only three of them", "50 trucks or more"."""
    return any(figures is None or any(f.same(e) for e in figures) for f in _beside(text, cue))


def _beside(text: str, cue) -> list:
    """The figures right before and after a cue (at most a word between), found by bisection: a
    sentence of many cues and figures costs n log n."""
    found = find_figures(text)
    i = bisect.bisect_left(_figure_starts(text), cue.end())
    near = ([found[i]] if i < len(found) else []) + ([found[i - 1]] if i > 0 else [])
    return [f for f in near if _words_between(text, min(cue.end(), f.end), max(cue.start(), f.start)) <= 1]


@lru_cache(maxsize=256)
def _figure_starts(text: str) -> tuple[int, ...]:
    return tuple(f.start for f in find_figures(text))


# ------------------------------------------------------------------------------------------ subset

def _keeps_one(text: str, form: str) -> bool:
    """The sentence keeps one of two alternatives the wording offers, for everyone: "by chat only"
    against "by phone and chat", "all data is stored in the US" against "choose whether it is stored in
    the EU or the US". A universal "all" counts only where the wording offers a choice ("shippers plan
    and book their freight" is no choice between planning and booking), in a sentence about what is
    chosen ("all our engineers are based in the EU" says nothing of where data is stored). A sentence
    that names alternatives itself offers a choice ("can only pick Frankfurt or Dublin"); "only" on a
    count keeps no alternative ("only three of the regions are in North America")."""
    choice = CHOICE.search(form) is not None
    if CHOICE.search(text) or OR.search(text):
        return False
    cues = [c for c in RESTRICTIVE.finditer(text) if not _on_figure(text, c)]
    # "switch to email at any time" is no universal of what is chosen
    cues += [c for c in UNIVERSAL.finditer(text) if not ANY_TIME.match(text, c.end())] if choice else []
    if not cues:
        return False
    bounds = clause_bounds(text)
    for m in ALTERNATIVES.finditer(form):
        a, b = m[1], m[2]
        if a.lower() in STOP or b.lower() in STOP:
            continue
        mentions = [x for x in (_mention(text, a), _mention(text, b)) if x]
        if not mentions:
            continue
        if choice and not share(word_stems(text, lower_only=True) - word_stems(f"{a} {b}"),
                                word_stems(form, lower_only=True) - word_stems(f"{a} {b}")):
            continue
        # where the wording offers a choice, one alternative ruled out beside the other is not kept ("all
        # reminders are sent by SMS; clinics can't switch them to email")
        kept_ones = [x for x in mentions if not _denied(text, x, bounds)] if choice else mentions
        if len(kept_ones) != 1:
            continue
        kept = kept_ones[0]
        # the cue bears on the kept alternative: a few words from it ("by chat only"), or, where the
        # wording offers a choice, anywhere in its clause ("all customer data is stored in the EU")
        kept_clause = clause_of(bounds, kept.start(), kept.end())
        for c in cues:
            if _words_between(text, min(c.end(), kept.end()), max(c.start(), kept.start())) <= CUE_REACH \
                    and clause_of(bounds, c.start(), c.end()) == kept_clause \
                    or (choice and clause_of(bounds, c.start(), c.end()) == kept_clause):
                return True
    return False


# --------------------------------------------------------------------------------------- shared

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
        words = WORD.findall(text[max(start, m.start() - 200):m.start()] if before
                             else text[m.end():min(end, m.end() + 200)])
        # names ("Acme Cloud") say whose, not what is denied
        stems |= word_stems(" ".join(words[-reach:] if before else words[:reach]), lower_only=True)
    return stems


def _required(text: str, form: str, asserted: set[str]) -> set[str]:
    """Stems of what the sentence says is needed ("drivers need a password"), not of what it says is
    spared ("avoid the need for reboots"), and of what it does a thing of the wording's `asserted` with
    ("drivers sign in with their email address and password"): not in a comparison ("safer than
    signing in with a password"), nor beside the wording's own way ("employees sign in with a magic
    link; admins sign in with a password")."""
    def needed(m) -> bool:
        return not REQUIREMENT_CANCEL.search(text[max(0, m.start() - 30):m.start()])
    bounds = list_bounds(text)
    own_way = _scopes(form, USES, reach=2)
    def used(m) -> bool:
        a, _ = clause_of(bounds, m.start(), m.end())
        before = text[a:m.start()]
        return needed(m) and not COMPARED.search(before) \
            and share(word_stems(" ".join(WORD.findall(before)[-USES_REACH:]), lower_only=True), asserted)
    uses = set() if own_way and share(_scopes(text, USES, reach=2), own_way) else \
        _scopes(text, USES, keep=used, reach=REQUIREMENT_REACH, bounds=bounds)
    return _scopes(text, REQUIREMENT, keep=needed, reach=REQUIREMENT_REACH, bounds=bounds) | uses


def _plain(words: str) -> str:
    return " ".join(words.lower().split())


def _denied(text: str, m, bounds) -> bool:
    """An explicit negation stands a few words before the mention, in its clause ("can't switch them to
    email")."""
    start, _ = clause_of(bounds, m.start(), m.end())
    return any(_words_between(text, n.end(), m.start()) <= NEGATION_REACH
               for n in EXPLICIT_NEGATION.finditer(text, start, m.start()))


def _mention(text: str, word: str):
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.I)


@lru_cache(maxsize=256)
def _word_starts(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in WORD.finditer(text))


def _words_between(text: str, start: int, end: int) -> int:
    """Words that begin in text[start:end], by bisection over the text's word starts."""
    starts = _word_starts(text)
    return max(0, bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start))
