"""Matching over block text, shared by the rule kinds: term patterns, quoted ranges, case keeping."""

from __future__ import annotations

import re
from functools import lru_cache

from brandlint import prose
from brandlint.model import Block

QUOTED = re.compile(r'"[^"\n]{1,400}"|“[^”]{1,400}”|„[^“”]{1,400}[“”]')


@lru_cache(maxsize=4096)
def term_pattern(term: str, case_sensitive: bool = False) -> re.Pattern:
    """A term as a whole-word pattern; the words may be split by any run of spaces or a line break,
    since markup is blanked to spaces. A trailing possessive is left outside the match."""
    words = [re.escape(w) for w in term.split()]
    body = r"\s+".join(words)
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", 0 if case_sensitive else re.IGNORECASE)


class TermSet:
    """Many terms, one regex pass per block: a check over a 10 MB draft makes one call per block, not
    one per term per block. `finditer` yields (match, index of the term in `terms`)."""

    def __init__(self, terms: tuple[str, ...], case_sensitive: tuple[bool, ...]):
        self.lookup: dict[tuple[bool, str], list[int]] = {}
        bodies = {True: set(), False: set()}
        for i, (term, sensitive) in enumerate(zip(terms, case_sensitive)):
            words = term.split()
            if not words:
                continue
            key = " ".join(words) if sensitive else " ".join(words).lower()
            self.lookup.setdefault((sensitive, key), []).append(i)
            bodies[sensitive].add(r"\s+".join(re.escape(w) for w in words))
        firsts = {True: set(), False: set()}
        for sensitive, key in self.lookup:
            firsts[sensitive] |= {key[0]} if sensitive else {key[0], key[0].upper()}
        # The first letters, looked ahead for before the alternation: a position no term can start at is
        # passed over at once (twice as fast on copy, where most positions start no term).
        self.patterns = []
        for sensitive, b in bodies.items():
            if b:
                ahead = "".join(re.escape(c) for c in sorted(firsts[sensitive]))
                body = "|".join(sorted(b, key=len, reverse=True))
                self.patterns.append((sensitive, re.compile(rf"(?<![\w-])(?=[{ahead}])(?:{body})(?![\w-])",
                                                            0 if sensitive else re.IGNORECASE)))

    def finditer(self, text: str):
        for sensitive, pattern in self.patterns:
            for m in pattern.finditer(text):
                key = " ".join(m.group(0).split())
                for i in self.lookup.get((sensitive, key if sensitive else key.lower()), ()):
                    yield m, i


@lru_cache(maxsize=256)
def term_set(terms: tuple[str, ...], case_sensitive: tuple[bool, ...]) -> TermSet:
    return TermSet(terms, case_sensitive)


# Text that names a thing literally rather than using a word: no terminology finding inside it.
# Each alternative starts only where a run of its characters starts (a lookbehind, not \b), so a long
# run such as "a-a-a-..." is scanned once, not once per position (that was quadratic: 1 s for 2.5 KB).
LITERAL = re.compile(
    r"(?<![\w@.])@[\w-]+"  # @handles
    r"|(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|rs|sh|ai|app|cloud|co|uk|de|fr|info|edu|gov|me|so|run|tech|"
    r"site|page|ly|us|eu|xyz)\b(?:/[^\s)\]]*)?"  # domains, with a path
    r"|(?:(?<![\w./-])[\w.-]*\w|(?<![\w/]))/[\w.-]+(?:/[\w.-]*)*(?:#\d+)?"  # paths, repo refs: a/b#1, /docs/x
    r"|(?<![\w-])[\w-]+#\d+"  # issue refs: rust#132823
    r"|\b\w+(?:::\w+)+|\b[A-Za-z]\w*_\w+"  # identifiers: a::b, snake_case
    r"|\[[a-z][\w.-]*\]")  # a lower-case reference label: [cargo]


@lru_cache(maxsize=4096)  # three terminology rules ask for the same blocks' ranges, one rule after another
def literal_ranges(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in LITERAL.finditer(text))


