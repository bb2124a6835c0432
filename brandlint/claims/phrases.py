"""Lexical anchors: the few words that tie a sentence to an entry however far apart an embedding puts
them. Two neighbouring words of the entry ("24/7 support", "free trial"), or the entry's figure or
superlative with the word it qualifies ("100% accurate", "lowest rate")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from brandlint import wordlists
from brandlint.claims.detect import PLAIN, STOP, SUPERLATIVE_WORD, WORDS, superlatives, word_pattern
from brandlint.claims.quantities import TIME_UNITS
from brandlint.figures import ROUND_CLOCK, find_figures

WORD = re.compile(r"[\w-]+")
ROUND_STEM = "roundt"  # round-the-clock in any spelling, as a word of `pairs`
KEY_REACH = 2  # content words after a figure or superlative that say what it qualifies
CHOICE = re.compile(wordlists.alternation(WORDS["choice"]), re.I)
ORIGIN = word_pattern("origin")
WEAK = re.compile(wordlists.alternation(WORDS["weak_superlative"]) + "$", re.I)
HEAD_END = frozenset(WORDS["head_end"] + WORDS["relation"])
HEAD_REACH = 6  # words after "includes" (or before "7 days a week") that may name what is meant


@lru_cache(maxsize=1024)
def pairs(text: str) -> frozenset:
    words = [stem(w) for w in content(ROUND_CLOCK.sub(" roundtheclock ", text))]
    return frozenset(frozenset(p) for p in zip(words, words[1:]) if p[0] != p[1])


# "support ... by phone and chat" is phone support and chat support: the way after "by" with the words
# of its clause before it
BY_WAY = re.compile(r"\b(?:by|via|over)\s+([a-z][\w-]+)(?:\s+(?:and|or)\s+([a-z][\w-]+))?")
BY_REACH = 4  # content words before "by" that the way may qualify (not "plan" of "Every plan includes ...")


@lru_cache(maxsize=1024)
def way_pairs(text: str) -> frozenset:
    """Pairs of the way a thing is done and the words before it ("support from logistics specialists by
    phone and chat" -> {phone, support}, {chat, support}, ...), which a sentence may write as a compound."""
    found = set()
    for m in BY_WAY.finditer(text):
        before = [stem(w) for w in content(re.split(r"[,;:.]", text[:m.start()])[-1])][-BY_REACH:]
        for way in filter(None, (m[1], m[2])):
            found |= {frozenset((stem(way), w)) for w in before if w != stem(way)}
    return frozenset(found)


def content(text: str) -> list[str]:
    """Lower-case words but the stop words, and the first word (a sentence's "Human support"): a
    capitalised word elsewhere is a name, which every sentence about us shares."""
    words = WORD.findall(text)
    return [w.lower() for i, w in enumerate(words)
            if len(w) > 2 and w.lower() not in STOP and (i == 0 or not w[0].isupper()) and w[0].isalpha()]


def heads_after(text: str) -> frozenset[str]:
    """The stem of the last content word before the first preposition: "customer support by phone" ->
    support."""
    words = []
    for w in WORD.findall(text)[:HEAD_REACH]:
        if w.lower() in HEAD_END:
            break
        words.append(w)
    return frozenset(stem(w) for w in content(" ".join(words).lower())[-1:])


def stem(word: str) -> str:
    word = word[:-2] if word.endswith("'s") else word
    return (word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word)[:6]


def says_key(text: str, form: str) -> bool:
    """The sentence states the wording's figure or superlative of the same thing: "our ETAs are 100%
    accurate" against "Harborline Track is 100% accurate", "we find you the lowest rate" against "always
    finds the lowest freight rate". The same figure or superlative of another thing is no anchor ("100%
    open source", "£5,000 a year to food banks", "our cheapest plan"), nor is a figure where the sentence
    uses none of the wording's other words ("100% compliant with the building's accessibility standards"
    against "100% compliant with HMRC payroll rules"). Call it for a sentence about us only."""
    text, form = text.translate(PLAIN), form.translate(PLAIN)
    mine, theirs = _keys(text), _keys(form)
    said = [(key, after) for key, after in theirs.items()
            if key in mine and mine[key] & after and _head(form, key) in mine[key]]
    if not said:
        return False
    if any(isinstance(key, str) for key, _ in said):
        return True  # a superlative of the same noun: "the lowest freight rate"
    # a figure qualifies an adjective that may be said of anything ("100% compliant"): it takes another word
    keyed = {w for _, after in said for w in after}
    own = {stem(w.lower()) for w in WORD.findall(form) if w.islower() and len(w) > 2 and w not in STOP}
    rest = own - keyed
    return not rest or bool(rest & {stem(w) for w in content(text)})


@lru_cache(maxsize=1024)
def _keys(text: str) -> dict:
    """Each figure (by value and unit) and superlative of the text, with the stems of the few content
    words after it."""
    keys: dict = {}
    for end, key in _marks(text):
        keys[key] = keys.get(key, set()) | set(_after(text, end))
    return keys


def _after(text: str, end: int) -> list[str]:
    """The few content words after a figure or superlative, time units aside ("£5,000 a year")."""
    words = content(" ".join(WORD.findall(text[end:end + 80])[:KEY_REACH + 3]))
    return [stem(w) for w in words if w.removesuffix("s") not in TIME_UNITS and w != "per"][:KEY_REACH]


def _marks(text: str) -> list:
    """(end, key) of each figure and superlative. A percentage, multiple or amount only: a duration or a
    count is said of too many things ("10 years of security updates")."""
    marks = [(f.end, (f.value, f.unit)) for f in find_figures(text) if f.unit and f.unit not in ("s", "24/7")]
    return marks + [(m.end(), superlative) for m in SUPERLATIVE_WORD.finditer(text) if not WEAK.match(m[0])
                    for superlative in superlatives(m[0])]


def _head(form: str, key) -> str:
    """The word a figure or superlative of the wording qualifies: the noun that ends a superlative's
    phrase ("rate" in "the lowest freight rate", so "the cheapest payroll plan" is not "the cheapest
    payroll software"), the word right after a figure ("100% accurate", "£5,000 in accountancy fees")."""
    for end, found in _marks(form):
        if found == key and (after := _after(form, end)):
            return after[-1] if isinstance(key, str) else after[0]
    return ""


# "founded in Rotterdam", "based at Schiphol": a verb and the place it names (capitalised only where it
# starts the sentence: "Founded in Sheffield, ..."). Not after "the" ("in the
# Netherlands", "in the EU"): a country or region may hold the entry's city, which only a gazetteer knows.
PLACE = re.compile(r"\b([a-z][\w-]+|^[A-Z][a-z-]+)\s+(?:in|at)\s+(?!the\s)((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*)*)")


def other_place(text: str, form: str, origin_only: bool = False) -> bool:
    """The sentence names another place where the wording names one after the same verb: "founded in
    Amsterdam" against "founded in Rotterdam". Not a place the wording names anywhere, nor one named
    beside the wording's ("founded in Rotterdam, with an office in Berlin"). `origin_only`: only where
    we began ("born in Amsterdam"), which has one answer; "based in" may have several."""
    form = form.translate(PLAIN)
    places = _places(form)
    if not places:
        return False
    text = text.translate(PLAIN)
    lowered = text.lower()
    for m in PLACE.finditer(text):
        if origin_only and _verb(m[1]) != "origin":
            continue
        theirs = places.get(_verb(m[1]))
        if theirs and m[2].lower() not in form.lower() and theirs.lower() not in lowered:
            return True
    return False


@lru_cache(maxsize=1024)
def _places(form: str) -> Mapping[str, str]:
    """verb -> the place the wording names after it; none from a wording of places to choose from: they
    are regions ("the EU or the US"), and "Frankfurt" is one of them."""
    if CHOICE.search(form):
        return MappingProxyType({})
    # read-only: one cached mapping is shared by every sentence held against the wording
    return MappingProxyType({_verb(m[1]): m[2] for m in PLACE.finditer(form)})


def _verb(word: str) -> str:
    """A place's verb, the verbs of where we began as one ("born in", "started life in": "founded")."""
    return "origin" if ORIGIN.fullmatch(word) else stem(word.lower())
