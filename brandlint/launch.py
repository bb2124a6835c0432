"""The `brandlint` entry point. A `check` goes first to a running `brandlint server`, before anything
heavier than the standard library is imported, so a run the server answers costs a socket round
trip; everything else, and any failure to reach the server, runs the command line in this process."""

from __future__ import annotations

import os
import sys


def main() -> None:
    argv = sys.argv[1:]
    if argv[:1] == ["check"] and os.environ.get("BRANDLINT_SERVER", "auto") != "off":
        from brandlint import server

        reply = server.forward(argv)
        if reply is not None:
            sys.stdout.write(reply["stdout"])
            sys.stderr.write(reply["stderr"])
            sys.exit(reply["code"])
    from brandlint.cli import commands

    commands(prog_name="brandlint")
