"""The project layer: find the files, read each one, lint it (engine), fix it if asked, and keep
results in the cache. The only module besides the CLI that touches the file system for drafts."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import fnmatch
import functools
import hashlib
import json
import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from brandlint import __version__, engine, fixes, readers
from brandlint.cache import Store
from brandlint.config import Config
from brandlint.language import ModelError
from brandlint.messaging import Messaging
from brandlint.model import Document, FileResult, Finding, Rule
from brandlint.paths import relative, write_atomic
from brandlint.rules import for_channel

SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}
MAX_FIX_PASSES = 5


@dataclass(frozen=True)
class Run:
    """Everything one run needs, fixed before the first file is read. Picklable, so worker processes
    judge exactly as the main process does."""

    config: Config
    messaging: Messaging
    rules: tuple[Rule, ...]
    language: object = None  # brandlint.language.Language, or None when claims cannot run
    as_of: dt.date = field(default_factory=dt.date.today)
    channel: str | None = None  # --channel: every draft is this channel
    fix: bool = False


def _spec(patterns) -> pathspec.PathSpec:
    return pathspec.PathSpec.from_lines("gitignore", patterns)


def excluded(path: Path, config: Config) -> bool:
    if not config.exclude:
        return False
    return _spec(config.exclude).match_file(relative(path, config.root))


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


def channel_for(document: Document, run: Run) -> str:
    """--channel, else the document's own `channel:` (front matter, Office properties), else the first
    configured glob that matches its path, else the default channel."""
    config = run.config
    if run.channel:
        return run.channel
    meta = document.meta.get("channel")
    if isinstance(meta, str) and meta.lower() in config.channel_names:
        return meta.lower()
    path = relative(document.path, config.root)
    for channel, globs in config.channels.items():
        if any(fnmatch.fnmatch(path, g) or fnmatch.fnmatch(path, g.rstrip("/") + "/*") for g in globs):
            return channel
    return config.default_channel


def context_for(document: Document, run: Run) -> tuple[engine.Context, list[Rule]]:
    channel = channel_for(document, run)
    claims = run.config.claims
    ctx = engine.Context(run.messaging, channel, run.as_of, claims.get("thresholds") or {},
                         claims.get("unsupported_severity") or {}, run.language)
    return ctx, for_channel(list(run.rules), run.config, channel)


def unreadable(path: str, rules, reason: str) -> FileResult:
    """A file that could not be read or linted: one finding of the unreadable-file rule."""
    rule = next(r for r in rules if r.kind == "unreadable-file")  # built in, so always loaded
    return FileResult(path, (rule.finding(0, 0, "", {"reason": reason}),))


def lint_document(document: Document, run: Run) -> tuple[Document, list[Finding], str, int]:
    """(document after fixes, findings, channel, fixes applied). Fixes are applied in passes, each
    followed by a fresh lint, until nothing more changes."""
    ctx, chosen = context_for(document, run)
    findings = engine.lint(document, chosen, ctx)
    fixed = 0
    if run.fix and document.editable:
        for _ in range(MAX_FIX_PASSES):
            edits = [f.fix for f in findings if f.fix]
            if not edits:
                break
            source, count = fixes.apply(document.source, edits)
            fixed += count
            document = readers.reparse(document, source)
            findings = engine.lint(document, chosen, ctx)
    return document, findings, ctx.channel, fixed


def lint_bytes(path: str, data: bytes, run: Run, suffix: str | None = None) -> FileResult:
    try:
        document = readers.read(path, data, suffix)
    except readers.ReadError as exc:
        return unreadable(path, run.rules, str(exc))
    try:
        document, findings, channel, fixed = lint_document(document, run)
    except ModelError:
        raise  # no model: the whole run stops with exit 2
    except Exception as exc:  # a bug must cost one file, not the run; the message asks for a report
        return unreadable(path, run.rules, f"internal error in brandlint ({type(exc).__name__}: {exc}); "
                                           "please report it")
    return FileResult(path, tuple(findings), channel, document, fixed)


def lint_path(path: Path, run: Run, store: Store | None = None) -> FileResult:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return unreadable(str(path), run.rules, exc.strerror or str(exc))
    key = None
    if store is not None and store.db is not None and not run.fix:
        key = result_key(str(path), data, run)
        hit = store.get_many([key]).get(key)
        if hit is not None:
            return thaw(str(path), data, hit)
    result = lint_bytes(str(path), data, run)
    if run.fix and result.fixed and result.document is not None:
        write_atomic(path, result.document.source.encode(result.document.encoding))
    if key is not None and result.document is not None:  # an unreadable file is tried again next time
        store.put_many({key: freeze(result)})
    return result


# Processes pay off for the lexical families only: with claims, each worker would load spaCy and the
# models again. Below this many files, starting workers costs more than it saves.
PARALLEL_MIN_FILES = 16


def lint_files(files: list[Path], run: Run, parallel: bool | None = None) -> list[FileResult]:
    """`parallel`: None decides by the number of files and whether claims rules run."""
    workers = min(os.cpu_count() or 1, 4)
    if parallel is None:
        parallel = len(files) >= PARALLEL_MIN_FILES and not _claims_run(run)
    if parallel and workers > 1:
        try:
            return lint_in_processes(files, run, workers)
        except (OSError, RuntimeError, concurrent.futures.process.BrokenProcessPool):
            pass  # no processes here (a sandbox, a frozen app): do it serially
    store = Store("results", run.config.cache)
    return [lint_path(path, run, store) for path in files]


def _claims_run(run: Run) -> bool:
    return any(r.family == "claims" for channel in run.config.channel_names
               for r in for_channel(list(run.rules), run.config, channel))


def lint_in_processes(files, run: Run, workers: int) -> list[FileResult]:
    """The files in `workers` processes; raises when processes cannot be started."""
    chunks = [files[i::workers] for i in range(workers)]
    # Fresh interpreters, not forks: a fork of a process whose model libraries started threads can hang.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        parts = list(pool.map(_lint_chunk, [(run, chunk) for chunk in chunks]))
    by_path = {r.path: r for part in parts for r in part}
    return [by_path[str(path)] for path in files]


def _lint_chunk(args) -> list[FileResult]:
    run, chunk = args
    store = Store("results", run.config.cache)
    return [lint_path(path, run, store) for path in chunk]


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
    """brandlint's own code and language data: a word list or a check changed without a new version
    (a checkout, an editable install) must not serve results computed by the old one."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *package.glob("data/*.yaml")]):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


# The per-file result cache: an unchanged file under unchanged configuration, messaging, rules,
# models and options costs a read and a hash. The key holds everything a result depends on.
def result_key(path: str, data: bytes, run: Run) -> str:
    digest = hashlib.sha256()
    digest.update(_code_digest().encode())
    rules = [(r.code, r.severity, r.message, sorted(r.options.items(), key=str)) for r in run.rules]
    for part in (__version__, os.path.abspath(path), run.config.raw, str(run.config.root), run.messaging.digest,
                 repr(rules), repr((run.config.select, run.config.ignore, run.config.fail_on)), run.channel or "",
                 str(run.as_of), run.language.identity() if run.language is not None else ""):
        digest.update(str(part).encode() + b"\0")
    digest.update(data)
    return digest.hexdigest()


def freeze(result: FileResult) -> bytes:
    doc = result.document
    return json.dumps({
        "channel": result.channel,
        "format": doc.format if doc else "text", "encoding": doc.encoding if doc else "utf-8",
        "editable": doc.editable if doc else True,
        "findings": [f.to_dict() for f in result.findings],
    }).encode()


def thaw(path: str, data: bytes, blob: bytes) -> FileResult:
    raw = json.loads(blob)
    findings = tuple(Finding.from_dict(f) for f in raw["findings"])
    source = ""
    if raw["editable"]:
        try:
            source = readers.decode(data)[0]
        except readers.ReadError:
            pass
    document = Document(path, source, (), raw["format"], {}, raw["encoding"], raw["editable"])
    return FileResult(path, findings, raw["channel"], document)
