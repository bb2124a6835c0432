"""Changed-lines mode: which lines of which files differ from a git ref."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

from brandlint.model import FileResult

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)


class GitError(Exception):
    pass


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise GitError("--diff needs git, which is not installed") from None
    if done.returncode != 0:
        raise GitError(f"git {' '.join(args)} failed: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


def changed_lines(ref: str, cwd: Path) -> dict[Path, set[int]]:
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", "--diff-filter=ACMR", ref, "--"], top)
    changed: dict[Path, set[int]] = {}
    for chunk in re.split(r"^diff --git ", diff, flags=re.M)[1:]:
        name = re.search(r"^\+\+\+ b/(.+)$", chunk, re.M)
        if not name:
            continue
        lines = changed.setdefault((top / name.group(1)).resolve(), set())
        for m in HUNK.finditer(chunk):
            start, count = int(m.group(1)), int(m.group(2) or 1)
            lines.update(range(start, start + count))
    for name in _git(["ls-files", "--others", "--exclude-standard"], top).splitlines():
        path = (top / name).resolve()
        changed[path] = {-1}  # untracked: every line is new
    return changed


def keep_changed(results: list[FileResult], changed: dict[Path, set[int]], whole_document: set[str]) -> list[FileResult]:
    """Findings on changed lines; `whole_document` codes (judged on the whole document) are kept
    when any line of their file changed."""
    out = []
    for result in results:
        lines = changed.get(Path(result.path).resolve(), set())
        keep = [f for f in result.findings
                if -1 in lines or f.code in whole_document and lines or f.family == "tool"
                or any(line in lines for line in range(f.line, f.end_line + 1))
                or f.where and lines]  # Office files have no lines: a changed file reports in full
        out.append(dataclasses.replace(result, findings=tuple(keep)))
    return out
