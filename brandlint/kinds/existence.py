"""existence: words or phrases that should not appear at all (`tokens:`, matched as whole words, or
`patterns:`, regular expressions), each optionally with advice (`advice:` map from token to a hint)."""

from __future__ import annotations

from brandlint.matching import inside, quoted_ranges, term_set, user_pattern
from brandlint.model import Option

OPTIONS = {
    "tokens": Option(list, [], "words or phrases, matched as whole words"),
    "patterns": Option(list, [], "regular expressions; a group named m narrows the match"),
    "advice": Option(dict, {}, "token -> a hint (or a list of hints) shown with the finding"),
    "ignorecase": Option(bool, True, "match tokens and patterns in any case"),
    "skip_quotes": Option(bool, True, "ignore matches inside quotation marks and block quotes"),
}


def check(rule, document, ctx, shared):
    options = rule.options
    case_sensitive = not options["ignorecase"]
    advice = {k.lower(): v for k, v in options["advice"].items()}
    skip_quotes = options["skip_quotes"]
    tokens = tuple(str(t) for t in options["tokens"])
    terms = term_set(tokens, (case_sensitive,) * len(tokens))
    patterns = [(str(p), user_pattern(str(p), not case_sensitive)) for p in options["patterns"]]
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
            yield rule.finding(block.start + a, block.start + b, block.text[a:b],
                               {"found": block.text[a:b], "advice": f" (try: {hints[0]})" if hints else ""},
                               suggestions=hints)
