"""Which messaging entries a document restates by meaning: the coverage the report counts and the
check behind required messages. Pure over values the claims analysis and the prose splitter give."""

from __future__ import annotations

import fnmatch
from pathlib import PurePath

from brandlint.claims.decide import THRESHOLDS
from brandlint.claims.detect import negated


def match_threshold(ctx) -> float:
    return {**THRESHOLDS, **ctx.thresholds}["match"]


def from_analysis(analysis, threshold: float) -> dict[str, tuple[int, int, float]]:
    """entry id -> (start, end, score) of the first sentence that restates it: a verdict naming the
    entry (a stale figure still mentions it), or no verdict with the entry nearest above the threshold."""
    found: dict[str, tuple[int, int, float]] = {}
    for s, _sig, verdict, ranked in analysis:
        entry, score = None, 0.0
        if verdict is not None and verdict.entry is not None:
            entry, score = verdict.entry, verdict.score
        elif verdict is None and ranked and ranked[0][1] >= threshold:
            entry, score = ranked[0]
        if entry is not None and entry.id not in found:
            found[entry.id] = (s.start, s.end, float(score))
    return found


def required_here(messaging, path: str) -> list:
    """Entries whose `required_in` globs match this path."""
    return [e for e in messaging.entries if any(glob_matches(path, g) for g in e.required_in)]


def glob_matches(path: str, glob: str) -> bool:
    """A glob matches the same number of trailing path segments ("sales/*" matches
    examples/sales/one-pager.md), so it holds wherever the copy is checked out, relative or absolute;
    with "**" it may match any tail."""
    parts = PurePath(path).as_posix().split("/")
    if "**" in glob:
        return any(fnmatch.fnmatch("/".join(parts[i:]), glob.replace("**/", "*")) for i in range(len(parts)))
    return fnmatch.fnmatch("/".join(parts[-(glob.count("/") + 1):]), glob)


def best_sentences(entries, sentences, language, threshold: float) -> dict[str, tuple[int, int, float]]:
    """entry id -> (start, end, score) of the closest sentence at or above the threshold, over every
    prose sentence (a boilerplate or disclaimer is rarely claim-like). Polarity must agree."""
    if not entries or not sentences:
        return {}
    texts = [t for _, _, t in sentences]
    vectors = language.embed(texts)
    found = {}
    for entry in entries:
        forms = [entry.text, *entry.variants]
        scores = (vectors @ language.embed(forms).T).max(axis=1)
        best = None
        for (start, end, text), score in zip(sentences, scores):
            if score >= threshold and negated(text) == negated(entry.text) and (best is None or score > best[2]):
                best = (start, end, round(float(score), 3))
        if best:
            found[entry.id] = best
    return found
