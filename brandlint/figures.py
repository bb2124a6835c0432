"""Find figures in text and normalise them: "more than 4,000", "over 4k", "4,000+" and
"four thousand" are all 4000. Pure functions over strings."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

_UNITS = {"": 1, "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6,
          "b": 1e9, "bn": 1e9, "billion": 1e9}
_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_WORD = "|".join(list(_SMALL) + list(_TENS))

NUMBER = re.compile(
    r"(?<![\w.,#])(?P<cur>[$€£])?\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?"
    r"(?:\s?(?P<scale>k|m|mn|bn|b|thousand|million|billion)\b)?"
    r"\s?(?P<unit>%|percent\b|per cent\b|x\b|×|times\b)?(?P<plus>\+)?",
    re.IGNORECASE)
WORDS = re.compile(
    rf"\b(?P<words>(?:{_WORD})(?:[\s-](?:{_WORD}|hundred|thousand|million|billion|and))*)"
    rf"(?:\s(?P<unit>percent|per cent|times)\b)?\b",
    re.IGNORECASE)
TWICE = re.compile(r"\b(twice|double|triple|half)\b(?!-)", re.IGNORECASE)  # not "double-check"
# Durations are one kind of figure, in seconds: "15 minutes", "a week", "half an hour", "48 hours",
# "30-day". A month is 30.44 days and a year 365.25, so "12 months" and "1 year" are the same figure.
_SECONDS = {"second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600, "day": 86400,
            "week": 604800, "month": 2629800, "year": 31557600, "yr": 31557600}
DURATION = re.compile(r"\s?-?\s?(?P<du>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?)\b",
                      re.IGNORECASE)
# "a billion", "half a billion", and after a word of time "in under a week", "half an hour".
ARTICLE = re.compile(r"\b(?P<art>(?:(?P<half>half)\s+)?an?\s+(?P<scale>billion|million|thousand))\b"
                     r"|\b(?:in|within|under|than|about|around|only|just|every|after|for)\s+"
                     r"(?P<art2>(?:(?P<half2>half)\s+)?an?\s+(?P<du>second|minute|hour|day|week|month|year))\b",
                     re.IGNORECASE)
# Round-the-clock availability is one figure, however written: "24/7", "24x7", "around the clock",
# "24 hours a day, seven days a week". Its unit is "24/7"; it is compared only with its own kind.
ROUND_CLOCK = re.compile(r"(?<![\w/])(?:24\s?/\s?7(?:\s?/\s?365)?|24\s?[x×-]\s?7|24\s?/\s?365)(?![\w/])"
                         r"|\b(?:a)?round[\s-]the[\s-]clock\b"
                         r"|\b24\s+hours\s+a\s+day(?:,?\s+(?:seven|7)\s+days\s+a\s+week)?\b", re.IGNORECASE)
_CLOCK_WORDS = ("24", "clock")
# What a match of each must contain, lower-cased: a text without one is not scanned.
_NUMBER_WORDS = tuple(_SMALL) + tuple(_TENS)
_ARTICLE_UNITS = ("billion", "million", "thousand", "second", "minute", "hour", "day", "week", "month", "year")
_RATIO_WORDS = ("twice", "double", "triple", "half")
NAMED = re.compile(r"\b(?!(?:More|Over|About|Nearly|Almost|Up|Under|The|Our|With|Than|Only|Just|In|At|By|For|"
                   r"From|Since|To|And|Over|Around|OVER|UP|TO)\b)[A-Z][A-Za-z]+\s$")

# Numbers that name a date, a time or a version, not a quantity: "2026-04-08", "12:17", "1.80.0",
# "edge-25.10.4", "v2", "the 2.11 release", "October 16".
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DIGIT = re.compile(r"\d")
NOT_QUANTITY = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}:\d{2}(?::\d{2})?\b|\bv?\d+(?:\.\d+){2,}\b|\b[a-z]+-\d[\d.]*"
    r"|(?<=release of )\d+\.\d+|(?<=version )\d+\.\d+|(?<=since )\d+\.\d+|\bv\d[\d.]*\b"
    r"|\b\d+\.\d+(?=\s+(?:release|version|edition|update|stable|beta|nightly|LTS)\b)"
    r"|\b\d{1,2}(?:[:.]\d\d)?\s?[ap]\.?m\b\.?"  # a time of day: "10 a.m.", "5pm"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?=\s|$|,)",
    re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str  # "", "%", "x", "$", "€", "£", "s" for a duration (value in seconds), "24/7" for round the clock
    start: int = 0
    end: int = 0
    text: str = ""
    year_like: bool = False  # a year, a number in a name ("Windows 11"), a date or a time of day: no quantity

    def same(self, other: "Figure") -> bool:
        return self.unit == other.unit and abs(self.value - other.value) <= 1e-9 * max(1.0, abs(self.value))

    def show(self) -> str:
        return self.text or f"{self.value:g}{self.unit}"


def _unit(match_unit: str | None, currency: str | None) -> str:
    unit = (match_unit or "").lower()
    if unit in ("%", "percent", "per cent"):
        return "%"
    if unit in ("x", "×", "times"):
        return "x"
    return currency or ""


def _words_value(words: str) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "and":
            continue
        if word in _SMALL:
            current += _SMALL[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


class _Spans:
    """Spans already read as figures, kept sorted: "is this position taken" in log time, so a text
    with thousands of numbers costs n log n, not n squared."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    def __contains__(self, position: int) -> bool:
        i = bisect.bisect_right(self.starts, position) - 1
        return i >= 0 and position < self.ends[i]


