"""Every rule carries examples in its YAML file; they are run here, and a rule without them fails."""

from __future__ import annotations

import datetime as dt

import pytest

from brandlint.rules import load_rules

RULES = load_rules()
# BL001 reports files that cannot be read at all: no text can show it; tests/test_cli.py covers it.
NO_TEXT_EXAMPLES = {"BL001"}


def _case(item):
    if isinstance(item, dict):
        as_of = item.get("as_of")
        if isinstance(as_of, str):
            as_of = dt.date.fromisoformat(as_of)
        return item["text"], item.get("channel", "external"), as_of or dt.date(2026, 11, 22)
    return item, "external", dt.date(2026, 11, 22)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_examples(rule):
    if rule.code in NO_TEXT_EXAMPLES:
        pytest.skip("a file-level tool rule; covered by the CLI tests")
    assert rule.examples.get("fail"), f"{rule.source} has no failing examples"
    assert rule.examples.get("pass"), f"{rule.source} has no passing examples"
    if rule.fixable:
        assert rule.examples.get("fix"), f"{rule.source} is fixable but has no fix examples"


CASES = [(rule, group, item) for rule in RULES for group in ("fail", "pass")
         for item in rule.examples.get(group) or []]


@pytest.mark.parametrize("rule,group,item", CASES, ids=lambda x: getattr(x, "code", None) or str(x)[:40])
def test_rule_example(lint, rule, group, item):
    text, channel, as_of = _case(item)
    result = lint(text, channel=channel, as_of=as_of)
    codes = [f.code for f in result.findings]
    if group == "fail":
        assert rule.code in codes, f"{rule.code} should flag {text!r}; got {codes}"
    else:
        assert rule.code not in codes, f"{rule.code} should not flag {text!r}"


FIXES = [(rule, pair) for rule in RULES for pair in rule.examples.get("fix") or []]


@pytest.mark.parametrize("rule,pair", FIXES, ids=lambda x: getattr(x, "code", None) or str(x)[:40])
def test_rule_fix(lint, rule, pair):
    before, after = pair
    result = lint(before, select=(rule.code,), fix=True)
    assert result.document.source == after
    assert not [f for f in result.findings if f.fix], "a second pass must find nothing more to fix"


@pytest.mark.parametrize("rule", [r for r in RULES if not r.fixable], ids=lambda r: r.code)
def test_unfixable_rules_leave_text_alone(lint, rule):
    for item in rule.examples.get("fail") or []:
        text, channel, as_of = _case(item)
        result = lint(text, channel=channel, as_of=as_of, select=(rule.code,), fix=True)
        assert result.document.source == text
