"""Rule kinds: a rule file names its `kind:`; the kind is the code that runs it.
A new word list needs a new YAML file, not new code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from brandlint.checks import consistency, existence, names, substitution


@dataclass(frozen=True)
class Kind:
    check: Callable
    options: dict  # option name -> type(s), checked when a rule file is loaded


def _claims(rule, document, ctx):
    from brandlint.claims import check  # heavy: spaCy and the embedding model load only when needed

    return check(rule, document, ctx)


def _wording(name):
    def run(rule, document, ctx):
        from brandlint.checks import wording

        return getattr(wording, name)(rule, document, ctx)
    return run


def _none(rule, document, ctx):
    return ()


KINDS = {
    "existence": Kind(existence.check, existence.OPTIONS),
    "substitution": Kind(substitution.check, substitution.OPTIONS),
    "consistency": Kind(consistency.check, consistency.OPTIONS),
    "casing": Kind(names.casing, {}),
    "misspelling": Kind(names.misspelling, names.OPTIONS),
    "restricted": Kind(names.restricted, {}),
    "claims": Kind(_claims, {"verdict": str}),
    "readability": Kind(_wording("readability_check"), {"min_words": int, "report": str}),
    "hard-sentence": Kind(_wording("hard_sentence"), {"max_grade": (int, float), "max_words": int}),
    "sentence-length": Kind(_wording("sentence_length"), {}),
    "passive": Kind(_wording("passive"), {"participles": list, "adjectives": list}),
    "tool": Kind(_none, {}),  # findings made by the engine itself: file errors, unused disables
}
