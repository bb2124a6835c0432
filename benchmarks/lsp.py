"""How fast `brandlint lsp` answers an editor: the real server over stdio, driven by pygls' client.

    python benchmarks/lsp.py [--edits 40] [--draft FILE] [--warm-cache]

Prints: server start + initialize; the cold first diagnostics for a ~2,000-word Markdown draft (models
loaded on first use, empty embedding cache unless --warm-cache); then the latency of single-sentence
edits (didChange sent -> publishDiagnostics for that version received), median and p95. The latency
includes the server's debounce. Not a test: figures depend on the machine."""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types as t
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "rust-blog" / "content" / "Rust-Once-Run-Everywhere.md"
CLAIMS = ["Acme Cloud cannot be hacked.", "Our clients love the console.", "Acme Cloud runs in 24 regions.",
          "Acme Cloud powers half of the Fortune 500.", "Every plan includes support from human engineers.",
          "We utilize Acme Cloud to move workloads in days, not months."]


def draft(path: Path | None, words: int = 2000) -> str:
    """A ~2,000-word Markdown draft: real prose (the corpus file, when present) with brand claims mixed in,
    so the lexical and the claims checks both have work."""
    source = path or CORPUS
    paragraphs = [p for p in source.read_text("utf-8").split("\n\n")] if source.is_file() else []
    if not paragraphs:
        paragraphs = [" ".join(["Teams move their workloads to the cloud in days and ship every week."] * 6)] * 30
    out, count, i = ["# Acme Cloud field notes"], 0, 0
    while count < words:
        para = paragraphs[i % len(paragraphs)]
        if i % 3 == 0:
            para += " " + CLAIMS[i // 3 % len(CLAIMS)]
        out.append(para)
        count += len(para.split())
        i += 1
    return "\n\n".join(out) + "\n"


async def run(args) -> None:
    work = Path(tempfile.mkdtemp(prefix="brandlint-lsp-bench-"))
    shutil.copytree(ROOT / "messaging", work / "messaging")
    (work / "brandlint.yaml").write_text("messaging: messaging\n", encoding="utf-8")
    text = draft(Path(args.draft) if args.draft else None)
    doc = work / "draft.md"
    doc.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    if not args.warm_cache:
        env["BRANDLINT_CACHE_DIR"] = str(work / "cache")

    client = LanguageClient("brandlint-bench", "1")
    arrived: dict[int | None, float] = {}
    counts: dict[int | None, int] = {}

    @client.feature(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def publish(ls, params: t.PublishDiagnosticsParams):
        arrived[params.version] = time.perf_counter()
        counts[params.version] = len(params.diagnostics)

    @client.feature(t.WINDOW_LOG_MESSAGE)
    def log(ls, params: t.LogMessageParams):
        print(f"  server: {params.message}", file=sys.stderr)

    async def wait(version: int, timeout: float = 300) -> float:
        deadline = time.perf_counter() + timeout
        while version not in arrived:
            if time.perf_counter() > deadline:
                raise SystemExit(f"no diagnostics for version {version} in {timeout} s")
            await asyncio.sleep(0.001)
        return arrived[version]

    started = time.perf_counter()
    await client.start_io(sys.executable, "-m", "brandlint", "lsp", env=env, cwd=str(work))
    await client.initialize_async(t.InitializeParams(capabilities=t.ClientCapabilities(), root_uri=work.as_uri(),
                                                     workspace_folders=[t.WorkspaceFolder(work.as_uri(), "bench")]))
    client.initialized(t.InitializedParams())
    ready = time.perf_counter()
    uri = doc.as_uri()
    sent = time.perf_counter()
    client.text_document_did_open(t.DidOpenTextDocumentParams(t.TextDocumentItem(uri, "markdown", 1, text)))
    cold = await wait(1) - sent

    lines = text.split("\n")
    prose = [i for i, line in enumerate(lines) if len(line.split()) > 8]
    rng = random.Random(7)
    latencies = []
    for n in range(args.edits):
        version = n + 2
        row = rng.choice(prose)
        # Typing: one new sentence at the end of a paragraph line, as a writer would add it.
        addition = f" Acme Cloud now serves {1000 + n} teams in {rng.choice(['Europe', 'Asia', 'Africa'])}."
        end = t.Position(row, len(lines[row].encode("utf-16-le")) // 2)
        lines[row] += addition
        sent = time.perf_counter()
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            t.VersionedTextDocumentIdentifier(version=version, uri=uri),
            [t.TextDocumentContentChangePartial(range=t.Range(end, end), text=addition)]))
        latencies.append(await wait(version) - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    shutil.rmtree(work, ignore_errors=True)

    latencies.sort()
    p95 = latencies[min(len(latencies) - 1, int(round(0.95 * (len(latencies) - 1))))]
    print(f"draft: {len(text.split())} words, {len(lines)} lines, {counts.get(1, 0)} findings")
    print(f"server start + initialize:   {ready - started:7.3f} s")
    print(f"cold first diagnostics:      {cold:7.3f} s  ({'warm' if args.warm_cache else 'empty'} embedding cache)")
    median = statistics.median(latencies)
    print(f"edit -> diagnostics ({args.edits} edits, incl. debounce): median {median * 1000:.0f} ms, "
          f"p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--draft", help="A Markdown file to start from (default: a corpus file plus brand claims).")
    parser.add_argument("--warm-cache", action="store_true", help="Use the user's embedding cache.")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
