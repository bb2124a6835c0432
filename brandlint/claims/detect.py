"""Is a sentence a claim, and how strong? Pure functions over text; the word lists are
language data in brandlint/data/claims.yaml, not company data (that lives in the messaging)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from brandlint import wordlists
from brandlint.figures import ROUND_CLOCK, find_figures

WORDS = wordlists.load("claims")
SUPERLATIVE = re.compile(wordlists.alternation(WORDS["superlative"]), re.I)
ABSOLUTE = re.compile(wordlists.alternation(WORDS["absolute"]), re.I)
HEDGE = re.compile(wordlists.alternation(WORDS["hedge"]), re.I)
NEGATION = re.compile(wordlists.alternation(WORDS["negation"]) + "|"
                      + wordlists.alternation(WORDS["negation_suffix"], bounded=False) + r"\b", re.I)
FIRST_PERSON = re.compile(wordlists.alternation(WORDS["first_person"]), re.I)
SUBJECTS = re.compile(wordlists.alternation(WORDS["claim_subjects"]), re.I)
WE = re.compile(wordlists.alternation(WORDS["first_person_subject"]), re.I)
POINTER = re.compile(r"^\W*(?:" + wordlists.alternation(WORDS["pointer"]["start"]) + r")\s+(?:"
                     + wordlists.alternation(WORDS["pointer"]["object"]) + r").*?(?:"
                     + wordlists.alternation(WORDS["pointer"]["end"]) + r")\W*$", re.I | re.S)
SHAPE_ROOM = 200  # characters a claim shape's own match may take
REACH = 50  # characters after the subject ("Acme is", "we are") within which a superlative must stand


def word_pattern(name: str) -> re.Pattern:
    """One of claims.yaml's word lists as a case-insensitive pattern of whole words."""
    return re.compile(wordlists.alternation(WORDS[name]), re.I)


def _shape(fragments) -> re.Pattern:
    """Whole words on the left; on the right only where a fragment ends in a letter ("by 60%." ends in %)."""
    # one (?<!\w) for all: tested once per position, not once per fragment
    return re.compile(r"(?<!\w)(?:" + "|".join(rf"(?:{f})" + (r"(?!\w)" if re.search(r"\w$", str(f)) else "")
                                             for f in map(str, fragments)) + ")", re.I)


# "the biggest X yet" before the name, or "Go builds faster than Rust", is about something else
AFTER_SUBJECT = {"superlative", "ranking", "comparison"}
SHAPES = {shape: _shape(fragments) for shape, fragments in WORDS["claim_shapes"].items()}
NOT_OWN = re.compile(wordlists.alternation(WORDS["not_own_claim"]), re.I)
_TALKING = "(?:" + wordlists.alternation(WORDS["talking_point"]) + r")\s+(?:[\w-]+\s+){0,3}?that\s+"
TALKING_POINT = re.compile(r"^\W*" + _TALKING, re.I)
LEAD_IN = re.compile(r"^(?:" + "|".join([*WORDS["lead_in"], _TALKING]) + ")", re.I)
EXPLICIT_NEGATION = re.compile(wordlists.alternation(WORDS["explicit_negation"]) + r"|n't\b", re.I)


@dataclass(frozen=True)
class Signal:
    strength: float  # 0: not a claim; 1 or more: a claim that must be backed by the messaging
    reasons: tuple[str, ...]
    hedged: bool = False
    question: bool = False
    claim: tuple[str, ...] = ()  # shapes of a claim the company makes about itself: these need approval


