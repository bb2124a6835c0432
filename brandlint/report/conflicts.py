"""Facts the copy states in two ways: figure statements in different documents that say the same
thing (their sentences, figures masked, embed close together; same kind of figure) with different
figures, where no messaging entry is close. Each group comes with a messaging entry to settle it."""

from __future__ import annotations

import re
from collections import Counter

import yaml

# Cosine similarity of two sentences with their figures masked, at or above which they state the same
# fact: STS-B puts "same meaning" at about 0.80 for all-MiniLM-L6-v2; "Our team of # engineers supports
# every customer." and "Our # engineers support every customer around the clock." score 0.82.
SAME_FACT = 0.80
STOP = set("a an the our we us of to in on for and or with by at from is are was were be has have more than over "
           "about around nearly almost up under only just its their your this that these those every each".split())


# The static model first: only statements with a neighbour this close by it are embedded by the
# transformer, so copy full of figures does not make a report cost much more than a check. Chosen, not
# calibrated: on the pairs tried, a transformer score of 0.82-0.87 was 0.78-0.79 static.
STATIC_NEAR = 0.70


def find(statements: list[dict], embed, static_embed=None) -> list[dict]:
    """`statements`: dicts with path, line, text, figure, value, unit, masked (one per sentence).
    Returns groups, largest first: {"statements": [...], "suggestion": YAML text}."""
    if static_embed is not None and len(statements) >= 2:
        near = _linked(statements, static_embed([s["masked"] for s in statements]), STATIC_NEAR)
        statements = [statements[i] for i in sorted(near)]
    if len(statements) < 2:
        return []
    vectors = embed([s["masked"] for s in statements])
    return _groups(statements, vectors)


def _pairs(statements, vectors, threshold):
    """(i, j) of statements from different documents, same kind of figure, at least this alike."""
    by_unit: dict[str, list[int]] = {}
    for i, s in enumerate(statements):
        by_unit.setdefault(s["unit"], []).append(i)
    for members in by_unit.values():
        # Block by block, so a large corpus never holds a full n-by-n matrix.
        for start in range(0, len(members), 512):
            rows = members[start:start + 512]
            scores = vectors[rows] @ vectors[members].T
            for r, c in zip(*(scores >= threshold).nonzero()):
                i, j = rows[r], members[c]
                if j > i and statements[i]["path"] != statements[j]["path"]:
                    yield i, j


def _linked(statements, vectors, threshold) -> set[int]:
    return {k for pair in _pairs(statements, vectors, threshold) for k in pair}


def _groups(statements, vectors) -> list[dict]:
    parent = list(range(len(statements)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _pairs(statements, vectors, SAME_FACT):
        parent[root(j)] = root(i)
    groups: dict[int, list[dict]] = {}
    for i, s in enumerate(statements):
        groups.setdefault(root(i), []).append(s)
    out = []
    for members in groups.values():
        if len({m["path"] for m in members}) < 2 or len({m["value"] for m in members}) < 2:
            continue
        members = sorted(members, key=lambda m: (m["path"], m["line"]))
        shown = [{k: m[k] for k in ("path", "line", "text", "figure")} for m in members]
        out.append({"statements": shown, "figures": sorted({m["figure"] for m in members}),
                    "suggestion": suggestion(members)})
    return sorted(out, key=lambda g: (-len(g["statements"]), g["statements"][0]["path"], g["statements"][0]["line"]))


def suggestion(members: list[dict]) -> str:
    """A `facts:` entry to paste into the messaging: the figure most documents use, the others as
    `previously:` (to be checked: the most common figure is not always the true one)."""
    counts = Counter(m["figure"] for m in members)
    figure, _ = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    chosen = next(m for m in members if m["figure"] == figure)
    others = sorted({m["figure"] for m in members if m["value"] != chosen["value"]})
    body = {"text": chosen["text"], "figure": figure}
    if others:
        body["previously"] = others
    text = yaml.safe_dump({"facts": {_slug(chosen): body}}, sort_keys=False, allow_unicode=True, width=1000)
    return "# Check which figure is true before adding this to the messaging.\n" + text


def _slug(statement: dict) -> str:
    after = statement["masked"].split("#", 1)[-1]
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", after) if w.lower() not in STOP]
    return "-".join(words[:2]) if words else "new-fact"
