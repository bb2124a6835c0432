"""brandlint report on a small corpus the test writes: the JSON exactly, the HTML in headless Chromium
(rendered tables and charts, no request from the page), and the history through git."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import git, invoke

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no chromium (apt-get install chromium)")

CORPUS = {
    "blog/post.md": "# Post\n\nOur 120 engineers answer support tickets around the clock.\n\n"
                    "More than 4,000 companies run on Acme Cloud.\n",
    "sales/one-pager.md": "# One-pager\n\nOur 150 engineers answer support tickets around the clock.\n\n"
                          "More than 3,000 companies run on Acme Cloud.\n",
    "sales/terms.md": "# Terms\n\nAll prices and credits are subject to Acme Cloud's terms of service.\n",
}


@pytest.fixture
def corpus(project):
    (project / "brandlint.yaml").write_text("messaging: messaging\nchannels:\n  sales: ['sales/**']\n", encoding="utf-8")
    for rel, text in CORPUS.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(text, encoding="utf-8")
    return project


def _report(*args):
    result = invoke("report", "blog", "sales", "--as-of", "2026-11-22", *args)
    assert result.exit_code == 0, result.output
    return result


EXPECTED_FINDINGS = {
    "by_rule": {"BL202 stale-figure": 1, "BL208 missing-required-message": 1},
    "by_family": {"claims": 2},
    "by_channel": {"internal": 0, "external": 0, "sales": 2},
    "top_documents": [{"path": "sales/one-pager.md", "findings": 2, "errors": 2}]}
EXPECTED_ITEMS = [("sales/one-pager.md", 1, "BL208"), ("sales/one-pager.md", 5, "BL202")]


def test_json_report(corpus):
    result = _report("--format", "json")
    data = json.loads(result.stdout)
    assert (data["version"], data["as_of"], data["company"], data["channels"]) == \
        (1, "2026-11-22", "Acme Cloud", ["internal", "external", "sales"])
    coverage = {c["entry"]: c for c in data["coverage"]}
    assert len(coverage) == 16 and coverage["customer-count"] == {
        "entry": "customer-count", "section": "fact", "text": "More than 4,000 companies run on Acme Cloud.",
        "required_in": [],
        "documents": [{"path": "blog/post.md", "line": 5, "channel": "external"},
                      {"path": "sales/one-pager.md", "line": 5, "channel": "sales"}],
        "by_channel": {"internal": 0, "external": 1, "sales": 1}}
    assert coverage["pricing-terms"]["documents"] == [{"path": "sales/terms.md", "line": 3, "channel": "sales"}]
    assert coverage["region-count"]["documents"] == []
    assert coverage["region-count"]["by_channel"] == {"internal": 0, "external": 0, "sales": 0}
    assert data["missing_required"] == [{
        "path": "sales/one-pager.md", "channel": "sales", "entry": "pricing-terms",
        "text": "Prices and credits are subject to the Acme Cloud terms of service.", "required_in": ["sales/*"]}]
    assert data["conflicts"] == [{
        "statements": [
            {"path": "blog/post.md", "line": 3, "text": "Our 120 engineers answer support tickets around the clock.",
             "figure": "120"},
            {"path": "sales/one-pager.md", "line": 3,
             "text": "Our 150 engineers answer support tickets around the clock.", "figure": "150"}],
        "figures": ["120", "150"],
        "suggestion": "# Check which figure is true before adding this to the messaging.\nfacts:\n"
                      "  engineers-answer:\n    text: Our 150 engineers answer support tickets around the clock.\n"
                      "    figure: '150'\n    previously:\n    - '120'\n"}]
    findings = data["findings"]
    assert {k: findings[k] for k in ("by_rule", "by_family", "by_channel", "top_documents")} == EXPECTED_FINDINGS
    assert [(i["path"], i["line"], i["rule"]) for i in findings["items"]] == EXPECTED_ITEMS
    assert data["history"] is None
    assert result.stderr.splitlines()[-1] == ("3 documents: 2 of 16 messaging entries restated, 2 findings, "
                                             "1 fact stated two ways, 1 missing required message")


def test_a_figure_of_a_moment_is_not_a_fact_stated_two_ways(corpus):
    """A figure dated by its sentence ("this year", "in 2024") differs between documents as a matter of
    course; so does one about someone else. Neither joins the group."""
    (corpus / "blog" / "history.md").write_text(
        "# History\n\nIn 2024 our 90 engineers answered support tickets around the clock.\n\n"
        "Their 300 engineers answer support tickets around the clock.\n", encoding="utf-8")
    data = json.loads(_report("--format", "json").stdout)
    assert [[(s["path"], s["line"], s["figure"]) for s in group["statements"]] for group in data["conflicts"]] == [
        [("blog/post.md", 3, "120"), ("sales/one-pager.md", 3, "150")]]


def test_a_second_report_comes_from_the_cache(corpus, monkeypatch):
    first = _report("--format", "json").stdout
    from brandlint.report import facts

    monkeypatch.setattr(facts, "_compute", lambda *a: pytest.fail("a file was linted again"))
    assert _report("--format", "json").stdout == first


def chromium(tmp_path: Path, page: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'chromium-profile'}", *args, page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)


def page_requests(net_log: Path) -> list[str]:
    """URLs the page asked for, from Chromium's network log (the browser's own update and account
    checks have no origin and are not the page's)."""
    log = json.loads(net_log.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return sorted({e["params"]["url"] for e in log["events"] if e["type"] == start and "url" in e.get("params", {})
                   and e["params"].get("initiator") != "not an origin"})


@needs_chromium
def test_the_net_log_sees_a_page_request(tmp_path):
    """The check below can fail: a page that loads an image over http shows up in the log."""
    page = tmp_path / "leaky.html"
    page.write_text('<!DOCTYPE html><img src="http://127.0.0.1:9/pixel.png">', encoding="utf-8")
    chromium(tmp_path, page, f"--log-net-log={tmp_path / 'net.json'}", "--dump-dom")
    assert page_requests(tmp_path / "net.json") == ["http://127.0.0.1:9/pixel.png"]


@needs_chromium
def test_html_report_renders_and_requests_nothing(corpus, tmp_path):
    out = corpus / "out" / "report.html"
    out.parent.mkdir()
    result = _report("-o", str(out))
    assert result.stdout == "" and result.stderr.splitlines()[-1].endswith(f"; wrote {out}")
    html = out.read_text(encoding="utf-8")
    assert "default-src 'none'" in html and "http:" not in html and "https:" not in html and "<script" not in html
    shown = chromium(tmp_path, out, f"--log-net-log={tmp_path / 'net.json'}", "--dump-dom")
    dom = shown.stdout
    assert dom.count("<svg") == 2 and dom.count("<table") == 9
    for text in ("Which messages reach which audiences", "customer-count", "Live problems, by kind",
                 "BL202 stale-figure (1)", '<a href="../sales/one-pager.md">sales/one-pager.md:5</a>',
                 "Facts the copy states in different ways", "120 vs 150", "engineers-answer:",
                 "Required messages missing", "Prices and credits are subject to the Acme Cloud terms of service."):
        assert text in dom, text
    assert page_requests(tmp_path / "net.json") == []
    shot = tmp_path / "report.png"
    chromium(tmp_path, out, f"--screenshot={shot}", "--window-size=1200,3000")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _git(root, *args):
    git(*args, cwd=root, GIT_AUTHOR_DATE="2026-11-01T12:00:00", GIT_COMMITTER_DATE="2026-11-01T12:00:00")


def test_history_reads_commits_through_the_cache(corpus, monkeypatch):
    _git(corpus, "init", "-q", "-b", "main")
    _git(corpus, "add", ".")
    _git(corpus, "commit", "-qm", "first")
    (corpus / "blog" / "post.md").write_text("# Post\n\nMore than 2,500 companies run on Acme Cloud.\n",
                                             encoding="utf-8")  # a stale figure: one more error
    _git(corpus, "commit", "-qam", "second")
    from brandlint.report import facts

    real, linted = facts._compute, []
    monkeypatch.setattr(facts, "_compute", lambda path, *a: linted.append(Path(path).name) or real(path, *a))
    data = json.loads(_report("--format", "json", "--history", "5").stdout)
    # The working tree is the second commit: only the first commit's post.md is new to the cache.
    assert sorted(linted) == ["one-pager.md", "post.md", "post.md", "terms.md"]
    assert [(h["subject"], h["documents"], h["findings"], h["by_severity"], h["missing_required"])
            for h in data["history"]] == [
        ("first", 3, 2, {"error": 2, "warning": 0, "info": 0}, 1),
        ("second", 3, 3, {"error": 3, "warning": 0, "info": 0}, 1)]


def test_history_outside_git_is_a_usage_error(corpus):
    result = invoke("report", "blog", "--history", "3")
    assert result.exit_code == 2 and "git rev-parse failed" in result.stderr


def test_report_progress_on_a_terminal_only(corpus):
    import os
    import subprocess
    import sys

    from test_contract import _run_in_terminal

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent), "BRANDLINT_SERVER": "off",
           "NO_COLOR": "1"}
    args = ["report", "blog", "sales", "--as-of", "2026-11-22", "--format", "json", "-o", "r.json"]
    code, shown = _run_in_terminal(args, corpus, env)
    assert code == 0 and "linting" in shown  # rich's bar, on the terminal's stderr
    assert shown.rstrip().endswith("3 documents: 2 of 16 messaging entries restated, 2 findings, 1 fact stated "
                                   "two ways, 1 missing required message; wrote r.json")
    piped = subprocess.run([sys.executable, "-m", "brandlint", *args], cwd=corpus, env=env, capture_output=True,
                           text=True)
    assert piped.returncode == 0 and "linting" not in piped.stderr
