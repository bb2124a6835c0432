"""The `brandlint` command. `check` goes through a running `brandlint server` when there is one
(standard library only, so this costs nothing when there is not); everything else, and any
failure to reach the server, runs in this process."""

from __future__ import annotations

import base64
import io
import os
import sys


def main() -> None:
    argv = sys.argv[1:]
    stdin = b""
    if argv[:1] == ["check"] and os.environ.get("BRANDLINT_SERVER", "auto") != "off":
        from brandlint import server

        if server.socket_path().exists():
            if "-" in argv:
                stdin = sys.stdin.buffer.read()
            env = dict(os.environ)
            if sys.stdout.isatty():
                env["BRANDLINT_TTY"] = "1"  # the server writes to a buffer; colour is decided here
                env.setdefault("COLUMNS", str(os.get_terminal_size().columns))
            reply = server.call({"argv": argv, "cwd": os.getcwd(), "env": env,
                                 "stdin": base64.b64encode(stdin).decode()})
            if reply is not None:
                sys.stdout.write(reply["stdout"])
                sys.stderr.write(reply["stderr"])
                sys.exit(reply["code"])
            if stdin:
                sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    from brandlint.cli import main as cli_main

    cli_main(prog_name="brandlint")
