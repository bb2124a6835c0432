"""A sentence in the messaging's own words: where it says a thing one way and the messaging another
("unlimited SMS reminders at no extra charge" against "unlimited free text-message reminders"), the
model puts the two far apart, though a reader sees one claim. Each group of `same_meaning` in
claims.yaml, and each term's avoided words, is written as the messaging writes it before the
sentence is embedded a second time. Pure."""

from __future__ import annotations

import re

from brandlint import wordlists

_GROUPS = tuple(tuple(re.compile(wordlists.alternation([p]), re.I) for p in group)
                for group in (*wordlists.load("claims")["same_meaning"], *wordlists.load("claims")["same_superlative"]))

_CACHE: dict[int, tuple] = {}


def rewriter(messaging) -> tuple[tuple[re.Pattern, str], ...]:
    """(pattern, the messaging's wording) for every group the messaging uses one way of; computed once per
    messaging (by identity, as decide._embargoed_names)."""
    cached = _CACHE.get(id(messaging))
    if cached is not None and cached[0] is messaging:
        return cached[1]
    texts = [form for e in messaging.entries for form in (e.text, *e.variants)]
    pairs = []
    # a way the messaging itself writes somewhere is left as it is ("Ubuntu Advantage" is avoided, and
    # the retired claim about it says so)
    for group in _GROUPS:
        used = [m[0] for p in group for t in texts if (m := p.search(t))]
        if used:
            # "Free forever ..." starts an entry: mid-sentence it is "free"
            ours = used[0].lower() if used[0][:1].isupper() and used[0][1:].islower() else used[0]
            pairs += [(p, ours) for p in group if not any(p.search(t) for t in texts)]
    for term in messaging.terms:
        for word in term.avoid:
            pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", 0 if term.case_sensitive else re.I)
            if not any(pattern.search(t) for t in texts):
                pairs.append((pattern, term.use))
    _CACHE[id(messaging)] = (messaging, tuple(pairs))
    return tuple(pairs)


def in_our_words(text: str, pairs) -> str:
    """The sentence with each other way of saying a thing replaced by the messaging's."""
    for pattern, used in pairs:
        text = pattern.sub(used, text)
    return text


class Named(str):
    """A sentence with our name for its "we": scored against prohibited and retired entries only. Against
    an approved entry a name it gains lifts the score by itself (a restatement found where there is
    none could clear a prohibited claim the sentence makes)."""


def as_named(text: str, company: str) -> str:
    """The sentence with the company's name where it starts speaking as "we": the model weighs a name heavily, and
    "We're a carbon-neutral business" scores 0.59 against "Harborline is a carbon-neutral company", 0.96
    as "Harborline is a carbon-neutral business"."""
    # only where "we" is what the sentence is about: "Before we can even think about security, ..." is a
    # team at work, and named it reads as a claim about the product
    if not company or not re.match(r"\W*" + FIRST_PERSON.pattern, text, re.I):
        return text
    return FIRST_PERSON.sub(lambda m: _AS_NAMED[m[0].lower().replace("\u2019", "'")].format(company), text)


# each first-person form, and what it is with the company's name
_AS_NAMED = {"we're": "{} is", "we are": "{} is", "we've": "{} has", "we have": "{} has", "we were": "{} was",
             "we'll": "{} will", "we'd": "{} would", "we": "{}", "us": "{}", "our": "{}'s", "ours": "{}'s"}
FIRST_PERSON = re.compile(r"\b(?:we(?:['\u2019](?:re|ve|ll|d)|\s+(?:are|have|were))|we|us|ours?)\b", re.I)
