"""Decide what a claim-like sentence does to the messaging: retrieve the nearest entries by
embedding, then check figures, negation, names, channels and dates. Pure: scores come in."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from brandlint import wordlists
from brandlint.claims.contradict import NARROWING, PRIVATIVE, contradicts, narrows
from brandlint.claims.detect import (
    SHAPES,
    UNIVERSAL,
    Signal,
    closest_form,
    covers,
    names_in,
    negated,
    negated_about,
    share,
    shared_words,
    shares_words,
    superlatives,
    word_stems,
)
from brandlint.claims.opposites import PENDING, no_effect
from brandlint.claims.phrases import WEAK, says_key
from brandlint.claims.quantities import (
    entry_figures,
    figures_on,
    old_value,
    opposite_bounds,
    previous_figures,
    same_quantity,
    same_words,
    same_year_fact,
)
from brandlint.claims.wording import in_our_words, rewriter
from brandlint.figures import find_figures
from brandlint.messaging import Entry, Messaging

# Defaults in brandlint/data/thresholds.yaml (calibrated by evaluation/calibrate.py); brandlint.yaml
# overrides any of them under `claims: thresholds:`.
THRESHOLDS = wordlists.load("thresholds")
_CLAIMS = wordlists.load("claims")
CHANGE = re.compile(wordlists.alternation(_CLAIMS["change"]), re.I)
COSTLY = ("prohibited", "retired")  # the kinds that cost most when missed: they get a head start
ABOUT_US = "about the company"  # a signal's reason: the sentence names us or speaks as us


@dataclass(frozen=True)
class Verdict:
    kind: str  # prohibited, retired, stale-figure, figure-mismatch, contradiction, channel, embargo, unsupported
    entry: Entry | None
    score: float
    message: dict  # fields for the rule's message template


def _anothers(figures, entry: Entry, messaging: Messaging) -> bool:
    """Some figure is the current figure of another fact or message."""
    return any(f.same(e) for other in messaging.entries if other is not entry and other.section in ("fact", "message")
               for e in entry_figures(other) for f in figures)


def _compares(text: str) -> bool:
    return bool(superlatives(text) or SHAPES["comparison"].search(text) or SHAPES["superiority"].search(text))


def decide(text: str, sig: Signal, ranked: list[tuple[Entry, float]], messaging: Messaging, channel: str,
           as_of: dt.date, names: list[str], thresholds: dict, near: bool = True,
           published: dt.date | None = None, trace: dict | None = None) -> Verdict | None:
    """Every entry close enough is judged; the closest judgement wins (prohibited and retired
    entries get a small head start, since missing them costs most). With near=False the scores
    come from the static first pass and only say that no entry is close. `published`: the document's
    own date; a dated document is judged as of that day (what was retired or changed later is history).
    `trace`: give a dict to learn, per entry id, why it gave no finding."""
    t = {**THRESHOLDS, **thresholds}
    why = trace if trace is not None else {}
    # judged in the messaging's words: "say goodbye to no-shows" shares "missed appointments" with its entry
    text = in_our_words(text, rewriter(messaging))
    figures = [f for f in find_figures(text) if not f.year_like]
    sentence_names = names_in(text, names)
    sentence_best = superlatives(text)
    strong_best = {w for w in sentence_best if not WEAK.match(w)}
    candidates, denies = [], False
    adjusted: dict[str, float] = {}  # each entry's score after the name and attribute penalties
    for entry, score in ranked if near else ():
        own = names_in(entry.text, names)
        if own and sentence_names and not (own & sentence_names):
            score -= t["other_name"]
        entry_best = superlatives(entry.text)
        # an approved entry with no superlative backs none ("the fastest booking platform" is not "more
        # than 3,400 clinics take bookings")
        unbacked = bool(strong_best) and not entry_best and entry.section in ("fact", "message")
        if (entry_best and sentence_best and not (entry_best & sentence_best)) or unbacked:
            score -= t["other_attribute"]
        adjusted[entry.id] = score
        efigs = entry_figures(entry)
        comparable = [f for f in figures if any(same_quantity(text, f, entry.text, e) for e in efigs)]
        comparable += same_year_fact(text, entry.text, efigs)
        needed = t["prohibited"] if entry.section == "prohibited" else t["match"]
        # A percentage, multiple or amount says what kind of quantity it is, so a sentence with one matches
        # from a lower score; a bare count ("two cloud providers") could count anything, and a duration
        # ("in 10 minutes") measures many things.
        # (round-the-clock is a figure too, but "24/7" is said of many things: it lowers nothing)
        if efigs and any(f.unit and f.unit not in ("s", "24/7") for f in comparable):
            needed = min(needed, t["figure_match"])
        # A bare count of the entry's own thing at one of its old values ("1,800+ veterinary practices"
        # against "more than 3,400 veterinary clinics", once 1,800) is a stale figure by its words alone
        elif entry.previously and any(old_value(text, f, entry, efigs) for f in comparable):
            needed = min(needed, t["narrowing"])
        # ... and a duration or a count after or before the entry's own words is the entry's quantity ("go
        # live on Pawmark Book in 24 hours" against "clinics go live on Pawmark Book in under 2 days")
        # (not when the sentence also claims a superlative the entry lacks, nor with another entry's figure:
        # "a 5-year security maintenance commitment" is the 5 years of standard support, not 15 of Pro)
        elif efigs and not unbacked and (counted := [f for f in comparable if f.unit in ("s", "")]) \
                and same_words(text, counted, entry.text, efigs) and not _anothers(counted, entry, messaging):
            needed = min(needed, t["figure_match"])
        # ... and a sentence in most of a prohibited or retired claim's own words says it, whatever the
        # rest of a long sentence or a heading's brevity does to the embedding
        elif entry.section in COSTLY and any(covers(text, f) for f in (entry.text, *entry.variants)):
            needed = min(needed, t["figure_match"])
        # ... and one that states a prohibited claim's figure or superlative of the same thing ("our ETAs
        # are 100% accurate" against "Harborline Track is 100% accurate") says it, however far the rest
        # puts the embedding (a retired figure is history: stale figures are judged by the replacement)
        if entry.section == "prohibited" and ABOUT_US in sig.reasons \
                and any(says_key(text, f) for f in (entry.text, *entry.variants)):
            needed = min(needed, t["narrowing"])
        # Office hours against a fact or message's round-the-clock, and a denial of two neighbouring words
        # of it (contradict.narrows), are evidence by their words: embeddings put them far away
        # ("support is available only during business hours", "24/7 support is reserved for Enterprise").
        if score < needed and not (score >= t["narrowing"] and entry.section in ("fact", "message")
                                   and narrows(text, (entry.text, *entry.variants))):
            why[entry.id] = f"similarity {score:.3f} is below the {needed:.3f} needed"
            continue
        head_start = t["priority"] if entry.section in COSTLY else 0.0
        verdict = judge(text, entry, score, comparable, efigs, messaging, channel, as_of, t["contradiction"],
                        published)
        # A figure of the same kind on the same topic is often another quantity ("47% use it daily"
        # beside "53% are productive"): below the full match score a mismatch also needs the same
        # word after the figure, and so does a duration at any score ("a new Edition every three
        # years" is not "a new version every six weeks"); a stale figure is evidence enough by itself.
        loose = score < t["match"] or any(f.unit == "s" for f in comparable)
        if verdict.kind == "figure-mismatch" and loose and not same_words(text, comparable, entry.text, efigs):
            why[entry.id] = "a figure of the same kind, but other words around it: likely another quantity"
            continue
        if verdict.kind in COSTLY and (reason := _approved_words(text, entry, score, ranked, messaging, t["match"])):
            why[entry.id] = reason
            continue
        if verdict.kind == "none":
            why[entry.id] = verdict.message["why"]
            if not _approved(entry, as_of, published):
                # not making a prohibited claim says nothing of whether the sentence is on message; denying
                # it makes no claim of its own ("we do not say that Acme Cloud cannot be hacked")
                denies = denies or verdict.message.get("denies", False)
                continue
            verdict = None
        candidates.append((score + head_start, verdict))
    # A prohibited or retired claim is reported whatever else the sentence says: a closer entry that
    # it restates or denies ("..., and we do not say it cannot be hacked") does not clear it.
    costly = [c for c in candidates if c[1] is not None and c[1].kind in COSTLY]
    if not costly and channel != "internal" and (unannounced := _unannounced(sentence_names, ranked, messaging,
                                                                              names, as_of)):
        return unannounced
    if costly or candidates:
        return max(costly or candidates, key=lambda c: c[0])[1]
    # backed only by an approved entry: a claim near a prohibited one that it does not make is unbacked;
    # and only by one of the same attribute (after the penalties above), though the nearest similarity
    # reported is the embedding's
    backing = [(adjusted.get(entry.id, score), score) for entry, score in ranked if _approved(entry, as_of, published)]
    if sig.claim and max(backing, default=(0.0, 0.0))[0] < t["related"] and not denies:
        nearest = max((score for _, score in backing), default=0.0)
        return Verdict("unsupported", None, nearest, {"reasons": ", ".join(sig.claim)})
    return None


def _approved(entry: Entry, as_of: dt.date, published: dt.date | None) -> bool:
    """A fact or message, or a retired claim on a day before it was retired."""
    day = min(as_of, published) if published else as_of
    return entry.section not in COSTLY or bool(entry.retired_on and day < entry.retired_on)


def _unannounced(named: set[str], ranked, messaging: Messaging, names: list[str], as_of: dt.date) -> Verdict | None:
    """A name only an embargoed entry uses ("Harborline Customs", before its launch) is the launch
    itself, whatever the sentence says of it ("## Meet Harborline Customs", "join the beta")."""
    for entry, own in _embargoed_names(messaging, tuple(names)) if named else ():
        if as_of < entry.embargo_until and named & own:
            score = next((sc for e, sc in ranked if e.id == entry.id), 0.0)
            return Verdict("embargo", entry, score, {"until": str(entry.embargo_until)})
    return None


_EMBARGOED: dict[int, tuple] = {}


def _embargoed_names(messaging: Messaging, names: tuple[str, ...]) -> tuple[tuple[Entry, frozenset], ...]:
    """Each embargoed entry with the names no entry without an embargo uses; once per messaging
    (by identity: hashing every entry for each sentence would cost more than the answer)."""
    cached = _EMBARGOED.get(id(messaging))
    if cached is None or cached[0] is not messaging or cached[1] != names:
        known = set().union(*(names_in(e.text, list(names)) for e in messaging.entries if not e.embargo_until))
        found = tuple((e, frozenset(names_in(e.text, list(names)) - known))
                      for e in messaging.entries if e.embargo_until)
        if len(_EMBARGOED) >= 8:  # a server or editor may load many messagings over its life
            _EMBARGOED.clear()
        cached = _EMBARGOED[id(messaging)] = (messaging, names, found)
    return cached[2]


NEW_WORD = 5  # letters a replacement's word needs to tell it apart ("vendors", not "come" or "such")


APPROVED_MARGIN = 0.05  # how much closer than the approved entry a costly one may be and still be explained by it


def _approved_words(text: str, entry: Entry, score: float, ranked, messaging: Messaging, match: float) -> str | None:
    """Why a sentence near a prohibited or retired entry says approved things instead, or None.
    - It leaves out most of the entry's own words, and those it has are all words of another approved
      entry it matches about as well: "Linkerd will always be open source" shares only "open source"
      with the retired "The Linkerd open source project publishes stable releases", and restates
      "Linkerd is 100% open source". Not the retired claim's replacement, which speaks of the same
      thing by design ("renewable energy"); and never a sentence that says the entry's words.
    - It announces the change, in its replacement's words, leaving out what only the retired claim
      said: "as of Linkerd 2.15, producing stable releases will be in the hands of the vendor community"
      against "stable releases come from vendors" ("publishes" is missing). Not when both it and the
      retired claim say it of everything ("as of today, powered entirely by ...")."""
    if any(f.same(e) for f in find_figures(text) for e in entry_figures(entry)):
        return None  # its own figure is evidence enough
    own = word_stems(entry.text, lower_only=True)
    shared = shared_words(text, entry.text)
    for other, other_score in ranked:
        if shared and 2 * len(shared) < len(own) and other.section in ("fact", "message") \
                and other.id != entry.use_instead and other_score >= max(match, score - APPROVED_MARGIN) \
                and all(any(shares_words(w, form) for form in (other.text, *other.variants)) for w in shared):
            return (f"what it shares with the {entry.section} claim ({', '.join(sorted(shared))}) is also the "
                    f"approved wording of '{other.id}', which it matches ({other_score:.3f})")
        # ... or it matches an approved entry about as well and says nothing of what only the claim says:
        # "clinics see 38% fewer missed appointments" is the approved figure, not "eliminates missed
        # appointments"
        point = {w for w in own if not any(shares_words(w, form) for form in (other.text, *other.variants))}
        if point and not share(word_stems(text), point) and other.section in ("fact", "message") \
                and other.id != entry.use_instead and other_score >= max(match, score - APPROVED_MARGIN):
            return (f"it says what approved '{other.id}' says ({other_score:.3f}), and nothing only the "
                    f"{entry.section} claim says ({', '.join(sorted(point))})")
    instead = messaging.entry(entry.use_instead) if entry.section == "retired" and entry.use_instead else None
    # the replacement's own figure, without all that only the retired claim said: "try it free for 14 days,
    # whether you run a one-vet practice or ..." is the 14-day trial, not "free forever for clinics with one vet"
    only_retired = {w for w in own if not shares_words(w, instead.text)} if instead is not None else set()
    if instead is not None and any(f.same(e) for f in find_figures(text) for e in entry_figures(instead)):
        missing = {w for w in only_retired if not share(word_stems(text), {w})}
        # its superlative is still said beside the new figure ("Europe's largest network, with 45,000 carriers")
        if missing and not superlatives(entry.text) & superlatives(text):
            return (f"it states the figure of the claim that replaced it ('{instead.id}') without what only the "
                    f"retired claim says ({', '.join(sorted(missing))})")
    if instead is not None and CHANGE.search(text) and not (UNIVERSAL.search(entry.text) and UNIVERSAL.search(text)):
        # the same word, not one a prefix of the other: "every year" is not "everyone"
        new = {w for w in shared_words(text, instead.text)
               if len(w) >= NEW_WORD and w in word_stems(text) and not shares_words(w, entry.text)}
        if new and only_retired - shared:
            return (f"it announces a change ({CHANGE.search(text)[0]!r}) in the words of the claim that replaced "
                    f"it ({', '.join(sorted(new))}, from '{instead.id}')")
    return None




# "zero" or "no" before a word: with it, "zero missed appointments" says what "eliminates missed
# appointments" says
NONE_OF = re.compile(r"\b(?:zero|no)\b(?=\s+([\w-]+(?:\s+[\w-]+)?))", re.I)


def _none_as_said(text: str, form: str) -> str:
    """The sentence without the "zero" or "no" it puts before the entry's own words, where the entry says
    there is none with a verb ("eliminates"): not a denial of it. "no plans to eliminate ..." keeps its "no"."""
    if not PRIVATIVE.search(form) or negated(form):
        return text
    words = word_stems(form, lower_only=True)
    return NONE_OF.sub(lambda m: " " * len(m[0]) if share(word_stems(m[1], lower_only=True), words) else m[0], text)


def _declined(entry: Entry, score: float, why: str) -> Verdict:
    """No finding, and why (for `brandlint explain`)."""
    return Verdict("none", entry, score, {"why": why})


def _denied(entry: Entry, score: float) -> Verdict:
    """No finding: the sentence denies a prohibited or retired claim (and so makes no claim of its own)."""
    return Verdict("none", entry, score, {"why": "the sentence denies it", "denies": True})


def judge(text, entry: Entry, score: float, comparable, efigs, messaging: Messaging, channel: str,
          as_of: dt.date, contradiction: float = THRESHOLDS["contradiction"],
          published: dt.date | None = None) -> Verdict:
    """What a sentence that matches `entry` does to it; a verdict of kind "none" (with why) when it
    restates or denies it harmlessly."""
    judged_on = min(as_of, published) if published else as_of
    stale = previous_figures(entry, entry.previously)
    when, history = "", ""
    if entry.since and judged_on < entry.since and entry.section in ("fact", "message"):
        # Copy dated before this wording or figure became current is judged against the figure the
        # history says was current on its date, or not on its figures at all when the history does not
        # say; its channel and embargo still hold.
        then = figures_on(entry, judged_on)
        if then is None or not comparable:
            history = (f"the document is dated {judged_on}, before this entry became current ({entry.since}), "
                       "and its history says nothing of that day")
        else:
            efigs, stale = then
            when = f" on {judged_on}, the document's date"
    forms = (entry.text, *entry.variants)
    # Only a negation of something the entry says flips it ("not" in another clause denies nothing).
    # Polarity is compared with the wording the sentence is closest to ("never late" is a variant of
    # "always arrive on time"), among those whose figure it states ("won't say it is 100% accurate;
    # its estimates are right 94% of the time" is about the variant "100% accurate").
    stated = [f for f in find_figures(text) if not f.year_like]
    with_figure = [x for x in forms if any(f.same(c) for f in stated for c in find_figures(x) if not c.year_like)]
    form = closest_form(text, with_figure or forms)
    # in the messaging's words ("zero no-shows" bears on "missed appointments"); against a wording of none
    # ("never goes down") a verb of none says the same ("puts an end to downtime")
    form_denies = negated(form)
    ours = _none_as_said(in_our_words(text, rewriter(messaging)), form)
    # ... and "made little difference to missed appointments" denies "eliminates missed appointments"
    flipped = negated_about(ours, form, also=PRIVATIVE if form_denies else None) != form_denies or no_effect(text, form)
    states_entry_figure = any(f.same(e) for f in stated for e in efigs)
    # "an additional 5 years" or "6 new regions" states another figure than the entry's "10 years" or
    # "40 new regions": it is not a restatement of the entry.
    other_figure = bool(efigs and stated and not states_entry_figure)
    # An embedding alone is not evidence: the sentence must use a word of the entry or state its figure.
    if entry.section in COSTLY and not states_entry_figure \
            and not any(shares_words(text, f) for f in forms):
        return _declined(entry, score, "no word of the entry and not its figure: a close embedding alone is not "
                                       "evidence")
    if entry.section in COSTLY and (on_the_way := PENDING.search(text)):
        # "We're working toward becoming a carbon-neutral company" is on the way to it, not saying it is so
        return _declined(entry, score, f"on the way to it ({on_the_way[0].strip()!r}), not saying it is so")
    if entry.section == "prohibited" and _compares(entry.text) and not _compares(text):
        # "Rust is always faster than C" is not said by a sentence that compares nothing
        return _declined(entry, score, "the entry compares with others and the sentence does not")
    if entry.section == "prohibited":
        claimed = [f for x in forms for f in find_figures(x) if not f.year_like]
        if claimed and stated and not any(f.same(c) for f in stated for c in claimed):
            # "arrival estimates are 94% accurate" is not "100% accurate"
            return _declined(entry, score, "the sentence states another figure than the prohibited claim's")
        if any(opposite_bounds(text, stated, x, [f for f in find_figures(x) if not f.year_like]) for x in forms):
            # "large ones take more than a minute" is not "restores any database in under a minute"
            return _declined(entry, score, "the sentence bounds the claim's figure the other way")
        return _denied(entry, score) if flipped else \
            Verdict("prohibited", entry, score, {"reason": entry.reason})
    if entry.section == "retired":
        if flipped:
            return _denied(entry, score)
        if entry.retired_on and judged_on < entry.retired_on:
            return _declined(entry, score, f"judged as of {judged_on}, before it was retired on {entry.retired_on}")
        if other_figure:
            return _declined(entry, score, "the sentence states another figure than the retired claim's")
        # The retired claim is restated only with its own distinction ("the only", "newest"): "a new
        # version of Rust" is not "the newest edition".
        if superlatives(entry.text) and not superlatives(text) and not SHAPES["comparison"].search(text):
            return _declined(entry, score, "the retired claim's own distinction (" +
                             ", ".join(sorted(superlatives(entry.text))) + ") is not in the sentence")
        instead = messaging.entry(entry.use_instead) if entry.use_instead else None
        if efigs and instead is not None and any(f.same(e) for f in stated for e in entry_figures(instead)):
            # a retired figure beside its replacement's ("after the 10-year period ... a total of 15 years")
            # is the news of the change; a retired superlative beside it is still said
            return _declined(entry, score, f"states the figure of the claim that replaced it ('{instead.id}')")
        return Verdict("retired", entry, score, {
            "retired_on": str(entry.retired_on), "instead": instead.text if instead else "",
            "instead_id": instead.id if instead else "",
            "advice": f"say instead: {instead.text}" if instead else "remove it (no replacement is approved)"})
    # A contradiction denies what the entry asserts: an explicit "not" or a reversal ("lapsed") of one
    # of its words, or a narrowing of what it says of everyone ("only on weekdays" against "24/7"). A
    # sentence that merely leaves out an entry's "without code changes" does not deny it.
    # A "not" needs the closer score (embeddings are poor at polarity, and a "not" near an entry's words
    # is common: "don't update until the ABI has changed"); a narrowing of the entry's own "every" or a
    # requirement of what it spares you is evidence enough at the full match.
    hows = {contradicts(text, f) for f in forms} - {""}
    if not history and hows and (score >= contradiction or hows <= NARROWING or narrows(text, forms)):
        return Verdict("contradiction", entry, score, {})
    if flipped:
        return _declined(entry, score, history or "negated, but not a denial of a word the entry asserts")
    if not history and comparable and efigs and not any(f.same(e) for f in comparable for e in efigs):
        old = next((f for f in comparable if any(f.same(p) for p in stale)), None)
        current = efigs[0].show() + when
        if old:
            return Verdict("stale-figure", entry, score, {"found": old.show(), "current": current})
        if not when:  # the history lists what was true, not everything that was false
            return Verdict("figure-mismatch", entry, score, {"found": comparable[0].show(), "current": current})
    if other_figure:
        return _declined(entry, score, "states another kind or amount than the entry's figure: not a restatement")
    if entry.embargo_until and as_of < entry.embargo_until and channel != "internal":
        return Verdict("embargo", entry, score, {"until": str(entry.embargo_until)})
    if entry.channels and channel not in entry.channels:
        return Verdict("channel", entry, score, {"channels": ", ".join(entry.channels)})
    return _declined(entry, score, history or (f"states the figure current{when}" if when else
                                               "restates the approved entry"))
