"""Which figures of a sentence are the entry's quantity: same unit, same share, the same words around
them; the entry's figures and its history. Pure functions over strings."""

from __future__ import annotations

import datetime as dt
import re

from brandlint import wordlists
from brandlint.figures import Figure, duration_factor, find_figures, parse_figure
from brandlint.messaging import Entry

_CLAIMS = wordlists.load("claims")

RELATIVE = re.compile(r"\b(?:" + "|".join(_CLAIMS["relative_figure"]) + r")\s+$", re.I)
RELATIVE_AFTER = re.compile(r"^(?:\s*[\w-]+)?\s+(?:" + "|".join(_CLAIMS["relative_after"]) + r")\b", re.I)
SHARE_GENERIC = re.compile(r"^(?:" + "|".join(_CLAIMS["share_generic"]) + r")$", re.I)
LOOSE = re.compile(r"twice|double|triple|half", re.I)  # ratios in words: they restate a figure or say nothing
SHARE_WINDOW = 8  # words either side of a draft's percentage that may say what it is a share of


def entry_figures(entry: Entry) -> list[Figure]:
    """Every figure the entry states: `figure: [2 years, 5 years]` is two."""
    in_text = [f for f in find_figures(entry.text) if not f.year_like]
    if entry.figure:
        figures = [f for f in find_figures(entry.figure) if not f.year_like]
        figure = parse_figure(entry.figure)
        figures = figures or ([figure] if figure else [])
        # `figure: 8` for "more than 8 years" (or "eight years"): the text says what the number counts
        return [next((t for t in in_text if not f.unit and duration_factor(f, t)), f) for f in figures]
    return in_text


def previous_figures(entry: Entry, values) -> list[Figure]:
    """`previously` values read as the entry's figure is: `figure: 8` for "8 years" makes `7` 7 years."""
    parsed = [f for f in map(parse_figure, values) if f]
    own = [f for f in (parse_figure(entry.figure),) if f] if entry.figure else []
    factor = next((x for f in own for t in find_figures(entry.text) if (x := duration_factor(f, t))), None)
    return [Figure(f.value * factor, "s", f.start, f.end, f.text) if factor and not f.unit else f for f in parsed]


def figures_on(entry: Entry, day: dt.date) -> tuple[list[Figure], list[Figure]] | None:
    """(the figure current on `day`, the figures already out of date then) from the entry's dated
    `previously` items; None when no dated item had become current by then."""
    dated = sorted((d, v) for v, d in zip(entry.previously, entry.previously_since) if d and d <= day)
    if not dated:
        return None
    since, figure = dated[-1]
    older = [v for v, d in zip(entry.previously, entry.previously_since) if d and d < since]
    return previous_figures(entry, [figure]), previous_figures(entry, older)


def _stem(word: str) -> str:
    return word.lower()[:6]


def _share_words(entry_text: str) -> set[str]:
    """What the entry's percentage is a share of: its lower-case words, less stop words and generic ones."""
    return {_stem(w) for w in re.findall(r"(?<![\w-])[a-z][\w-]*", entry_text)
            if w not in FILLER and len(w) > 2 and not SHARE_GENERIC.match(w) and w not in _STOP}


def _same_share(text: str, figure: Figure, entry_text: str) -> bool:
    # a window of characters: eight words never need more, and a long text costs no more per figure
    before = re.findall(r"[\w-]+", text[max(0, figure.start - 300):figure.start])[-SHARE_WINDOW:]
    after = re.findall(r"[\w-]+", text[figure.end:figure.end + 300])[:SHARE_WINDOW]
    near = {_stem(w) for w in before + after}
    anchors = _share_words(entry_text)
    return not anchors or bool(anchors & near)


FILLER = frozenset(_CLAIMS["filler"])
_STOP = frozenset(_CLAIMS["share_stop"])
TIME_UNITS = frozenset(_CLAIMS["time_units"])


def _next_words(text: str, figure: Figure, n: int = 1) -> tuple[str, ...]:
    """The first content words after a figure, singular: "30 regions" -> ("region",)."""
    words = [w.rstrip("s") if len(w) > 3 else w
             for w in re.findall(r"[^\W\d_]+", text[figure.end:figure.end + 80].lower())[:6] if w not in FILLER]
    return tuple(words[:n])


def same_quantity(text: str, figure: Figure, entry_text: str, entry_figure: Figure) -> bool:
    """Same unit, and a bare count of time is not a count of anything else ("five weeks" is not
    "500 people")."""
    if figure.unit != entry_figure.unit or RELATIVE.search(text[max(0, figure.start - 20):figure.start]):
        return False
    if figure.unit == "%" and not _same_share(text, figure, entry_text):
        return False
    if LOOSE.fullmatch(figure.text) and not figure.same(entry_figure):
        return False  # "less than half of Istio's latency" is a ratio, not another value of "130% more"
    if figure.unit in ("", "s") and RELATIVE_AFTER.search(text[figure.end:figure.end + 30]):
        return False  # "five years beyond"; but "400% more latency" is the entry's own kind of figure
    if figure.unit:
        return True
    if entry_figure.year_like:
        return False  # a year dates the entry; "two features" does not mismatch "2015"
    at = next(iter(placed(entry_text, [entry_figure])), None)
    ours, theirs = _next_words(text, figure), _next_words(entry_text, at) if at else ()
    return ours == theirs or not (set(ours + theirs) & TIME_UNITS)


def placed(entry_text: str, figures) -> list[Figure]:
    """Where the entry's figures stand in its text (first place of each), for the words around them."""
    found = find_figures(entry_text)
    return [at for at in (next((f for f in found if f.same(x)), None) for x in figures) if at]


