"""Plain text (.txt): paragraphs split by blank lines. Directive lines and URLs are not prose."""

from __future__ import annotations

import re

from brandlint.model import Block, Document
from brandlint.readers.mask import DIRECTIVE, URL, blank_all

PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*", re.M)
DIRECTIVE_LINE = re.compile(r"^.*" + DIRECTIVE.pattern + r".*$", re.M)


def read(path: str, source: str, encoding: str = "utf-8") -> Document:
    masked = blank_all(blank_all(source, DIRECTIVE_LINE), URL)
    blocks = tuple(Block(m.group(0), m.start(), "prose") for m in PARAGRAPH.finditer(masked))
    return Document(path, source, blocks, "text", {}, encoding)
