"""Required messages (`required_in:` in the messaging, rule BL208) through the CLI, on files the test writes."""

from __future__ import annotations

from conftest import invoke

APPROVED = "Prices and credits are subject to the Acme Cloud terms of service."


def _write(root, rel, text):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_check_reports_a_missing_required_message_at_the_top(project):
    _write(project, "sales/retail.md", "---\ntitle: Retail\n---\n# Retail\n\nAcme Cloud runs in 30 regions on five continents.\n")
    _write(project, "sales/ok.md", "# Offer\n\nAll prices and credits are subject to Acme Cloud's terms of service.\n")
    _write(project, "blog/post.md", "# Post\n\nAcme Cloud runs in 30 regions on five continents.\n")
    result = invoke("check", ".", "--format", "concise", "--select", "BL208", "-q")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"sales/retail.md:1:1: BL208 [error] Required message 'pricing-terms' is missing (required in sales/*); "
        f"add: {APPROVED}"]


def test_json_carries_the_entry_and_the_suggestion(project):
    _write(project, "sales/retail.md", "Acme Cloud runs in 30 regions on five continents.\n")
    result = invoke("check", "sales", "--format", "json", "--select", "BL208", "-q")
    import json

    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["path"], finding["line"], finding["column"], finding["entry"], finding["suggestions"]) == \
        ("sales/retail.md", 1, 1, "pricing-terms", [APPROVED])


def test_required_in_must_be_globs(project):
    (project / "messaging" / "extra.yaml").write_text(
        "messages:\n  boiler:\n    text: Acme Cloud is a cloud.\n    required_in: {press: yes}\n", encoding="utf-8")
    result = invoke("check", ".")
    assert result.exit_code == 2
    assert "extra.yaml:4" in result.stderr and "required_in" in result.stderr
