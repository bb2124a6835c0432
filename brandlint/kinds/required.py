"""required-message: a messaging entry with `required_in: [globs]` (the boilerplate in every press
release, a disclaimer in every sales one-pager) must be restated by meaning in every document whose
path matches; a document without it gets one finding at its top, with the approved text to add."""

from __future__ import annotations

OPTIONS: dict = {}


def check(rule, document, ctx, shared):
    # imported here: the claims code compiles its word lists on import, and a run served from the cache
    # never needs it
    from brandlint.claims.coverage import best_sentences, match_threshold, required_here

    wanted = required_here(ctx.messaging, document.path)
    if not wanted or ctx.language is None:
        return
    found = best_sentences(wanted, shared.prose_sentences, ctx.language, match_threshold(ctx))
    for entry in wanted:
        if entry.id in found:
            continue
        globs = ", ".join(entry.required_in)
        yield rule.finding(0, 0, "", {"entry": entry.id, "approved": entry.text, "globs": globs},
                           suggestions=(entry.text,), entry=entry.id)
