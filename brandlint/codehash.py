"""A digest of brandlint's own code and language data, standard library only: the result cache keys
on it, and so does the server's identity, which a `brandlint check` client computes before anything
else is imported."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """brandlint's own code and language data: a word list or a check changed without a new version
    (a checkout, an editable install) must not serve results computed by the old one."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *package.glob("data/*.yaml")]):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