def own_claim(text: str, names: list[str]) -> tuple[str, ...]:
    """The shapes (superlative, comparison, guarantee, ...) of a claim the company makes about itself:
    about the company (a name, "we are"/"our ... is", its customers); a superlative, ranking or
    comparison must follow it closely ("Acme is the fastest", not "the biggest conference yet, with
    a great Acme presence" or "Go builds faster than Rust").
    Nothing for someone else's statistic or dated history."""
    if NOT_OWN.search(text):
        return ()
    plain = text.translate(PLAIN)
    subjects = [m for _, pattern in _name_patterns(tuple(names)) for m in pattern.finditer(plain)]
    subjects += [*SUBJECTS.finditer(text), *WE.finditer(text)]
    if not subjects:
        return ()
    def follows(pattern) -> bool:
        # searched only as far as a match may start (plus room for its length): a post that names the
        # product 50 times is not scanned to its end 50 times per shape
        return any((m := pattern.search(text, s.start(), s.end() + REACH + SHAPE_ROOM))
                   and m.start() <= s.end() + REACH for s in subjects)
    return tuple(shape for shape, pattern in SHAPES.items()
                 if (follows(pattern) if shape in AFTER_SUBJECT else pattern.search(text)))


# Typographic variants a writer's editor puts in and the messaging may not: ’ for ', – for -, a
# no-break space for a space. Names are compared on the plain forms.
PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2013": "-", "\u2011": "-", "\u00a0": " "})


@lru_cache(maxsize=64)
def _name_patterns(names: tuple[str, ...]) -> tuple[tuple[str, re.Pattern], ...]:
    """Each name compiled once per messaging, not looked up in re's cache for every sentence."""
    return tuple((n, re.compile(rf"(?<!\w){re.escape(n.translate(PLAIN))}(?!\w)", re.I)) for n in names)


def names_in(text: str, names: list[str]) -> frozenset[str]:
    return _names_in(text, tuple(names))


@lru_cache(maxsize=4096)  # each entry's names are asked for every sentence
def _names_in(text: str, names: tuple[str, ...]) -> frozenset[str]:
    text = text.translate(PLAIN)
    return frozenset(n for n, pattern in _name_patterns(names) if pattern.search(text))


def signal(text: str, names: list[str]) -> Signal:
    reasons = []
    figures = [f for f in find_figures(text) if not f.year_like]
    if figures:
        reasons.append("figure")
    if SUPERLATIVE.search(text):
        reasons.append("superlative")
    if ABSOLUTE.search(text):
        reasons.append("absolute")
    # A figure, superlative or absolute makes a claim that needs backing (strength 1 or more); a plain
    # statement about us (0.5) is still compared with the messaging but never called unsupported.
    strength = float(len(reasons))
    if not reasons and POINTER.match(text):
        return Signal(0.0, ())  # "See the releases page for more." points somewhere and asserts nothing
    about_us = bool(names_in(text, names) or FIRST_PERSON.search(text))
    if about_us:
        reasons.append("about the company")
        strength += 0.5
    # Hedges and questions make weaker claims: still judged, reported one severity lower.
    hedged = bool(HEDGE.search(text))
    question = text.rstrip().endswith("?")
    claim = own_claim(text, names) if about_us or SUBJECTS.search(text) else ()
    return Signal(strength, tuple(reasons), hedged, question, claim)


CONTRAST = re.compile(wordlists.alternation(WORDS["contrast"]), re.I)
SUPERLATIVE_WORD = re.compile(wordlists.alternation(WORDS["superlative_word"]), re.I)
NOT_SUPERLATIVE = set(WORDS["not_superlative"])
QUANTIFIER_MOST = re.compile(WORDS["quantifier_most"], re.I)
# each word of a group stands for the group's first ("biggest" -> "largest"); multi-word ones as written
_SAME_SUPERLATIVE = {" ".join(re.sub(r"\\s\+", " ", w).split()): group[0] for group in WORDS["same_superlative"]
                     for w in group}


def negated(text: str) -> bool:
    """An odd number of negations flips the statement."""
    return len(NEGATION.findall(CONTRAST.sub(" ", text.translate(PLAIN)))) % 2 == 1


def claim_after_lead_in(text: str) -> str | None:
    """The claim after a lead-in ("Key line for the kick-off: ...", "Tell prospects that ..."), or None;
    None too when the lead-in denies what follows ("Not true: ...", "Let nobody tell you that ...")."""
    m = LEAD_IN.match(text)
    if m is None or len(text[m.end():].split()) < 4 or NEGATION.search(text[:m.end()].translate(PLAIN)):
        return None
    return text[m.end():]


