"""Round-the-clock against some hours: office hours where an entry has 24/7 ("support is available only
during business hours"), or other hours at which there is none ("at weekends, the support line is
closed"); and in the same way, every day of the week against some days ("on weekdays only" against
"7 days a week"). Word lists in brandlint/data/claims.yaml."""

from __future__ import annotations

from functools import lru_cache

from brandlint.claims.detect import (
    RESTRICTIVE,
    UNIVERSAL,
    clause_bounds,
    clause_of,
    list_bounds,
    share,
    word_pattern,
    word_stems,
)
from brandlint.claims.opposites import OPTIONAL
from brandlint.claims.phrases import WORD, content, heads_after, pairs, stem
from brandlint.figures import ROUND_CLOCK

HOURS_REACH = 4  # words either side of an entry's "24/7" that say what is round the clock
BEFORE_REACH = 6  # words before an entry's "7 days a week" at its end ("rider support by phone and chat, ...")

LIMITED_HOURS = word_pattern("limited_hours")
AVAILABILITY = word_pattern("availability")
OTHER_HOURS = word_pattern("other_hours")
CLOSED = word_pattern("closed")
BESIDE = word_pattern("beside")
NOT_SERVICE = word_pattern("not_service")
EVERY_DAY = word_pattern("every_day")
# what an entry has at all times, the narrower times that deny it, and the others beside them
ROUND = (ROUND_CLOCK, LIMITED_HOURS, OTHER_HOURS)
DAYS = (EVERY_DAY, word_pattern("limited_days"), word_pattern("other_days"))


@lru_cache(maxsize=1024)  # a wording's side, asked of every sentence held against it
def _always(form: str):
    """Round the clock, or (only where not) every day of the week; None for a wording of neither."""
    return ROUND if ROUND_CLOCK.search(form) else DAYS if EVERY_DAY.search(form) else None


def office_hours(text: str, form: str) -> bool:
    """Office hours against round-the-clock, in a clause about what the wording says is round the clock
    (a word within a few of its "24/7": "our engineers answer the phone only during business hours"
    against "24/7 support from our engineers by phone") that says "only" or what is available when
    ("runs Monday to Friday"). Only where the wording says it of everything ("every plan includes 24/7
    support") or the sentence says "only": "weekday support" is another tier beside "Canonical offers
    24/7 access to support"; nor beside the other hours anywhere in the sentence ("..., and within four
    hours at weekends", "with an on-call engineer at night") or as an extra ("a weekday add-on").
    Weekdays against every day of the week likewise; office hours do not deny that."""
    kind = _always(form)
    if kind is None:
        return False
    always, limited, other = kind
    if ROUND_CLOCK.search(text) or always.search(text) or other.search(text):
        return False
    restrictive = RESTRICTIVE.search(text)
    if not (restrictive or UNIVERSAL.search(always.sub(" ", form))):
        return False
    if kind is DAYS:  # what is there every day: the head of what the wording names ("rider support")
        near, further = set(_qualified(form)), frozenset()
    else:
        # what is round the clock: the word right after the entry's 24/7 ("24/7 support"), else the few
        # around it
        near = around(form, always, reach=1, both_sides=False) or around(form, always, reach=HOURS_REACH)
        # ... or two neighbouring words a little further ("24/7 support from logistics specialists")
        # (content words: "24/7 support from our clinic success team" holds "success team")
        words = content(" ".join(around_words(form, always, reach=3 * HOURS_REACH, both_sides=False)))
        further = pairs(" ".join(words[:HOURS_REACH]))
    bounds = list_bounds(text)
    # each clause once, however many office hours it holds: a long text costs its length
    for a, b in sorted({clause_of(bounds, m.start(), m.end()) for m in limited.finditer(text)}):
        if BESIDE.search(text, a, b) or NOT_SERVICE.search(text, a, b):
            continue
        # "only" may close the sentence in a clause of its own ("Phone support Monday to Friday, during
        # office hours only")
        if (restrictive or AVAILABILITY.search(text, a, b)) \
                and (share(word_stems(text[a:b]), near) or pairs(text[a:b]) & further):
            return True
    return False


def closed_hours(text: str, form: str) -> bool:
    """The sentence says that at some hours what the wording has round the clock is not there: "out of
    hours and at weekends, the support line is closed" against "24/7 support", in a clause that names
    what the wording's 24/7 qualifies (the word right after it); or on some days, what it has every day
    ("support closes on Sundays" against "support by phone and chat, 7 days a week")."""
    kind = _always(form)
    if kind is None or ROUND_CLOCK.search(text) or kind[0].search(text) or not kind[2].search(text) \
            or OPTIONAL.search(text):  # "can be switched off at night", "only if the power is cut"
        return False
    qualified = _qualified(form)
    bounds = clause_bounds(text)
    for m in CLOSED.finditer(text):
        start, end = clause_of(bounds, m.start(), m.end())
        if {stem(w) for w in content(text[start:end])} & qualified:
            return True
    return False


@lru_cache(maxsize=1024)  # a wording's side, the same for every sentence it is held against
def _qualified(form: str) -> frozenset[str]:
    """The stems of the words right after the wording's 24/7s ("24/7 support"); for every day of the week
    at the end of the wording, the head of what it names before ("rider support by phone and chat, 7
    days a week" -> support)."""
    kind = _always(form)
    after = frozenset(stem(w) for m in kind[0].finditer(form) for w in content(form[m.end():])[:1])
    if after or kind is ROUND:
        return after
    return frozenset().union(*(heads_after(" ".join(WORD.findall(form[:m.start()])[-BEFORE_REACH:]))
                               for m in kind[0].finditer(form)))


def around(text: str, pattern, reach: int = 3, keep=None, both_sides: bool = True) -> set[str]:
    """Stems of the words within `reach` words of each match (the entry's wording: short); with
    both_sides=False, after it only."""
    return set(word_stems(" ".join(around_words(text, pattern, reach, keep, both_sides)), lower_only=True))


def around_words(text: str, pattern, reach: int = 3, keep=None, both_sides: bool = True) -> list[str]:
    out: list[str] = []
    for m in pattern.finditer(text):
        if keep is not None and not keep(m):
            continue
        left = WORD.findall(text[:m.start()])[-reach:] if both_sides else []
        out += left + WORD.findall(text[m.end():])[:reach]
    return out
