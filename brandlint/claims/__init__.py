"""The claims analysis: every claim-like sentence is compared by meaning with the messaging entries
and given a verdict. `analyse` runs once per document (the engine shares its value between the
claims rules, see kinds/verdicts.py); `brandlint explain` calls it too."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from brandlint.claims.contradict import cue, narrows, offers_choice
from brandlint.claims.decide import ABOUT_US, COSTLY, decide
from brandlint.claims.detect import (
    EXPLICIT_NEGATION,
    PLAIN,
    TALKING_POINT,
    claim_after_lead_in,
    covers,
    denegate,
    names_in,
    negated,
    shared,
    signal,
    word_stems,
)
from brandlint.claims.phrases import pairs, says_key, way_pairs
from brandlint.claims.quantities import states_figure_of
from brandlint.claims.wording import Named, as_named, as_role, as_tagline, in_our_words, rewriter
from brandlint.figures import ROUND_CLOCK

TOP_K = 5
# Static-model score below which a sentence is far from every entry (evaluation/calibrate.py: the
# lowest static score of a sentence the transformer scores 0.575 or more is 0.651 on `tune`, 0.634
# on `test`; a long unrelated sentence can reach 0.60).
STATIC_FLOOR = 0.62


@dataclass(frozen=True)
class Sentence:
    text: str  # whitespace collapsed, as embedded
    start: int
    end: int
    kind: str
    clause: bool = False  # a clause of a sentence that carries two claims, judged for the costly kinds only


def names(messaging) -> list[str]:
    found = [messaging.company] if messaging.company else []
    return found + [t.use for t in messaging.terms if t.case_sensitive and t.use not in found]


MAX_CHUNK = 100_000  # spaCy refuses texts over nlp.max_length (1,000,000): long blocks go in pieces


def _chunks(blocks):
    """(block, offset in block, text) pieces no longer than MAX_CHUNK, cut at whitespace."""
    for block in blocks:
        start = 0
        while start < len(block.text):
            end = min(len(block.text), start + MAX_CHUNK)
            if end < len(block.text):
                cut = block.text.rfind(" ", start + MAX_CHUNK // 2, end)
                end = cut if cut > start else end
            yield block, start, block.text[start:end]
            start = end


def sentences(document, language) -> list[Sentence]:
    out = []
    pieces = list(_chunks(b for b in document.blocks if b.text.strip()))
    for (block, offset, piece), spans in zip(pieces, language.split([p[2] for p in pieces])):
        for a, b in spans:
            raw = piece[a:b]
            text = " ".join(raw.split())
            if len(re.findall(r"[^\W\d_]{2,}", text)) < 2:
                continue  # a lone word or number is not a sentence to judge
            # a splitter may keep a line break before a sentence as part of it: point at the words themselves
            start = block.start + offset + a + len(raw) - len(raw.lstrip())
            end = block.start + offset + b - (len(raw) - len(raw.rstrip()))
            out.append(Sentence(text, start, end, block.kind))
    return out


def entry_index(messaging, language, static: bool = False):
    """(entries, texts, owner index per text, vectors). The embedder keeps entry vectors in memory,
    so building this again for every document costs a lookup."""
    entries = list(messaging.entries)
    texts, owners = [], []
    for i, entry in enumerate(entries):
        for text in (entry.text, *entry.variants):
            texts.append(text)
            owners.append(i)
    vectors = language.static_embed(texts) if static else language.embed(texts)
    return entries, texts, owners, vectors


def rank(vector, index) -> list:
    entries, _, owners, vectors = index
    scores = vectors @ vector
    best: dict[int, float] = {}
    for owner, score in zip(owners, scores):
        best[owner] = max(best.get(owner, -1.0), float(score))
    ordered = sorted(best.items(), key=lambda kv: -kv[1])[:TOP_K]
    return [(entries[i], round(s, 3)) for i, s in ordered]


def prepare(document, messaging, language) -> list[tuple[Sentence, object, list, bool]]:
    """(sentence, signal, nearest entries, near) for every claim-like sentence: the costly part.
    `near` is False when the static first pass found the sentence far from every entry: its scores
    are the static model's, good for "close to no entry" but never for a match. A negated sentence
    is also compared in its denegated form, and each entry keeps the better score."""
    if not messaging.entries:
        return []
    known = names(messaging)
    found = [(s, signal(s.text, known)) for s in sentences(document, language)]
    choices = any(offers_choice((e.text, *e.variants)) for e in messaging.entries if e.section in ("fact", "message"))
    subjects = _subjects(messaging, known)
    topics = _topics(messaging)
    ours = _ours(messaging, known)
    claims, forms = [], []
    starts = [b.start for b in document.blocks]  # in source order
    for s, sig in found:
        # a sentence that narrows something ("support is available only during business hours") may
        # contradict a fact or message without naming us
        # ... and so may a denial said of whom an approved entry speaks of ("Customers cannot choose
        # another region" against "Customers choose whether ...") or of a thing it names (see _topics)
        if sig.strength > 0 or cue(s.text, universal=choices) or TALKING_POINT.match(s.text) \
                or ((m := EXPLICIT_NEGATION.search(s.text.translate(PLAIN)))
                    and (_subject(s.text) & subjects or pairs(s.text[:m.start()]) & topics)):
            claims.append((s, sig))
            forms.append(_forms(s.text, ours))
            for clause, clause_sig in _claim_clauses(document, starts, s, known):
                claims.append((clause, clause_sig))
                # a clause is also scored as its whole sentence, which names what "us" and "it" are
                forms.append(_forms(clause.text, ours) + [s.text])
    ranked: list = [None] * len(claims)
    near = list(range(len(claims)))
    if language.static() is not None and claims:
        # First pass with the static model: a sentence far from every entry cannot match one (on the
        # labelled set, every sentence the transformer puts within reach of an entry scores at least
        # 0.63 here), so it is judged on these scores and torch is never loaded for it.
        first = _rank_forms(forms, range(len(claims)), language.static_embed,
                            entry_index(messaging, language, static=True))
        ranked = [first[i] for i in range(len(claims))]
        approved = tuple(form for e in messaging.entries if e.section in ("fact", "message")
                         for form in (e.text, *e.variants))
        costly = [form for e in messaging.entries if e.section in COSTLY for form in (e.text, *e.variants)]
        prohibited = [form for e in messaging.entries if e.section == "prohibited" for form in (e.text, *e.variants)]
        # ... nor a sentence of office hours against an entry's 24/7 or one that says a prohibited or
        # retired claim in its words or by its figure or superlative: all are evidence by their words,
        # far from the entry as the static model may put them
        figured = [e for e in messaging.entries if e.figure or e.previously]
        near = [i for i, r in enumerate(ranked) if r and (
            r[0][1] >= STATIC_FLOOR
            or narrows(claims[i][0].text, approved)
            or any(states_figure_of(claims[i][0].text, e) for e in figured)
            or any(covers(claims[i][0].text, form) for form in costly)
            or (ABOUT_US in claims[i][1].reasons and any(says_key(claims[i][0].text, form) for form in prohibited)))]
    if near:
        exact = _rank_forms(forms, near, language.embed, entry_index(messaging, language))
        for i in near:
            ranked[i] = exact[i]
    near_set = set(near)
    return [(s, sig, r, i in near_set) for i, ((s, sig), r) in enumerate(zip(claims, ranked))]


def _subject(text: str) -> frozenset[str]:
    """The stem of a plural among a sentence's first two words, where its subject stands ("Customers
    choose", "Pet owners sign in"); none for "More than 4,000 companies" or "Every plan"."""
    words = [w for w in text.split()[:2] if w.isalpha() and w.endswith("s") and not w.endswith("ss")]
    return word_stems(words[0]) if words else frozenset()


