"""substitution: avoid X, use Y. The pairs come from the rule's `swap:` map or, with
`from: messaging`, from the messaging `terms` (`avoid:` -> `use:`)."""

from __future__ import annotations

from brandlint.matching import (carry_preposition, in_literal, inflections, inside, keep_case, literal_ranges,
                                quoted_ranges, sentence_initial, term_set)
from brandlint.model import Edit, Option

OPTIONS = {
    "swap": Option(dict, {}, "phrase to avoid -> the one to use (or a list of choices: no automatic fix)"),
    "from": Option(str, "", "'messaging': take the pairs from the messaging terms (avoid -> use)"),
    "ignorecase": Option(bool, True, "match the swap phrases in any case"),
    "skip_quotes": Option(bool, True, "ignore matches inside quotation marks and block quotes"),
}


def pairs(rule, messaging) -> list[tuple[str, tuple[str, ...], bool, str]]:
    """(avoid, suggestions, case_sensitive, note) for every pair this rule knows."""
    out = []
    if rule.options["from"] == "messaging":
        for term in messaging.terms:
            for avoid in term.avoid:
                for a, u in inflections(avoid, term.use) if not term.case_sensitive else [(avoid, term.use)]:
                    out.append((a, (carry_preposition(a, u),), term.case_sensitive, term.note))
    ignorecase = rule.options["ignorecase"]
    for avoid, use in rule.options["swap"].items():
        uses = tuple(use) if isinstance(use, list) else (str(use),)
        out.append((str(avoid), uses, not ignorecase, ""))
    return out


def check(rule, document, ctx, shared):
    skip_quotes = rule.options["skip_quotes"]
    table = pairs(rule, ctx.messaging)
    terms = term_set(tuple(p[0] for p in table), tuple(p[2] for p in table))
    for block in document.blocks:
        if skip_quotes and block.kind == "quote":
            continue
        quoted = None
        for m, i in terms.finditer(block.text):
            avoid, uses, case_sensitive, note = table[i]
            if in_literal(literal_ranges(block.text), *m.span()):
                continue
            if skip_quotes:
                quoted = quoted_ranges(block.text) if quoted is None else quoted
                if inside(quoted, m.start(), m.end()):
                    continue
            found = m.group(0)
            suggestions = tuple(u if case_sensitive else keep_case(found, u) for u in uses)
            if found in suggestions:
                continue
            # A sentence starts with a capital even when the name does not ("Crates.io accounts ...").
            if case_sensitive and sentence_initial(block, m.start()) and found[1:] == suggestions[0][1:] \
                    and found[:1] == suggestions[0][:1].upper():
                continue
            start, end = block.start + m.start(), block.start + m.end()
            fix = Edit(start, end, suggestions[0]) if len(suggestions) == 1 else None
            fields = {"found": found, "expected": suggestions[0], "suggestions": "', '".join(suggestions), "note": note}
            yield rule.finding(start, end, found, fields, suggestions=suggestions, fix=fix)
