"""Plain text (.txt): paragraphs split by blank lines. Directive lines and URLs are not prose."""

from __future__ import annotations

import re

from brandlint.model import Block, Document
from brandlint.readers.mask import DIRECTIVE, URL, blank_all

PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*", re.M)


def _blank_directive_lines(source: str) -> str:
    """Blank each line holding a directive. Found by the directive, then widened to its line:
    `^.*directive.*$` backtracks over the whole line from every start, quadratic on long lines."""
    out, last = [], 0
    for m in DIRECTIVE.finditer(source):
        if m.start() < last:
            continue
        a = source.rfind("\n", 0, m.start()) + 1
        b = source.find("\n", m.end())
        b = len(source) if b < 0 else b
        out += [source[last:a], " " * (b - a)]
        last = b
    return "".join(out) + source[last:]


def read(path: str, source: str, encoding: str = "utf-8") -> Document:
    masked = blank_all(_blank_directive_lines(source), URL)
    blocks = tuple(Block(m.group(0), m.start(), "prose") for m in PARAGRAPH.finditer(masked))
    return Document(path, source, blocks, "text", {}, encoding)
