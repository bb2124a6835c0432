"""The messaging's own `examples:` as tests (`brandlint messaging check`) and as data to choose the
claims thresholds from (`brandlint messaging calibrate`). An example passes when the claims analysis
gives what it expects: `fail` wordings a finding about their entry, `pass` wordings no claims finding.
The sentences are embedded once; each threshold tried only re-runs the decision, which is cheap."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from brandlint.claims import keeps, names, prepare
from brandlint.claims.decide import THRESHOLDS, decide
from brandlint.model import Block, Document

# The thresholds calibration moves, and the values it tries: inside the bounds STS-B gives for the
# model (related 0.65, same meaning 0.80), as `make calibrate` does on the labelled sets.
SEARCHED = {"match": (0.65, 0.90), "prohibited": (0.65, 0.90), "contradiction": (0.65, 0.90)}
STEP = 0.025


@dataclass(frozen=True)
class Example:
    entry: object  # messaging.Entry
    group: str  # "pass" or "fail"
    text: str


@dataclass(frozen=True)
class Outcome:
    example: Example
    ok: bool
    got: str  # what the analysis gave, in words


def examples(messaging) -> list[Example]:
    return [Example(entry, group, text) for entry in messaging.entries for group, text in entry.examples]


def prepared(messaging, language, items: list[Example]) -> list[list]:
    """Each example's claim-like sentences with their nearest entries: the embedding, done once."""
    out = []
    for item in items:
        document = Document("example.txt", item.text, (Block(item.text, 0, "prose"),), "text", {})
        out.append(prepare(document, messaging, language))
    return out


def judge(messaging, items, sentences, thresholds: dict, as_of: dt.date, channel: str = "external") -> list[Outcome]:
    known = names(messaging)
    outcomes = []
    for item, found in zip(items, sentences):
        verdicts, why, whole = [], {}, None
        for s, sig, ranked, near in found:
            verdict = decide(s.text, sig, ranked, messaging, channel, as_of, known, thresholds, near, None, why)
            if not s.clause:
                whole = verdict
            if verdict is not None and keeps(s, verdict, whole if s.clause else None):
                verdicts.append(verdict)
        about = [v for v in verdicts if v.entry is not None and v.entry.id == item.entry.id]
        ok = bool(about) if item.group == "fail" else not verdicts
        if verdicts:
            got = ", ".join(f"{v.kind}" + (f" of '{v.entry.id}'" if v.entry else "") for v in verdicts)
        else:
            got = "no finding" + (f" ({why[item.entry.id]})" if item.entry.id in why else "")
        outcomes.append(Outcome(item, ok, got))
    return outcomes


def failures(messaging, language, thresholds: dict, as_of: dt.date) -> list[str]:
    """One line per example the current thresholds get wrong, naming the entry's file and line."""
    items = examples(messaging)
    lines = []
    for o in judge(messaging, items, prepared(messaging, language, items), thresholds, as_of):
        if not o.ok:
            e = o.example.entry
            want = f"a finding about '{e.id}'" if o.example.group == "fail" else "no finding"
            lines.append(f"{e.source}:{e.line}: example of {e.section} '{e.id}' fails: {o.example.text!r}: "
                         f"expected {want}, got {o.got}")
    return lines


def calibrate(messaging, language, thresholds: dict, as_of: dt.date) -> tuple[dict, int, int, int]:
    """(proposed thresholds, examples right now, right with the proposal, examples): a grid search over
    SEARCHED; a tie keeps the value nearest the current one."""
    items = examples(messaging)
    sentences = prepared(messaging, language, items)
    current = {**THRESHOLDS, **thresholds}

    def score(candidate: dict) -> int:
        return sum(o.ok for o in judge(messaging, items, sentences, candidate, as_of))

    grid = {key: [round(lo + i * STEP, 3) for i in range(int(round((hi - lo) / STEP)) + 1)]
            for key, (lo, hi) in SEARCHED.items()}
    now = score(current)
    best, best_key = current, (now, 0.0)
    for values in itertools.product(*grid.values()):
        candidate = {**current, **dict(zip(grid, values))}
        distance = -sum(abs(candidate[k] - current[k]) for k in grid)
        key = (score(candidate), distance)
        if key > best_key:
            best, best_key = candidate, key
    proposal = {k: best[k] for k in grid if best[k] != current[k]}
    return proposal, now, best_key[0], len(items)
