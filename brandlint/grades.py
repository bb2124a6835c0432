"""Readability formulas, as published. Pure arithmetic over counts, so tests can check them
against worked examples.

- Flesch-Kincaid grade (Kincaid et al., 1975): 0.39 W/S + 11.8 Sy/W - 15.59
- Flesch reading ease (Flesch, 1948): 206.835 - 1.015 W/S - 84.6 Sy/W
- SMOG grade (McLaughlin, 1969): 1.0430 sqrt(polysyllables x 30 / S) + 3.1291
- Coleman-Liau index (1975): 0.0588 L - 0.296 S - 15.8, L and S per 100 words (letters, sentences)"""

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
    letters: int

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(a + b for a, b in zip(self.astuple(), other.astuple())))

    def astuple(self):
        return (self.sentences, self.words, self.syllables, self.polysyllables, self.letters)


ZERO = Counts(0, 0, 0, 0, 0)


# Text without stops (a pasted list, a run-on) is scored as if it had a stop every 60 words, so
# one enormous "sentence" cannot produce a grade in the hundreds.
MAX_SENTENCE_WORDS = 60


def count(text: str, sentences: int | None = None) -> Counts:
    found = prose.words(text)
    per_word = [prose.syllables(w) for w in found]
    n = sentences if sentences is not None else max(1, len(prose.sentences(text)))
    n = max(n, -(-len(found) // MAX_SENTENCE_WORDS))
    return Counts(n, len(found), sum(per_word), sum(s >= 3 for s in per_word),
                  sum(c.isalpha() for w in found for c in w))


def flesch_kincaid_grade(c: Counts) -> float:
    return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59


def flesch_reading_ease(c: Counts) -> float:
    return 206.835 - 1.015 * c.words / c.sentences - 84.6 * c.syllables / c.words


def smog_grade(c: Counts) -> float:
    return 1.0430 * math.sqrt(c.polysyllables * 30 / c.sentences) + 3.1291


def coleman_liau(c: Counts) -> float:
    return 0.0588 * (c.letters / c.words * 100) - 0.296 * (c.sentences / c.words * 100) - 15.8


FORMULAS = {
    "flesch-kincaid": flesch_kincaid_grade,
    "smog": smog_grade,
    "coleman-liau": coleman_liau,
}
