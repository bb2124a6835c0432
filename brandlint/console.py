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


def claims_extra_missing() -> bool:
    """True when what claims run on (numpy, onnxruntime, tokenizers) is not installed. Looked up, not
    imported: the first check that needs them imports them."""
    import importlib.util

    for name in ("numpy", "onnxruntime", "tokenizers"):
        try:
            if importlib.util.find_spec(name) is None:
                return True
        except (ImportError, ValueError):  # a module set to None in sys.modules, or a broken install
            return True
    return False


CLAIMS_EXTRA = ("claims checks (off-message claims, figures, embargoes) need numpy, onnxruntime and "
                "tokenizers, which a full install brings: pip install numpy onnxruntime tokenizers")


def write_report(text: str, output: str | None) -> str | None:
    """The report to `output`, or to stdout. When `output` cannot be written the report goes to
    stdout instead, so the run is not lost; returns the reason then."""
    if output:
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
            return None
        except OSError as exc:
            click.echo(text, nl=False, color=True)
            folder = os.path.dirname(os.path.abspath(output))
            why = ("the folder does not exist" if not os.path.exists(folder) else exc.strerror or str(exc)).lower()
            return f"cannot write the report to {output}: {why}; it was printed to standard output instead"
    click.echo(text, nl=False, color=True)  # colour codes are in `text` only when colour was chosen
    return None


def statistics(results) -> str:
    """Findings per rule, most first, as ruff's --statistics: `count  CODE  name`."""
    from collections import Counter

    counts = Counter((f.code, f.name) for r in results for f in r.findings)
    if not counts:
        return ""
    width = len(str(max(counts.values())))
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "".join(f"{n:>{width}}  {code}  {name}\n" for (code, name), n in rows)


def unwritable(paths) -> list[str]:
    """Files `--fix` could not replace: a fix is a temporary file in the same folder renamed over
    the original, so the folder must be writable too. Checked before any file is written."""
    bad = []
    for path in paths:
        folder = os.path.dirname(os.path.abspath(path))
        if os.path.isfile(path) and not (os.access(folder, os.W_OK | os.X_OK)):
            bad.append(f"{path} (folder {folder} is not writable)")
    return bad


class Progress:
    """A progress bar on stderr for runs longer than a second, on a terminal only (rich)."""

    def __init__(self, total: int, enabled: bool):
        import os
        import time

        self.delay = float(os.environ.get("BRANDLINT_PROGRESS_DELAY", "1"))  # seconds before the bar shows
        self.total, self.enabled, self.done = total, enabled and total > 1, 0
        self.started, self.bar, self.task = time.monotonic(), None, None

    def advance(self, count: int = 1) -> None:
        import time

        self.done += count
        if not self.enabled:
            return
        if self.bar is None and time.monotonic() - self.started >= self.delay:
            from rich.console import Console
            from rich.progress import Progress as Bar

            self.bar = Bar(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("linting", total=self.total)
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
