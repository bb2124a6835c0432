"""`brandlint init`: a commented brandlint.yaml and a starter messaging/ with one example of every
kind of entry, for the company named, so a first run finds something useful on the user's own copy."""

from __future__ import annotations

import json
from pathlib import Path

import click

from brandlint.console import UsageFailure

CONFIG = """\
# brandlint configuration. Every key is optional; unknown keys are errors.
messaging: messaging          # the folder of master messaging; every YAML file in it is merged
select: []                    # only these rules: codes (BL100), prefixes (BL1), names or families; empty = all
ignore: []                    # skip these, e.g. [BL306] or [claims]
# severity: {{BL303: warning}}  # per-rule severity
fail_on: error                # lowest severity that makes `brandlint check` exit 1
exclude: []                   # globs, e.g. ["archive/**"]; .gitignore is honoured too
default_channel: external     # internal, external, sales, or one named under channels:
channels:                     # which paths are which copy (globs); front matter `channel:` overrides
  internal: ["internal/**"]
  sales: ["sales/**"]
  # partner: ["partners/**"]  # a channel of your own: name it here, then use it anywhere a channel goes
# per_channel:                # select / ignore / severity for one channel
#   internal: {{ignore: [BL303]}}
"""

CLAIMS = """\
# The master messaging of {company_text}: what may be said, and how. Every YAML file in this folder is
# merged; ids are unique across files. Replace these examples with your own.
company: {company}

facts:                        # approved facts; `figure` is checked in drafts, `previously` are out-of-date figures
  customer-count:
    text: {customer_count}
    figure: 1,000
    previously: [500]

messages:                     # key messages; `channels` limits where, `embargo_until` when (YYYY-MM-DD)
  secure-by-default:
    text: {secure}
  launch:
    text: {launch}
    channels: [internal, sales]
    embargo_until: 2030-01-01

prohibited:                   # claims Legal forbids, in any wording, with the reason shown to writers
  unbreakable:
    text: {unbreakable}
    reason: Legal forbids absolute security claims.

retired:                      # claims that were true once; after `retired_on` drafts should say `use_instead`
  old-count:
    text: {old_count}
    retired_on: 2024-01-01
    use_instead: customer-count

terms:                        # product names and preferred words
  - use: {company}
    case_sensitive: true      # exact case: a different case is a finding
  - use: customers
    avoid: [clients]
  - use: sign in
    avoid: [login to, log into]
  - use: Project Nightingale  # a codename: only in the channels listed
    channels: [internal]
"""

VOICE = """\
# Reading level and sentence length wanted per channel (Flesch-Kincaid grade; words per sentence).
voice:
  external: {max_grade: 9, max_sentence_words: 25}
  sales: {max_grade: 10, max_sentence_words: 25}
  internal: {max_grade: 12, max_sentence_words: 35, passive: true}
"""


def starter_files(company: str) -> dict[str, str]:
    """File name -> text. Every text that holds the company name is a quoted YAML string."""
    q = json.dumps
    claims = CLAIMS.format(
        company_text=company, company=q(company),
        customer_count=q(f"More than 1,000 companies run on {company}."),
        secure=q(f"{company} encrypts every customer's data at rest and in transit."),
        launch=q(f"{company} launches in ten new countries."),
        unbreakable=q(f"{company} cannot be hacked."),
        old_count=q(f"500 companies run on {company}."))
    return {"brandlint.yaml": CONFIG.format(), "messaging/claims.yaml": claims, "messaging/voice.yaml": VOICE}


@click.command()
@click.option("--company", prompt="Company name", help="Your company or product name, used in the starter messaging.")
@click.option("--folder", type=click.Path(file_okay=False), default=".", show_default=True,
              help="Where to write brandlint.yaml and messaging/.")
def init(company, folder):
    """Write a commented brandlint.yaml and a starter messaging/ folder. Never overwrites."""
    root = Path(folder)
    files = starter_files(company.strip())
    existing = [name for name in files if (root / name).exists()]
    existing += [str(p.relative_to(root)) for p in sorted((root / "messaging").glob("*.y*ml")) if
                 str(p.relative_to(root)) not in existing]
    if existing:
        raise UsageFailure(f"init will not overwrite {', '.join(existing)} in {root.resolve()}; "
                           "move them away or run init in another folder")
    try:
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageFailure(f"cannot write {exc.filename}: {exc.strerror}") from None
    for name in files:
        click.echo(f"wrote {root / name}" if folder != "." else f"wrote {name}", err=True)
    click.echo("next: brandlint check YOUR-FILE.md (edit messaging/ to hold your own facts and terms)", err=True)
