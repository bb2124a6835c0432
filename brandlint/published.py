"""When a document was published: its front matter's date, else a date in its URL path or file path
(brandlint/data/dates.yaml). Claims judge a dated document as of that day, so a post that was true
when it was published is not reported as out of date."""

from __future__ import annotations

import datetime as dt
import re

from brandlint import wordlists
from brandlint.model import Document

_DATES = wordlists.load("dates")
KEYS = tuple(_DATES["keys"])
PATH_KEYS = tuple(_DATES["path_keys"])
PATTERNS = tuple(re.compile(p) for p in _DATES["patterns"])
TEMPLATE_DATES = frozenset(_DATES["office_template_dates"])
OFFICE_EARLIEST = _DATES["office_earliest"]


def published(document: Document, path: str | None = None) -> dt.date | None:
    """`path`: the document's path relative to the project root (folders above the project, such as
    a backup-2023-01-15 folder, say nothing of when the copy was published). An Office file is dated
    by its last save only: its name and folder say nothing once it is copied around."""
    if document.format in ("pptx", "docx"):
        return _saved(document.meta.get("modified"))
    meta = {str(k).lower(): v for k, v in document.meta.items()} if isinstance(document.meta, dict) else {}
    for key in KEYS:
        day = _as_date(meta.get(key))
        if day:
            return day
    for text in [meta.get(k) for k in PATH_KEYS] + [document.path if path is None else path]:
        day = in_path(text) if isinstance(text, str) else None
        if day:
            return day
    return None


def _saved(value) -> dt.date | None:
    """The day an Office file was last saved, unless it is a library's blank-template date or a
    placeholder from before the format existed."""
    if not isinstance(value, dt.datetime) or value.date() < OFFICE_EARLIEST:
        return None
    return None if value.replace(tzinfo=None).isoformat(timespec="seconds") in TEMPLATE_DATES else value.date()


def in_path(text: str) -> dt.date | None:
    for pattern in PATTERNS:
        for m in pattern.finditer(text):
            try:
                return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue  # 2021/13/45 is not a date
    return None


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None
