"""Language data shipped with brandlint (brandlint/data/*.yaml): word lists people can review
without reading Python. Loaded once per process."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

FOLDER = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    return yaml.safe_load((FOLDER / f"{name}.yaml").read_text(encoding="utf-8"))


def alternation(fragments, bounded: bool = True) -> str:
    """One regex alternation from fragments; whole words unless a fragment starts or ends with a non-word
    character ("#1", "n't")."""
    parts = []
    for fragment in fragments:
        fragment = str(fragment)
        left = r"\b" if bounded and re.match(r"[\w\\(]", fragment) and not fragment.startswith(("\\s", "\\W")) else ""
        right = r"\b" if bounded and re.search(r"[\w)?\]]$", fragment) else ""
        parts.append(f"{left}(?:{fragment}){right}")
    return "|".join(parts)
