"""Paths and files: one helper each for relative paths and atomic writes."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tempfile
from pathlib import Path


def relative(path: str | Path, root: Path) -> str:
    """`path` relative to `root` in POSIX form, or as given when it lies outside root."""
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # outside root, or a symlink loop
        return Path(path).as_posix()


CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(name: str) -> str:
    """A file name on one line, whatever it holds: bytes that are not UTF-8 as \\xNN, line breaks and
    other control characters as escapes, so a name cannot forge a line of output."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "backslashreplace")
    text = raw.decode("utf-8", "backslashreplace")
    return CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def write_atomic(path: Path, data: bytes, mode: int | None = None, owner: tuple[int, int] | None = None,
                 before_replace=None) -> None:
    """Temp file in the same folder, flushed to disk, then renamed over the target: a killed run
    leaves either the old file or the new one, never half of one. `mode` defaults to the existing
    file's permission bits; `owner` is (uid, gid) to give the new file; `before_replace()` runs last
    and may raise to keep the old file."""
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
        if owner is not None and owner != (os.stat(tmp).st_uid, os.stat(tmp).st_gid):
            os.chown(tmp, *owner)
        if mode is not None:
            os.chmod(tmp, mode)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


class WriteRefused(Exception):
    """A fix that was not written, and why (said to the user; the run goes on)."""


def stamp(st: os.stat_result, data: bytes) -> tuple:
    return (st.st_size, st.st_mtime_ns, st.st_ino, hashlib.sha256(data).hexdigest())


def write_back(path: str | Path, data: bytes, read_as: tuple, allow_read_only: bool = False) -> None:
    """Write a fixed draft over the file it was read from, keeping what the user set up: through a
    symlink to its target, a hard link stays linked (written in place), owner and mode kept. Refused
    (WriteRefused) for a read-only file unless `allow_read_only`, and when the file changed since
    `read_as` (see stamp) was taken: the user's edit wins."""
    target = Path(os.path.realpath(path))
    try:
        st = os.stat(target)
    except OSError as exc:
        raise WriteRefused(f"cannot be written back: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise WriteRefused("not a regular file")
    if not allow_read_only and (st.st_mode & 0o222 == 0 or not os.access(target, os.W_OK)):
        raise WriteRefused("the file is read-only; pass --fix-read-only to fix it anyway")

    def unchanged() -> None:
        with open(target, "rb") as handle:
            now = stamp(os.fstat(handle.fileno()), handle.read())
        if now != tuple(read_as):
            raise WriteRefused("the file changed while brandlint ran; run again to fix the new version")

    unchanged()
    foreign = st.st_uid != os.geteuid() and os.geteuid() != 0
    try:
        if st.st_nlink > 1 or foreign:
            # Renaming a new file over it would break the other links, or make it ours: write in place.
            with open(target, "r+b") as handle:
                unchanged()
                handle.truncate(0)
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        else:
            write_atomic(target, data, st.st_mode & 0o7777, (st.st_uid, st.st_gid), unchanged)
    except PermissionError as exc:
        raise WriteRefused(f"cannot be written: {exc.strerror}") from None
