"""Rule kinds: a rule file names its `kind:`; the kind is the code that runs it. A new word list
needs a new YAML file, not new code. Each kind module declares its OPTIONS (with defaults) beside
its `check(rule, document, ctx, shared)`, which yields findings with offsets; the engine locates them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from brandlint.kinds import (casing, consistency, existence, misspelling, passive, readability, required,
                             restricted, sentences, substitution, verdicts)


@dataclass(frozen=True)
class Kind:
    check: Callable
    options: dict  # option name -> model.Option
    whole_document: bool = False  # judged on the whole document, not on the lines it points at


def _none(rule, document, ctx, shared):
    return ()


KINDS = {
    "existence": Kind(existence.check, existence.OPTIONS),
    "substitution": Kind(substitution.check, substitution.OPTIONS),
    "consistency": Kind(consistency.check, consistency.OPTIONS),
    "casing": Kind(casing.check, casing.OPTIONS),
    "misspelling": Kind(misspelling.check, misspelling.OPTIONS),
    "restricted": Kind(restricted.check, restricted.OPTIONS),
    "claims": Kind(verdicts.check, verdicts.OPTIONS),
    "required-message": Kind(required.check, required.OPTIONS, whole_document=True),
    "readability": Kind(readability.check, readability.OPTIONS, whole_document=True),
    "hard-sentence": Kind(sentences.hard_sentence, sentences.HARD_OPTIONS),
    "sentence-length": Kind(sentences.sentence_length, sentences.LENGTH_OPTIONS),
    "passive": Kind(passive.check, passive.OPTIONS),
    # Findings the engine and the project layer make themselves, found by kind, never by code.
    "unreadable-file": Kind(_none, {}),
    "unused-directive": Kind(_none, {}),
    "bad-directive": Kind(_none, {}),
}
