"""The plain data every module shares: the bottom of the import graph. Frozen, so a finding cannot
change once made."""

from __future__ import annotations

import bisect
import dataclasses
import enum
import re
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
# A team may name more channels in brandlint.yaml (`channels:`); these always exist.
DEFAULT_CHANNELS = ("internal", "external", "sales")

# Block kinds. Only "prose" and "notes" count as running prose for readability.
PROSE_KINDS = ("prose", "notes")


def line_starts(text: str) -> list[int]:
    """Offset of the first character of every line; bisect on it to turn offsets into lines."""
    return [0] + [m.end() for m in re.finditer(r"\r\n?|\n", text)]  # CR, LF and CRLF alike


def line_of(starts: list[int], offset: int) -> int:
    """1-based line of an offset, given line_starts()."""
    return bisect.bisect_right(starts, offset)


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


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Finding:
    code: str
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
    # Filled in by the engine from the offsets (see locate): 1-based, end column exclusive.
    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1
    where: str = ""  # office files: slide and shape, or paragraph

    def to_dict(self) -> dict:
        """The one serialised form: the result cache and the JSON report both use it."""
        # Shallow: every field is a plain value or handled below (asdict's deep copy cost 0.1 ms a finding).
        out = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        out["severity"] = str(self.severity)
        out["fix"] = [self.fix.start, self.fix.end, self.fix.replacement] if self.fix else None
        out["suggestions"] = list(self.suggestions)
        out["details"] = [list(d) for d in self.details]
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "Finding":
        data = dict(data)
        data["severity"] = Severity.parse(data["severity"])
        data["fix"] = Edit(*data["fix"]) if data["fix"] else None
        data["suggestions"] = tuple(data["suggestions"])
        data["details"] = tuple(_tuple(d) for d in data["details"])
        return cls(**data)


def _tuple(value):
    return tuple(_tuple(v) for v in value) if isinstance(value, list) else value


class _Fields(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def format_message(template: str, **fields) -> str:
    """Fill a rule's message template; a field the template names but the finding lacks stays as written."""
    return template.format_map(_Fields(fields))


@dataclass(frozen=True)
class Option:
    """A rule option a kind accepts: its type(s), its default (None: the rule must set it or the kind
    does without), and what it does. `brandlint explain CODE` prints these."""

    types: type | tuple
    default: object = None
    help: str = ""


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    family: str
    kind: str
    severity: Severity
    message: str
    description: str = ""
    options: dict = field(default_factory=dict, compare=False, hash=False)  # every option, defaults filled in
    examples: dict = field(default_factory=dict, compare=False, hash=False)
    fixable: bool = False
    source: str = ""  # the YAML file the rule came from

    def finding(self, start: int, end: int, match: str, fields: dict, *, severity: Severity | None = None,
                suggestions: tuple[str, ...] = (), fix: Edit | None = None, entry: str | None = None,
                details: tuple = ()) -> Finding:
        """A finding of this rule; `fields` fill the message template. A fix is kept only when the
        rule is fixable."""
        return Finding(self.code, self.name, self.family, severity or self.severity,
                       format_message(self.message, **fields), start, end, match, tuple(suggestions),
                       fix if self.fixable else None, entry, details)


class LineIndex:
    """Offsets to 1-based line and column, computed once per document."""

    def __init__(self, document: Document):
        self.document = document
        self.starts = line_starts(document.source)
        self.block_starts = [b.start for b in document.blocks]

    def point(self, offset: int) -> tuple[int, int]:
        line = line_of(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def where(self, offset: int) -> str:
        i = bisect.bisect_right(self.block_starts, offset) - 1
        return self.document.blocks[i].where if i >= 0 else ""

    def locate(self, finding: Finding) -> Finding:
        line, column = self.point(finding.start)
        end_line, end_column = self.point(max(finding.start, finding.end))
        return dataclasses.replace(finding, line=line, column=column, end_line=end_line, end_column=end_column,
                                   where=self.where(finding.start))


@dataclass(frozen=True)
class FileResult:
    path: str
    findings: tuple[Finding, ...]
    channel: str = "external"
    document: Document | None = None
    fixed: int = 0
    notes: tuple[str, ...] = ()  # said on stderr: a file skipped, a fix not written and why
    crashed: bool = False  # brandlint itself failed on this file (a bug, or over the time limit): exit 3
    stamp: tuple = field(default=(), compare=False)  # (size, mtime_ns, inode, sha256) of the bytes read