def _topics(messaging) -> frozenset:
    """Neighbouring words of the approved entries, and the ways they name ("phone support" of "support ...
    by phone and chat"): a denial of one of these is about us without our name ("From January, phone
    support is no longer part of the Starter plan"); not a denial that has one after it ("you cannot
    build reliable, long-living things on a foundation of sand" against "empowering everyone to build
    reliable and efficient software")."""
    return frozenset().union(*(pairs(form) | way_pairs(form) for e in messaging.entries
                               if e.section in ("fact", "message") for form in (e.text, *e.variants)))


def _subjects(messaging, known) -> frozenset[str]:
    """Whom the approved entries speak of, where an entry starts with no name of ours ("Customers choose
    whether ...", "Drivers sign in ..."): a sentence about them is about us."""
    found: set[str] = set()
    for e in messaging.entries:
        if e.section in ("fact", "message") and not any(e.text.startswith(n) for n in known):
            found |= _subject(e.text)
    return frozenset(found)


# Where a sentence that carries two claims divides: "Half of the Fortune 500 run on Acme Cloud, and
# more than 5,000 companies trust us" is a retired claim and a figure, each judged on its own.
# "... in under 15 minutes and your arrival times will always be right": "and" before a new subject.
# (?<!\s): one try per run of spaces
CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+|(?<!\s)\s+[\u2013\u2014-]\s+"
                          r"|(?<!\s)\s+and\s+(?=(?:your|our|their|its|we|you|they|it)\s)")
