"""`brandlint lsp` driven by a real LSP client (pytest-lsp's, over stdio) in a fresh server process per
test, on a throw-away workspace with the bundled messaging and the real pipeline."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")

from lsprotocol import types as t  # noqa: E402
from pygls.protocol import default_converter  # noqa: E402
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, LanguageClient, register_lsp_features  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LEXICAL = "messaging: messaging\nselect: [BL002, BL100, BL304]\n"
WARN, ERR, INFO = t.DiagnosticSeverity.Warning, t.DiagnosticSeverity.Error, t.DiagnosticSeverity.Information
pytestmark = pytest.mark.asyncio


def workspace(tmp_path: Path, config: str = LEXICAL) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(ROOT / "messaging", root / "messaging")
    (root / "brandlint.yaml").write_text(config, encoding="utf-8")
    return root


@contextlib.asynccontextmanager
async def server(root: Path, watch: bool = False):
    """A client connected to `python -m brandlint lsp`, started away from the workspace (the
    configuration must come from the workspace folder, not the working directory)."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []  # every publishDiagnostics, in order, with its version
    client.registrations = []

    def publish(ls, params: t.PublishDiagnosticsParams):
        ls.diagnostics[params.uri] = params.diagnostics
        ls.published.append(params)

    def register(ls, params: t.RegistrationParams):
        ls.registrations.extend(params.registrations)

    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
                                   t.CLIENT_REGISTER_CAPABILITY: register})
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    await client.start_io(sys.executable, "-m", "brandlint", "lsp", env=env, cwd=str(root.parent))
    caps = t.ClientCapabilities(workspace=t.WorkspaceClientCapabilities(
        did_change_watched_files=t.DidChangeWatchedFilesClientCapabilities(dynamic_registration=watch)))
    await client.initialize_session(t.InitializeParams(
        capabilities=caps, root_uri=root.as_uri(), workspace_folders=[t.WorkspaceFolder(root.as_uri(), "ws")]))
    try:
        yield client
    finally:
        if client.error is None:
            await client.shutdown_session()
        else:
            await client.stop()


def open_doc(client, path: Path, text: str, language: str = "markdown") -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(t.DidOpenTextDocumentParams(t.TextDocumentItem(uri, language, 1, text)))
    return uri


