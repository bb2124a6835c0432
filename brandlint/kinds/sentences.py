"""hard-sentence and sentence-length: single prose sentences that are too hard (their own
Flesch-Kincaid grade) or too long for the channel (`max_sentence_words` in the messaging `voice:`)."""

from __future__ import annotations

import re

from brandlint import grades, prose
from brandlint.model import Option

HARD_OPTIONS = {
    "max_grade": Option((int, float), 16, "grade above which a sentence is reported"),
    "min_words": Option(int, 12, "shorter sentences are never reported: a grade means little on a few words"),
}
LENGTH_OPTIONS: dict = {}


# Inline code cut out leaves a hole: " , " or "( )". Such a sentence is not scored as written.
HOLE = re.compile(r"\s[,.;:!?)]|\(\s*\)")
# Paths, domains, identifiers and chains of hyphens are names, not hard words.
HYPHEN_CHAIN = re.compile(r"(?<![\w-])\w+(?:-\w+){2,}")  # starts only where a word starts: linear
SEPARATOR = re.compile(r"[/_.:]")
WORD_CHAR = re.compile(r"\w")


def _name_like(token: str) -> bool:
    """A separator with a word character after it ("example.com", "a/b"); two plain searches, so a
    run of thousands of colons costs linear time (one regex for this backtracked quadratically)."""
    sep = SEPARATOR.search(token)
    return bool(sep and WORD_CHAR.search(token, sep.end()))


def names_out(text: str) -> str:
    text = re.sub(r"\S+", lambda m: "x" if _name_like(m.group(0)) else m.group(0), text)
    return HYPHEN_CHAIN.sub("x", text)


def hard_sentence(rule, document, ctx, shared):
    """A sentence too long for the channel is long-sentence's (BL302) to report; this rule does not
    report it again."""
    limit, min_words = rule.options["max_grade"], rule.options["min_words"]
    longest = ctx.voice.get("max_sentence_words")
    for start, end, text in shared.prose_sentences:
        if (longest is not None and len(prose.words(text)) > longest) or HOLE.search(text):
            continue
        counts = grades.count(names_out(text), 1)
        if counts.words < min_words:
            continue  # also a sentence of names only: no words, no grade
        grade = grades.flesch_kincaid_grade(counts)
        if grade > limit:
            yield rule.finding(start, end, text, {"grade": f"{grade:.1f}", "limit": limit, "words": counts.words},
                               details=(("grade", round(grade, 1)),))


def sentence_length(rule, document, ctx, shared):
    limit = ctx.voice.get("max_sentence_words")
    if limit is None:
        return
    for start, end, text in shared.prose_sentences:
        n = len(prose.words(text))
        if n > limit:
            yield rule.finding(start, end, text, {"words": n, "limit": limit, "channel": ctx.channel})
