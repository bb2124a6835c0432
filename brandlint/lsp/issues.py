"""The plain data the adapter (`linting`) hands the server: no brandlint internals in here."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DRAFT_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".mdx": "markdown", ".txt": "text",
                  ".text": "text", ".html": "html", ".htm": "html"}
OFFICE_SUFFIXES = {".pptx", ".docx"}
CONFIG_NAMES = {"brandlint.yaml", ".brandlint.yaml", "pyproject.toml"}


class ProjectError(Exception):
    """A configuration, messaging or rule file that cannot be used: where it is and why."""

    def __init__(self, path: str, line: int | None, message: str):
        super().__init__(message)
        self.path, self.line, self.message = path, line, message


@dataclass(frozen=True)
class Issue:
    """One finding. Offsets index the text that was linted (code points); office files have none."""

    code: str
    name: str
    family: str
    severity: str  # error, warning, info
    message: str
    start: int
    end: int
    line: int  # 1-based, as `brandlint check` prints it
    match: str = ""
    suggestions: tuple[str, ...] = ()
    fix: tuple[int, int, str] | None = None
    entry: dict | None = field(default=None, compare=False)  # id, section, text, reason, source, line
    score: float | None = None
    where: str = ""  # office files: "slide 7:Title 2"
    raw: object = field(default=None, compare=False, repr=False)  # the Finding, kept for explain()


@dataclass
class Project:
    root: Path
    config_path: str | None
    messaging_dir: Path | None
    rule_dirs: tuple[Path, ...]
    config: object = field(repr=False, default=None)
    rules: list = field(repr=False, default_factory=list)
    run: object = field(repr=False, default=None)  # brandlint.project.Run

    def watches(self, path: Path) -> bool:
        """Is this file part of the project's configuration (so a change to it means a reload)?"""
        path = path.resolve()
        if path.name in CONFIG_NAMES and (path.parent == self.root or str(path) == self.config_path):
            return True
        return any(folder is not None and folder.resolve() in path.parents
                   for folder in (self.messaging_dir, *self.rule_dirs))