def change(client, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(t.DidChangeTextDocumentParams(
        t.VersionedTextDocumentIdentifier(version=version, uri=uri),
        [t.TextDocumentContentChangeWholeDocument(text=text)]))


async def diagnostics(client, uri: str, version: int | None = None, after: int = 0, timeout: float = 60):
    """The first diagnostics published for `uri` (at `version`, if given) after the `after`-th publish."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for params in client.published[after:]:
            if params.uri == uri and (version is None or params.version == version):
                return list(params.diagnostics)
        await asyncio.sleep(0.02)
    raise AssertionError(f"no diagnostics for {uri} version {version}; log: {client.log_messages}")


def summary(diags) -> list:
    return [(d.code, (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character),
             d.message, d.severity) for d in diags]


def utf16_offset(text: str, pos: t.Position) -> int:
    start = sum(len(line) + 1 for line in text.split("\n")[:pos.line])
    units = 0
    for i, char in enumerate(text[start:]):
        if units >= pos.character or char == "\n":
            return start + i
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def apply(text: str, action: t.CodeAction, uri: str) -> str:
    for edit in sorted(action.edit.changes[uri], key=lambda e: (e.range.start.line, e.range.start.character),
                       reverse=True):
        text = text[:utf16_offset(text, edit.range.start)] + edit.new_text + text[utf16_offset(text, edit.range.end):]
    return text


async def actions(client, uri: str, rng: t.Range) -> dict:
    found = await client.text_document_code_action_async(
        t.CodeActionParams(t.TextDocumentIdentifier(uri), rng, t.CodeActionContext(diagnostics=[])))
    return {a.title: a for a in found or []}


DRAFT = "# Launch\n\nOur clients utilize the console.\n"


async def test_open_change_exact_diagnostics_and_latest_version_wins(tmp_path):
    root = workspace(tmp_path)
    async with server(root, watch=True) as client:
        uri = open_doc(client, root / "draft.md", DRAFT)
        diags = await diagnostics(client, uri, 1)
        assert summary(diags) == [
            ("BL100", (2, 4, 2, 11), "Use 'customers' instead of 'clients'.", WARN),
            ("BL304", (2, 12, 2, 19), "Wordy: write 'use' instead of 'utilize'.", INFO),
        ]
        assert {d.source for d in diags} == {"brandlint"}
        assert diags[0].code_description.href.endswith("/BL100.yaml")
        # The watcher for configuration and messaging files was registered with the client.
        assert [r.method for r in client.registrations] == [t.WORKSPACE_DID_CHANGE_WATCHED_FILES]

        # Three quick edits: only the last version is checked and published.
        mark = len(client.published)
        change(client, uri, 2, "Our clients utilize it.\n")
        change(client, uri, 3, "Our clients use it.\n")
        change(client, uri, 4, "Customers utilize it.\n")
        diags = await diagnostics(client, uri, 4, after=mark)
        assert summary(diags) == [("BL304", (0, 10, 0, 17), "Wordy: write 'use' instead of 'utilize'.", INFO)]
        await asyncio.sleep(0.3)
        assert [p.version for p in client.published[mark:] if p.uri == uri] == [4]


async def test_utf16_ranges_after_emoji_and_cjk(tmp_path):
    root = workspace(tmp_path)
    async with server(root) as client:
        text = "# Hi\n\nHi 😀😀 我们的 clients utilize it.\n"
        uri = open_doc(client, root / "draft.md", text)
        diags = await diagnostics(client, uri, 1)
        # "Hi " 3 + two emoji 4 + " " 1 + three CJK 3 + " " 1 = 12 UTF-16 units before "clients"
        assert summary(diags) == [
            ("BL100", (2, 12, 2, 19), "Use 'customers' instead of 'clients'.", WARN),
            ("BL304", (2, 20, 2, 27), "Wordy: write 'use' instead of 'utilize'.", INFO),
        ]
        found = await actions(client, uri, diags[0].range)
        fixed = apply(text, found["Replace 'clients' with 'customers' (BL100)"], uri)
        assert fixed == "# Hi\n\nHi 😀😀 我们的 customers utilize it.\n"
        hover = await client.text_document_hover_async(
            t.HoverParams(t.TextDocumentIdentifier(uri), t.Position(2, 22)))
        assert hover.contents.value.startswith("**BL304 wordy-phrase**")
        assert hover.range == diags[1].range


async def test_quick_fix_and_disable_action(tmp_path):
    root = workspace(tmp_path)
    async with server(root) as client:
        text = "# Launch\n\n- Our clients utilize the console.\n"
        uri = open_doc(client, root / "draft.md", text)
        diags = await diagnostics(client, uri, 1)
        assert [d.code for d in diags] == ["BL100", "BL304"]
        found = await actions(client, uri, diags[0].range)
        assert list(found) == ["Replace 'clients' with 'customers' (BL100)", "Disable BL100 for this line"]
        fix = found["Replace 'clients' with 'customers' (BL100)"]
        assert fix.kind == t.CodeActionKind.QuickFix and fix.is_preferred
        assert summary(fix.diagnostics) == summary(diags[:1])
        text = apply(text, fix, uri)
        assert text == "# Launch\n\n- Our customers utilize the console.\n"
        change(client, uri, 2, text)
        diags = await diagnostics(client, uri, 2)
        assert summary(diags) == [("BL304", (2, 16, 2, 23), "Wordy: write 'use' instead of 'utilize'.", INFO)]

        found = await actions(client, uri, diags[0].range)
        text = apply(text, found["Disable BL304 for this line"], uri)
        assert text == "# Launch\n\n<!-- brandlint-disable-next-line BL304 -->\n- Our customers utilize the console.\n"
        change(client, uri, 3, text)
        assert await diagnostics(client, uri, 3) == []  # suppressed, and the directive is used (no BL002)


async def test_disable_action_in_text_file(tmp_path):
    root = workspace(tmp_path)
    async with server(root) as client:
        text = "Notes\n  Our clients are happy.\n"
        uri = open_doc(client, root / "notes.txt", text, "plaintext")
        diags = await diagnostics(client, uri, 1)
        assert summary(diags) == [("BL100", (1, 6, 1, 13), "Use 'customers' instead of 'clients'.", WARN)]
        text = apply(text, (await actions(client, uri, diags[0].range))["Disable BL100 for this line"], uri)
        assert text == "Notes\n  # brandlint-disable-next-line BL100\n  Our clients are happy.\n"
        change(client, uri, 2, text)
        assert await diagnostics(client, uri, 2) == []


async def test_claims_hover_and_approved_wording(tmp_path):
    root = workspace(tmp_path, "messaging: messaging\nselect: [claims]\n")
    async with server(root) as client:
        text = "# Security\n\nAcme Cloud cannot be hacked.\n\nAcme Cloud powers half of the Fortune 500.\n"
        uri = open_doc(client, root / "draft.md", text)
        diags = await diagnostics(client, uri, 1, timeout=120)  # the cold start loads the models
        codes = [(d.code, d.range.start.line) for d in diags]
        assert ("BL200", 2) in codes and ("BL201", 4) in codes, summary(diags)
        prohibited = next(d for d in diags if d.code == "BL200")
        assert prohibited.severity == ERR
        assert prohibited.range == t.Range(t.Position(2, 0), t.Position(2, 28))
        related = prohibited.related_information[0]
        assert related.location.uri == (root / "messaging" / "claims.yaml").as_uri()
        assert related.message == "prohibited 'unhackable': Acme Cloud cannot be hacked."

        hover = await client.text_document_hover_async(t.HoverParams(t.TextDocumentIdentifier(uri), t.Position(2, 5)))
        value = hover.contents.value
        assert value.startswith("**BL200 prohibited-claim** (claims, error)")
        for part in ("prohibited `unhackable`", '"Acme Cloud cannot be hacked."', "Reason: Legal forbids absolute",
                     "Score: 1.000", "draft.md:3:1: BL200 prohibited-claim [error]", "nearest messaging entries:"):
            assert part in value

        retired = next(d for d in diags if d.code == "BL201")
        found = await actions(client, uri, retired.range)
        approved = [a for title, a in found.items() if title.startswith("Replace with the approved wording")]
        assert approved, list(found)
        assert apply(text, approved[0], uri).endswith("\n\nMore than 4,000 companies run on Acme Cloud.\n")


async def test_broken_config_is_a_diagnostic_and_reload_rechecks(tmp_path):
    root = workspace(tmp_path)
    config = root / "brandlint.yaml"
    async with server(root) as client:
        uri = open_doc(client, root / "draft.md", DRAFT)
        assert [d.code for d in await diagnostics(client, uri, 1)] == ["BL100", "BL304"]

        mark = len(client.published)
        config.write_text("messaging: messaging\nselect: [BL100]\nfail_on: sometimes\n", encoding="utf-8")
        client.workspace_did_change_watched_files(t.DidChangeWatchedFilesParams(
            [t.FileEvent(config.as_uri(), t.FileChangeType.Changed)]))
        diags = await diagnostics(client, config.as_uri(), after=mark)
        assert [(d.range, d.message, d.severity, d.source) for d in diags] == [
            (t.Range(t.Position(2, 0), t.Position(2, 18)),
             "unknown severity 'sometimes'; use one of error, warning, info", ERR, "brandlint")]

        # The server is alive and still answers with the last good configuration.
        hover = await client.text_document_hover_async(t.HoverParams(t.TextDocumentIdentifier(uri), t.Position(2, 6)))
        assert hover.contents.value.startswith("**BL100 preferred-term**")

        # Fixed (and now ignoring BL304); reported through didSave this time.
        mark = len(client.published)
        config.write_text("messaging: messaging\nselect: [BL100]\n", encoding="utf-8")
        client.text_document_did_save(t.DidSaveTextDocumentParams(t.TextDocumentIdentifier(config.as_uri())))
        assert await diagnostics(client, config.as_uri(), after=mark) == []
        diags = await diagnostics(client, uri, 1, after=mark)
        assert [d.code for d in diags] == ["BL100"]

        # A broken messaging file: the diagnostic is on that file, at its line.
        mark = len(client.published)
        claims = root / "messaging" / "claims.yaml"
        claims.write_text(claims.read_text(encoding="utf-8") + "\nbogus: 1\n", encoding="utf-8")
        client.workspace_did_change_watched_files(t.DidChangeWatchedFilesParams(
            [t.FileEvent(claims.as_uri(), t.FileChangeType.Changed)]))
        diags = await diagnostics(client, claims.as_uri(), after=mark)
        last = claims.read_text(encoding="utf-8").count("\n") - 1  # 0-based line of "bogus: 1"
        assert [(d.range.start.line, d.severity) for d in diags] == [(last, ERR)], diags
        assert diags[0].message.startswith("unknown key 'bogus' in messaging file")


async def test_office_file_reported_on_save(tmp_path):
    import docx

    root = workspace(tmp_path)
    path = root / "deck.docx"
    document = docx.Document()
    document.add_paragraph("Our clients love it.")
    document.save(path)
    async with server(root) as client:
        client.text_document_did_save(t.DidSaveTextDocumentParams(t.TextDocumentIdentifier(path.as_uri())))
        diags = await diagnostics(client, path.as_uri())
        assert summary(diags) == [("BL100", (0, 0, 0, 0), "Use 'customers' instead of 'clients'. [paragraph 1]", WARN)]


async def test_same_findings_as_check_json(tmp_path):
    root = workspace(tmp_path, "messaging: messaging\n")
    text = ("# Acme Cloud for teams\n\n"
            "Our clients utilize Acme Cloud every day, and they login to the console in order to deploy.\n\n"
            "Acme Cloud cannot be hacked. Acme Cloud powers half of the Fortune 500.\n\n"
            "- More than 2,500 companies run on AcmeCloud.\n")
    (root / "draft.md").write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, "-m", "brandlint", "check", "--format", "json", "-q", "draft.md"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)
    severity = {"error": ERR, "warning": WARN, "info": INFO}
    expected = [(f["rule"], (f["line"] - 1, f["column"] - 1, f["end_line"] - 1, f["end_column"] - 1), f["message"],
                 severity[f["severity"]]) for f in json.loads(proc.stdout)["findings"]]
    assert len({code for code, *_ in expected}) >= 4, expected  # several rules, several families
    async with server(root) as client:
        uri = open_doc(client, root / "draft.md", text)
        assert summary(await diagnostics(client, uri, 1, timeout=120)) == expected


async def test_shutdown_and_exit(tmp_path):
    root = workspace(tmp_path)
    async with server(root) as client:
        uri = open_doc(client, root / "draft.md", DRAFT)
        await diagnostics(client, uri, 1)
        process = client._server
    assert process.returncode == 0
    assert not [m for m in client.log_messages if m.type == t.MessageType.Error]
