"""The project layer: find the files, read each one, lint it (engine), fix it if asked, and keep
results in the cache. The only module besides the CLI that touches the file system for drafts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import fnmatch
import os
import signal
import stat
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

# engine, pathspec and the process pool are imported where used: a run that hits the result cache for
# every file needs none of them (imports are most of an unchanged file's cost).
from brandlint import fixes, readers, results
from brandlint.cache import Store
from brandlint.config import Config
from brandlint.config import gitignore as load_gitignore
from brandlint.language import ModelError
from brandlint.messaging import Messaging
from brandlint.model import Document, FileResult, Finding, Rule
from brandlint.paths import WriteRefused, printable, relative, stamp, write_back
from brandlint.published import published
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
    fix_read_only: bool = False  # --fix-read-only: fix files without write permission too
    # Seconds per document (BRANDLINT_TIME_LIMIT, default 60); past it the file gets a finding, exit 3.
    time_limit: float = field(default_factory=lambda: _seconds(os.environ.get("BRANDLINT_TIME_LIMIT"), 60.0))


def _seconds(text: str | None, default: float) -> float:
    try:
        return float(text) if text else default
    except ValueError:
        return default


def _spec(patterns):
    import pathspec

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
    ignores: dict = {}  # folder -> its PathSpec
    for folder, dirs, files in os.walk(top, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen_dirs:
            dirs[:] = []
            continue
        seen_dirs.add(real)
        gitignore = Path(folder) / ".gitignore"
        if gitignore.is_file():
            ignores[folder] = load_gitignore(gitignore)

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


def context_for(document: Document, run: Run) -> tuple:
    """(engine.Context, the rules for the document's channel)."""
    from brandlint import engine

    channel = channel_for(document, run)
    claims = run.config.claims
    ctx = engine.Context(run.messaging, channel, run.as_of, claims.get("thresholds") or {},
                         claims.get("unsupported_severity") or {}, run.language, run.rules,
                         published(document, relative(document.path, run.config.root))
                         if claims.get("dated_documents", True) else None)
    return ctx, for_channel(list(run.rules), run.config, channel)


def unreadable(path: str, rules, reason: str, crashed: bool = False) -> FileResult:
    """A file that could not be read or linted: one finding of the unreadable-file rule. `crashed`:
    brandlint itself failed (exit 3), not the file."""
    rule = next(r for r in rules if r.kind == "unreadable-file")  # built in, so always loaded
    return FileResult(path, (rule.finding(0, 0, "", {"reason": reason}),), crashed=crashed)


class TimeLimit(BaseException):
    """Raised by the alarm; a BaseException so no `except Exception` on the way swallows it."""


def _alarm(signum, frame):
    raise TimeLimit


class _Limit:
    """Interrupt the document after `seconds` (SIGALRM: the main thread of a POSIX process only;
    elsewhere, as in the server's threads, no limit)."""

    def __init__(self, seconds: float):
        self.on = (seconds > 0 and hasattr(signal, "setitimer")
                   and threading.current_thread() is threading.main_thread())
        self.seconds = seconds

    def __enter__(self):
        if self.on:
            self.saved = signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc):
        if self.on:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.saved)


def lint_document(document: Document, run: Run) -> tuple[Document, list[Finding], str, int]:
    """(document after fixes, findings, channel, fixes applied). Fixes are applied in passes, each
    followed by a fresh lint, until nothing more changes."""
    from brandlint import engine

    ctx, chosen = context_for(document, run)
    findings = fixes.words_only(document, engine.lint(document, chosen, ctx))
    fixed = 0
    if run.fix and document.editable:
        for _ in range(MAX_FIX_PASSES):
            edits = [f.fix for f in findings if f.fix]
            if not edits:
                break
            source, count = fixes.apply(document.source, edits)
            fixed += count
            document = readers.reparse(document, source)
            findings = fixes.words_only(document, engine.lint(document, chosen, ctx))
    return document, findings, ctx.channel, fixed


def lint_bytes(path: str, data: bytes, run: Run, suffix: str | None = None) -> FileResult:
    """Read and lint one file's bytes. Nothing raised here stops the run: a bad file is a finding, a
    bug or a document over the time limit a finding with `crashed` set."""
    try:
        with _Limit(run.time_limit):
            try:
                document = readers.read(path, data, suffix)
            except readers.ReadError as exc:
                return unreadable(path, run.rules, str(exc))
            document, findings, channel, fixed = lint_document(document, run)
    except ModelError:
        raise  # no model: the whole run stops with exit 2
    except TimeLimit:
        return unreadable(path, run.rules, f"brandlint took longer than {run.time_limit:g} s on this file and "
                                           "stopped; please report it", crashed=True)
    except (Exception, RecursionError) as exc:  # a bug must cost one file, not the run
        return unreadable(path, run.rules, f"internal error in brandlint ({type(exc).__name__}: {exc}); "
                                           "please report it", crashed=True)
    return FileResult(path, tuple(findings), channel, document, fixed)


