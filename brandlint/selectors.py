"""Rule selectors (`--select`, `--ignore`, config `select`/`ignore`/`severity`, `per_channel`,
inline directives) checked against the rules that exist: a misspelt selector would otherwise
select nothing or ignore nothing, silently."""

from __future__ import annotations

import difflib

from brandlint.model import FAMILIES, Rule
from brandlint.rules import matches
from brandlint.yamlfile import ConfigError

HELP = "use a code (BL100), a prefix (BL1), a name or a family; see 'brandlint rules'"


def problem(selector: str, rules) -> str | None:
    """Why `selector` selects no rule (with the nearest valid one), or None when it selects some."""
    if any(matches(rule, selector) for rule in rules):
        return None
    words = sorted({r.code for r in rules} | {r.name for r in rules} | set(FAMILIES))
    lowered = {w.lower(): w for w in words}
    near = difflib.get_close_matches(selector.lower(), list(lowered), n=1, cutoff=0.5)
    hint = f"did you mean '{lowered[near[0]]}'?" if near else HELP
    return f"unknown rule selector '{selector}'; {hint}"


def check_config(config, rules: list[Rule]) -> None:
    """Every selector in the configuration selects some rule; else a ConfigError at its line."""
    lines = config.lines

    def line(*keys):
        while keys and keys not in lines:
            keys = keys[:-1]
        return lines.get(keys)

    places = [(("select", i), s) for i, s in enumerate(config.select)]
    places += [(("ignore", i), s) for i, s in enumerate(config.ignore)]
    places += [(("severity", s), s) for s in config.severity]
    for channel, body in config.per_channel.items():
        for key in ("select", "ignore"):
            places += [(("per_channel", channel, key, i), s) for i, s in enumerate(body.get(key) or ())]
        places += [(("per_channel", channel, "severity", s), s) for s in body.get("severity") or {}]
    for keys, selector in places:
        why = problem(str(selector), rules)
        if why:
            raise ConfigError(config.path or "configuration", line(*keys), why)
