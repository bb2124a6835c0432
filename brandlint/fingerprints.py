"""Stable identities for findings: rule, file, the words matched and which occurrence of them it is.
No line numbers, so inserting lines above a finding keeps its identity; a new copy of the same
problem in the same file is a new occurrence, so it is new."""

from __future__ import annotations

import hashlib
from collections import Counter


def key(path: str, rule: str, match: str, entry: str | None) -> str:
    words = " ".join(match.split()).lower()
    return hashlib.sha256(f"{path}\0{rule}\0{words}\0{entry or ''}".encode()).hexdigest()[:24]


def fingerprints(path: str, findings) -> list[str]:
    """One per finding, in order: key plus occurrence number among findings with that key."""
    seen: Counter = Counter()
    out = []
    for f in findings:
        k = key(path, f.code, f.match, f.entry)
        seen[k] += 1
        out.append(f"{k}:{seen[k]}")
    return out
