"""A sentence in the messaging's own words: where it says a thing one way and the messaging another
("unlimited SMS reminders at no extra charge" against "unlimited free text-message reminders"), the
model puts the two far apart, though a reader sees one claim. Each group of `same_meaning` in
claims.yaml, and each term's avoided words, is written as the messaging writes it before the
sentence is embedded a second time. Pure."""

from __future__ import annotations

import re

from brandlint import wordlists

# whole words, a hyphen included: "hands-free" and "free-text" are not "free"
_EDGE = r"(?<![\w-])(?:{})(?![\w-])"
_GROUPS = tuple(tuple(re.compile(_EDGE.format(p), re.I) for p in group)
                for group in wordlists.load("claims")["same_meaning"])

_CACHE: dict[int, tuple] = {}
_CACHED = 16  # messagings kept (a language server reloads its messaging on every edit of it)


def rewriter(messaging) -> tuple:
    """One pattern of every other way of saying a thing, with what each becomes; computed once per
    messaging (by identity, as decide._embargoed_names)."""
    cached = _CACHE.get(id(messaging))
    if cached is not None and cached[0] is messaging:
        return cached[1]
    texts = [form for e in messaging.entries for form in (e.text, *e.variants)]
    ways: list[tuple[str, str]] = []  # (pattern with its flags, what it becomes)
    # A group's first way is the plain word ("free", "text message"): it stays as written, for it is
    # said of many things ("feel free"). A way the messaging itself writes somewhere stays too ("Ubuntu
    # Advantage" is avoided, and the retired claim about it says so).
    for group in _GROUPS:
        used = [m[0] for p in group for t in texts if (m := p.search(t))]
        if used:
            # "Free forever ..." starts an entry: mid-sentence it is "free"
            ours = used[0].lower() if used[0][:1].isupper() and used[0][1:].islower() else used[0]
            ways += [(f"(?i:{p.pattern})", ours) for p in group[1:] if not any(p.search(t) for t in texts)]
    for term in messaging.terms:
        for word in term.avoid:
            pattern = rf"(?<!\w){re.escape(word)}(?!\w)"
            if not any(re.search(pattern, t, 0 if term.case_sensitive else re.I) for t in texts):
                ways.append((pattern if term.case_sensitive else f"(?i:{pattern})", term.use))
    found = (re.compile("|".join(f"(?P<w{i}>{p})" for i, (p, _) in enumerate(ways))), [use for _, use in ways]) \
        if ways else None
    if len(_CACHE) >= _CACHED:
        _CACHE.clear()
    _CACHE[id(messaging)] = (messaging, found)
    return found


def in_our_words(text: str, found) -> str:
    """The sentence with each other way of saying a thing replaced by the messaging's, in one pass (a
    replacement is not read again)."""
    if not found:
        return text
    pattern, uses = found
    return pattern.sub(lambda m: uses[int(m.lastgroup[1:])], text)


class Named(str):
    """A sentence with our name for its "we": scored against prohibited and retired entries only. Against
    an approved entry a name it gains lifts the score by itself (a restatement found where there is
    none could clear a prohibited claim the sentence makes)."""


def as_named(text: str, company: str) -> str:
    """The sentence with the company's name where it starts speaking as "we": the model weighs a name
    heavily, and "We're a carbon-neutral business" scores 0.59 against "Harborline is a carbon-neutral
    company", 0.96 as "Harborline is a carbon-neutral business"."""
    # only where "we" is what the sentence is about: "Before we can even think about security, ..." is a
    # team at work, and "Our landlord is carbon-neutral" is not about us
    if not company or not START.match(text):
        return text
    return _WE.sub(lambda m: _AS_NAMED[" ".join(m[0].lower().replace("\u2019", "'").split())].format(company),
                            text)


# each first-person form, and what it is with the company's name ("US" is a country: "us" in lower case only)
_AS_NAMED = {"we're": "{} is", "we are": "{} is", "we've": "{} has", "we have": "{} has", "we were": "{} was",
             "we'll": "{} will", "we'd": "{} would", "we": "{}", "us": "{}", "our": "{}'s", "ours": "{}'s"}
_WE = re.compile(r"\b(?:[Ww]e(?:['\u2019](?:re|ve|ll|d)|\s+(?:are|have|were))|[Ww]e|us|[Oo]urs?)\b")
START = re.compile(r"\W*[Ww]e\b")


# A tagline, bullet or heading names no one: "Free forever for single-vet practices". Short, not opened by
# a word that is its own subject, a question or an owner ("Our landlord is ..."), and without a verb of its own.
TAGLINE_WORDS = 8
_OWN_SUBJECT = re.compile(r"(?:i|you|he|she|it|they|we|this|these|those|there|here|that|what|who|how|why|when|"
                          r"where|which|our|my|your|their|his|her|its)\b", re.I)
_VERB = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|do|does|did|shall|"
                   r"should|may|might|must)\b|n['\u2019]t\b|['\u2019](?:re|ve|ll|d|m)\b", re.I)


def as_tagline(text: str, company: str) -> str:
    """A short line that names no one, read as said of us ("Pawmark is free forever for ..."), or the text."""
    body = re.sub(r"^[^\w\u2019'#]+", "", text)
    if not company or not body or len(body.split()) > TAGLINE_WORDS or _OWN_SUBJECT.match(body) \
            or _VERB.search(body):
        return text
    return f"{company} is {body}"


# "As the biggest vet booking platform in Europe, we've seen ...": what we are said to be, before "we".
_ROLE = re.compile(r"\W*as\s+(?P<role>(?:the|an?|one\s+of\s+the|(?-i:[A-Z])[\w-]*['\u2019]s)\s+[^,;:]{3,100}?),\s*"
                   r"(?:we\b|we['\u2019]|our\b)", re.I)


def as_role(text: str, company: str) -> str:
    """What "As the biggest ..., we ..." says we are, with our name ("Pawmark is the biggest ..."), or the text.
    Not "as" for "while" ("As the number one platform in Europe raises its prices, we ..."): a role is a
    short phrase without a verb of its own."""
    m = _ROLE.match(text)
    if not company or not m or len(m["role"].split()) > TAGLINE_WORDS or _VERB.search(m["role"]):
        return text
    return f"{company} is {m['role']}"
