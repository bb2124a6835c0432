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
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    except GitError:  # --quiet leaves git's own message empty
        raise GitError(f"--diff: unknown git ref '{ref}': no commit, branch or tag of that name in {top} "
                       "(a remote branch must be fetched first, e.g. git fetch origin main)") from None
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


def touched(result: FileResult, finding, changed: dict[Path, set[int]], whole_document: set[str]) -> bool:
    """Whether a finding lies on a changed line; `whole_document` codes (judged on the whole
    document) count when any line of their file changed."""
    lines = changed.get(Path(result.path).resolve(), set())
    return bool(-1 in lines or finding.code in whole_document and lines or finding.family == "tool"
                or any(line in lines for line in range(finding.line, finding.end_line + 1))
                or finding.where and lines)  # Office files have no lines: a changed file reports in full


def keep_changed(results: list[FileResult], changed: dict[Path, set[int]], whole_document: set[str]) -> list[FileResult]:
    """Findings on changed lines."""
    return [dataclasses.replace(r, findings=tuple(f for f in r.findings if touched(r, f, changed, whole_document)))
            for r in results]
