"""Baseline files: today's findings, so a team can adopt brandlint on old copy and see only new
problems. JSON, sorted, readable in review."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from brandlint import __version__
from brandlint.fingerprints import fingerprints
from brandlint.model import FileResult
from brandlint.paths import relative, write_atomic

VERSION = 1


class BaselineError(Exception):
    pass


def write(path: Path, results: list[FileResult], root: Path) -> int:
    entries = []
    for result in results:
        rel = relative(result.path, root)
        for finding, fp in zip(result.findings, fingerprints(rel, result.findings)):
            entries.append({"fingerprint": fp, "path": rel, "rule": finding.code, "match": finding.match[:120]})
    entries.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    data = {"version": VERSION, "tool": f"brandlint {__version__}", "findings": entries}
    write_atomic(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"), mode=0o644)
    return len(entries)


def load(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {e["fingerprint"] for e in data["findings"]}
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline not found; create it with 'brandlint baseline create'") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{path}: not a brandlint baseline ({exc}); create it again with "
                            "'brandlint baseline create'") from None


def subtract(results: list[FileResult], known: set[str], root: Path) -> list[FileResult]:
    out = []
    for result in results:
        rel = relative(result.path, root)
        keep = [i for i, fp in enumerate(fingerprints(rel, result.findings)) if fp not in known]
        out.append(dataclasses.replace(result, findings=tuple(result.findings[i] for i in keep)))
    return out
