"""Readability formulas, as published. Pure arithmetic over counts, so tests can check them
against worked examples.

- Flesch-Kincaid grade (Kincaid et al., 1975): 0.39 W/S + 11.8 Sy/W - 15.59
- SMOG grade (McLaughlin, 1969): 1.0430 sqrt(polysyllables x 30 / S) + 3.1291"""

from __future__ import annotations

import math
from dataclasses import dataclass

from brandlint import prose


@dataclass(frozen=True)
class Counts:
    sentences: int
    words: int
    syllables: int
    polysyllables: int  # words of three or more syllables

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(a + b for a, b in zip(self.astuple(), other.astuple())))

    def astuple(self):
        return (self.sentences, self.words, self.syllables, self.polysyllables)


ZERO = Counts(0, 0, 0, 0)


# Text without stops (a pasted list, a run-on) is scored as if it had a stop every 60 words, so
# one enormous "sentence" cannot produce a grade in the hundreds.
MAX_SENTENCE_WORDS = 60


def count(text: str, sentences: int | None = None) -> Counts:
    found = prose.words(text)
    per_word = [prose.syllables(w) for w in found]
    n = sentences if sentences is not None else max(1, len(prose.sentences(text)))
    n = max(n, -(-len(found) // MAX_SENTENCE_WORDS))
    return Counts(n, len(found), sum(per_word), sum(s >= 3 for s in per_word))


def flesch_kincaid_grade(c: Counts) -> float:
    # A "sentence" of no words (punctuation only, found by the fuzzer) must not divide by zero.
    return 0.39 * c.words / max(c.sentences, 1) + 11.8 * c.syllables / max(c.words, 1) - 15.59


def smog_grade(c: Counts) -> float:
    return 1.0430 * math.sqrt(c.polysyllables * 30 / c.sentences) + 3.1291
