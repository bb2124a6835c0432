"""The wording family: readability per document and section, hard and long sentences, passive voice.
Targets come from the messaging `voice:` for the draft's channel. Only prose counts: headings, list
items, table cells and slide text are not scored and are never "long sentences"."""

from __future__ import annotations

import bisect
import importlib.util
import re

from brandlint import prose, readability
from brandlint.checks.text import format_message
from brandlint.model import PROSE_KINDS, Finding

MIN_WORDS = 100  # below this, a grade means little: "not enough prose to score"


def _voice(ctx) -> dict:
    return ctx.messaging.voice.get(ctx.channel, {})


def prose_sentences(document, ctx):
    """(start, end, text) of every sentence in prose blocks, offsets in the source; shared by the
    wording rules of one document through the context's memo."""
    if "prose_sentences" not in ctx.memo:
        out = []
        for block in document.blocks:
            if block.kind in PROSE_KINDS:
                for a, b in prose.sentences(block.text):
                    out.append((block.start + a, block.start + b, " ".join(block.text[a:b].split())))
        ctx.memo["prose_sentences"] = out
    return ctx.memo["prose_sentences"]


def _where(document, ctx, offset: int) -> str:
    """"line 12", or the slide and shape of an Office block."""
    if "line_starts" not in ctx.memo:
        ctx.memo["line_starts"] = document.line_starts()
    block = next((b for b in document.blocks if b.start <= offset < b.end + 1), None)
    if block is not None and block.where:
        return block.where
    return f"line {bisect.bisect_right(ctx.memo['line_starts'], offset)}"


def _grade(counts) -> float:
    return readability.flesch_kincaid_grade(counts)


def readability_check(rule, document, ctx):
    target = _voice(ctx).get("max_grade")
    if target is None:
        return
    min_words = rule.options.get("min_words", _voice(ctx).get("min_words", MIN_WORDS))
    sentences = prose_sentences(document, ctx)
    if not sentences:
        return
    scored = [(s, readability.count(s[2], 1)) for s in sentences]
    total = sum((c for _, c in scored), readability.ZERO)
    first = sentences[0]
    if rule.options.get("report") == "unscored":  # the rule that says a grade would mean nothing
        if total.words < min_words:
            yield Finding(rule.code, rule.name, rule.family, rule.severity,
                          format_message(rule.message, words=total.words, min_words=min_words),
                          first[0], first[1], first[2])
        return
    if total.words < min_words:
        return
    sections = _sections(document, scored)
    groups = [("document", scored)] + ([(name, items) for name, items in sections] if len(sections) > 1 else [])
    for label, items in groups:
        counts = sum((c for _, c in items), readability.ZERO)
        if counts.words < min_words:
            continue
        grade = _grade(counts)
        if grade <= target:
            continue
        hardest = sorted(items, key=lambda sc: -_grade(sc[1]) if sc[1].words else 0)[:3]
        listed = "; ".join(f"{_where(document, ctx, s[0])}: \"{_clip(s[2])}\" (grade {_grade(c):.0f})" for s, c in hardest)
        smog = readability.smog_grade(counts)
        message = format_message(rule.message, scope=label, grade=f"{grade:.1f}", smog=f"{smog:.1f}",
                                 target=target, channel=ctx.channel, hardest=listed)
        start, end = items[0][0][0], items[0][0][1]
        yield Finding(rule.code, rule.name, rule.family, rule.severity, message, start, end, items[0][0][2],
                      details=(("grade", round(grade, 1)), ("smog", round(smog, 1)), ("words", counts.words)))


def _sections(document, scored):
    headings = [(b.start, " ".join(b.text.split())) for b in document.blocks if b.kind in ("heading", "title")]
    sections: dict[str, list] = {}
    for item in scored:
        i = bisect.bisect_right([h[0] for h in headings], item[0][0]) - 1
        name = f"section '{_clip(headings[i][1], 40)}'" if i >= 0 else "introduction"
        sections.setdefault(name, []).append(item)
    return list(sections.items())


def _clip(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def hard_sentence(rule, document, ctx):
    limit = rule.options.get("max_grade", 16)
    min_words = rule.options.get("max_words", 12)
    for start, end, text in prose_sentences(document, ctx):
        counts = readability.count(text, 1)
        if counts.words >= min_words and _grade(counts) > limit:
            yield Finding(rule.code, rule.name, rule.family, rule.severity,
                          format_message(rule.message, grade=f"{_grade(counts):.1f}", limit=limit,
                                         words=counts.words),
                          start, end, text, details=(("grade", round(_grade(counts), 1)),))


def sentence_length(rule, document, ctx):
    limit = _voice(ctx).get("max_sentence_words")
    if limit is None:
        return
    for start, end, text in prose_sentences(document, ctx):
        n = len(prose.words(text))
        if n > limit:
            yield Finding(rule.code, rule.name, rule.family, rule.severity,
                          format_message(rule.message, words=n, limit=limit, channel=ctx.channel),
                          start, end, text)


BE = r"(?:am|is|are|was|were|be|been|being|isn't|aren't|wasn't|weren't|is\s+not|are\s+not|was\s+not|were\s+not)"


def _passive_pattern(rule) -> re.Pattern:
    irregular = "|".join(sorted(map(re.escape, rule.options.get("participles") or []), key=len, reverse=True))
    participle = rf"(?:\w{{3,}}ed|{irregular})" if irregular else r"\w{3,}ed"
    return re.compile(rf"\b{BE}\s+(?:\w+ly\s+){{0,2}}(?P<p>{participle})\b(?!\s+(?:to|that)\b)", re.I)


def passive(rule, document, ctx):
    if _voice(ctx).get("passive") is True:
        return  # this channel allows the passive voice
    adjectives = {a.lower() for a in rule.options.get("adjectives") or []}
    if importlib.util.find_spec("en_core_web_sm") is not None and ctx.models is not None:
        yield from _passive_parsed(rule, document, ctx)
        return
    pattern = _passive_pattern(rule)
    for block in document.blocks:
        if block.kind not in PROSE_KINDS + ("list",):
            continue
        for m in pattern.finditer(block.text):
            if m.group("p").lower() in adjectives:
                continue
            yield Finding(rule.code, rule.name, rule.family, rule.severity,
                          format_message(rule.message, found=" ".join(m.group(0).split())),
                          block.start + m.start(), block.start + m.end(), m.group(0))


def _passive_parsed(rule, document, ctx):
    """With a trained pipeline, the parser's auxpass/nsubjpass labels mark the passive."""
    nlp = ctx.models.nlp()
    blocks = [b for b in document.blocks if b.kind in PROSE_KINDS + ("list",)]
    for block, doc in zip(blocks, nlp.pipe(b.text for b in blocks)):
        for token in doc:
            if token.dep_ == "auxpass":
                head = token.head
                a, b = min(token.idx, head.idx), max(token.idx + len(token), head.idx + len(head))
                found = block.text[a:b]
                yield Finding(rule.code, rule.name, rule.family, rule.severity,
                              format_message(rule.message, found=" ".join(found.split())),
                              block.start + a, block.start + b, found)

