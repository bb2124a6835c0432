"""An opt-in local server that keeps spaCy and the models loaded between runs, so a pre-commit
run that must analyse a changed sentence does not pay for imports again (like mypy's dmypy).

    brandlint server start [--idle 900]   # then `brandlint check ...` goes through it
    brandlint server status | stop

It listens on a Unix socket in a private folder of the user's cache folder (mode 0700, checked for
owner and mode by both sides before use, so a socket planted in a shared cache is never trusted),
runs only brandlint's own `check` command, for paths inside the folder it was started in, loads
configuration afresh for every request, and exits after `--idle` seconds without one. It serves
one request at a time and answers others "busy" at once. A client that cannot reach it, gets no
answer within a few seconds, is refused, or finds another brandlint version there, runs the check
itself. The client sends only the environment a run reads; the log holds no draft text."""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import socket
import socketserver
import stat
import sys
import threading
import time
from pathlib import Path

from brandlint import __version__, cache
from brandlint.codehash import code_digest


def identity() -> str:
    """Same version and same code and word lists: two installs of one brandlint (the user's and a
    pre-commit hook's) share a server; a different checkout, even of the same version, does not."""
    return f"{__version__}:{code_digest()[:16]}"


ACCEPT_TIMEOUT = 5.0  # seconds the client waits to hear its request was taken, before running locally
ENVIRONMENT = ("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TERM", "NO_COLOR", "COLUMNS", "GITHUB_ACTIONS",
               "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
PATH_OPTIONS = ("--output", "-o", "--config", "--baseline")


def folder() -> Path:
    return cache.server_socket().parent


def socket_path() -> Path:
    return cache.server_socket()


def private_folder(create: bool = False) -> Path | None:
    """The server's folder when it is ours and private (a directory, not a link, owned by this user,
    mode 0700); None otherwise."""
    path = folder()
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=0o700)
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid() or st.st_mode & 0o077:
        return None
    return path


def _ours(path: Path) -> bool:
    """A socket made by this user in the private folder: anything else is not talked to."""
    if private_folder() is None:
        return False
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISSOCK(st.st_mode) and st.st_uid == os.geteuid()


def confined(argv: list[str], cwd: str, root: Path) -> str | None:
    """Why a request reaches outside the folder the server was started in, or None when it does not:
    the working folder and every path-like argument must lie inside it."""
    def inside(value: str) -> bool:
        target = Path(os.path.realpath(os.path.join(cwd, value)))
        return target == root or root in target.parents

    if not inside("."):
        return f"the server serves {root} only"
    values = [a.split("=", 1)[1] if a.startswith("--") and "=" in a else a for a in argv[1:]]
    for value in values:
        if value != "-" and not value.startswith("-") and not inside(value):
            return f"{value} is outside {root}, the folder the server serves"
    return None


class _Handler(socketserver.StreamRequestHandler):
    def handle(self):
        self.connection.settimeout(ACCEPT_TIMEOUT)  # a peer that stalls cannot hold the thread
        try:
            request = json.loads(self.rfile.readline(1 << 26) or b"{}")
        except (OSError, ValueError):
            return
        self.server.last = time.monotonic()
        if request.get("identity") != self.server.identity:
            reply = {"error": f"server runs {self.server.identity}"}
        elif request.get("stop"):
            self.server.stopping = True
            with contextlib.suppress(OSError):  # gone at once for clients; the loop ends at its next turn
                os.unlink(self.server.server_address)
            reply = {"code": 0, "stdout": "", "stderr": "brandlint server stopped\n"}
        elif not isinstance(request.get("argv"), list) or request["argv"][:1] != ["check"]:
            reply = {"error": "the server runs only `check`"}
        elif (why := confined(request["argv"], str(request.get("cwd", "/")), self.server.root)) is not None:
            reply = {"error": why}
        elif not self.server.busy.acquire(blocking=False):
            reply = {"error": "busy"}  # the client runs the check itself rather than wait
        else:
            try:
                try:
                    self.wfile.write(b'{"accepted": true}\n')
                except OSError:  # the client gave up and ran the check itself: nothing to answer
                    return
                self.connection.settimeout(None)
                reply = self.server.check(request)
            finally:
                self.server.last = time.monotonic()  # a long run is not idle time
                self.server.busy.release()
        with contextlib.suppress(OSError):
            self.wfile.write(json.dumps(reply).encode() + b"\n")


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True

    def __init__(self, path: Path, idle: float, handler):
        self.pool: dict = {}  # Language objects by settings: kept warm between requests
        self.idle, self.last, self.stopping = idle, time.monotonic(), False
        self.handler = handler  # (argv, pool) -> exit code; given by the CLI, which this module never imports
        self.root = Path.cwd().resolve()
        self.identity = identity()  # of the code loaded now, not of files changed while it runs
        self.busy = threading.Lock()  # a run changes the process's cwd, environment and streams: one at a time
        super().__init__(str(path), _Handler)

    def handle_error(self, request, client_address):
        """A client that went away (it falls back to a local run after a short wait) is one line in the
        log, not a traceback; anything else keeps socketserver's full report."""
        kind = sys.exc_info()[0]
        if kind is not None and issubclass(kind, (BrokenPipeError, ConnectionError, TimeoutError)):
            print(f"brandlint server: a client left early ({kind.__name__})", file=sys.stderr, flush=True)
            return
        super().handle_error(request, client_address)

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
    if private_folder(create=True) is None:
        raise OSError(f"{folder()} is not a private folder of this user (mode 0700); remove it and start again")
    path = socket_path()
    with contextlib.suppress(FileNotFoundError):
        path.unlink()  # a socket left by a server that died
    os.umask(0o077)
    server = Server(path, idle, handler)
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
    """Send one request; None when no server answers, or not at once (the caller then does the work
    itself). Only a socket in our private folder is talked to."""
    path = socket_path()
    if not _ours(path):
        return None
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(ACCEPT_TIMEOUT)
            sock.connect(str(path))
            sock.sendall(json.dumps({"identity": identity(), **request}).encode() + b"\n")
            handle = sock.makefile("rb")
            reply = json.loads(handle.readline() or b"{}")
            if reply.get("accepted"):
                sock.settimeout(timeout)  # taken: now the run itself may take a while
                reply = json.loads(handle.readline() or b"{}")
    except (OSError, ValueError):
        return None
    return reply if isinstance(reply, dict) and "code" in reply else None


def alive() -> bool:
    path = socket_path()
    if not _ours(path):
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
    if not _ours(socket_path()):
        return None
    stdin = sys.stdin.buffer.read() if "-" in argv else b""
    env = {k: v for k, v in os.environ.items()
           if k in ENVIRONMENT or (k.startswith("BRANDLINT_") and k != "BRANDLINT_SERVER")}
    if sys.stdout.isatty():
        env["BRANDLINT_TTY"] = "1"  # the server writes to a buffer; colour is decided here
        env.setdefault("COLUMNS", str(os.get_terminal_size().columns))
    reply = call({"argv": argv, "cwd": os.getcwd(), "env": env, "stdin": base64.b64encode(stdin).decode()})
    if reply is None and stdin:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")  # read already: hand it on
    return reply
