"""The one adapter between the language server and brandlint's internals. Everything the server
needs from brandlint goes through here, as plain `Issue`s and `Project`s, so a refactor of the
internals means re-pointing this module only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from brandlint.lsp.issues import DRAFT_SUFFIXES, OFFICE_SUFFIXES, Issue, Project, ProjectError

__all__ = ["DRAFT_SUFFIXES", "OFFICE_SUFFIXES", "Issue", "Project", "ProjectError", "load_project", "lint_text",
           "lint_file", "explain", "rule_doc", "directive"]

_LANGUAGES: dict = {}  # one Language per settings for the life of the server: loading them is the cold cost


def load_project(folder: Path) -> Project:
    """Config (found by walking up from the folder, as `check` does from the working directory),
    messaging and rules."""
    from brandlint.config import load_config
    from brandlint.language import Language, offline_environment
    from brandlint.language import settings as language_settings
    from brandlint.messaging import load_messaging
    from brandlint.project import Run
    from brandlint.rules import load_rules
    from brandlint.yamlfile import ConfigError

    try:
        config = load_config(None, start=folder)
        messaging = load_messaging(config.messaging, config.channel_names)
        rules = load_rules(config.rule_dirs)
    except ConfigError as exc:
        raise ProjectError(exc.path, exc.line, exc.message) from None
    settings = language_settings(config)
    if settings not in _LANGUAGES:
        offline_environment(settings[2])
        _LANGUAGES[settings] = Language(*settings)  # it keeps each block's sentences: an edit splits one block
    run = Run(config, messaging, tuple(rules), _LANGUAGES[settings], dt.date.today())
    return Project(config.root, config.path, config.messaging, config.rule_dirs, config, rules, run)


def lint_text(project: Project, path: str, text: str) -> list[Issue]:
    """Lint an editor buffer as the file at `path` (its suffix picks the reader)."""
    return _lint(project, path, text.encode("utf-8"))


def lint_file(project: Project, path: str) -> list[Issue]:
    """Lint a saved file from disk (.pptx, .docx)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return [Issue("BL001", "unreadable-file", "tool", "error", f"cannot lint this file: {exc.strerror}", 0, 0, 1)]
    return _lint(project, path, data)


def _lint(project: Project, path: str, data: bytes) -> list[Issue]:
    import dataclasses

    from brandlint import project as project_layer

    # ModelError propagates: the server logs it to the client, as `check` exits 2 with it.
    if project.run.as_of != dt.date.today():  # a server can outlive a day; embargoes depend on it
        project.run = dataclasses.replace(project.run, as_of=dt.date.today())
    result = project_layer.lint_bytes(path, data, project.run)
    issues = []
    for finding in result.findings:
        entry = project.run.messaging.entry(finding.entry) if finding.entry else None
        details = dict(finding.details)
        issues.append(Issue(
            finding.code, finding.name, finding.family, str(finding.severity), finding.message,
            finding.start, finding.end, finding.line, finding.match, tuple(finding.suggestions),
            (finding.fix.start, finding.fix.end, finding.fix.replacement) if finding.fix else None,
            entry and {"id": entry.id, "section": entry.section, "text": entry.text, "reason": entry.reason,
                       "source": entry.source, "line": entry.line},
            details.get("score"), finding.where, finding))
    return issues


def explain(project: Project, path: str, issues: list[Issue]) -> str:
    """What `brandlint explain PATH:LINE` says about these findings (all on one line)."""
    from brandlint.explain import describe_findings
    from brandlint.model import FileResult

    if not issues:
        return ""
    try:
        shown = Path(path).relative_to(project.root).as_posix()  # as `check` run at the root prints it
    except ValueError:
        shown = path
    result = FileResult(shown, tuple(i.raw for i in issues))
    return describe_findings(result, issues[0].line, project.run.messaging)


def rule_doc(project: Project, code: str) -> tuple[str, str | None]:
    """A rule's description and the file that documents it (its YAML: description and examples)."""
    rule = next((r for r in project.rules if r.code == code), None)
    if rule is None:
        return "", None
    return (rule.description or rule.message).strip(), rule.source or None


def directive(path: str, code: str) -> str:
    """The inline comment that disables `code` on the next line, in the form the file's format accepts."""
    if DRAFT_SUFFIXES.get(Path(path).suffix.lower()) == "text":
        return f"# brandlint-disable-next-line {code}"
    return f"<!-- brandlint-disable-next-line {code} -->"
