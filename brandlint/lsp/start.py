"""Start the language server: build it, register the LSP methods (handlers), serve over stdio."""

from __future__ import annotations

import logging

from brandlint.lsp import handlers
from brandlint.lsp.server import BrandlintServer


def create() -> BrandlintServer:
    server = BrandlintServer()
    handlers.register(server)
    return server


def serve() -> None:
    import os

    # One torch thread: an edit embeds a sentence or two, and on a busy machine two threads that wait
    # for each other took 0.2-1 s where one takes 30 ms. OMP_NUM_THREADS set by the user still wins.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    logging.basicConfig(level=logging.WARNING)  # pygls logs to stderr; the editor keeps it in its log
    create().start_io()
