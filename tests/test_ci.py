"""What CI and pre-commit users rely on: SARIF, annotations, JUnit, baselines, changed lines, the hook."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import GIT_IDENTITY, ROOT, SHARED, git, invoke

SCHEMA = SHARED / "sarif" / "sarif-schema-2.1.0.json"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.skipif(not SCHEMA.is_file(), reason="../shared/data/sarif schema is not present")
def test_sarif_validates_and_has_what_github_needs(project):
    import jsonschema
    from pptx import Presentation

    write(project / "docs" / "a.md", "# Title\n\nOur clients love acme cloud.\n")
    deck = Presentation()
    deck.slides.add_slide(deck.slide_layouts[0]).shapes.title.text = "Our clients"
    deck.save(project / "docs" / "deck.pptx")
    result = invoke("check", "docs", "--select", "terminology", "--format", "sarif")
    sarif = json.loads(result.stdout)
    jsonschema.validate(sarif, json.loads(SCHEMA.read_text(encoding="utf-8")))
    run = sarif["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["BL100"]["shortDescription"]["text"] == "Preferred term (terminology)"
    assert rules["BL100"]["defaultConfiguration"]["level"] == "warning" and rules["BL100"]["help"]["text"]
    by_uri = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]): r for r in run["results"]}
    text_result = by_uri[("docs/a.md", "BL101")]
    assert text_result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 18, "endLine": 3, "endColumn": 28}
    assert text_result["level"] == "warning" and run["columnKind"] == "unicodeCodePoints"
    deck_result = by_uri[("docs/deck.pptx", "BL100")]
    assert deck_result["locations"][0]["logicalLocations"] == [
        {"fullyQualifiedName": "slide 1:Title 1", "kind": "element"}]
    again = json.loads(invoke("check", "docs", "--select", "terminology", "--format", "sarif").stdout)
    assert [r["partialFingerprints"] for r in again["runs"][0]["results"]] == [
        r["partialFingerprints"] for r in run["results"]]


def test_github_annotations_are_escaped_grouped_and_summarised(project, monkeypatch):
    (project / "rules").mkdir()
    (project / "brandlint.yaml").write_text("messaging: messaging\nrules: [rules]\n", encoding="utf-8")
    write(project / "rules" / "x.yaml", "code: X001\nname: odd\nkind: existence\nseverity: error\n"
          "message: \"100% wrong: '{found}'\\nsecond line\"\ntokens: [bad]\nexamples: {fail: [bad], pass: [ok]}\n")
    write(project / "a, b:c.md", "bad\n")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = invoke("check", "a, b:c.md", "--select", "X001")
    lines = result.stdout.splitlines()
    assert lines[0] == "::group::a, b:c.md"
    assert lines[1] == ("::error file=a%2C b%3Ac.md,line=1,col=1,endLine=1,endColumn=4,title=X001 odd::"
                        "100%25 wrong: 'bad'%0Asecond line")
    assert lines[2] == "::endgroup::"
    assert lines[-1].startswith("1 file checked: 1 finding (1 error")


def test_github_notes_the_ten_annotation_limit(project, monkeypatch):
    write(project / "a.md", "Our clients. " * 12 + "\n")
    out = invoke("check", "a.md", "--select", "BL100", "--format", "github").stdout
    assert out.count("::warning ") == 12
    assert "Note: 12 warning annotations; GitHub shows only 10 per type" in out


def test_junit_counts_add_up(project):
    write(project / "a.md", "Our clients and clients.\n")
    write(project / "b.md", "Our customers.\n")
    root = ET.fromstring(invoke("check", ".", "--select", "BL100", "--format", "junit", "--fail-on", "warning").stdout)
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert (root.get("tests"), root.get("failures")) == ("3", "2")
    assert (suites["a.md"].get("tests"), suites["a.md"].get("failures")) == ("2", "2")
    assert len(suites["a.md"].findall("testcase/failure")) == 2
    assert (suites["b.md"].get("tests"), suites["b.md"].get("failures")) == ("1", "0")
    assert suites["b.md"].find("testcase").find("failure") is None


def test_baseline_survives_edits_and_catches_new_instances(project):
    draft = write(project / "a.md", "Our clients like it.\n\nAcme clod is great.\n")
    created = invoke("baseline", "create", "a.md", "--output", "base.json")
    assert created.exit_code == 0 and created.stderr == "wrote base.json: 2 findings in 1 file\n"
    recorded = json.loads((project / "base.json").read_text())["findings"]
    assert sorted(e["rule"] for e in recorded) == ["BL100", "BL102"]
    assert invoke("check", "a.md", "--baseline", "base.json", "--select", "terminology").exit_code == 0
    draft.write_text("# New heading\n\nA new line above.\n\nOur clients like it.\n\nAcme clod is great.\n",
                     encoding="utf-8")
    out = invoke("check", "a.md", "--baseline", "base.json", "--select", "terminology", "--format", "concise")
    assert out.stdout.startswith("1 file checked: 0 findings")
    draft.write_text(draft.read_text() + "\nMore clients.\n", encoding="utf-8")
    out = invoke("check", "a.md", "--baseline", "base.json", "--select", "terminology", "--format", "concise")
    assert out.stdout.splitlines()[0] == "a.md:9:6: BL100 [warning] Use 'customers' instead of 'clients'."
    assert invoke("check", "a.md", "--baseline", "missing.json").exit_code == 2


def test_diff_reports_only_changed_lines(project):
    git("init", "-q", "-b", "main", cwd=project)
    write(project / "a.md", "Old clients here.\n\nStill fine.\n")
    write(project / "b.md", "Untouched clients.\n")
    git("add", ".", cwd=project)
    git("commit", "-qm", "base", cwd=project)
    write(project / "a.md", "Old clients here.\n\nNew clients here.\n")
    write(project / "c.md", "Brand new clients.\n")
    out = invoke("check", "--diff", "HEAD", "--select", "BL100", "--format", "concise").stdout.splitlines()
    assert out == ["a.md:3:5: BL100 [warning] Use 'customers' instead of 'clients'.",
                   "c.md:1:11: BL100 [warning] Use 'customers' instead of 'clients'.",
                   "2 files checked: 2 findings (0 errors, 2 warnings, 0 info)" + out[-1].split("info)")[1]]
    assert invoke("check", ".", "--diff", "HEAD", "--select", "BL100", "-q", "--format", "concise").stdout.splitlines() == out[:2]
    assert invoke("check", "--diff", "no-such-ref").exit_code == 2


def test_quiet_and_summary(project):
    write(project / "a.md", "Our clients.\n")
    assert invoke("check", "a.md", "-q", "--select", "BL100", "--format", "concise").stdout == (
        "a.md:1:5: BL100 [warning] Use 'customers' instead of 'clients'.\n")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_hook_end_to_end(tmp_path):
    """The real pre-commit installs this checkout as a hook repository and runs it on a commit."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("the checkout has no commit for pre-commit to install")
    repo = tmp_path / "docs"
    repo.mkdir()
    git("init", "-q", "-b", "main", cwd=repo)
    shutil.copytree(ROOT / "messaging", repo / "messaging")
    write(repo / "brandlint.yaml", "messaging: messaging\n")
    write(repo / ".pre-commit-config.yaml",
          f"repos:\n  - repo: {ROOT}\n    rev: {head.stdout.strip()}\n    hooks:\n      - id: brandlint\n")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pc-home"), **GIT_IDENTITY}
    pre_commit = [sys.executable, "-m", "pre_commit"]
    installed = subprocess.run(pre_commit + ["install"], cwd=repo, env=env, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    write(repo / "post.md", "# Launch\n\nOur clients love AcmeCloud.\n")
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    failed = subprocess.run(["git", "commit", "-m", "draft"], cwd=repo, env=env, capture_output=True, text=True)
    assert failed.returncode != 0
    output = failed.stdout + failed.stderr
    assert "post.md:3:5: BL100 [warning] Use 'customers' instead of 'clients'." in output
    assert "post.md:3:18: BL100 [warning] Use 'Acme Cloud' instead of 'AcmeCloud'." in output
    write(repo / "post.md", "# Launch\n\nOur customers love Acme Cloud.\n")
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    passed = subprocess.run(["git", "commit", "-m", "clean"], cwd=repo, env=env, capture_output=True, text=True)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_server_gives_the_same_answers(project, tmp_path):
    """`brandlint server`: check goes through it, with the same output, exit code and stdin handling."""
    env = {**os.environ, "BRANDLINT_CACHE_DIR": str(tmp_path / "srv"), "NO_COLOR": "1"}
    exe = [sys.executable, "-m", "brandlint"]
    write(project / "post.md", "# News\n\nOur clients love AcmeCloud. Acme Cloud is the fastest cloud in the world.\n")

    def check(*args, server="auto", stdin=None):
        done = subprocess.run(exe + ["check", *args, "--as-of", "2026-11-22", "--format", "concise"],
                              cwd=project, env={**env, "BRANDLINT_SERVER": server}, input=stdin,
                              capture_output=True, text=True)
        return done.returncode, done.stdout.rsplit(" in ", 1)[0]  # the summary's time differs

    alone = check("post.md", server="off")
    started = subprocess.run(exe + ["server", "start", "--idle", "60"], cwd=project, env=env, capture_output=True,
                             text=True)
    assert started.returncode == 0, started.stderr
    try:
        assert subprocess.run(exe + ["server", "status"], cwd=project, env=env).returncode == 0
        assert check("post.md") == alone
        assert alone[0] == 0 and "post.md:3:5: BL100 [warning] Use 'customers' instead of 'clients'." in alone[1]
        assert "BL207" in alone[1]
        piped = check("-", "--stdin-filename", "post.md", stdin="Our clients.\n")
        assert "post.md:1:5: BL100 [warning]" in piped[1]
    finally:
        subprocess.run(exe + ["server", "stop"], cwd=project, env=env, capture_output=True)
    assert subprocess.run(exe + ["server", "status"], cwd=project, env=env, capture_output=True).returncode == 1
    assert check("post.md") == alone  # no server: the client runs the check itself


def test_junit_survives_control_characters_and_output_file(project):
    (project / "brandlint.yaml").write_text("messaging: messaging\nrules: [rules]\n", encoding="utf-8")
    write(project / "rules" / "x.yaml", "code: X002\nname: odd\nkind: existence\nseverity: error\n"
          "message: \"Odd '{found}'\"\npatterns: ['clients\\s+like']\nexamples: {fail: [clients like], pass: [ok]}\n")
    write(project / "a.md", "Our clients\x0c like it.\n")
    result = invoke("check", "a.md", "--select", "X002", "--format", "junit", "--output", "report.xml")
    assert result.stdout == ""
    assert "1 file checked: 1 finding" in result.stderr
    root = ET.fromstring((project / "report.xml").read_text(encoding="utf-8"))
    assert root.get("failures") == "1"
    assert root.find("testsuite/testcase/failure").get("message") == "Odd 'clients\ufffd like'"
