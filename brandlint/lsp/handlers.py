"""The LSP methods the server answers. Each handler is small: the work is in `server` (scheduling,
projects) and `convert` (LSP types)."""

from __future__ import annotations

from lsprotocol import types

from brandlint.lsp import convert, linting
from brandlint.lsp.server import CONFIG_SUFFIXES, DEBOUNCE, WATCHED, BrandlintServer, _path, _suffix, guarded


def register(server: BrandlintServer) -> None:
    @server.feature(types.INITIALIZED)
    @guarded
    async def initialized(ls: BrandlintServer, params: types.InitializedParams):
        # Ask the client to tell us about config and messaging files changed outside the editor too.
        caps = ls.client_capabilities.workspace
        watch = caps and caps.did_change_watched_files and caps.did_change_watched_files.dynamic_registration
        if watch:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED])
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[
                types.Registration(id="brandlint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                   register_options=options)]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @guarded
    def did_open(ls: BrandlintServer, params: types.DidOpenTextDocumentParams):
        if linting.DRAFT_SUFFIXES.get(_suffix(params.text_document.uri)):
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @guarded
    def did_change(ls: BrandlintServer, params: types.DidChangeTextDocumentParams):
        if linting.DRAFT_SUFFIXES.get(_suffix(params.text_document.uri)):
            ls.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    @guarded
    async def did_save(ls: BrandlintServer, params: types.DidSaveTextDocumentParams):
        uri = params.text_document.uri
        suffix = _suffix(uri)
        if suffix in linting.OFFICE_SUFFIXES:
            await ls.check_office(uri)
        elif suffix in CONFIG_SUFFIXES:
            await ls.config_changed([_path(uri)])

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @guarded
    def did_close(ls: BrandlintServer, params: types.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task:
            task.cancel()
        if ls.results.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guarded
    async def watched(ls: BrandlintServer, params: types.DidChangeWatchedFilesParams):
        paths = [_path(c.uri) for c in params.changes]
        if any(p.suffix.lower() in CONFIG_SUFFIXES for p in paths):
            await ls.config_changed([p for p in paths if p.suffix.lower() in CONFIG_SUFFIXES])
        for change in params.changes:  # an office file saved by its own application
            if _suffix(change.uri) in linting.OFFICE_SUFFIXES and change.type != types.FileChangeType.Deleted:
                await ls.check_office(change.uri)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    @guarded
    def code_action(ls: BrandlintServer, params: types.CodeActionParams):
        uri = params.text_document.uri
        found = ls.current(uri)
        if found is None:
            return None  # no results for this text yet; the client asks again after the next diagnostics
        _, text, issues, project = found
        lines = convert.Lines(text, ls.encoding())
        start, end = lines.offset(params.range.start), lines.offset(params.range.end)
        actions = []
        for issue in issues:
            if convert.overlaps(issue, start, end):
                diag = convert.diagnostic(issue, lines, ls.doc_uri(project, issue.code))
                actions += convert.code_actions(uri, issue, lines, diag, linting.directive(str(_path(uri)), issue.code))
        return actions or None

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @guarded
    def hover(ls: BrandlintServer, params: types.HoverParams):
        uri = params.text_document.uri
        found = ls.current(uri)
        if found is None:
            return None
        _, text, issues, project = found
        lines = convert.Lines(text, ls.encoding())
        offset = lines.offset(params.position)
        hits = [i for i in issues if i.start <= offset <= max(i.start, i.end) and i.code != "BL001"]
        if not hits:
            return None
        hits = [i for i in hits if i.line == hits[0].line]
        explained = linting.explain(project, str(_path(uri)), hits)
        docs = {i.code: linting.rule_doc(project, i.code)[0] for i in hits}
        first, last = min(i.start for i in hits), max(i.end for i in hits)
        return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, convert.hover_text(hits, explained, docs)),
                           range=lines.range(first, last))

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: BrandlintServer, params):
        for task in ls.pending.values():
            task.cancel()
        ls.worker.shutdown(wait=False, cancel_futures=True)
