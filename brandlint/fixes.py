"""Apply non-overlapping edits to a source text, from the end backwards."""

from __future__ import annotations

from brandlint.model import Edit


def apply(source: str, edits: list[Edit]) -> tuple[str, int]:
    chosen: list[Edit] = []
    for edit in sorted(set(edits), key=lambda e: (e.start, e.end)):
        if chosen and edit.start < chosen[-1].end:
            continue  # overlapping edits: keep the first; the next pass may take the other
        chosen.append(edit)
    for edit in reversed(chosen):
        source = source[:edit.start] + edit.replacement + source[edit.end:]
    return source, len(chosen)
