"""The trend of findings over the last N commits, read through the cache: each commit's files are
read as blobs (`git ls-tree`, `git cat-file --batch`) and judged by content under their working-tree
path, so a blob unchanged since another commit or the working tree costs two cache reads."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

from brandlint import project, readers
from brandlint.report import facts


class HistoryError(Exception):
    """Not a git repository, or git failed: the CLI shows the text and exits 2."""


def _git(top: Path, *args: str, data: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=top, input=data, capture_output=True, check=False)
    except OSError as exc:
        raise HistoryError(f"cannot run git: {exc}") from None
    if done.returncode:
        raise HistoryError(f"git {args[0]} failed: {done.stderr.decode('utf-8', 'replace').strip()}")
    return done.stdout


def trend(paths: list[str], run, count: int, progress=None) -> list[dict]:
    """Per commit, oldest first: commit, date, subject, documents and finding counts."""
    top = Path(_git(run.config.root, "rev-parse", "--show-toplevel").decode().strip())
    log = _git(top, "log", f"-n{count}", "--format=%H%x09%cs%x09%s").decode("utf-8", "replace").splitlines()
    prefixes = [Path(p).resolve().relative_to(top).as_posix() if Path(p).resolve() != top else ""
                for p in (paths or ["."]) if _inside(Path(p), top)]
    stores = facts.open_stores(run)
    out = []
    for line in reversed(log):
        commit, date, subject = line.split("\t", 2)
        names = [n for n in _git(top, "ls-tree", "-r", "--name-only", "-z", commit).decode().split("\0") if n
                 and any(p == "" or n == p or n.startswith(p + "/") for p in prefixes)
                 and readers.supported(top / n) and not project.excluded(top / n, run.config)]
        found = [facts.for_bytes(str(top / n), data, run, stores) for n, data in zip(names, _blobs(top, commit, names))]
        items = [f for x in found for f in x.result.findings]
        out.append({"commit": commit[:12], "date": date, "subject": subject, "documents": len(found),
                    "findings": len(items),
                    "by_severity": {s: sum(1 for f in items if str(f.severity) == s) for s in ("error", "warning", "info")},
                    "by_family": dict(sorted(Counter(f.family for f in items).items())),
                    "missing_required": sum(1 for x in found for e in x.required if e not in x.mentions)})
        if progress:
            progress(commit[:12])
    return out


def _inside(path: Path, top: Path) -> bool:
    try:
        path.resolve().relative_to(top)
        return True
    except ValueError:
        return False


def _blobs(top: Path, commit: str, names: list[str]) -> list[bytes]:
    """The content of every named file at the commit, in one git process."""
    if not names:
        return []
    raw = _git(top, "cat-file", "--batch", data="".join(f"{commit}:{n}\n" for n in names).encode())
    out, at = [], 0
    for _ in names:
        end = raw.index(b"\n", at)
        size = int(raw[at:end].split()[2])
        out.append(raw[end + 1:end + 1 + size])
        at = end + 1 + size + 1
    return out