MIN_CLAUSE_WORDS = 4


def _claim_clauses(document, starts: list[int], s: Sentence, known) -> list:
    """The sentence's clauses when two or more of them make a claim of their own (a figure, a
    superlative, an absolute), each with its own span; else none."""
    # from the block's text, where markup is blanked to spaces at the same offsets: a link's URL or a
    # tag is neither embedded nor cut
    i = bisect.bisect_right(starts, s.start) - 1
    block = document.blocks[i] if i >= 0 else None
    if block is None or s.end > block.start + len(block.text):
        return []
    raw = block.text[s.start - block.start:s.end - block.start]
    cuts = [0, *(at for m in CLAUSE_BREAK.finditer(raw) for at in (m.start(), m.end())), len(raw)]
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if len(raw[a:b].split()) >= MIN_CLAUSE_WORDS]
    if len(spans) < 2 or len(spans) != len(cuts) // 2:
        return []
    parts = [Sentence(" ".join(raw[a:b].split()), s.start + a, s.start + b, s.kind, clause=True) for a, b in spans]
    signals = [signal(p.text, known) for p in parts]
    if sum(g.strength >= 1 for g in signals) < 2:
        return []
    return list(zip(parts, signals))


def _forms(text: str, ours=((), "", (), ())) -> list[str]:
    """The sentence, its denegated form, the claim after a lead-in, round-the-clock in any spelling
    written "24/7" (the model puts "round-the-clock support" far from "24/7 support") and the sentence
    in the messaging's words (`ours`, see wording.py), each embedded."""
    alt = denegate(text) if negated(text) else text
    forms = [text] if alt == text else [text, alt]
    if claim := claim_after_lead_in(text):
        forms.append(claim)
    if any(m[0] != "24/7" for m in ROUND_CLOCK.finditer(text)):
        forms.append(ROUND_CLOCK.sub("24/7", text))
    return forms + _readings(text, ours)


def readings(text: str, messaging) -> list[str]:
    """Other readings of the sentence that are embedded too: in the messaging's words and, where it starts
    with "we" or is a short line that names no one, with our name (see wording.py). `brandlint explain`
    shows them."""
    return _readings(text, _ours(messaging, names(messaging)))


def _ours(messaging, known) -> tuple:
    """What the readings need of the messaging: its rewriter, our name, our names, and the words of each
    prohibited and retired entry without our names."""
    costly = tuple(_words_of(e) for e in messaging.entries if e.section in COSTLY)
    return rewriter(messaging), messaging.company, known, costly


