"""`brandlint report`: the command, its options and its progress bar. cli.py registers it and hands in
its setup helpers, so this module needs nothing above it."""

from __future__ import annotations

import os
from pathlib import Path

import click

from brandlint.console import plural


def command(setup, make_run, date, failure):
    """The click command; `setup`, `make_run`, `date` and `failure` are cli.py's config loading, Run
    building, date option callback and usage-error exception."""

    @click.command("report")
    @click.argument("paths", nargs=-1, type=click.Path())
    @click.option("--config", "config_path", type=click.Path(), help="Config file (default: found by walking up).")
    @click.option("--format", "fmt", type=click.Choice(["html", "json"]), help="Default: html for an -o ending in .html, else json.")
    @click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to a file (default: stdout).")
    @click.option("--as-of", type=str, callback=date, help="Today's date for embargo and retirement checks (YYYY-MM-DD).")
    @click.option("--history", type=click.IntRange(0), default=0, help="Also show the trend over the last N git commits.")
    @click.option("--scheduler", help="Lint on this Dask scheduler (tcp://host:8786) instead of here.")
    @click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
    @click.option("--allow-download", is_flag=True, help="Let the embedding model be downloaded if it is missing.")
    def report(paths, config_path, fmt, output, as_of, history, scheduler, no_cache, allow_download):
        """Report to the business what the copy does with the messaging: coverage of every entry per
        channel, live problems, facts stated with different figures, missing required messages."""
        from brandlint.language import ModelError
        from brandlint.report import render
        from brandlint.report.make import make

        config, messaging, rules = setup(config_path, no_cache=no_cache)
        run = make_run(config, messaging, rules, as_of=as_of, allow_download=allow_download)
        fmt = fmt or ("html" if output and output.lower().endswith((".html", ".htm")) else "json")
        try:
            with _progress() as progress:
                data = make(list(paths), run, history, scheduler, progress)
        except ModelError as exc:
            raise failure(str(exc)) from None
        except render.ReportError as exc:
            raise failure(str(exc)) from None
        base = os.path.relpath(config.root, Path(output).resolve().parent) if output else ""
        text = render.render(data, fmt, "" if base == "." else base)
        if output:
            try:
                Path(output).write_text(text, encoding="utf-8")
            except OSError as exc:
                raise failure(f"cannot write {output}: {exc.strerror or exc}") from None
        else:
            click.echo(text, nl=False)
        covered = sum(1 for c in data["coverage"] if c["documents"])
        p = plural
        click.echo(f"{p(len(data['documents']), 'document')}: {covered} of "
                   f"{p(len(data['coverage']), 'messaging entry', 'messaging entries')} restated, "
                   f"{p(data['findings']['total'], 'finding')}, {p(len(data['conflicts']), 'fact')} stated two ways, "
                   f"{p(len(data['missing_required']), 'missing required message')}"
                   + (f"; wrote {output}" if output else ""), err=True)

    return report


class _progress:
    """A rich progress bar on stderr when it is a terminal; the callback `make` calls."""

    def __enter__(self):
        from rich.console import Console
        from rich.progress import Progress

        console = Console(stderr=True)
        self.bar = Progress(console=console, transient=True, disable=not console.is_terminal)
        self.tasks = {}
        self.bar.__enter__()
        return self

    def __call__(self, kind, total=None, step=1):
        if total is not None:
            self.tasks[kind] = self.bar.add_task(f"linting {kind}", total=total)
        else:
            self.bar.advance(self.tasks[kind], step)

    def __exit__(self, *exc):
        self.bar.__exit__(*exc)
