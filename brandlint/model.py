"""The plain data every module shares. Frozen, so a finding cannot change once made."""

from __future__ import annotations

import bisect
import re
import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


FAMILIES = ("terminology", "claims", "wording", "tool")
CHANNELS = ("internal", "external", "sales")

# Block kinds. Only "prose" and "notes" count as running prose for readability.
PROSE_KINDS = ("prose", "notes")


def line_starts(text: str) -> list[int]:
    """Offset of the first character of every line; bisect on it to turn offsets into lines."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


@dataclass(frozen=True)
class Block:
    """A run of text. `text` has the same length as source[start:start+len(text)]:
    markup is blanked to spaces, so an offset in the block plus `start` is the offset in the source."""

    text: str
    start: int
    kind: str = "prose"  # prose, heading, list, table, quote, title, notes
    where: str = ""  # office files: "slide 7:Title 2"; empty for text formats

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Document:
    path: str
    source: str
    blocks: tuple[Block, ...]
    format: str = "text"  # markdown, text, html, pptx, docx
    meta: dict = field(default_factory=dict, compare=False, hash=False)
    encoding: str = "utf-8"
    editable: bool = True  # office files are read-only for --fix

    def line_starts(self) -> list[int]:
        return line_starts(self.source)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    family: str
    kind: str
    severity: Severity
    message: str
    description: str = ""
    options: dict = field(default_factory=dict, compare=False, hash=False)
    examples: dict = field(default_factory=dict, compare=False, hash=False)
    fixable: bool = False
    source: str = ""  # the YAML file the rule came from


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    family: str
    severity: Severity
    message: str
    start: int
    end: int
    match: str = ""
    suggestions: tuple[str, ...] = ()
    fix: Edit | None = None
    entry: str | None = None
    details: tuple = ()  # (key, value) pairs: scores, nearest entries; kept hashable


@dataclass(frozen=True)
class Position:
    line: int
    column: int
    end_line: int
    end_column: int
    where: str = ""


class LineIndex:
    """Offsets to 1-based line and column, computed once per document."""

    def __init__(self, document: Document):
        self.document = document
        self.starts = document.line_starts()
        self.block_starts = [b.start for b in document.blocks]

    def point(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def position(self, start: int, end: int) -> Position:
        line, col = self.point(start)
        end_line, end_col = self.point(max(start, end))
        return Position(line, col, end_line, end_col, self.where(start))

    def where(self, offset: int) -> str:
        i = bisect.bisect_right(self.block_starts, offset) - 1
        if i < 0:
            return ""
        return self.document.blocks[i].where


@dataclass(frozen=True)
class FileResult:
    path: str
    findings: tuple[Finding, ...]
    positions: tuple[Position, ...]
    channel: str = "external"
    document: Document | None = None
    fixed: int = 0
