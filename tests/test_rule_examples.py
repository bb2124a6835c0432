"""Every rule carries examples in its YAML file, run here the way yamllint tests its rules: each
failing example lists its exact findings ("LINE:COLUMN CODE message") and nothing else may appear;
a passing example gives no finding; a fix example becomes exactly its fixed text. A rule without
examples fails. Each example runs with only its rule selected (plus any `select:` it names)."""

from __future__ import annotations

import datetime as dt

import pytest

from brandlint.rules import load_rules

RULES = load_rules()
# BL001 reports files that cannot be read at all: no text can show it; tests/test_cli.py covers it.
NO_TEXT_EXAMPLES = {"unreadable-file"}
AS_OF = dt.date(2026, 11, 22)


def _case(rule, item):
    """(text, channel, as_of, selected rules, path) of one example."""
    if isinstance(item, dict):
        as_of = item.get("as_of")
        if isinstance(as_of, str):
            as_of = dt.date.fromisoformat(as_of)
        return (item["text"], item.get("channel", "external"), as_of or AS_OF, (rule.code, *item.get("select", ())),
                item.get("path"))
    return item, "external", AS_OF, (rule.code,), None


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_examples(rule):
    if rule.kind in NO_TEXT_EXAMPLES:
        pytest.skip("a file-level tool rule; covered by the CLI tests")
    assert rule.examples.get("fail"), f"{rule.source} has no failing examples"
    assert rule.examples.get("pass"), f"{rule.source} has no passing examples"
    for item in rule.examples["fail"]:
        assert isinstance(item, dict) and item.get("findings"), \
            f"{rule.source}: failing example {item!r} must list its exact findings"
    if rule.fixable:
        assert rule.examples.get("fix"), f"{rule.source} is fixable but has no fix examples"


CASES = [(rule, group, item) for rule in RULES for group in ("fail", "pass")
         for item in rule.examples.get(group) or []]


@pytest.mark.parametrize("rule,group,item", CASES, ids=lambda x: getattr(x, "code", None) or str(x)[:40])
def test_rule_example(lint, rule, group, item):
    text, channel, as_of, select, path = _case(rule, item)
    result = lint(text, channel=channel, as_of=as_of, select=select, path=path)
    found = [f"{f.line}:{f.column} {f.code} {f.message}" for f in result.findings]
    expected = item["findings"] if group == "fail" else []
    assert found == expected


FIXES = [(rule, pair) for rule in RULES for pair in rule.examples.get("fix") or []]


@pytest.mark.parametrize("rule,pair", FIXES, ids=lambda x: getattr(x, "code", None) or str(x)[:40])
def test_rule_fix(lint, rule, pair):
    before, after = pair
    result = lint(before, select=(rule.code,), fix=True)
    assert result.document.source == after
    assert [f for f in result.findings if f.fix] == [], "a second pass must find nothing more to fix"
