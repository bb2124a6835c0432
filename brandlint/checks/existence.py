"""existence: words or phrases that should not appear at all (`tokens:`), each optionally
with advice (`advice:` map from token to a hint shown as the suggestion)."""

from __future__ import annotations

from brandlint.checks.text import format_message, inside, quoted_ranges, term_pattern
from brandlint.model import Finding

OPTIONS = {"tokens": list, "advice": dict, "ignorecase": bool, "skip_quotes": bool}


def check(rule, document, ctx):
    case_sensitive = not rule.options.get("ignorecase", True)
    advice = {k.lower(): v for k, v in (rule.options.get("advice") or {}).items()}
    skip_quotes = rule.options.get("skip_quotes", True)
    for block in document.blocks:
        if skip_quotes and block.kind == "quote":
            continue
        quoted = quoted_ranges(block.text) if skip_quotes else []
        for token in rule.options.get("tokens") or ():
            for m in term_pattern(str(token), case_sensitive).finditer(block.text):
                if inside(quoted, m.start(), m.end()):
                    continue
                hint = advice.get(str(token).lower())
                hints = tuple(hint) if isinstance(hint, list) else ((hint,) if hint else ())
                yield Finding(rule.code, rule.name, rule.family, rule.severity,
                              format_message(rule.message, found=m.group(0), advice=hints[0] if hints else ""),
                              block.start + m.start(), block.start + m.end(), m.group(0), hints)
