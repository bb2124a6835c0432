"""One file's contribution to the report: its findings (the same as `check`'s, through the same
result cache) plus the entries it restates and its figure statements no entry covers. Both are read
off the claims analysis the lint computed anyway, so a report costs little more than a check."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from brandlint import engine, project, readers
from brandlint import results as result_cache
from brandlint.cache import Store
from brandlint.claims.coverage import best_sentences, from_analysis, match_threshold, required_here
from brandlint.claims.decide import THRESHOLDS
from brandlint.figures import find_figures
from brandlint.language import ModelError
from brandlint.model import FileResult, LineIndex
from brandlint.wordlists import alternation, load

SNAPSHOT = re.compile(alternation(load("claims")["snapshot"]), re.I)

FACTS_VERSION = "2"  # part of the facts cache key: bump when what is kept changes


@dataclass(frozen=True)
class Facts:
    result: FileResult
    mentions: dict  # entry id -> line of the first sentence restating it
    required: tuple  # ids of the entries this document must restate (required_in matches its path)
    statements: tuple  # figure statements close to no entry: dicts with line, text, figure, value, unit, masked


def for_path(path, run, stores=None) -> Facts:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Facts(project.unreadable(str(path), run.rules, exc.strerror or str(exc)), {}, (), ())
    return for_bytes(str(path), data, run, stores)


def open_stores(run) -> tuple[Store, Store]:
    return Store("results", run.config.cache), Store("report", run.config.cache)


def for_bytes(path: str, data: bytes, run, stores=None) -> Facts:
    """Facts of one file given its content: an unchanged file under an unchanged run is two cache
    reads (`git show` blobs of earlier commits come in this way too)."""
    results, kept = stores or open_stores(run)
    key = result_cache.key(path, data, run)
    hit, facts = results.get_many([key]).get(key), kept.get_many([key + FACTS_VERSION]).get(key + FACTS_VERSION)
    if hit is not None and facts is not None:
        raw = json.loads(facts)
        return Facts(result_cache.thaw(path, data, hit), raw["mentions"], tuple(raw["required"]),
                     tuple(raw["statements"]))
    found = _compute(path, data, run)
    if found.result.document is not None:  # an unreadable file is tried again next time
        results.put_many({key: result_cache.freeze(found.result)})
        kept.put_many({key + FACTS_VERSION: json.dumps({"mentions": found.mentions, "required": found.required,
                                                        "statements": found.statements}).encode()})
    return found


def _compute(path: str, data: bytes, run) -> Facts:
    try:
        document = readers.read(path, data, None)
    except readers.ReadError as exc:
        return Facts(project.unreadable(path, run.rules, str(exc)), {}, (), ())
    try:
        ctx, chosen = project.context_for(document, run)
        shared = engine.Shared(document, ctx)
        findings = engine.lint(document, chosen, ctx, shared)
        result = FileResult(path, tuple(findings), ctx.channel, document)
        if ctx.language is None or not run.messaging.entries:
            return Facts(result, {}, (), ())
        index = LineIndex(document)
        threshold = match_threshold(ctx)
        spans = from_analysis(shared.claims, threshold)
        required = required_here(run.messaging, path)
        spans.update({k: v for k, v in best_sentences(required, shared.prose_sentences, ctx.language,
                                                      threshold).items() if k not in spans})
        mentions = {entry: index.point(start)[0] for entry, (start, _, _) in sorted(spans.items())}
        statements = tuple(_statements(shared.claims, index, {**THRESHOLDS, **ctx.thresholds}["related"]))
        return Facts(result, mentions, tuple(e.id for e in required), statements)
    except ModelError:
        raise
    except Exception as exc:  # a bug must cost one file, not the report
        return Facts(project.unreadable(path, run.rules, f"internal error in brandlint ({type(exc).__name__}: "
                                                         f"{exc}); please report it"), {}, (), ())


def _statements(analysis, index, related: float):
    """Sentences stating a standing figure about the company that no entry is close to: what two
    documents may state differently. A figure of a moment ("this release", "in 2023", "at 8 a.m.")
    differs from document to document as a matter of course."""
    for s, sig, verdict, ranked in analysis:
        if "figure" not in sig.reasons or (verdict is not None and verdict.kind != "unsupported"):
            continue
        if "about the company" not in sig.reasons or SNAPSHOT.search(s.text):
            continue
        if ranked and ranked[0][1] >= related:
            continue
        figures = [f for f in find_figures(s.text) if not f.year_like]
        if not figures:
            continue
        masked, last = [], 0
        for f in figures:
            masked.append(s.text[last:f.start] + "#")
            last = f.end
        masked = re.sub(r"#(\s*#)+", "#", "".join(masked) + s.text[last:])
        figure = figures[0]
        yield {"line": index.point(s.start)[0], "text": s.text, "figure": figure.show(), "value": figure.value,
               "unit": figure.unit, "masked": masked}
