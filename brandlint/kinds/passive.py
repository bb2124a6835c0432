"""passive: a form of "be", up to two adverbs and a past participle; or, when a trained spaCy
pipeline is in use, the parser's passive labels. A channel whose `voice:` says `passive: true`
allows it."""

from __future__ import annotations

import re

from brandlint import wordlists
from brandlint.model import PROSE_KINDS, Option

OPTIONS = {
    "participles": Option(list, [], "irregular past participles (regular ones end in -ed)"),
    "adjectives": Option(list, [], "participles that are usually adjectives after 'be' ('tired', 'based')"),
}
BE = "(?:" + "|".join(r"\s+".join(map(re.escape, form.split())) for form in wordlists.load("english")["be_forms"]) + ")"


def _pattern(rule) -> re.Pattern:
    irregular = "|".join(sorted(map(re.escape, rule.options["participles"]), key=len, reverse=True))
    participle = rf"(?:\w{{3,}}ed|{irregular})" if irregular else r"\w{3,}ed"
    return re.compile(rf"\b{BE}\s+(?:\w+ly\s+){{0,2}}(?P<p>{participle})\b(?!\s+(?:to|that)\b)", re.I)


def check(rule, document, ctx, shared):
    if ctx.voice.get("passive") is True:
        return
    if ctx.language is not None and ctx.language.has_parser:
        yield from _parsed(rule, document, ctx)
        return
    adjectives = {a.lower() for a in rule.options["adjectives"]}
    pattern = _pattern(rule)
    for block in document.blocks:
        if block.kind not in PROSE_KINDS + ("list",):
            continue
        for m in pattern.finditer(block.text):
            if m.group("p").lower() in adjectives:
                continue
            yield rule.finding(block.start + m.start(), block.start + m.end(), m.group(0),
                               {"found": " ".join(m.group(0).split())})


def _parsed(rule, document, ctx):
    """With a trained pipeline, the parser's auxpass/nsubjpass labels mark the passive."""
    nlp = ctx.language.nlp()
    blocks = [b for b in document.blocks if b.kind in PROSE_KINDS + ("list",)]
    for block, doc in zip(blocks, nlp.pipe(b.text for b in blocks)):
        for token in doc:
            if token.dep_ == "auxpass":
                head = token.head
                a, b = min(token.idx, head.idx), max(token.idx + len(token), head.idx + len(head))
                found = block.text[a:b]
                yield rule.finding(block.start + a, block.start + b, found, {"found": " ".join(found.split())})
