"""existence: words or phrases that should not appear at all (`tokens:`, matched as whole words, or
`patterns:`, regular expressions), each optionally with advice (`advice:` map from token to a hint)."""

from __future__ import annotations

from brandlint.checks.text import format_message, inside, quoted_ranges, term_set
from brandlint.model import Finding

import re

OPTIONS = {"tokens": list, "patterns": list, "advice": dict, "ignorecase": bool, "skip_quotes": bool}


def check(rule, document, ctx):
    case_sensitive = not rule.options.get("ignorecase", True)
    advice = {k.lower(): v for k, v in (rule.options.get("advice") or {}).items()}
    skip_quotes = rule.options.get("skip_quotes", True)
    tokens = tuple(str(t) for t in rule.options.get("tokens") or ())
    terms = term_set(tokens, (case_sensitive,) * len(tokens))
    flags = 0 if case_sensitive else re.IGNORECASE
    patterns = [(str(p), re.compile(str(p), flags)) for p in rule.options.get("patterns") or ()]
    for block in document.blocks:
        if skip_quotes and block.kind == "quote":
            continue
        hits = [(m, tokens[i]) for m, i in terms.finditer(block.text)]
        hits += [(m, p) for p, pattern in patterns for m in pattern.finditer(block.text) if m.end() > m.start()]
        quoted = quoted_ranges(block.text) if skip_quotes and hits else []
        for m, token in hits:
            if inside(quoted, m.start(), m.end()):
                continue
            a, b = m.span("m") if "m" in m.re.groupindex and m.group("m") else m.span()
            hint = advice.get(token.lower())
            hints = tuple(hint) if isinstance(hint, list) else ((hint,) if hint else ())
            yield Finding(rule.code, rule.name, rule.family, rule.severity,
                          format_message(rule.message, found=block.text[a:b],
                                         advice=f" (try: {hints[0]})" if hints else ""),
                          block.start + a, block.start + b, block.text[a:b], hints)
