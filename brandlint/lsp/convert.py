"""brandlint issues to LSP types: ranges in the client's units, diagnostics, code actions, hover text.
Pure functions; no I/O and no brandlint internals (those come through `linting`)."""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from lsprotocol import types

from brandlint.lsp.issues import Issue

SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}


class Lines:
    """Offsets (code points, as brandlint counts) to LSP positions and back. LSP counts UTF-16 code
    units by default, so an emoji before a finding moves its column by two, not one. Lines end at
    "\\n" only, as brandlint counts them (a "\\r" before it stays part of the line)."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def _units(self, chars: str) -> int:
        if self.encoding == "utf-8":
            return len(chars.encode("utf-8"))
        if self.encoding == "utf-32":
            return len(chars)
        return len(chars.encode("utf-16-le")) // 2

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return types.Position(line, self._units(self.text[self.starts[line]:offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(max(start, end)))

    def offset(self, position: types.Position) -> int:
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        stop = self.starts[position.line + 1] - 1 if position.line + 1 < len(self.starts) else len(self.text)
        units = 0
        for i, char in enumerate(self.text[start:stop]):
            if units >= position.character:
                return start + i
            units += self._units(char)
        return stop

    def line_start(self, offset: int) -> int:
        return self.starts[bisect.bisect_right(self.starts, offset) - 1]


def diagnostic(issue: Issue, lines: Lines | None, doc_uri: str | None = None) -> types.Diagnostic:
    """`doc_uri` is the rule's documentation (its YAML file); `lines` is None for office files."""
    if lines is None:  # .pptx/.docx: no text positions; the slide or paragraph goes in the message
        rng = types.Range(types.Position(0, 0), types.Position(0, 0))
        message = issue.message + (f" [{issue.where}]" if issue.where else "")
    else:
        rng = lines.range(issue.start, issue.end)
        message = issue.message
    related = None
    if issue.entry and issue.entry.get("source"):
        entry = issue.entry
        line = max(0, (entry.get("line") or 1) - 1)
        where = types.Location(Path(entry["source"]).resolve().as_uri(),
                               types.Range(types.Position(line, 0), types.Position(line, 0)))
        related = [types.DiagnosticRelatedInformation(where, f"{entry['section']} '{entry['id']}': {entry['text']}")]
    return types.Diagnostic(
        range=rng, message=message, severity=SEVERITY[issue.severity], code=issue.code,
        code_description=types.CodeDescription(href=doc_uri) if doc_uri else None, source="brandlint",
        related_information=related, data={"name": issue.name, "family": issue.family})


def overlaps(issue: Issue, start: int, end: int) -> bool:
    return issue.start <= end and start <= max(issue.start, issue.end)


def code_actions(uri: str, issue: Issue, lines: Lines, diag: types.Diagnostic, directive: str) -> list:
    actions = []

    def edit(title: str, start: int, end: int, new_text: str, preferred: bool = False) -> types.CodeAction:
        change = types.TextEdit(lines.range(start, end), new_text)
        return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                                is_preferred=preferred or None, edit=types.WorkspaceEdit(changes={uri: [change]}))

    if issue.fix:
        start, end, new_text = issue.fix
        old = lines.text[start:end]
        title = f"Replace '{old}' with '{new_text}'" if new_text else f"Remove '{old}'"
        actions.append(edit(f"{title} ({issue.code})", start, end, new_text, preferred=True))
    if issue.family == "claims":
        for text in issue.suggestions:
            if issue.fix is None or text != issue.fix[2]:
                actions.append(edit(f"Replace with the approved wording: '{text}' ({issue.code})",
                                    issue.start, issue.end, text, preferred=issue.fix is None))
    # The directive goes on its own line above, indented like the line, so a list item stays a list item.
    line_start = lines.line_start(issue.start)
    indent = re.match(r"[ \t]*", lines.text[line_start:]).group(0)
    actions.append(edit(f"Disable {issue.code} for this line", line_start, line_start,
                        f"{indent}{directive}\n"))
    return actions


def hover_text(issues: list[Issue], explained: str, docs: dict) -> str:
    """Markdown: per finding, the rule, the messaging entry it collides with, the approved text and
    the score; then what `brandlint explain FILE:LINE` prints for the line."""
    parts = []
    for issue in issues:
        out = [f"**{issue.code} {issue.name}** ({issue.family}, {issue.severity})", issue.message]
        if issue.entry:
            entry = issue.entry
            out += [f"Messaging entry: {entry['section']} `{entry['id']}`: \"{entry['text']}\""]
            if entry.get("reason"):
                out.append(f"Reason: {entry['reason']}")
        if issue.suggestions:
            label = "Approved wording" if issue.family == "claims" else "Suggested"
            out.append(f"{label}: " + "; ".join(f"\"{s}\"" for s in issue.suggestions))
        if issue.score is not None:
            out.append(f"Score: {issue.score:.3f}")
        description = docs.get(issue.code)
        if description:
            out.append(description.split("\n\n")[0])
        parts.append("\n\n".join(out))
    if explained.strip():
        parts.append("```text\n" + explained.rstrip() + "\n```")
    return "\n\n---\n\n".join(parts)
