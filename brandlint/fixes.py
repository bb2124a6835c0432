"""Apply non-overlapping edits to a source text, from the end backwards."""

from __future__ import annotations

import dataclasses

from brandlint.model import Document, Edit, Finding


def apply(source: str, edits: list[Edit]) -> tuple[str, int]:
    chosen: list[Edit] = []
    for edit in sorted(set(edits), key=lambda e: (e.start, e.end)):
        if chosen and edit.start < chosen[-1].end:
            continue  # overlapping edits: keep the first; the next pass may take the other
        chosen.append(edit)
    for edit in reversed(chosen):
        source = source[:edit.start] + edit.replacement + source[edit.end:]
    return source, len(chosen)


def masked_view(document: Document) -> str:
    """The source as the reader saw it: block text where there are blocks (markup blanked), NUL
    elsewhere."""
    out = ["\0"] * len(document.source)
    for block in document.blocks:
        out[block.start:block.end] = block.text
    return "".join(out)


def crosses_markup(source: str, masked: str, edit: Edit) -> bool:
    """True when the edit's span holds a character the reader blanked or skipped (a link target,
    an emphasis marker, a tag, a comment, code): rewriting it would rewrite the markup."""
    for i in range(edit.start, min(edit.end, len(source))):
        if masked[i] != source[i] and not (masked[i].isspace() and source[i].isspace()):
            return True
    return False


def words_only(document: Document, findings: list[Finding]) -> list[Finding]:
    """Findings whose fix would touch markup keep it as a suggestion only: --fix changes words, never markup."""
    if not any(f.fix for f in findings):
        return findings
    masked = masked_view(document)
    return [dataclasses.replace(f, fix=None) if f.fix and crosses_markup(document.source, masked, f.fix) else f
            for f in findings]
