"""consistency: one concept written two ways in one document (`either:` groups of variants).
The first form used wins; later other forms are flagged with it as the fix."""

from __future__ import annotations

from brandlint.matching import keep_case, term_set
from brandlint.model import Edit, Option

OPTIONS = {"either": Option(list, [], "groups of variants of one concept; the first one used wins")}


def check(rule, document, ctx, shared):
    groups = [[str(v) for v in group] for group in rule.options["either"]]
    variants = tuple(v for group in groups for v in group)
    owner = [g for g, group in enumerate(groups) for _ in group]
    terms = term_set(variants, (False,) * len(variants))
    hits: dict[int, list] = {}
    for block in document.blocks:
        if block.kind == "quote":
            continue
        for m, i in terms.finditer(block.text):
            hits.setdefault(owner[i], []).append((block.start + m.start(), block.start + m.end(), variants[i],
                                                  m.group(0)))
    for group_hits in hits.values():
        if len({h[2] for h in group_hits}) < 2:
            continue
        group_hits.sort()
        first = group_hits[0][2]
        for start, end, variant, found in group_hits:
            if variant == first:
                continue
            expected = keep_case(found, first)
            yield rule.finding(start, end, found, {"found": found, "expected": expected}, suggestions=(expected,),
                               fix=Edit(start, end, expected))
