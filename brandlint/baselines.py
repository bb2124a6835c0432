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


def entries_of(results: list[FileResult], root: Path) -> list[dict]:
    entries = []
    for result in results:
        rel = relative(result.path, root)
        for finding, fp in zip(result.findings, fingerprints(rel, result.findings)):
            entries.append({"fingerprint": fp, "path": rel, "rule": finding.code, "match": finding.match[:120]})
    return entries


def write(path: Path, results: list[FileResult], root: Path) -> int:
    return _write(path, entries_of(results, root))


def _write(path: Path, entries: list[dict]) -> int:
    entries.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    data = {"version": VERSION, "tool": f"brandlint {__version__}", "findings": entries}
    write_atomic(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"), mode=0o644)
    return len(entries)


def load(path: Path) -> set[str]:
    return {e["fingerprint"] for e in _entries(path)}


def prune(path: Path, results: list[FileResult], root: Path) -> tuple[int, int]:
    """Drop entries of the linted files that no longer occur; entries of files this run did not
    lint stay. Returns (kept, removed)."""
    old = _entries(path)
    current = {e["fingerprint"] for e in entries_of(results, root)}
    linted = {relative(r.path, root) for r in results}
    kept = [e for e in old if e["path"] not in linted or e["fingerprint"] in current]
    _write(path, kept)
    return len(kept), len(old) - len(kept)


def _entries(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [dict(e, fingerprint=e["fingerprint"]) for e in data["findings"]]
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline not found; create it with 'brandlint baseline create'") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{path}: not a brandlint baseline ({exc}); create it again with "
                            "'brandlint baseline create'") from None


def subtract(results: list[FileResult], known: set[str], root: Path, is_new=None) -> tuple[list[FileResult], int]:
    """The findings the baseline does not know, and how many it hid. The baseline knows how many of
    each (file, rule, words) there were; when there are more now, the extra ones are new: those for
    which `is_new(result, finding)` holds (e.g. on a changed line) first, then the last ones."""
    out, hidden = [], 0
    for result in results:
        rel = relative(result.path, root)
        groups: dict[str, list[int]] = {}
        for i, fp in enumerate(fingerprints(rel, result.findings)):
            groups.setdefault(fp.rpartition(":")[0], []).append(i)
        hide: set[int] = set()
        for key, indexes in groups.items():
            count = sum(1 for n in range(1, len(indexes) + 1) if f"{key}:{n}" in known)
            if is_new is not None:
                indexes = sorted(indexes, key=lambda i: is_new(result, result.findings[i]))  # stable: old first
            hide.update(indexes[:count])
        hidden += len(hide)
        out.append(dataclasses.replace(result, findings=tuple(f for i, f in enumerate(result.findings) if i not in hide)))
    return out, hidden
