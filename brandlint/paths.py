"""Paths and files: one helper each for relative paths and atomic writes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def relative(path: str | Path, root: Path) -> str:
    """`path` relative to `root` in POSIX form, or as given when it lies outside root."""
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # outside root, or a symlink loop
        return Path(path).as_posix()


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Temp file in the same folder, flushed to disk, then renamed over the target: a killed run
    leaves either the old file or the new one, never half of one. `mode` defaults to the existing
    file's permission bits."""
    path = Path(path)
    folder = path.resolve().parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".brandlint-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None and path.exists():
            mode = os.stat(path).st_mode & 0o7777
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