def _seconds(unit: str) -> float:
    unit = unit.lower()
    return _SECONDS.get(unit, _SECONDS.get(unit[:-1], 0)) if unit not in _SECONDS else _SECONDS[unit]


@lru_cache(maxsize=4096)  # a sentence is read by the claim signal and again by the decision; entries for every sentence
def find_figures(text: str) -> tuple[Figure, ...]:
    found: list[Figure] = []
    taken = _Spans()
    names = _Spans()
    # most sentences hold no digit, and then neither a number nor a date or version can match
    digits = DIGIT.search(text) is not None
    for m in NOT_QUANTITY.finditer(text) if digits else ():
        names.add(*m.span())
    low = text.lower()
    for m in ROUND_CLOCK.finditer(text) if any(w in low for w in _CLOCK_WORDS) else ():
        found.append(Figure(1.0, "24/7", m.start(), m.end(), m.group(0)))
        taken.add(*m.span())
    for m in NUMBER.finditer(text) if digits else ():
        if m.start() in taken:
            continue
        digits = m["num"].replace(",", "")
        value = float(digits + (m["dec"] or ""))
        scale = (m["scale"] or "").lower()
        value *= _UNITS.get(scale, 1)
        unit = _unit(m["unit"], m["cur"])
        year_like = (not m["cur"] and not scale and not m["unit"] and "," not in m["num"]
                     and not m["dec"] and len(digits) == 4 and 1900 <= value <= 2100)
        # "Fortune 500", "Windows 11": a bare number right after a capitalised word names something.
        year_like = year_like or (not m["cur"] and not scale and not m["unit"] and not m["plus"]
                                  and bool(NAMED.search(text[max(0, m.start() - 60):m.start()])))
        year_like = year_like or m.start() in names
        end = m.end()
        while end > m.start() and text[end - 1] == " ":
            end -= 1
        if not unit and not year_like and (d := DURATION.match(text, end)):
            value, unit, end = value * _seconds(d["du"]), "s", d.end()
        found.append(Figure(value, unit, m.start(), end, text[m.start():end], year_like))
        taken.add(m.start(), end)
    # Substring tests (fast, in C) spare the regex scans for the many sentences that hold no number word.
    for m in WORDS.finditer(text) if any(w in low for w in _NUMBER_WORDS) else ():
        if m.start() in taken:
            continue
        words = m["words"].strip()
        # "one" alone is nearly always a pronoun or article; it is not a figure.
        if words.lower() in ("one", "zero", "and"):
            continue
        value = _words_value(words)
        if value is None:
            continue
        unit, end = _unit(m["unit"], None), m.end()
        if not unit and (d := DURATION.match(text, end)):
            value, unit, end = value * _seconds(d["du"]), "s", d.end()
        found.append(Figure(value, unit, m.start(), end, text[m.start():end]))
        taken.add(m.start(), end)
    for m in ARTICLE.finditer(text) if any(w in low for w in _ARTICLE_UNITS) else ():
        start, end = m.span("art") if m["art"] else m.span("art2")
        if start in taken:
            continue
        half = 0.5 if (m["half"] or m["half2"]) else 1.0
        if m["scale"]:
            value, unit = half * _SCALES[m["scale"].lower()], ""
        else:
            value, unit = half * _seconds(m["du"]), "s"
        found.append(Figure(value, unit, start, end, text[start:end]))
        taken.add(start, end)
    for m in TWICE.finditer(text) if any(w in low for w in _RATIO_WORDS) else ():
        if m.start() in taken:
            continue
        value = {"twice": 2, "double": 2, "triple": 3, "half": 0.5}[m.group(1).lower()]
        unit = "x" if value != 0.5 else "%"
        found.append(Figure(value if unit == "x" else 50, unit, m.start(), m.end(), m.group(0)))
    return tuple(sorted(found, key=lambda f: f.start))


def duration_factor(bare: Figure, duration: Figure) -> float | None:
    """Seconds per unit when `duration` is `bare` counted in some unit of time ("8" and "8 years")."""
    if duration.unit != "s" or bare.unit or not bare.value:
        return None
    factor = duration.value / bare.value
    return factor if any(abs(factor - s) < 1e-6 * s for s in _SECONDS.values()) else None


def parse_figure(text: str) -> Figure | None:
    """One figure as written in the messaging (e.g. "4,000", "99.9%", "3x")."""
    figures = [f for f in find_figures(text) if not f.year_like] or find_figures(text)
    return figures[0] if figures else None
