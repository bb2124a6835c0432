"""Find the files, read each one, lint it, fix it if asked. The only module besides the CLI
that touches the file system for drafts."""

from __future__ import annotations

import concurrent.futures
import dataclasses
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pathspec

from brandlint import __version__, engine, fixes, readers
from brandlint.cache import Store
from brandlint.config import Config
from brandlint.models import ModelError
from brandlint.model import Document, Edit, FileResult, Finding, LineIndex, Position, Rule, Severity

SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}
MAX_FIX_PASSES = 5


@dataclass(frozen=True)
class Options:
    channel: str | None = None
    as_of: dt.date | None = None
    fix: bool = False


def _spec(patterns) -> pathspec.PathSpec:
    return pathspec.PathSpec.from_lines("gitignore", patterns)


def excluded(path: Path, config: Config) -> bool:
    if not config.exclude:
        return False
    try:
        relative = path.resolve().relative_to(config.root).as_posix()
    except ValueError:
        relative = path.as_posix()
    return _spec(config.exclude).match_file(relative)


def collect(paths: list[str], config: Config) -> list[Path]:
    """Files named on the command line, and supported files under folders (honouring exclude and
    .gitignore). Folder symlinks are followed once: a loop cannot hang the walk."""
    found: list[Path] = []
    seen_dirs: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(_walk(path, config, seen_dirs))
        elif not excluded(path, config):
            found.append(path)
    unique, seen = [], set()
    for p in found:
        key = os.path.normpath(str(p))
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _walk(top: Path, config: Config, seen_dirs: set[str]):
    ignores: dict[str, pathspec.PathSpec] = {}
    for folder, dirs, files in os.walk(top, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen_dirs:
            dirs[:] = []
            continue
        seen_dirs.add(real)
        gitignore = Path(folder) / ".gitignore"
        if gitignore.is_file():
            ignores[folder] = _spec(gitignore.read_text("utf-8", "replace").splitlines())

        def ignored(name: str, is_dir: bool) -> bool:
            full = Path(folder) / name
            for base, spec in ignores.items():
                try:
                    rel = full.relative_to(base).as_posix()
                except ValueError:
                    continue
                if spec.match_file(rel + ("/" if is_dir else "")):
                    return True
            return excluded(full, config)

        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not ignored(d, True))
        for name in sorted(files):
            path = Path(folder) / name
            if readers.supported(path) and not ignored(name, False):
                yield path


def tool_result(path: str, rule: Rule | None, reason: str) -> FileResult:
    rule_code, name, message = ("BL001", "unreadable-file", f"cannot lint this file: {reason}")
    if rule:
        message = rule.message.format(reason=reason)
    finding = Finding(rule_code, name, "tool", Severity.ERROR, message, 0, 0)
    return FileResult(path, (finding,), (Position(1, 1, 1, 1),))


def lint_document(document: Document, rules: list[Rule], ctx: engine.Context, config: Config,
                  options: Options) -> tuple[Document, list[Finding], list[Rule], int]:
    ctx.channel = engine.channel_for(document, config, options.channel)
    chosen = engine.rules_for(rules, config, ctx.channel)
    findings = engine.lint(document, chosen, ctx)
    fixed = 0
    if options.fix and document.editable:
        for _ in range(MAX_FIX_PASSES):
            edits = [f.fix for f in findings if f.fix]
            if not edits:
                break
            source, count = fixes.apply(document.source, edits)
            fixed += count
            document = readers.reparse(document, source)
            findings = engine.lint(document, chosen, ctx)
    return document, findings, chosen, fixed


def lint_bytes(path: str, data: bytes, rules: list[Rule], ctx: engine.Context, config: Config,
               options: Options, suffix: str | None = None) -> FileResult:
    try:
        document = readers.read(path, data, suffix)
    except readers.ReadError as exc:
        return tool_result(path, next((r for r in rules if r.code == "BL001"), None), str(exc))
    try:
        document, findings, _, fixed = lint_document(document, rules, ctx, config, options)
    except ModelError:
        raise  # no model: the whole run stops with exit 2
    except Exception as exc:  # a bug must cost one file, not the run; the message asks for a report
        return tool_result(path, next((r for r in rules if r.code == "BL001"), None),
                           f"internal error in brandlint ({type(exc).__name__}: {exc}); please report it")
    index = LineIndex(document)
    positions = tuple(index.position(f.start, f.end) for f in findings)
    return FileResult(path, tuple(findings), positions, ctx.channel, document, fixed)