def read_draft(path: Path) -> tuple[bytes, tuple] | str:
    """(bytes, stamp), or why the file is not read. Checked before reading: a FIFO would block,
    /dev/zero never end, a sparse 4 GB file fill memory; at most the limit plus one byte is read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return exc.strerror or str(exc)
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return "skipped: not a regular file (a FIFO, a device or a socket)"
        if st.st_size > readers.MAX_BYTES:
            return readers.too_big(st.st_size)
        data = handle.read(readers.MAX_BYTES + 1)
    if len(data) > readers.MAX_BYTES:
        return readers.too_big(len(data))
    return data, stamp(st, data)


def lint_path(path: Path, run: Run, store: Store | None = None) -> FileResult:
    """One file, read and linted; fixes are computed but not written (see write_fixes)."""
    read = read_draft(path)
    if isinstance(read, str):
        if read.startswith("skipped:"):
            return FileResult(str(path), (), notes=(f"{printable(str(path))}: {read}",))
        return unreadable(str(path), run.rules, read)
    data, read_as = read
    key = None
    if store is not None and store.db is not None and not run.fix:
        key = results.key(str(path), data, run)
        hit = store.get_many([key]).get(key)
        if hit is not None:
            try:
                return results.thaw(str(path), data, hit)
            except (ValueError, KeyError, TypeError, AttributeError):
                pass  # a damaged row: computed again, never trusted
    result = dataclasses.replace(lint_bytes(str(path), data, run), stamp=read_as)
    if key is not None and result.document is not None:  # an unreadable file is tried again next time
        store.put_many({key: results.freeze(result)})
    return result


def write_fixes(results: list[FileResult], run: Run) -> list[FileResult]:
    """Write the fixed drafts: in the main process only, after every result is back, so a killed run
    touches nothing afterwards. A fix that cannot be written leaves the file as it was, says why, and
    the file's findings are those of the file as it is."""
    out = []
    for result in results:
        if result.fixed and result.document is not None and result.document.editable:
            try:
                write_back(result.path, readers.encode(result.document), result.stamp, run.fix_read_only)
            except WriteRefused as exc:
                again = lint_path(Path(result.path), dataclasses.replace(run, fix=False))
                result = dataclasses.replace(again, notes=again.notes + (f"{printable(result.path)}: not fixed: {exc}",))
        out.append(result)
    return out


# Below this many files, starting workers costs more than it saves.
PARALLEL_MIN_FILES = 16
# With claims each worker holds its own copy of the models (about 200 MB), so no more than this many.
# Two pay off: the claims analysis is mostly Python (signals, the static first pass; the transformer sees
# few sentences), 10.3 s against 17.3 s serially on the 754 Rust blog posts.
CLAIMS_WORKERS = 2


def lint_files(files: list[Path], run: Run, parallel: bool | None = None, progress=None) -> list[FileResult]:
    """`parallel`: None decides by the number of files (claims runs use fewer workers); `progress(n)`
    is called as files are done."""
    progress = progress or (lambda n: None)
    claims = _claims_run(run)
    workers = min(os.cpu_count() or 1, CLAIMS_WORKERS if claims else 4)
    if parallel is None:
        parallel = len(files) >= PARALLEL_MIN_FILES
    results = None
    if parallel and workers > 1:
        if run.language is not None and claims:
            run.language.folder()  # a first-use export (or a missing model) happens here, once, not per worker
        from concurrent.futures.process import BrokenProcessPool

        try:
            results = lint_in_processes(files, run, workers, progress)
        except (OSError, RuntimeError, BrokenProcessPool):
            pass  # no processes here (a sandbox, a frozen app): do it serially
    if results is None:
        store = Store("results", run.config.cache)
        results = []
        for path in files:
            results.append(lint_path(path, run, store))
            progress(1)
    return write_fixes(results, run) if run.fix else results


def _claims_run(run: Run) -> bool:
    return any(r.family == "claims" for channel in run.config.channel_names
               for r in for_channel(list(run.rules), run.config, channel))


def lint_in_processes(files, run: Run, workers: int, progress=None) -> list[FileResult]:
    """The files in `workers` processes; raises when processes cannot be started."""
    import concurrent.futures
    import multiprocessing

    # Small chunks so progress moves; still few enough that each pays for its pickled Run.
    count = min(len(files), workers * 8)
    chunks = [files[i::count] for i in range(count)]
    # A fork starts a worker with everything imported; but a fork of a process whose model libraries
    # started threads can hang, so then fresh interpreters.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1 and not _threaded_libraries():
        method = "fork"
    else:
        method = "forkserver" if "forkserver" in methods else "spawn"
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                                                initializer=_watch_parent, initargs=(os.getpid(),)) as pool:
        parts = []
        for part in pool.map(_lint_chunk, [(run, chunk) for chunk in chunks]):
            parts.append(part)
            (progress or (lambda n: None))(len(part))
    by_path = {r.path: r for part in parts for r in part}
    return [by_path[str(path)] for path in files]


def _threaded_libraries() -> bool:
    """Libraries that start threads of their own (onnxruntime, tokenizers, numpy's BLAS) are loaded."""
    return any(name in sys.modules for name in ("onnxruntime", "tokenizers", "numpy", "torch", "spacy"))


def _watch_parent(pid: int) -> None:
    """In each worker: exit as soon as the main process is gone (killed runs leave no workers)."""
    parent = os.getppid()  # the forkserver, which exits with the main process

    def watch():
        while True:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass
            if os.getppid() != parent:
                os._exit(1)
            threading.Event().wait(0.5)

    threading.Thread(target=watch, daemon=True).start()


def _lint_chunk(args) -> list[FileResult]:
    run, chunk = args
    store = Store("results", run.config.cache)
    return [lint_path(path, run, store) for path in chunk]
