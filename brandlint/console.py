"""What the command line shows besides findings: usage errors (exit 2), whether to colour, notes on
stderr. Beside cli.py at the top of the import graph; only these two print or exit."""

from __future__ import annotations

import datetime as dt
import os

import click


class UsageFailure(click.ClickException):
    """Usage, configuration, messaging, model or I/O error: a one-line message and exit 2."""

    exit_code = 2

    def show(self, file=None):
        click.echo(f"brandlint: error: {self.format_message()}", err=True)


def use_color(stream, mode: str = "auto") -> bool:
    """--color always|never decides; else NO_COLOR turns colour off, FORCE_COLOR on (no-color.org,
    force-color.org), and otherwise colour only on a terminal."""
    if mode != "auto":
        return mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return stream.isatty() or os.environ.get("BRANDLINT_TTY") == "1"  # set by the server's client


def date_option(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def note(text: str) -> None:
    click.echo(f"brandlint: note: {text}", err=True)


def warn(text: str) -> None:
    click.echo(f"brandlint: warning: {text}", err=True)


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"
