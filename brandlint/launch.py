"""The `brandlint` entry point. A `check` goes first to a running `brandlint server`, before anything
heavier than the standard library is imported, so a run the server answers costs a socket round
trip; everything else, and any failure to reach the server, runs the command line in this process."""

from __future__ import annotations

import os
import sys


def main() -> None:
    argv = sys.argv[1:]
    if argv[:1] == ["check"] and os.environ.get("BRANDLINT_SERVER", "auto") != "off" and _server_listening():
        from brandlint import server

        reply = server.forward(argv)
        if reply is not None:
            sys.stdout.write(reply["stdout"])
            sys.stderr.write(reply["stderr"])
            sys.exit(reply["code"])
    from brandlint.cli import commands

    try:
        commands(prog_name="brandlint")
    except SystemExit as exc:
        code = exc.code
    else:
        code = 0
    if argv[:1] == ["check"]:
        _exit_now(code)
    sys.exit(code)


def _server_listening() -> bool:
    from brandlint.cache import server_socket

    return os.path.exists(server_socket())


def _exit_now(code) -> None:
    """End a finished check without tearing the interpreter down: freeing the model, its thread pool
    and some thousand modules costs 0.05-0.1 s, a fifth of a cold run. The output is flushed first;
    a check leaves no thread, pool or temporary file behind (as mypy's hard_exit assumes too). atexit
    hooks still run: coverage and profilers of a check rely on them."""
    import atexit
    import contextlib

    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()
    code = code or 0
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (`| head`): nothing left to say
        pass
    except OSError as exc:  # a full disk: the report (or a fixed draft on stdout) is lost, so say so
        with contextlib.suppress(OSError):
            sys.stderr.write(f"brandlint: error: cannot write to standard output: {exc.strerror or exc}\n")
        code = code or 120  # what Python itself exits with when this flush fails at shutdown
    with contextlib.suppress(OSError):
        sys.stderr.flush()
    os._exit(code)
