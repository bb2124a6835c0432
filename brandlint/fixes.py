"""Apply non-overlapping edits from the end backwards, and write files atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

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


def write_atomic(path: Path, text: str, encoding: str) -> None:
    """Temp file in the same folder, flushed to disk, then renamed over the draft: a killed run
    leaves either the old file or the new one, never half of one."""
    data = text.encode(encoding)
    folder = path.resolve().parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".brandlint-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
