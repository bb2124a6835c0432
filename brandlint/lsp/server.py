"""The language server: documents in, diagnostics, code actions and hovers out. It never imports
brandlint.cli (the CLI imports this), and reaches brandlint only through `linting`."""

from __future__ import annotations

import asyncio
import functools
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from brandlint import __version__
from brandlint.lsp import convert, linting

DEBOUNCE = 0.15  # seconds of quiet typing before a re-check; short enough to stay well under 500 ms
CONFIG_SUFFIXES = {".yaml", ".yml", ".toml"}
WATCHED = ["**/brandlint.yaml", "**/.brandlint.yaml", "**/pyproject.toml", "**/*.yaml", "**/*.yml"]


class BrandlintServer(LanguageServer):
    def __init__(self):
        super().__init__("brandlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.projects: dict[Path, linting.Project] = {}  # folder -> the last configuration that loaded
        self.broken: dict[Path, linting.ProjectError] = {}  # folder -> why its configuration does not load
        self.config_uris: dict[Path, str] = {}  # folder -> file that carries its configuration diagnostic
        self.results: dict[str, tuple] = {}  # uri -> (version, text, issues, project)
        self.pending: dict[str, asyncio.Task] = {}
        # One worker: the models and the engine's context are not thread-safe, and one at a time is
        # what an editor needs.
        self.worker = ThreadPoolExecutor(1, thread_name_prefix="brandlint")

    # logging ------------------------------------------------------------------
    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        try:
            self.window_log_message(types.LogMessageParams(type=kind, message=f"brandlint: {message}"))
        except Exception:  # no client to tell (shutting down): nothing useful left to do
            logging.getLogger(__name__).debug("cannot log %s", message)

    def report_server_error(self, error, source):
        self.log(f"internal error ({type(error).__name__}: {error}); please report it", types.MessageType.Error)

    async def in_worker(self, func, *args):
        return await asyncio.get_running_loop().run_in_executor(self.worker, func, *args)

    # projects -----------------------------------------------------------------
    def folder_for(self, path: Path) -> Path:
        """The innermost workspace folder holding the file; a file outside all of them is its own."""
        folders = [Path(to_fs_path(f.uri)).resolve() for f in self.workspace.folders.values()]
        if self.workspace.root_path:
            folders.append(Path(self.workspace.root_path).resolve())
        inside = [f for f in folders if f == path or f in path.parents]
        return max(inside, key=lambda f: len(f.parts)) if inside else path.parent

    async def project(self, folder: Path) -> linting.Project | None:
        if folder not in self.projects and folder not in self.broken:
            await self.reload(folder)
        return self.projects.get(folder)

    async def reload(self, folder: Path) -> None:
        try:
            project = await self.in_worker(linting.load_project, folder)
        except linting.ProjectError as exc:
            self.broken[folder] = exc
            self.publish_config_error(folder, exc)
            return
        self.projects[folder] = project
        self.broken.pop(folder, None)
        self.publish_config_error(folder, None)

    def publish_config_error(self, folder: Path, error: linting.ProjectError | None) -> None:
        old = self.config_uris.pop(folder, None)
        uri = from_fs_path(str(Path(error.path).resolve())) if error else None
        if old and old != uri:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(old, []))
        if error is None:
            return
        line = max(0, (error.line or 1) - 1)
        try:
            width = len(Path(error.path).read_text("utf-8", "replace").split("\n")[line].rstrip("\r"))
        except (OSError, IndexError):
            width = 0
        diag = types.Diagnostic(types.Range(types.Position(line, 0), types.Position(line, width)), error.message,
                                severity=types.DiagnosticSeverity.Error, source="brandlint")
        self.config_uris[folder] = uri
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, [diag]))
        self.log(f"{error.path}:{error.line or 1}: {error.message}", types.MessageType.Error)

    async def config_changed(self, paths: list[Path]) -> None:
        for folder in list(self.projects) + list(self.broken):
            project = self.projects.get(folder)
            if folder in self.broken or (project and any(project.watches(p) for p in paths)):
                await self.reload(folder)
                for uri in list(self.workspace.text_documents):
                    if linting.DRAFT_SUFFIXES.get(_suffix(uri)) and self.folder_for(_path(uri)) == folder:
                        self.schedule(uri, 0)

    # checking -----------------------------------------------------------------
    def schedule(self, uri: str, delay: float) -> None:
        """Check a document after `delay`; a newer request for it cancels this one (the latest wins)."""
        task = self.pending.pop(uri, None)
        if task:
            task.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self.check(uri, delay))

    async def check(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            doc = self.workspace.text_documents.get(uri)
            if doc is None:
                return
            version, text, path = doc.version, doc.source, _path(uri)
            project = await self.project(self.folder_for(path))
            if project is None:
                return
            issues = await self.in_worker(linting.lint_text, project, str(path), text)
            current = self.workspace.text_documents.get(uri)
            if current is None or current.version != version:
                return  # the document moved on while it was checked: a newer check is coming
            self.results[uri] = (version, text, issues, project)
            lines = convert.Lines(text, self.encoding())
            diagnostics = [convert.diagnostic(i, lines, self.doc_uri(project, i.code)) for i in issues]
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, diagnostics, version))
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # ModelError says how to install the model; anything else is a bug
            self.log(f"cannot check {uri}: {exc}", types.MessageType.Error)
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    async def check_office(self, uri: str) -> None:
        """A saved .pptx/.docx: read from disk, reported without ranges (the slide goes in the message)."""
        try:
            path = _path(uri)
            project = await self.project(self.folder_for(path))
            if project is None:
                return
            issues = await self.in_worker(linting.lint_file, project, str(path))
            diagnostics = [convert.diagnostic(i, None, self.doc_uri(project, i.code)) for i in issues]
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, diagnostics))
        except Exception as exc:
            self.log(f"cannot check {uri}: {exc}", types.MessageType.Error)

    def encoding(self) -> str:
        kind = self.workspace.position_encoding
        return str(getattr(kind, "value", kind) or "utf-16")

    @staticmethod
    def doc_uri(project, code: str) -> str | None:
        source = linting.rule_doc(project, code)[1]
        return Path(source).resolve().as_uri() if source else None

    def current(self, uri: str):
        """The last results for a document, if they are for the text the editor has now."""
        found = self.results.get(uri)
        doc = self.workspace.text_documents.get(uri)
        if found is None or doc is None or doc.version != found[0]:
            return None
        return found


def _path(uri: str) -> Path:
    return Path(to_fs_path(uri) or uri).resolve()


def _suffix(uri: str) -> str:
    return Path(to_fs_path(uri) or uri).suffix.lower()


def guarded(func):
    """A handler's exception is logged to the client in one line; no traceback reaches the user."""
    if asyncio.iscoroutinefunction(func):
        @functools.wraps(func)
        async def wrapper(ls, params):
            try:
                return await func(ls, params)
            except Exception as exc:
                ls.log(f"internal error in {func.__name__} ({type(exc).__name__}: {exc}); please report it",
                       types.MessageType.Error)
                return None
    else:
        @functools.wraps(func)
        def wrapper(ls, params):
            try:
                return func(ls, params)
            except Exception as exc:
                ls.log(f"internal error in {func.__name__} ({type(exc).__name__}: {exc}); please report it",
                       types.MessageType.Error)
                return None
    return wrapper