@lru_cache(maxsize=4096)  # asked for every Named form's ranked entries
def _words_of(entry) -> frozenset:
    return frozenset().union(*(word_stems(form, lower_only=True) for form in (entry.text, *entry.variants)))


# Our name weighs so much that a Named form is trusted only with this many words of the entry besides:
# "We do not want to slow their work down!" is 0.75 from "Acme Cloud never goes down" with it, by "down"
# alone; "We're a carbon-neutral business" shares "carbon" and "neutral" with "Harborline is a
# carbon-neutral company".
NAMED_WORDS = 2


def _readings(text: str, ours) -> list[str]:
    rewrites, company, known, costly = ours
    out = []
    if (same := in_our_words(text, rewrites)) != text:
        out.append(same)
    # "we", or a tagline's missing subject, is named where the sentence names none of us (a name it has
    # already anchors it) and shares words with a prohibited or retired entry (NAMED_WORDS): scored
    # against those only (see Named); our name alone brings "We couldn't have done it without all of you"
    # within 0.78 of "Acme Cloud never goes down"
    if (named := as_named(same, company)) == same:
        named = as_tagline(same, company)
    if named == same:
        named = as_role(same, company)
    if named != same and not names_in(text, known) \
            and any(shared(word_stems(same, lower_only=True), words) >= NAMED_WORDS for words in costly):
        out.append(Named(named))
    return out


def _rank_forms(forms, which, embed, index) -> dict:
    """Rank every form of the chosen sentences with one embedding call; keep each entry's best score. A
    Named form adds the prohibited and retired entries it brings close, displacing none of the others."""
    texts = [t for i in which for t in forms[i]]
    vectors = iter(embed(texts))
    out = {}
    for i in which:
        best: dict = {}
        named: dict = {}
        for form in forms[i]:
            for entry, score in rank(next(vectors), index):
                if isinstance(form, Named):
                    if entry.section in COSTLY and score > named.get(entry.id, (None, -1.0))[1] \
                            and shared(word_stems(form, lower_only=True), _words_of(entry)) >= NAMED_WORDS:
                        named[entry.id] = (entry, score)
                elif score > best.get(entry.id, (None, -1.0))[1]:
                    best[entry.id] = (entry, score)
        top = dict(sorted(best.items(), key=lambda kv: -kv[1][1])[:TOP_K])
        for key, (entry, score) in named.items():
            if score > top.get(key, best.get(key, (None, -1.0)))[1]:
                top[key] = (entry, score)
        out[i] = sorted(top.values(), key=lambda pair: -pair[1])
    return out


def keeps(s: Sentence, verdict, whole) -> bool:
    """A sentence keeps its verdict; a clause adds only a prohibited or retired claim its sentence as a
    whole (`whole`, that sentence's verdict) did not show ("Half of the Fortune 500 run on Acme Cloud,
    and more than 5,000 companies trust us")."""
    if not s.clause:
        return True
    return verdict is not None and verdict.kind in COSTLY and not (
        whole is not None and whole.kind == verdict.kind and whole.entry == verdict.entry)


def analyse(document, ctx, traces: list | None = None) -> list[tuple[Sentence, object, object, list]]:
    """(sentence, signal, verdict or None, nearest entries) for every claim-like sentence. `traces`: give
    a list to get, per sentence, a dict of entry id -> why it gave no finding (`brandlint explain`)."""
    known = names(ctx.messaging)
    out = []
    for s, sig, ranked, near in prepare(document, ctx.messaging, ctx.language):
        why: dict = {}
        verdict = decide(s.text, sig, ranked, ctx.messaging, ctx.channel, ctx.as_of, known, ctx.thresholds, near,
                         ctx.published, why)
        whole = next((v for c, _, v, _ in reversed(out) if not c.clause), None)
        if not keeps(s, verdict, whole):
            continue
        out.append((s, sig, verdict, ranked))
        if traces is not None:
            traces.append(why)
    return out
