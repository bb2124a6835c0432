"""casing: the right words of a product name in the wrong case (messaging terms with
`case_sensitive: true`)."""

from __future__ import annotations

import re

from brandlint.matching import inside, quoted_ranges, sentence_initial, shouting, term_set
from brandlint.model import Edit

OPTIONS: dict = {}


def check(rule, document, ctx, shared):
    names = [t for t in ctx.messaging.terms if t.case_sensitive]
    terms = term_set(tuple(t.use for t in names), (False,) * len(names))
    for block in document.blocks:
        if block.kind == "quote" or shouting(block):
            continue
        quoted = None
        for m, i in terms.finditer(block.text):
            term, found = names[i], m.group(0)
            if re.sub(r"\s+", " ", found) == term.use or found in term.avoid:
                continue
            if sentence_initial(block, m.start()) and found[1:] == term.use[1:]:
                continue
            quoted = quoted_ranges(block.text) if quoted is None else quoted
            if inside(quoted, *m.span()):
                continue
            start, end = block.start + m.start(), block.start + m.end()
            yield rule.finding(start, end, found, {"found": found, "expected": term.use}, suggestions=(term.use,),
                               fix=Edit(start, end, term.use))
