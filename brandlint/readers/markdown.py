"""Markdown: markdown-it-py finds the block structure (line ranges); the text of each block is the
source slice with markup blanked, so offsets stay exact. Code, inline code, URLs, link targets,
HTML and front matter are not linted."""

from __future__ import annotations

import functools
import re
import tomllib

import yaml

from brandlint.model import Block, Document, line_starts
from brandlint.readers.mask import SHORTCODE, URL, blank, blank_all
from brandlint.yamlfile import ConfigError, check_bounds

FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n(.*?)(?:\r?\n)?^\1[ \t]*$", re.S | re.M)
# (pattern, group whose text is kept, strings one of which a match must contain: a text without any
# of them is not scanned, and most inline texts hold no markup at all)
INLINE = [
    (re.compile(r"<!--.*?(?:-->|\Z)", re.S), None, ("<!--",)),
    # Spans are bounded (link text 1,000, targets 2,000 characters) and possessive (no backtracking into
    # a class that cannot hold the closing character), so a page of [ or ` stays linear.
    (re.compile(r"(?<!`)(`+)(?!`).{1,1000}?(?<!`)\1(?!`)", re.S), None, ("`",)),  # inline code
    (re.compile(r"!\[[^\]]{0,1000}+\]\([^)]{0,2000}+\)"), None, ("![",)),  # images
    (re.compile(r"\[(?P<t>[^\]]{0,1000}+)\]\((?:[^()\s]|\([^()]{0,2000}+\)){0,2000}+(?:\s+\"[^\"]{0,1000}+\")?\)"), "t",
     ("](",)),
    (re.compile(r"\[(?P<t>[^\]]{1,1000}+)\]\[[^\]]{0,1000}+\]"), "t", ("][",)),  # [words][ref]
    (re.compile(r"<(?:https?|mailto|ftp):[^>\s]{0,2000}>"), None, ("<",)),  # autolinks
    (re.compile(r"</?[A-Za-z][\w-]{0,100}(?:\s[^<>]{0,2000})?/?>"), None, ("<",)),  # inline HTML tags
    (URL, None, ("://", "www.", "@")),
    (re.compile(r"\*+|~~|(?<![\w\\])_+|_+(?!\w)"), None, ("*", "~~", "_")),  # emphasis markers
    (re.compile(r"\\(?=[!-/:-@\[-`{-~])"), None, ("\\",)),  # backslash escapes
]
HEADING_MARKS = re.compile(r"^[ \t]*#{1,6}(?=[ \t]|$)|[ \t]+#+[ \t]*$|^[ \t]*(?:=+|-+)[ \t]*$", re.M)
CONTAINER_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*"
                             r"(?:(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)[ \t]*(?:\[[ xX]\][ \t]+)?)?", re.M)
QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)


@functools.lru_cache(maxsize=1)
def _parser():
    """Built on first use: a run that hits the result cache never imports markdown-it."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table")
    # Only the block structure is read (token.map); inline markup is masked by INLINE below. Without
    # these, inline parsing and URL normalising took a fifth of a lexical run on the Rust blog.
    parser.disable("inline")
    parser.normalizeLink = lambda url: url  # a reference definition's URL is never rendered
    return parser


def front_matter(source: str) -> tuple[dict, tuple[int, int] | None]:
    m = FRONT_MATTER.match(source)
    if not m:
        return {}, None
    body = m.group(2)
    try:
        if m.group(1) == "---":
            check_bounds(body)
            data = yaml.load(body, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        else:
            data = tomllib.loads(body)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError, ConfigError, RecursionError):
        data = {}  # front matter that cannot be read is not prose either: it stays blanked
    return (data if isinstance(data, dict) else {}), m.span()


def mask_inline(text: str) -> str:
    for pattern, keep, needs in INLINE:
        if any(n in text for n in needs):
            text = blank_all(text, pattern, keep)
    return text


def read(path: str, source: str, encoding: str = "utf-8") -> Document:
    meta, fm_span = front_matter(source)
    parse_text = blank(source, *fm_span) if fm_span else source
    parse_text = blank_all(parse_text, SHORTCODE)  # offsets kept; the text of every block comes from here
    starts = line_starts(source)

    def span(lines) -> tuple[int, int]:
        a = starts[lines[0]] if lines[0] < len(starts) else len(source)
        b = starts[lines[1]] if lines[1] < len(starts) else len(source)
        return a, b

    blocks: list[Block] = []
    containers: list[str] = []
    for token in _parser().parse(parse_text):
        if token.type in ("list_item_open", "blockquote_open"):
            containers.append(token.type)
        elif token.type in ("list_item_close", "blockquote_close"):
            containers.pop()
        elif token.type in ("paragraph_open", "heading_open") and token.map:
            a, b = span(token.map)
            text = parse_text[a:b]
            if token.type == "heading_open":
                kind = "heading"
                text = blank_all(text, HEADING_MARKS)
            else:
                kind = ("quote" if "blockquote_open" in containers else
                        "list" if "list_item_open" in containers else "prose")
            if containers:
                text = blank_all(text, CONTAINER_MARKS if "list_item_open" in containers else QUOTE_MARKS)
            _add(blocks, mask_inline(text), a, kind)
        elif token.type == "table_open" and token.map:
            for line in range(*token.map):
                a, b = span((line, line + 1))
                row = parse_text[a:b]
                if re.fullmatch(r"[\s|:\-]+", row):
                    continue
                for cell in _cells(row):
                    _add(blocks, mask_inline(row[cell[0]:cell[1]]), a + cell[0], "table")
    return Document(path, source, tuple(blocks), "markdown", meta, encoding)


def _cells(row: str) -> list[tuple[int, int]]:
    bounds, code = [], False
    for i, ch in enumerate(row):
        if ch == "`":
            code = not code
        elif ch == "|" and not code and (i == 0 or row[i - 1] != "\\"):
            bounds.append(i)
    edges = [-1] + bounds + [len(row.rstrip("\r\n"))]
    return [(a + 1, b) for a, b in zip(edges, edges[1:]) if b > a + 1]


def _add(blocks: list[Block], text: str, start: int, kind: str) -> None:
    stripped = text.lstrip()
    start += len(text) - len(stripped)
    stripped = stripped.rstrip()
    if stripped:
        blocks.append(Block(stripped, start, kind))
