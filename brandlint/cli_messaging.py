"""`brandlint messaging`: check the master messaging (valid, not confusable, its own examples pass) and
calibrate the claims thresholds from its examples."""

from __future__ import annotations

import datetime as dt
import sys

import click
import yaml

from brandlint import console
from brandlint.console import UsageFailure
from brandlint.console import date_option as _date
from brandlint.runs import language as _language
from brandlint.runs import setup as _setup


@click.group()
def messaging():
    """Work with the master messaging."""


def _load(config_path):
    config, found, _ = _setup(config_path)
    if config.messaging is None:
        raise UsageFailure("no master messaging found: name a folder under 'messaging:' in brandlint.yaml, "
                           "or run 'brandlint init' for a starter")
    return config, found


@messaging.command("check")
@click.option("--config", "config_path", type=click.Path())
@click.option("--threshold", type=float, default=0.80, show_default=True,
              help="Entries at least this similar are reported as confusable.")
@click.option("--as-of", type=str, callback=_date, help="Today's date for the examples (YYYY-MM-DD).")
def messaging_check(config_path, threshold, as_of):
    """Validate the messaging, report entries so alike that matching will confuse them, and run each
    entry's `examples:` (pass: no finding; fail: a finding about the entry) against the thresholds."""
    from brandlint import examples
    from brandlint.explain import confusable
    from brandlint.language import ModelError

    config, found = _load(config_path)
    p = console.plural
    click.echo(f"{config.messaging}: {p(len(found.entries), 'entry', 'entries')}, {p(len(found.terms), 'term')}, "
               f"{p(len(found.voice), 'voice setting')} in {p(len(found.files), 'file')}: valid")
    if not (found.entries or found.terms or found.voice):
        console.warn(f"the messaging folder {config.messaging} has no entries, terms or voice settings")
    tests = examples.examples(found)
    if (len(found.entries) > 1 or tests) and console.claims_extra_missing():
        console.note(f"confusable entries and examples are judged by meaning, and {console.CLAIMS_EXTRA}")
        sys.exit(0)
    try:
        language = _language(config)
        pairs = confusable(found, language, threshold)
        failed = examples.failures(found, language, config.claims.get("thresholds") or {}, as_of or dt.date.today())
    except ModelError as exc:
        raise UsageFailure(str(exc)) from None
    for a, b, score in pairs:
        click.echo(f"{a.source}:{a.line}: warning: {a.section} '{a.id}' and {b.section} '{b.id}' "
                   f"({b.source}:{b.line}) are {score:.2f} similar; reword one so drafts match the right entry")
    for line in failed:
        click.echo(line)
    if tests:
        click.echo(f"examples: {len(tests) - len(failed)} of {len(tests)} pass")
    sys.exit(1 if pairs or failed else 0)


@messaging.command("calibrate")
@click.option("--config", "config_path", type=click.Path())
@click.option("--as-of", type=str, callback=_date, help="Today's date for the examples (YYYY-MM-DD).")
@click.option("--write", is_flag=True, help="Write the proposal into the config file's claims: thresholds:.")
def messaging_calibrate(config_path, as_of, write):
    """Propose claims thresholds under which most of the messaging's `examples:` pass. Prints them as
    configuration; with --write, puts them in the config file (only when it has no claims: section yet,
    so nothing of yours is rewritten)."""
    from brandlint import examples
    from brandlint.language import ModelError

    config, found = _load(config_path)
    if not examples.examples(found):
        raise UsageFailure("no examples to calibrate from: give entries 'examples: {pass: [...], fail: [...]}' "
                           "in the messaging")
    if console.claims_extra_missing():
        raise UsageFailure(console.CLAIMS_EXTRA)
    try:
        proposal, now, then, total = examples.calibrate(found, _language(config),
                                                        config.claims.get("thresholds") or {}, as_of or dt.date.today())
    except ModelError as exc:
        raise UsageFailure(str(exc)) from None
    click.echo(f"examples passing: {now} of {total} with the current thresholds, {then} with the proposal")
    if not proposal:
        click.echo("the current thresholds are already the best the examples can tell apart")
        return
    block = yaml.safe_dump({"claims": {"thresholds": proposal}}, sort_keys=True)
    click.echo(block, nl=False)
    if not write:
        console.note(f"add this to {config.path or 'brandlint.yaml'}, or run again with --write")
        return
    if not config.path or config.path.endswith(".toml"):
        raise UsageFailure("--write updates a brandlint.yaml; paste the block into your configuration instead")
    with open(config.path, encoding="utf-8") as f:
        text = f.read()
    if "claims" in (yaml.safe_load(text) or {}):
        raise UsageFailure(f"{config.path} already has a claims: section; paste the thresholds into it by hand")
    with open(config.path, "a", encoding="utf-8") as f:
        f.write(("" if text.endswith("\n") or not text else "\n") + block)
    click.echo(f"wrote the thresholds to {config.path}")
