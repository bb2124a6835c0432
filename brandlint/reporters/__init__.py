"""One render() per output format. REPORTERS maps the --format name to it."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from brandlint.model import FileResult, Finding, Severity
from brandlint.paths import printable, relative


@dataclass(frozen=True)
class Report:
    results: tuple[FileResult, ...]
    rules: tuple = ()
    seconds: float = 0.0
    root: Path = field(default_factory=Path.cwd)
    color: bool = False
    width: int = 100
    quiet: bool = False
    wrap: bool = False  # wrap long lines to `width` (a terminal); on a pipe, one finding per line
    fail_on: Severity = Severity.ERROR  # JUnit: findings below this are not failures

    def items(self):
        for result in self.results:
            for finding in result.findings:
                yield result, finding

    def counts(self) -> Counter:
        return Counter(str(f.severity) for _, f in self.items())

    def summary(self) -> str:
        c = self.counts()
        total = sum(c.values())
        files = len(self.results)
        fixed = sum(r.fixed for r in self.results)
        fixed_text = f", {fixed} fixed" if fixed else ""
        return (f"{plural(files, 'file')} checked: {total} finding{'s' * (total != 1)} "
                f"({c['error']} error{'s' * (c['error'] != 1)}, {c['warning']} warning{'s' * (c['warning'] != 1)}, "
                f"{c['info']} info){fixed_text} in {self.seconds:.2f}s")

    def failing(self, finding: Finding) -> bool:
        return finding.severity >= self.fail_on

    def relpath(self, path: str) -> str:
        """The path as shown: relative to the root, on one line, any bytes escaped (see printable)."""
        return _shown(path, str(self.root), os.getcwd())


@lru_cache(maxsize=4096)  # asked once per finding; resolving a path is the costly part
def _shown(path: str, root: str, cwd: str) -> str:  # cwd: a relative path resolves against it
    return printable(relative(path, Path(root)))


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def location(path: str, finding: Finding) -> str:
    if finding.where:
        return f"{path}:{finding.where}"
    return f"{path}:{finding.line}:{finding.column}"


def _lazy(module: str):
    def render(report: Report) -> str:
        import importlib

        return importlib.import_module(f"brandlint.reporters.{module}").render(report)
    return render


REPORTERS = {
    "text": _lazy("terminal"),
    "concise": _lazy("concise"),
    "json": _lazy("json_"),
    "sarif": _lazy("sarif"),
    "github": _lazy("github"),
    "junit": _lazy("junit"),
}