def same_words(text: str, figures, entry_text: str, efigs) -> bool:
    """A figure and the entry's figure are followed by the same two words ("99.99% monthly uptime"):
    "77% of respondents reported" is not "82% of respondents say"."""
    at = placed(entry_text, efigs)
    theirs = {_next_words(entry_text, e, 2) for e in at} - {()}
    # a figure that ends the entry's sentence ("... for more than 8 years.") is known by the words before it
    before = {_prev_words(entry_text, e) for e in at if not _next_words(entry_text, e, 2)} - {()}
    return any(_next_words(text, f, 2) in theirs or _prev_words(text, f) in before for f in figures) \
        or any(len(_nouns_before(text, f) & _nouns_before(entry_text, e)) >= 2 for f in figures for e in at)


def _nouns_before(text: str, figure: Figure, reach: int = 8) -> set[str]:
    """Likely nouns among the few lower-case words before a figure, singular: five letters or more, not
    an -ed or -ing form ("updates truck positions every 30 seconds" -> {truck, position}). Two in
    common with the entry's say the figure measures the same thing; "released" and "new" do not
    ("a new Edition is released every three years" is not "a new version is released every six weeks")."""
    words = re.findall(r"(?<![\w-])[a-z][a-z-]+", text[max(0, figure.start - 80):figure.start])[-reach:]
    # a compound's parts count too: "practice software" names what "practice-management system" does
    parts = [p for w in words if "-" in w for p in w.split("-")]
    return {w.rstrip("s") for w in words + parts if len(w) >= 5 and not w.endswith(("ed", "ing")) and w not in LEAD}


LEAD = FILLER | frozenset(_CLAIMS["figure_lead"])


def _prev_words(text: str, figure: Figure, n: int = 3) -> tuple[str, ...]:
    """The last content words before a figure: "go live on Harborline Dispatch in 48 hours" -> ("live",
    "harborline", "dispatch"); "a new Edition of Rust is only released once every three years" ->
    ("edition", "rust", "released"), which is not "a new stable version of Rust is released every"."""
    words = [w for w in re.findall(r"[^\W\d_]+", text[max(0, figure.start - 80):figure.start].lower()) if w not in LEAD]
    # singular, as after a figure: "fix or swap it within 72 hours" against "fixes or swaps it within 48 hours"
    return tuple(w.rstrip("s") if len(w) > 3 else w for w in words[-n:])


def old_value(text: str, figure: Figure, entry: Entry, efigs) -> bool:
    """A bare count that is one of the entry's `previously` values and counts what the entry's figure
    counts (the same word after it). (A duration at an old value in the entry's words was tried at this
    low a score too: anyone's engineer who "fixes it within 48 hours" shares those words.)"""
    if figure.unit or not any(figure.same(p) for p in previous_figures(entry, entry.previously)):
        return False
    counted = {_next_words(entry.text, at) for at in placed(entry.text, efigs)} - {()}
    return _next_words(text, figure) in counted


def states_figure_of(text: str, entry: Entry) -> bool:
    """The sentence states a figure of the entry's quantity by the entry's own words: the same words
    around it ("connects to 25+ practice-management systems" against "more than 20 practice-management
    systems"), or one of its old values counting the same thing. Evidence by words, which a bullet or a
    headline without the product's name gives and the embedding may not."""
    stated = find_figures(text)  # in words too: "sixteen service hubs"
    efigs = entry_figures(entry) if stated else []
    if not efigs:
        return False
    comparable = [f for f in stated
                  if not f.year_like and any(same_quantity(text, f, entry.text, e) for e in efigs)]
    if not comparable:
        return False
    return same_words(text, comparable, entry.text, efigs) or any(old_value(text, f, entry, efigs) for f in comparable)


def same_year_fact(text: str, entry_text: str, efigs) -> list[Figure]:
    """A year, when the entry's fact is a year, stated after the same three words ("Harborline was
    founded in Rotterdam in 2011" against "... founded in Rotterdam in 2013"): a year after other words
    dates something else ("Rust 1.50 was released in February 2021" is not Rust 1.0's release)."""
    years = [e for e in efigs if e.year_like]
    if not years:
        return []
    anchors = {_prev_words(entry_text, at) for at in placed(entry_text, years)} - {()}
    return [f for f in find_figures(text) if f.year_like and _prev_words(text, f) in anchors]


UPPER = re.compile(r"(?:" + wordlists.alternation(_CLAIMS["upper_bound"]) + r")\s+(?:an?\s+|just\s+)?$", re.I)
LOWER = re.compile(r"(?:" + wordlists.alternation(_CLAIMS["lower_bound"]) + r")\s+(?:an?\s+|just\s+)?$", re.I)


def bound(text: str, figure: Figure) -> str:
    """"at most" ("in under a minute"), "at least" ("more than a minute") or "" for a figure."""
    before = text[max(0, figure.start - 25):figure.start]
    upper, lower = UPPER.search(before), LOWER.search(before)
    if upper and lower:  # "no less than" is at least, though "less than" is at most: the longer phrase wins
        return "at most" if upper.start() < lower.start() else "at least"
    return "at most" if upper else "at least" if lower else ""


def opposite_bounds(text: str, stated, form: str, claimed) -> bool:
    """The sentence states the wording's figure only bounded the other way ("more than a minute"
    against "under a minute"; not "where others need more than a minute, we restore in under one")."""
    pairs = [(bound(text, f), bound(form, c)) for f in stated for c in claimed if f.same(c)]
    return bool(pairs) and all(a and b and a != b for a, b in pairs)
