"""The command line: the top of the import graph and, with brandlint/launch.py (the entry point, which
first offers a `check` to a running `brandlint server`), the only module that prints or exits."""

from __future__ import annotations

import dataclasses
import os
import shutil
import sys
import time
from pathlib import Path

import click

from brandlint import __version__, console, runs
from brandlint.model import Severity
from brandlint.yamlfile import ConfigError
from brandlint.console import UsageFailure, date_option as _date
from brandlint.init import init
from brandlint.runs import make_run as _run, setup as _setup

CHANNEL_HELP = "Treat every draft as this channel: internal, external, sales or one named under 'channels:'."
SEVERITIES = ["error", "warning", "info"]
FORMATS = ["text", "concise", "json", "sarif", "github", "junit"]


def main() -> None:
    """For `brandlint` scripts installed before brandlint/launch.py became the entry point: they import
    this. Everything works; reinstalling gives back the quick path to a running server."""
    commands(prog_name="brandlint")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="brandlint")
def commands():
    """Check drafts against your company's master messaging: off-message claims, complex wording
    and terminology drift."""


commands.add_command(init)


@commands.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--config", "config_path", type=click.Path(), help="Config file (default: found by walking up).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Output format (default: text; github on GitHub Actions).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to a file.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="Lowest severity that fails the run.")
@click.option("--channel", metavar="CHANNEL", help=CHANNEL_HELP)
@click.option("--as-of", type=str, callback=_date, help="Today's date for embargo and retirement checks (YYYY-MM-DD).")
@click.option("--select", multiple=True, help="Only these rules: codes, prefixes, names or families (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules: codes, prefixes, names or families.")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (Markdown, text, HTML).")
@click.option("--fix-read-only", is_flag=True, help="With --fix, also fix files without write permission.")
@click.option("--stdin-filename", help="Name (and so format and channel) for text read from '-'.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
@click.option("--allow-download", is_flag=True, help="Let the embedding model be downloaded if it is missing.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings not in this baseline file.")
@click.option("--diff", "diff_ref", help="Lint files changed since this git ref; report findings on changed lines.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only: no summary, notes or progress.")
@click.option("--severity", "min_severity", type=click.Choice(SEVERITIES), help="Show only findings of this severity and above.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (2 still means brandlint failed).")
@click.option("--statistics", is_flag=True, help="Print how many findings each rule made instead of the findings.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text output (auto: on a terminal, unless NO_COLOR; FORCE_COLOR forces it).")
@click.option("--diff-fix", is_flag=True, help="Print the safe fixes as a unified diff; write nothing.")
def check(paths, config_path, fmt, output, fail_on, channel, as_of, select, ignore, fix, fix_read_only, stdin_filename,
          no_cache, allow_download, baseline, diff_ref, quiet, min_severity, exit_zero, statistics, color, diff_fix):
    """Lint files and folders (or '-' for standard input)."""
    from brandlint import project
    from brandlint.language import ModelError
    from brandlint.reporters import REPORTERS, Report

    started = time.perf_counter()
    config, messaging, rules = _setup(config_path, select, ignore, fail_on, no_cache, channel)
    config = runs.notes(config, messaging, rules, quiet, allow_download)
    run = _run(config, messaging, rules, channel, as_of, fix or diff_fix, allow_download, fix_read_only)
    changed = runs.changed_lines(diff_ref, config)
    results = []
    try:
        if paths == ("-",):
            data = sys.stdin.buffer.read()
            name = stdin_filename or "stdin.md"
            result = project.lint_bytes(name, data, run, Path(name).suffix or ".md")
            if fix:
                sys.stdout.write(result.document.source if result.document else data.decode("utf-8", "replace"))
                sys.exit(0)
            results.append(result)
        else:
            files = project.collect(list(paths or ["."]), config)
            if changed is not None:  # --diff: only files that differ from the ref
                files = [f for f in files if f.resolve() in changed]
            if diff_fix:
                sys.exit(runs.diff_fix(files, run, config, quiet))
            if fix and (bad := console.unwritable(files)):
                raise UsageFailure("--fix cannot write " + "; ".join(bad) + "; nothing was changed")
            progress = console.Progress(len(files), sys.stderr.isatty() and not quiet)
            try:
                # a server keeps its models loaded in its own process: workers would load them again
                served = (click.get_current_context().obj or {}).get("models") is not None
                results = project.lint_files(files, run, parallel=False if served else None,
                                             progress=progress.advance)
            finally:
                progress.close()
    except (ModelError, ConfigError) as exc:  # ConfigError: a .gitignore git would reject
        raise UsageFailure(str(exc)) from None
    if baseline:  # before --diff: fingerprints count occurrences in the whole file
        from brandlint import baselines

        try:
            is_new = None
            if changed is not None:  # a finding on a changed line is the new one of its kind
                from brandlint import gitdiff

                is_new = lambda r, f: gitdiff.touched(r, f, changed, runs.whole_document(rules))  # noqa: E731
            results, hidden = baselines.subtract(results, baselines.load(Path(baseline)), config.root, is_new)
        except baselines.BaselineError as exc:
            raise UsageFailure(str(exc)) from None
        if not quiet:
            console.note(f"the baseline {baseline} hid {console.plural(hidden, 'known finding')}")
    if changed is not None:
        from brandlint import gitdiff

        results = gitdiff.keep_changed(results, changed, runs.whole_document(rules))
    if min_severity:
        floor = Severity.parse(min_severity)
        results = [dataclasses.replace(r, findings=tuple(f for f in r.findings if f.severity >= floor))
                   for r in results]
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    terminal = sys.stdout.isatty() and not output
    report = Report(tuple(results), tuple(rules), time.perf_counter() - started, config.root,
                    color=console.use_color(sys.stdout, color) and not output and fmt == "text",
                    width=shutil.get_terminal_size((100, 24)).columns, quiet=quiet, wrap=terminal,
                    fail_on=config.fail_on)
    text = console.statistics(results) if statistics else REPORTERS[fmt](report)
    failed = console.write_report(text, output)
    if not quiet and (output or statistics or fmt in ("json", "sarif", "junit")):
        click.echo(report.summary(), err=True)
    if failed:
        raise UsageFailure(failed)
    click.echo("".join(f"brandlint: note: {n}\n" for r in results for n in r.notes), err=True, nl=False)
    if any(r.crashed for r in results):  # exit 3 outranks 1: a tool failure is not "the drafts have problems"
        click.echo("brandlint: error: brandlint failed on some files (see BL001); the rest were checked", err=True)
        sys.exit(3)
    worst = max((f.severity for r in results for f in r.findings), default=None)
    sys.exit(1 if worst is not None and worst >= config.fail_on and not exit_zero else 0)



@commands.command("rules")
@click.option("--config", "config_path", type=click.Path())
def list_rules(config_path):
    """List every rule: code, name, family, severity."""
    _, _, rules = _setup(config_path)
    width = max(len(r.name) for r in rules)
    for rule in rules:
        fix = " (fixable)" if rule.fixable else ""
        click.echo(f"{rule.code}  {rule.name:<{width}}  {rule.family:<11}  {rule.severity!s:<7}{fix}")


@commands.command()
@click.argument("target")
@click.option("--config", "config_path", type=click.Path())
@click.option("--channel", metavar="CHANNEL", help=CHANNEL_HELP)
@click.option("--as-of", type=str, callback=_date)
def explain(target, config_path, channel, as_of):
    """Explain a rule (CODE or name), or the findings on one line of a draft (PATH:LINE),
    with the nearest messaging entries and their scores."""
    config, messaging, rules = _setup(config_path, channel=channel)
    rule = next((r for r in rules if target.upper() == r.code or target == r.name), None)
    if rule:
        from brandlint.explain import describe_rule

        click.echo(describe_rule(rule))
        return
    path, _, line = target.rpartition(":")
    if not path or not line.isdigit() or not Path(path).is_file():
        raise UsageFailure(f"'{target}' is neither a rule code or name nor PATH:LINE of a file; "
                           "see 'brandlint rules'")
    from brandlint import project
    from brandlint.explain import describe_findings
    from brandlint.language import ModelError

    config = runs.notes(config, messaging, rules, quiet=False)
    run = _run(config, messaging, rules, channel, as_of)
    try:
        result = project.lint_path(Path(path), run)
        known = result.document is not None and not console.claims_extra_missing()  # nearest entries need it
        ctx = project.context_for(result.document, run)[0] if known else None
        click.echo(describe_findings(result, int(line), messaging, ctx))
    except ModelError as exc:
        raise UsageFailure(str(exc)) from None


@commands.group()
def server():
    """An opt-in local server that keeps the models loaded between runs."""


@server.command("start")
@click.option("--idle", type=float, default=900, show_default=True, help="Exit after this many idle seconds.")
def server_start(idle):
    """Start the server in the background; `check` then goes through it."""
    import subprocess

    from brandlint import server as srv

    if srv.alive():
        click.echo(f"brandlint server already running at {srv.socket_path()}", err=True)
        return
    if srv.private_folder(create=True) is None:
        raise UsageFailure(f"{srv.folder()} is not a private folder of this user (mode 0700); remove it")
    with open(os.open(log := srv.folder() / "server.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab") as handle:
        subprocess.Popen([sys.executable, "-m", "brandlint", "server", "run", "--idle", str(idle)],
                         stdin=subprocess.DEVNULL, stdout=handle, stderr=handle, start_new_session=True)
    for _ in range(100):
        if srv.alive():
            click.echo(f"brandlint server started at {srv.socket_path()} (log: {log})", err=True)
            return
        time.sleep(0.1)
    raise UsageFailure(f"the server did not start; see {log}")


@server.command("run", hidden=True)
@click.option("--idle", type=float, default=900)
def server_run(idle):
    """Serve in the foreground (what `start` runs in the background)."""
    from brandlint import server as srv

    srv.serve(idle, _serve_check)


def _serve_check(argv: list[str], models: dict) -> int:
    """The server's handler: run `brandlint check` in this process, with models kept in `models`."""
    try:
        commands.main(args=argv, prog_name="brandlint", obj={"models": models})
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0


@server.command("stop")
def server_stop():
    """Stop the server."""
    from brandlint import server as srv

    reply = srv.call({"stop": True}, timeout=5)
    click.echo("brandlint server stopped" if reply else "no brandlint server running", err=True)


@server.command("status")
def server_status():
    """Say whether the server runs (exit 0) or not (exit 1)."""
    from brandlint import server as srv

    alive = srv.alive()
    click.echo(f"brandlint server {'running at ' + str(srv.socket_path()) if alive else 'not running'}")
    sys.exit(0 if alive else 1)


@commands.command()
def lsp():
    """Run the language server (LSP) over stdio, for editors; see docs/editors.md."""
    try:
        from brandlint.lsp.start import serve
    except ImportError:
        raise UsageFailure("the language server needs pygls: pip install 'brandlint[lsp]'") from None
    serve()


@commands.group()
def baseline():
    """Record today's findings so only new ones are reported."""


def _baseline_lint_options(command):
    """The options `baseline create` and `prune` share: what to lint, and how."""
    for option in reversed([
            click.argument("paths", nargs=-1, type=click.Path()),
            click.option("--config", "config_path", type=click.Path()),
            click.option("--channel", metavar="CHANNEL", help=CHANNEL_HELP),
            click.option("--as-of", type=str, callback=_date),
            click.option("--select", multiple=True, help="Only these rules (as for check)."),
            click.option("--ignore", multiple=True, help="Skip these rules (as for check).")]):
        command = option(command)
    return command


@baseline.command("create")
@_baseline_lint_options
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=".brandlint-baseline.json", show_default=True)
def baseline_create(paths, config_path, output, channel, as_of, select, ignore):
    """Write a baseline of the current findings."""
    from brandlint import baselines

    config, results = _lint_for_baseline(paths, config_path, channel, as_of, select, ignore)
    try:
        count = baselines.write(Path(output), results, config.root)
    except OSError as exc:
        raise UsageFailure(f"cannot write the baseline {output}: {exc.strerror or exc}") from None
    p = console.plural
    click.echo(f"wrote {output}: {p(count, 'finding')} in {p(len(results), 'file')}", err=True)


@baseline.command("prune")
@_baseline_lint_options
@click.option("--baseline", "path", type=click.Path(dir_okay=False), default=".brandlint-baseline.json",
              show_default=True)
def baseline_prune(paths, config_path, path, channel, as_of, select, ignore):
    """Remove entries that no longer occur in the files linted (fixed copy), keeping the rest."""
    from brandlint import baselines

    config, results = _lint_for_baseline(paths, config_path, channel, as_of, select, ignore)
    try:
        kept, removed = baselines.prune(Path(path), results, config.root)
    except baselines.BaselineError as exc:
        raise UsageFailure(str(exc)) from None
    except OSError as exc:
        raise UsageFailure(f"cannot write the baseline {path}: {exc.strerror or exc}") from None
    p = console.plural
    click.echo(f"pruned {path}: removed {p(removed, 'entry', 'entries')} that no longer occur, "
               f"kept {p(kept, 'entry', 'entries')}", err=True)


def _lint_for_baseline(paths, config_path, channel, as_of, select, ignore):
    from brandlint import project
    from brandlint.language import ModelError

    config, messaging, rules = _setup(config_path, select, ignore, channel=channel)
    config = runs.notes(config, messaging, rules, quiet=False)
    run = _run(config, messaging, rules, channel, as_of)
    try:
        return config, project.lint_files(project.collect(list(paths or ["."]), config), run)
    except ModelError as exc:
        raise UsageFailure(str(exc)) from None


# `report` and `model` live in their own modules (this one is long enough).
from brandlint.cli_messaging import messaging  # noqa: E402
from brandlint.cli_model import model  # noqa: E402
from brandlint.cli_report import command as _report  # noqa: E402

commands.add_command(messaging)
commands.add_command(model)
commands.add_command(_report(_setup, _run, _date, UsageFailure), "report")
