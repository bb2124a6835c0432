"""restricted: terms used outside the channels their messaging entry allows (`channels:`), such as
an internal codename in external copy."""

from __future__ import annotations

from brandlint.matching import term_set

OPTIONS: dict = {}


def check(rule, document, ctx, shared):
    barred = [t for t in ctx.messaging.terms if t.channels is not None and ctx.channel not in t.channels]
    terms = term_set(tuple(t.use for t in barred), tuple(t.case_sensitive for t in barred))
    for block in document.blocks:
        for m, i in terms.finditer(block.text):
            term = barred[i]
            yield rule.finding(block.start + m.start(), block.start + m.end(), m.group(0),
                               {"found": m.group(0), "channels": ", ".join(term.channels), "channel": ctx.channel,
                                "note": term.note})
