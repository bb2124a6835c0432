"""Is a sentence a claim, and how strong? Pure functions over text; word lists are small and
general, not company data (that lives in the messaging)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from brandlint.figures import find_figures

SUPERLATIVE = re.compile(
    r"#\s?1\b|\b(?:the\s+only|only\s+\w+\s+(?:that|to|which)|number\s+one|no\.\s?1|leading|leader|industry-leading|"
    r"best|fastest|cheapest|largest|biggest|most|safest|simplest|easiest|the\s+first|unmatched|unrivall?ed|"
    r"unbeatable|world-class|better\s+than|faster\s+than|cheaper\s+than|more\s+\w+\s+than|"
    r"\w+est\s+(?:cloud|platform|service|product|way))\b", re.I)
# Only words that promise: "every" and "all" are too common in plain copy to mark a claim.
ABSOLUTE = re.compile(
    r"\b(?:always|never|guarantee[sd]?|100\s?%|cannot\s+be|can't\s+be|impossible|unhackable|"
    r"zero\s+\w+|forever|no\s+one|nobody|risk-free|instant(?:ly)?)\b", re.I)
HEDGE = re.compile(r"\b(?:may|might|could|can\s+help|helps?|aims?\s+to|up\s+to|designed\s+to|should|"
                   r"typically|often|some|potentially|likely)\b", re.I)
# Implicit negatives count too: "impossible to hack" says what "cannot be hacked" says.
NEGATION = re.compile(
    r"\b(?:not|no|never|no\s+longer|neither|nor|without|cannot|none|nothing|nobody|stopped|ceased|"
    r"fails?\s+to|impossible|unable|un\w+able|zero)\b|n't\b", re.I)
FIRST_PERSON = re.compile(r"\b(?:we|our|us|we're|we've)\b", re.I)


@dataclass(frozen=True)
class Signal:
    strength: float  # 0: not a claim; 1 or more: a claim that must be backed by the messaging
    reasons: tuple[str, ...]
    hedged: bool = False
    question: bool = False


def names_in(text: str, names: list[str]) -> set[str]:
    return {n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text, re.I)}


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
    if names_in(text, names) or FIRST_PERSON.search(text):
        reasons.append("about the company")
        strength += 0.5
    # Hedges and questions make weaker claims: still judged, reported one severity lower.
    hedged = bool(HEDGE.search(text))
    question = text.rstrip().endswith("?")
    return Signal(strength, tuple(reasons), hedged, question)


# "in days, not months", "not only", "rather than": contrast, not negation of the statement.
# "No cloud is cheaper than X" says X is cheapest: a negated comparative is a superlative.
CONTRAST = re.compile(r",\s*(?:and\s+)?not\s+[\w\s-]+|\bnot\s+only\b|\bno\s+(?:more|less)\s+than\b|"
                      r"\b(?:no|none|nothing|nobody)\b[\w\s-]*?\b(?:is|are|comes?)\s+\w+er\s+than\b", re.I)
SUPERLATIVE_WORD = re.compile(r"#\s?1\b|\b(?:best|most\s+\w+|least\s+\w+|only|the\s+first|leading|\w{3,}est)\b", re.I)
NOT_SUPERLATIVE = {"interest", "request", "latest", "test", "forest", "suggest", "honest", "modest", "invest",
                   "harvest", "digest", "contest", "protest", "guest", "quest", "west", "rest", "nest",
                   "manifest", "arrest"}


def negated(text: str) -> bool:
    """An odd number of negations flips the statement."""
    return len(NEGATION.findall(CONTRAST.sub(" ", text))) % 2 == 1


def superlatives(text: str) -> set[str]:
    """The attribute a superlative claims ("fastest", "most secure"): two claims about different
    attributes are different claims, however alike their embeddings."""
    found = {" ".join(m.group(0).lower().split()) for m in SUPERLATIVE_WORD.finditer(text)}
    return found - NOT_SUPERLATIVE


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