CLAUSE_END = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\b(?:and|but|while|whereas|although|though|because|which)\b", re.I)
STOP = frozenset(WORDS["stop"])
NEGATION_REACH = 4  # words after a negation that say what it denies ("does not encrypt customer data")


NEGATIVE_PREFIX = re.compile(r"(un|non)([a-z]{4,})")  # not "in": "includes" is no negation of "cludes"


RESTRICTIVE = word_pattern("restrictive")
UNIVERSAL = re.compile(wordlists.alternation(WORDS["universal"]) + "|" + ROUND_CLOCK.pattern, re.I)
# the clause of a list: a requirement reaches past "and" ("with their email address and password")
LIST_END = re.compile(CLAUSE_END.pattern.replace("(?:and|", "(?:"), re.I)


def list_bounds(text: str) -> list[int]:
    return sorted({0, len(text), *(m.start() for m in LIST_END.finditer(text))})


def clause_bounds(text: str) -> list[int]:
    return sorted({0, len(text), *(m.start() for m in CLAUSE_END.finditer(text))})


def clause_of(bounds: list[int], start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): bisect, so many negations in a long text cost n log n."""
    return bounds[bisect.bisect_right(bounds, start) - 1], bounds[min(bisect.bisect_left(bounds, end), len(bounds) - 1)]


@lru_cache(maxsize=4096)  # the same sentence and entry wordings are read for every entry and every check
def word_stems(text: str, lower_only: bool = False) -> frozenset[str]:
    """Six-letter stems of the words; `lower_only` leaves out capitalised words (names such as
    "Harborline", which every sentence about the company shares)."""
    found = re.findall(r"(?<![\w-])[A-Za-z][\w-]+", text)
    # a compound's parts are its words too: "GDPR-compliant" says "compliant"
    found += [part for w in found if "-" in w for part in w.split("-")[1:] if part[:1].isalpha()]
    words = [w.lower() for w in found
             if len(w) > 2 and w.lower() not in STOP and not (lower_only and w[0].isupper())]
    # "unhackable" also counts as a form of "hack": four letters after a negative prefix
    return frozenset({w[:6] for w in words} | {m[2][:4] for w in words if (m := NEGATIVE_PREFIX.match(w))})


def share(stems: set[str], anchors: set[str]) -> bool:
    """A word in common, one a prefix of the other ("down" and "downtime")."""
    return any(_among(a, anchors) for a in stems)


def shared(stems: set[str], anchors: set[str]) -> int:
    """How many of the stems are words of the anchors, as `share` counts them."""
    return sum(1 for a in stems if _among(a, anchors))


def _among(stem: str, anchors: set[str]) -> bool:
    return stem in anchors or any((stem.startswith(b) or b.startswith(stem)) and min(len(stem), len(b)) >= 4
                                  for b in anchors)


def closest_form(text: str, forms) -> str:
    """The wording of an entry (its text or a variant) that shares most words with the sentence."""
    words = word_stems(text)
    return max(forms, key=lambda form: len(words & word_stems(form)))


# each single word of a same-superlative group, to stand for the group's first ("biggest" -> "largest")
_SUPERLATIVE_WORD = re.compile(r"\b(" + "|".join(w for w in _SAME_SUPERLATIVE if " " not in w) + r")\b", re.I)


def covers(text: str, form: str, least: int = 3, share_of: float = 0.75) -> bool:
    """The sentence uses most of the wording's own lower-case words (at least `least` of them, a
    superlative counting as its like: "the biggest digital freight network" covers "Europe's largest
    digital freight network"): lexical evidence where an embedding is blurred by the rest of a long
    sentence or by a heading's brevity."""
    words = word_stems(form, lower_only=True)
    if len(words) < least:
        return False
    need = share_of * len(words)
    stems = word_stems(_like_superlatives(text))
    used = len(words & stems)
    if used >= need:
        return True
    # stricter than `share`: "main" is not a form of "maintenance"
    longer = [a for a in stems if len(a) >= 5]
    used += sum(1 for w in words - stems if len(w) >= 5 and any(a.startswith(w) or w.startswith(a) for a in longer))
    return used >= need