def lint_path(path: Path, rules, ctx, config, options, store: Store | None = None) -> FileResult:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return tool_result(str(path), next((r for r in rules if r.code == "BL001"), None),
                           exc.strerror or str(exc))
    key = None
    if store is not None and store.db is not None and not options.fix:
        key = result_key(str(path), data, rules, ctx, config, options)
        hit = store.get_many([key]).get(key)
        if hit is not None:
            return thaw(str(path), data, hit)
    result = lint_bytes(str(path), data, rules, ctx, config, options)
    if options.fix and result.fixed and result.document is not None:
        fixes.write_atomic(path, result.document.source, result.document.encoding)
    if key is not None and not any(f.rule == "BL001" for f in result.findings):
        store.put_many({key: freeze(result)})
    return result


# Processes pay off for the lexical families only: with claims, each worker would load spaCy and the
# models again. Below this many files, starting workers costs more than it saves.
PARALLEL_MIN_FILES = 16


def lint_files(files: list[Path], rules, ctx, config, options) -> list[FileResult]:
    workers = min(os.cpu_count() or 1, 4)
    needs_models = any(r.family == "claims" for r in rules if r.code in _active_codes(rules, config))
    if workers > 1 and len(files) >= PARALLEL_MIN_FILES and not needs_models:
        try:
            return _parallel(files, rules, ctx, config, options, workers)
        except (OSError, RuntimeError, concurrent.futures.process.BrokenProcessPool):
            pass  # no processes here (a sandbox, a frozen app): do it serially
    store = Store("results", config.cache)
    return [lint_path(path, rules, ctx, config, options, store) for path in files]


def _active_codes(rules, config) -> set[str]:
    return {r.code for channel in ("internal", "external", "sales") for r in engine.rules_for(rules, config, channel)}


def _parallel(files, rules, ctx, config, options, workers) -> list[FileResult]:
    chunks = [files[i::workers] for i in range(workers)]
    job = (rules, ctx.messaging, config, ctx.as_of, options)
    with concurrent.futures.ProcessPoolExecutor(workers) as pool:
        parts = list(pool.map(_lint_chunk, [(job, chunk) for chunk in chunks]))
    by_path = {r.path: r for part in parts for r in part}
    return [by_path[str(path)] for path in files]


def _lint_chunk(args) -> list[FileResult]:
    (rules, messaging, config, as_of, options), chunk = args
    ctx = engine.Context(messaging, config, as_of=as_of)
    store = Store("results", config.cache)
    return [lint_path(path, rules, ctx, config, options, store) for path in chunk]


# The per-file result cache: an unchanged file under unchanged configuration, messaging, rules and
# options costs a read and a hash. The key holds everything a result depends on.
def result_key(path: str, data: bytes, rules, ctx, config, options) -> str:
    digest = hashlib.sha256()
    for part in (__version__, os.path.abspath(path), config.raw, str(config.root), ctx.messaging.digest,
                 repr([(r.code, r.severity, r.message, sorted(r.options.items(), key=str)) for r in rules]),
                 repr((config.select, config.ignore, config.fail_on)), options.channel or "",
                 str(ctx.as_of), getattr(ctx.models, "model_name", "")):
        digest.update(str(part).encode() + b"\0")
    digest.update(data)
    return digest.hexdigest()


def freeze(result: FileResult) -> bytes:
    doc = result.document
    return json.dumps({
        "channel": result.channel,
        "format": doc.format if doc else "text", "encoding": doc.encoding if doc else "utf-8",
        "editable": doc.editable if doc else True,
        "findings": [[f.rule, f.name, f.family, int(f.severity), f.message, f.start, f.end, f.match,
                      list(f.suggestions), [f.fix.start, f.fix.end, f.fix.replacement] if f.fix else None,
                      f.entry, [list(d) for d in f.details]] for f in result.findings],
        "positions": [dataclasses.astuple(p) for p in result.positions],
    }).encode()


def thaw(path: str, data: bytes, blob: bytes) -> FileResult:
    raw = json.loads(blob)
    findings = tuple(
        Finding(rule, name, family, Severity(sev), message, start, end, match, tuple(sugg),
                Edit(*fix) if fix else None, entry, tuple(_tuple(d) for d in details))
        for rule, name, family, sev, message, start, end, match, sugg, fix, entry, details in raw["findings"])
    positions = tuple(Position(*p) for p in raw["positions"])
    source = ""
    if raw["editable"]:
        try:
            source = readers.decode(data)[0]
        except readers.ReadError:
            pass
    document = Document(path, source, (), raw["format"], {}, raw["encoding"], raw["editable"])
    return FileResult(path, findings, positions, raw["channel"], document)


def _tuple(value):
    return tuple(_tuple(v) for v in value) if isinstance(value, list) else value