def in_literal(ranges, start: int, end: int) -> bool:
    """Inside a handle, domain, path or identifier that is more than the match itself: "firefox.com"
    hides "firefox", but a term that is itself a domain ("crates.io") is still checked."""
    return any(s < end and start < e and (s, e) != (start, end) for s, e in ranges)


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in QUOTED.finditer(text)]


def inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


def keep_case(found: str, replacement: str) -> str:
    """Carry the case of what the writer typed onto a lower-case replacement: Clients -> Customers."""
    if not replacement or replacement != replacement.lower():
        return replacement
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if found[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def sentence_initial(block: Block, start: int) -> bool:
    before = block.text[:start].rstrip().rstrip("[(\"'“‘*_").rstrip()  # "[Crates.io] team", "(Rustup ...)"
    return not before or before[-1] in ".!?:;\n" or block.kind in ("heading", "title")


def shouting(block: Block) -> bool:
    return block.text.isupper() and sum(c.isalpha() for c in block.text) > 3


def words(text: str) -> list[re.Match]:
    return list(prose.WORD.finditer(text))


TRAILING_TO = ("to", "into", "onto")


def carry_preposition(avoid: str, use: str) -> str:
    """A phrase that ends in "to" keeps it: "login to the console" -> "sign in to the console"."""
    ends = lambda phrase: phrase.split()[-1].lower() if phrase.split() else ""  # noqa: E731
    if ends(avoid) in TRAILING_TO and ends(use) not in TRAILING_TO:
        return f"{use} to"
    return use


def inflections(avoid: str, use: str) -> list[tuple[str, str]]:
    """A lower-case one-word pair also matches its singular or plural: clients/customers, client/customer."""
    pairs = [(avoid, use)]
    if " " in avoid or " " in use or not avoid.islower() or not use.islower():
        return pairs
    if avoid.endswith("s") and use.endswith("s") and len(avoid) > 3 and len(use) > 3:
        pairs.append((avoid[:-1], use[:-1]))
    elif not avoid.endswith("s") and not use.endswith("s"):
        pairs.append((avoid + "s", use + "s"))
    return pairs


# User patterns (rule `patterns:`) run on RE2 where it can compile them: linear time, so "(a+)+$"
# cannot take minutes. RE2 has no lookaround or backreferences; such a pattern runs on Python's
# engine and is refused at load if it nests quantifiers, the shape that backtracks without bound.
NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)[*+{]")


class UserPatternError(ValueError):
    pass


def user_pattern(pattern: str, ignorecase: bool = False):
    """A compiled user pattern with the `re` match interface the kinds use; UserPatternError says why not."""
    try:
        compiled = re.compile(pattern, re.IGNORECASE if ignorecase else 0)
    except (re.error, OverflowError, RecursionError, ValueError) as exc:
        raise UserPatternError(f"invalid regular expression {pattern!r}: {exc}; "
                               "escape special characters such as ( [ + with a backslash") from None
    try:
        import re2

        quiet = re2.Options()
        quiet.log_errors = False  # RE2 would print its parse errors to stderr
        return _Re2(re2.compile(("(?i)" if ignorecase else "") + pattern, quiet), compiled.groupindex)
    except ImportError:
        pass
    except Exception:  # re2.error and friends: lookaround or backreferences
        pass
    if NESTED_QUANTIFIER.search(pattern):
        raise UserPatternError(f"regular expression {pattern!r} nests repetitions (such as (a+)+) and needs "
                               "lookaround or backreferences, so it could run for minutes on a short line; "
                               "rewrite it without the nested repetition")
    return compiled


class _Re2:
    def __init__(self, compiled, groupindex):
        self.compiled, self.groupindex = compiled, dict(groupindex)

    def finditer(self, text: str):
        for m in self.compiled.finditer(text):
            yield _Re2Match(m, self)


class _Re2Match:
    def __init__(self, match, pattern: _Re2):
        self._m, self.re = match, pattern

    def _g(self, group):
        return self.re.groupindex[group] if isinstance(group, str) else group

    def span(self, group=0):
        return self._m.span(self._g(group))

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def group(self, group=0):
        return self._m.group(self._g(group))
