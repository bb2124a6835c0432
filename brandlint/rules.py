"""Load rule files: one YAML file per rule, from the built-in pack and configured folders."""

from __future__ import annotations

import re
from pathlib import Path

import dataclasses
import string

from brandlint.kinds import KINDS
from brandlint.matching import UserPatternError, user_pattern
from brandlint.model import FAMILIES, Rule, Severity
from brandlint.yamlfile import ConfigError, check_keys, expect, load

# A link to the top-level rules/ folder, so the same files serve the checkout and the wheel.
BUILTIN = Path(__file__).parent / "builtin_rules"
COMMON_KEYS = {"code", "name", "kind", "family", "severity", "message", "description", "examples", "fixable"}
CODE = re.compile(r"^[A-Z]{1,5}\d{3,4}$")
EXAMPLE_KEYS = {"text", "channel", "as_of", "select", "findings", "path"}


def load_rules(extra_dirs=()) -> list[Rule]:
    rules: dict[str, Rule] = {}
    for folder in [BUILTIN, *extra_dirs]:
        for path in sorted(Path(folder).glob("*.y*ml")):
            rule = load_rule(path)
            if rule.code in rules:
                raise ConfigError(path, 1, f"rule code {rule.code} is already used by {rules[rule.code].source}; "
                                           "give this rule its own code")
            rules[rule.code] = rule
    return sorted(rules.values(), key=lambda r: r.code)


def load_rule(path: Path) -> Rule:
    located = load(path)
    data = located.data
    if not isinstance(data, dict):
        raise ConfigError(path, 1, "a rule file must be a mapping with code, name, kind, severity and message")
    for key in ("code", "name", "kind", "severity", "message"):
        if key not in data:
            raise located.error((), f"missing '{key}:'; every rule needs code, name, kind, severity and message")
    kind = data["kind"]
    if kind not in KINDS:
        raise located.error(("kind",), f"unknown kind '{kind}'; use one of {', '.join(sorted(KINDS))}")
    options = KINDS[kind].options
    check_keys(located, (), data, COMMON_KEYS | set(options), f"rule of kind '{kind}'")
    code = str(data["code"])
    if not CODE.match(code):
        raise located.error(("code",), f"bad code {code!r}; use letters then digits, e.g. ACME101")
    family = data.get("family", "terminology")
    if family not in FAMILIES:
        raise located.error(("family",), f"unknown family '{family}'; use one of {', '.join(FAMILIES)}")
    severity = data["severity"]
    if severity not in ("error", "warning", "info"):
        raise located.error(("severity",), f"unknown severity {severity!r}; use error, warning or info")
    for key, option in options.items():
        if key in data:
            expect(located, (key,), data[key], option.types, key)
        elif option.default is None and key == "verdict":
            raise located.error((), f"a rule of kind '{kind}' needs '{key}:' ({option.help})")
    for i, pattern in enumerate(data.get("patterns") or []):
        try:
            user_pattern(str(pattern), bool(data.get("ignorecase", True)))
        except UserPatternError as exc:
            raise located.error(("patterns", i), str(exc)) from None
    message = str(expect(located, ("message",), data["message"], str, "message"))
    _check_template(located, message)
    examples = data.get("examples") or {}
    check_keys(located, ("examples",), examples, {"fail", "pass", "fix"}, "examples")
    for group, items in examples.items():
        expect(located, ("examples", group), items, list, f"examples.{group}")
        for i, item in enumerate(items if group != "fix" else ()):
            if isinstance(item, dict):
                check_keys(located, ("examples", group, i), item, EXAMPLE_KEYS, "an example")
                if "text" not in item:
                    raise located.error(("examples", group, i), "an example needs 'text:'")
    for i, pair in enumerate(examples.get("fix") or []):
        if not (isinstance(pair, list) and len(pair) == 2):
            raise located.error(("examples", "fix", i), "each fix example is [before, after]")
    return Rule(
        code=code, name=str(data["name"]), family=family, kind=kind, severity=Severity.parse(severity),
        message=message,
        description=str(data.get("description") or "").strip(),
        options={k: data.get(k, option.default) for k, option in options.items()},
        examples=examples, fixable=bool(data.get("fixable", False)), source=str(path),
    )


def _check_template(located, message: str) -> None:
    """Fields in a message are names ({found}); "{0}" or a stray brace would fail on every draft."""
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(message) if f is not None]
    except ValueError as exc:
        raise located.error(("message",), f"bad message template: {exc}; write a literal brace as {{{{ or }}}}") from None
    for name in fields:
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise located.error(("message",), f"bad field {{{name}}} in the message; fields are names such as "
                                              "{found} or {expected}")


def matches(rule: Rule, selector: str) -> bool:
    """A selector is a code, a code prefix (BL1), a rule name or a family."""
    return selector in (rule.name, rule.family) or rule.code.startswith(selector.upper())


def active(rule: Rule, select, ignore) -> bool:
    if select and not any(matches(rule, s) for s in select):
        return False
    return not any(matches(rule, s) for s in ignore)


def for_channel(rules: list[Rule], config, channel: str) -> list[Rule]:
    """The rules that run on a draft of this channel, with configured severities applied."""
    per = config.per_channel.get(channel, {})
    chosen = []
    for rule in rules:
        if not active(rule, config.select, config.ignore):
            continue
        if not active(rule, per.get("select") or (), per.get("ignore") or ()):
            continue
        severity = rule.severity
        for overrides in (config.severity, per.get("severity") or {}):
            for selector, value in overrides.items():
                if matches(rule, selector):
                    severity = value if isinstance(value, Severity) else Severity.parse(value)
        chosen.append(rule if severity == rule.severity else dataclasses.replace(rule, severity=severity))
    return chosen
