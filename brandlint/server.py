"""An opt-in local server that keeps spaCy and the models loaded between runs, so a pre-commit
run that must analyse a changed sentence does not pay for imports again (like mypy's dmypy).

    brandlint server start [--idle 900]   # then `brandlint check ...` goes through it
    brandlint server status | stop

It listens on a Unix socket in the user's cache folder (only the user can reach it), runs only
brandlint's own `check` command, loads configuration afresh for every request, and exits after
`--idle` seconds without one. A client that cannot reach it, or finds another brandlint version
there, runs the check itself."""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import socket
import socketserver
import sys
import time
from pathlib import Path

from brandlint import __version__, cache

IDENTITY = f"{__version__}:{Path(__file__).resolve().parent}"


def socket_path() -> Path:
    return cache.folder() / "server.sock"


class _Handler(socketserver.StreamRequestHandler):
    def handle(self):
        request = json.loads(self.rfile.readline() or b"{}")
        self.server.last = time.monotonic()
        if request.get("identity") != IDENTITY:
            reply = {"error": f"server runs {IDENTITY}"}
        elif request.get("stop"):
            self.server.stopping = True
            reply = {"code": 0, "stdout": "", "stderr": "brandlint server stopped\n"}
        elif request.get("argv", [None])[0] != "check":
            reply = {"error": "the server runs only `check`"}
        else:
            reply = self.server.check(request)
        self.wfile.write(json.dumps(reply).encode() + b"\n")


class Server(socketserver.UnixStreamServer):
    def __init__(self, path: Path, idle: float, handler):
        self.pool: dict = {}  # Language objects by settings: kept warm between requests
        self.idle, self.last, self.stopping = idle, time.monotonic(), False
        self.handler = handler  # (argv, pool) -> exit code; given by the CLI, which this module never imports
        super().__init__(str(path), _Handler)

    def check(self, request: dict) -> dict:
        out, err = io.StringIO(), io.StringIO()
        saved_cwd, saved_env, saved_stdin = os.getcwd(), dict(os.environ), sys.stdin
        code = 0
        try:
            os.chdir(request["cwd"])
            os.environ.clear()
            os.environ.update(request["env"])
            sys.stdin = io.TextIOWrapper(io.BytesIO(base64.b64decode(request.get("stdin", ""))), encoding="utf-8")
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = self.handler(request["argv"], self.pool)
        finally:
            os.chdir(saved_cwd)
            os.environ.clear()
            os.environ.update(saved_env)
            sys.stdin = saved_stdin
        return {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}


def serve(idle: float, handler) -> None:
    """Answer `check` requests with `handler(argv, models) -> exit code` until idle or stopped."""
    path = socket_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()  # a socket left by a server that died
    server = Server(path, idle, handler)
    os.chmod(path, 0o600)
    # Import the heavy modules now, so the first request does not pay for them.
    with contextlib.suppress(ImportError):
        import numpy  # noqa: F401
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    server.timeout = 5
    try:
        while not server.stopping and time.monotonic() - server.last < server.idle:
            server.handle_request()
    finally:
        server.server_close()
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def call(request: dict, timeout: float = 600) -> dict | None:
    """Send one request; None when no server answers (the caller then does the work itself)."""
    path = socket_path()
    if not path.exists():
        return None
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(str(path))
            sock.sendall(json.dumps({"identity": IDENTITY, **request}).encode() + b"\n")
            data = b""
            while not data.endswith(b"\n"):
                chunk = sock.recv(1 << 16)
                if not chunk:
                    break
                data += chunk
        reply = json.loads(data)
    except (OSError, ValueError):
        return None
    return None if "error" in reply else reply


def alive() -> bool:
    path = socket_path()
    if not path.exists():
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(2)
            sock.connect(str(path))
        return True
    except OSError:
        return False


def forward(argv: list[str]) -> dict | None:
    """Send a `check` to a running server; None when there is none (the caller then runs it itself)."""
    if not socket_path().exists():
        return None
    stdin = sys.stdin.buffer.read() if "-" in argv else b""
    env = dict(os.environ)
    if sys.stdout.isatty():
        env["BRANDLINT_TTY"] = "1"  # the server writes to a buffer; colour is decided here
        env.setdefault("COLUMNS", str(os.get_terminal_size().columns))
    reply = call({"argv": argv, "cwd": os.getcwd(), "env": env, "stdin": base64.b64encode(stdin).decode()})
    if reply is None and stdin:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")  # read already: hand it on
    return reply
