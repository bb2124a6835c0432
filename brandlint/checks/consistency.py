"""consistency: one concept written two ways in one document (`either:` groups of variants).
The first form used wins; later other forms are flagged with it as the fix."""

from __future__ import annotations

from brandlint.checks.text import format_message, keep_case, term_pattern
from brandlint.model import Edit, Finding

OPTIONS = {"either": list}


def check(rule, document, ctx):
    for group in rule.options.get("either") or ():
        hits = []
        for variant in group:
            for block in document.blocks:
                for m in term_pattern(str(variant)).finditer(block.text):
                    hits.append((block.start + m.start(), block.start + m.end(), str(variant), m.group(0)))
        if len({h[2] for h in hits}) < 2:
            continue
        hits.sort()
        first = hits[0][2]
        for start, end, variant, found in hits:
            if variant == first:
                continue
            expected = keep_case(found, first)
            message = format_message(rule.message, found=found, expected=expected)
            yield Finding(rule.code, rule.name, rule.family, rule.severity, message, start, end, found,
                          (expected,), Edit(start, end, expected) if rule.fixable else None)