@lru_cache(maxsize=1024)
def _like_superlatives(text: str) -> str:
    return _SUPERLATIVE_WORD.sub(lambda m: _SAME_SUPERLATIVE[m[1].lower()], text)


def shared_words(text: str, form: str) -> set[str]:
    """The wording's own lower-case stems that the sentence uses (or a form of)."""
    stems = word_stems(text)
    return {a for a in word_stems(form, lower_only=True) if share(stems, {a})}


def shares_words(text: str, form: str) -> bool:
    """The sentence uses at least one of the wording's own lower-case words (or a form of one): a
    close embedding alone is not evidence that "Rust does not have exceptions" says "Rust programs
    cannot have bugs"."""
    return share(word_stems(text), word_stems(form, lower_only=True))


# "nobody beats", "you won't find a tool that costs less", "no cheaper way": a negation of every rival
# asserts the superlative, it denies nothing of ours
_RIVALS = re.compile("|".join(f"(?:{p.pattern})" for p in (SHAPES["superiority"], SHAPES["comparison"])), re.I)


def negated_about(text: str, form: str, also: re.Pattern | None = None) -> bool:
    """An odd number of negations that bear on the entry's wording `form`, which decides whether a
    sentence says or denies a prohibited or retired claim: a negation counts unless it stands in another
    clause that shares no word with the entry ("..., and there's nothing to install"). `also`: words that
    count as negations too (a verb of none, against a wording of none)."""
    text = CONTRAST.sub(" ", text.translate(PLAIN))
    text = claim_after_lead_in(text) or text  # "Note for the webinar: nobody can hack into it" says it
    text = _RIVALS.sub(lambda m: NEGATION.sub(lambda n: " " * len(n[0]), m[0]), text)
    bounds = clause_bounds(text)
    clauses = sum(1 for a, b in zip(bounds, bounds[1:]) if re.search(r"\w", text[a:b]))
    cues = re.compile(f"{NEGATION.pattern}|{also.pattern}", re.I) if also else NEGATION
    anchors = word_stems(cues.sub(" ", form), lower_only=True)
    count = 0
    for m in cues.finditer(text):
        start, end = clause_of(bounds, m.start(), m.end())
        # the negation words themselves are not what the clause shares with the entry: "and you never
        # wait" does not deny "never goes down"
        count += clauses == 1 or share(word_stems(cues.sub(" ", text[start:end])), anchors)
    return count % 2 == 1


def superlatives(text: str) -> set[str]:
    """The attribute a superlative claims ("fastest", "most secure"): two claims about different
    attributes are different claims, however alike their embeddings."""
    found = {" ".join(m.group(0).lower().split()) for m in SUPERLATIVE_WORD.finditer(text)
             if not QUANTIFIER_MOST.fullmatch(m.group(0))}
    return {_SAME_SUPERLATIVE.get(w, w) for w in found - NOT_SUPERLATIVE}


DENEGATE = [
    (re.compile(r"\b(does|do|did|is|are|was|were|has|have|will|can)\s+not\s+", re.I), r"\1 "),
    (re.compile(r"\b(does|do|did)n't\s+", re.I), ""),
    (re.compile(r"\b(is|are|was|were|has|have|ca|wo)n't\b", re.I), r"\1"),
    (re.compile(r"\bno\s+longer\s+|\bnever\s+|\bnot\s+", re.I), ""),
]


def denegate(text: str) -> str:
    """The sentence with its negation removed ("does not encrypt" -> "does encrypt"). Embeddings are
    poor at polarity: what a sentence is about is measured on this form, and `negated` decides
    polarity separately."""
    for pattern, replacement in DENEGATE:
        text = pattern.sub(replacement, text)
    return text
