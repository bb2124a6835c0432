"""readability: the Flesch-Kincaid grade of the prose, for the whole document and each section,
against `max_grade` in the messaging `voice:` for the draft's channel. Only prose counts: headings,
list items, table cells and slide text are not scored. Below `min_words` of prose there is no grade:
a short document is not a problem in the draft, so nothing is reported."""

from __future__ import annotations

import bisect

from brandlint import grades
from brandlint.model import LineIndex, Option

OPTIONS = {
    "min_words": Option(int, None, "words of prose below which no grade is given (default: the channel's "
                                   "voice min_words, else 100)"),
}
MIN_WORDS = 100  # below this, a grade means little


def _grade(counts) -> float:
    return grades.flesch_kincaid_grade(counts)


def check(rule, document, ctx, shared):
    """Sections above the target, each located at its hardest sentence (where a writer would start);
    the whole document only when no section is reported."""
    voice = ctx.voice
    target = voice.get("max_grade")
    if target is None:
        return
    min_words = rule.options["min_words"] or voice.get("min_words", MIN_WORDS)
    sentences = shared.prose_sentences
    if not sentences:
        return
    scored = [(s, grades.count(s[2], 1)) for s in sentences]
    if sum((c for _, c in scored), grades.ZERO).words < min_words:
        return
    index = LineIndex(document)
    sections = _sections(document, scored)
    found = list(_above(rule, ctx, index, sections if len(sections) > 1 else [], min_words, target))
    yield from found or _above(rule, ctx, index, [("document", scored)], min_words, target)


def _above(rule, ctx, index, groups, min_words, target):
    for label, items in groups:
        counts = sum((c for _, c in items), grades.ZERO)
        if counts.words < min_words:
            continue
        grade = _grade(counts)
        if grade <= target:
            continue
        hardest = sorted(items, key=lambda sc: -_grade(sc[1]) if sc[1].words else 0)[:3]
        listed = "; ".join(f"{_where(index, s[0])}: \"{_clip(s[2])}\" (grade {_grade(c):.0f})" for s, c in hardest)
        smog = grades.smog_grade(counts)
        start, end, text = hardest[0][0]
        yield rule.finding(start, end, text, {"scope": label, "grade": f"{grade:.1f}", "smog": f"{smog:.1f}",
                                              "target": target, "channel": ctx.channel, "hardest": listed},
                           details=(("grade", round(grade, 1)), ("smog", round(smog, 1)), ("words", counts.words)))


def _where(index: LineIndex, offset: int) -> str:
    """"line 12", or the slide and shape of an Office block."""
    return index.where(offset) or f"line {index.point(offset)[0]}"


def _sections(document, scored):
    headings = [(b.start, " ".join(b.text.split())) for b in document.blocks if b.kind in ("heading", "title")]
    starts = [h[0] for h in headings]  # once: a list per sentence made this quadratic in headings
    sections: dict[str, list] = {}
    for item in scored:
        i = bisect.bisect_right(starts, item[0][0]) - 1
        name = f"section '{_clip(headings[i][1], 40)}'" if i >= 0 else "introduction"
        sections.setdefault(name, []).append(item)
    return list(sections.items())


def _clip(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"
