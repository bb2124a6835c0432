"""hard-sentence and sentence-length: single prose sentences that are too hard (their own
Flesch-Kincaid grade) or too long for the channel (`max_sentence_words` in the messaging `voice:`)."""

from __future__ import annotations

from brandlint import grades, prose
from brandlint.model import Option

HARD_OPTIONS = {
    "max_grade": Option((int, float), 16, "grade above which a sentence is reported"),
    "min_words": Option(int, 12, "shorter sentences are never reported: a grade means little on a few words"),
}
LENGTH_OPTIONS: dict = {}


def hard_sentence(rule, document, ctx, shared):
    limit, min_words = rule.options["max_grade"], rule.options["min_words"]
    for start, end, text in shared.prose_sentences:
        counts = grades.count(text, 1)
        if counts.words < min_words:  # also spares a grade of a "sentence" without words (division by zero)
            continue
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
