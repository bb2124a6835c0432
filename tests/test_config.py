"""Broken configuration, rule and messaging files stop the run with exit 2, naming file, line and fix."""

from __future__ import annotations

import pytest
from conftest import invoke


def _check(project):
    (project / "draft.md").write_text("Hello.\n", encoding="utf-8")
    result = invoke("check", "draft.md", "--select", "terminology")
    return result


def test_unknown_key_suggests_nearest(project):
    (project / "brandlint.yaml").write_text("messaging: messaging\nselct: [BL100]\n", encoding="utf-8")
    result = _check(project)
    assert result.exit_code == 2
    assert "brandlint.yaml:2: unknown key 'selct' in brandlint config; did you mean 'select'?" in result.output


def test_malformed_yaml_names_line(project):
    (project / "brandlint.yaml").write_text("messaging: messaging\nchannels:\n  internal: [a\n", encoding="utf-8")
    result = _check(project)
    assert result.exit_code == 2
    assert "brandlint.yaml:4: invalid YAML" in result.output


def test_wrong_type_and_bad_severity(project):
    (project / "brandlint.yaml").write_text("messaging: messaging\nfail_on: fatal\n", encoding="utf-8")
    result = _check(project)
    assert result.exit_code == 2
    assert "brandlint.yaml:2: unknown severity 'fatal'; use one of error, warning, info" in result.output
    (project / "brandlint.yaml").write_text("messaging: messaging\nexclude: 3\n", encoding="utf-8")
    result = _check(project)
    assert "brandlint.yaml:2: 'exclude' must be a list, not a number 3" in result.output


def test_pyproject_section(project):
    (project / "brandlint.yaml").unlink()
    (project / "pyproject.toml").write_text('[tool.brandlint]\nmessaging = "messaging"\nignor = ["BL100"]\n',
                                            encoding="utf-8")
    result = _check(project)
    assert result.exit_code == 2
    assert "pyproject.toml:3: unknown key 'ignor' in brandlint config; did you mean 'ignore'?" in result.output


@pytest.mark.parametrize("body,expected", [
    ("facts:\n  x:\n    text: Hi.\n    embargo_until: 2027-13-45\n",
     "4: bad date '2027-13-45'; write it as YYYY-MM-DD"),
    ("facts:\n  x:\n    txt: Hi.\n", "3: unknown key 'txt' in fact 'x'; did you mean 'text'?"),
    ("facts:\n  customer-count:\n    text: Dup.\n", "2: duplicate id 'customer-count' (also in"),
    ("facts:\n  x:\n    text: Hi.\n  x:\n    text: Again.\n", "4: duplicate key 'x' (first at line 2); keep one"),
    ("terms:\n  - use: a\n    case_sensitive: yes please\n",
     "3: case_sensitive must be true or false, not text 'yes please'"),
    ("retired:\n  old:\n    text: Old.\n    retired_on: 2025-01-01\n    use_instead: nothing\n",
     "2: use_instead 'nothing' of 'old' names no entry"),
    ("facts:\n  x:\n    text: Hi.\n    figure: lots\n", "4: cannot read figure 'lots'"),
])
def test_messaging_errors(project, body, expected):
    """Each error names the file and line and says how to fix it."""
    (project / "messaging" / "extra.yaml").write_text(body, encoding="utf-8")
    result = _check(project)
    assert result.exit_code == 2, result.output
    assert "extra.yaml:" + expected in result.output, result.output


def test_rule_file_errors(project):
    (project / "rules").mkdir()
    (project / "brandlint.yaml").write_text("messaging: messaging\nrules: [rules]\n", encoding="utf-8")
    rule = ("code: ACME001\nname: bad\nkind: existence\nseverity: error\nmessage: m\n"
            "patterns: ['(unclosed']\nexamples: {fail: [x], pass: [y]}\n")
    (project / "rules" / "bad.yaml").write_text(rule, encoding="utf-8")
    result = _check(project)
    assert result.exit_code == 2
    assert "bad.yaml:6: invalid regular expression '(unclosed'" in result.output
    (project / "rules" / "bad.yaml").write_text(rule.replace("kind: existence", "kind: existance"), encoding="utf-8")
    assert "bad.yaml:3: unknown kind 'existance'" in _check(project).output


def test_yaml_is_loaded_safely(project):
    (project / "messaging" / "evil.yaml").write_text("company: !!python/object/apply:os.system ['echo pwned']\n",
                                                     encoding="utf-8")
    result = _check(project)
    assert result.exit_code == 2
    assert "evil.yaml:1: invalid YAML" in result.output
    assert "pwned" not in result.output


def test_custom_rule_folder_is_used(project):
    (project / "rules").mkdir()
    (project / "brandlint.yaml").write_text("messaging: messaging\nrules: [rules]\n", encoding="utf-8")
    (project / "rules" / "acme.yaml").write_text(
        "code: ACME001\nname: no-synergy\nkind: existence\nseverity: warning\nmessage: \"Drop '{found}'.\"\n"
        "tokens: [synergy]\nexamples: {fail: [synergy], pass: [teamwork]}\n", encoding="utf-8")
    (project / "draft.md").write_text("Real synergy.\n", encoding="utf-8")
    result = invoke("check", "draft.md", "--select", "ACME", "--format", "concise")
    assert result.output.splitlines()[0] == "draft.md:1:6: ACME001 [warning] Drop 'synergy'."
    assert result.exit_code == 0


def test_readme_config_example_is_valid(project):
    import re

    from conftest import ROOT

    example = re.search(r"```yaml\n(messaging: messaging.*?)```", (ROOT / "README.md").read_text(), re.S).group(1)
    (project / "style" / "rules").mkdir(parents=True)
    (project / "brandlint.yaml").write_text(example, encoding="utf-8")
    (project / "a.md").write_text("Hello clients.\n", encoding="utf-8")
    result = invoke("check", "a.md", "--format", "concise", "--select", "terminology")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("a.md:1:7: BL100 [warning]")


def test_a_section_of_the_wrong_shape_shows_the_right_one(project):
    (project / "messaging" / "extra.yaml").write_text("facts:\n  - text: More than 4,000 companies.\n",
                                                     encoding="utf-8")
    result = _check(project)
    assert result.exit_code == 2
    assert result.output.endswith(
        "extra.yaml:1: 'facts' must be a mapping (key: value), not a list; write it like this:\n"
        "    facts:\n"
        "      customer-count:          # an id of your choice\n"
        "        text: More than 4,000 companies run on Acme Cloud.\n"
        "        figure: 4,000\n"
        "        previously: [3,000]\n"
        "        since: 2026-01-15      # when this figure became current\n")
    assert "More than 4,000 companies." not in result.output  # the data is not dumped back
