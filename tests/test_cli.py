"""The command line as a user runs it: exit codes, output formats, fixes, directives, file walking."""

from __future__ import annotations

import json
import os

from conftest import invoke


def write(path, text, encoding="utf-8", newline=None):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding=encoding, newline=newline) as handle:
        handle.write(text)
    return path


def test_exit_codes_and_fail_on(project):
    write(project / "draft.md", "Our clients love it.\n")
    assert invoke("check", "draft.md", "--select", "terminology").exit_code == 0  # a warning
    assert invoke("check", "draft.md", "--select", "terminology", "--fail-on", "warning").exit_code == 1
    write(project / "clean.md", "Our customers love it.\n")
    assert invoke("check", "clean.md", "--select", "terminology", "--fail-on", "info").exit_code == 0
    assert invoke("check", "draft.md", "--format", "nope").exit_code == 2


def test_json_fields(project):
    write(project / "docs" / "post.md", "# Title\n\nWe run on acme cloud, our clients say.\n")
    result = invoke("check", "docs", "--select", "terminology", "--format", "json")
    data = json.loads(result.stdout)
    assert data["version"] == 1 and data["summary"]["findings"] == 2
    first = data["findings"][0]
    assert {k: first[k] for k in ("path", "line", "column", "end_line", "end_column", "rule", "name", "family",
                                  "severity", "message", "match", "suggestions", "channel", "entry")} == {
        "path": "docs/post.md", "line": 3, "column": 11, "end_line": 3, "end_column": 21, "rule": "BL101",
        "name": "product-name-casing", "family": "terminology", "severity": "warning",
        "message": "Write the product name as 'Acme Cloud', not 'acme cloud'.", "match": "acme cloud",
        "suggestions": ["Acme Cloud"], "channel": "external", "entry": None}
    assert result.exit_code == 0  # warnings only: below the default --fail-on error


def test_text_output_underlines_and_no_colour(project, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    write(project / "draft.md", "Our clients love it.\n")
    result = invoke("check", "draft.md", "--select", "terminology")
    assert result.stdout.splitlines()[:5] == [
        "draft.md  (external copy)",
        "draft.md:1:5: BL100 [warning] Use 'customers' instead of 'clients'.  (preferred-term)",
        "    Our clients love it.",
        "        ^^^^^^^",
        "    fix: customers"]
    assert "\x1b[" not in result.stdout
    assert "1 file checked: 1 finding (0 errors, 1 warning, 0 info)" in result.stdout


def test_stdin_with_filename_and_channel(project):
    result = invoke("check", "-", "--stdin-filename", "notes.txt", "--select", "terminology", "--format", "concise",
                    input="Project Falcon ships soon.\n")
    assert result.stdout.splitlines()[0] == (
        "notes.txt:1:1: BL103 [error] 'Project Falcon' is for internal copy only; remove it from external copy.")
    assert result.exit_code == 1
    result = invoke("check", "-", "--channel", "internal", "--select", "terminology", input="Project Falcon ships.\n")
    assert result.exit_code == 0


def test_channel_precedence(project):
    (project / "brandlint.yaml").write_text("messaging: messaging\nchannels:\n  internal: ['team/**']\n",
                                            encoding="utf-8")
    write(project / "team" / "a.md", "Project Falcon ships.\n")
    write(project / "team" / "b.md", "---\nchannel: sales\n---\nProject Falcon ships.\n")
    write(project / "c.md", "Project Falcon ships.\n")
    out = invoke("check", ".", "--select", "BL103", "--format", "concise").stdout
    assert "team/a.md" not in out
    assert "team/b.md:4:1: BL103 [error] 'Project Falcon' is for internal copy only; remove it from sales copy." in out
    assert "c.md:1:1: BL103 [error] 'Project Falcon' is for internal copy only; remove it from external copy." in out
    assert invoke("check", ".", "--select", "BL103", "--channel", "internal").exit_code == 0


def test_fix_is_atomic_idempotent_and_keeps_encoding_and_newlines(project):
    path = write(project / "draft.md", "Our clients love acme cloud.\r\nLogin to start.\r\n", encoding="utf-16",
                 newline="")
    result = invoke("check", "draft.md", "--select", "terminology", "--fix", "--format", "concise")
    assert result.exit_code == 0, result.output
    data = path.read_bytes()
    assert data.startswith(b"\xff\xfe")
    assert data.decode("utf-16") == "Our customers love Acme Cloud.\r\nSign in to start.\r\n"
    assert "3 fixed" in result.output
    assert not list(project.glob(".draft.md.*")), "no temporary file is left behind"
    again = invoke("check", "draft.md", "--select", "terminology", "--fix", "--format", "concise")
    assert path.read_bytes() == data
    assert "fixed" not in again.output


def test_fix_reports_what_is_left(project):
    write(project / "draft.md", "Project Falcon helps our clients.\n")
    result = invoke("check", "draft.md", "--select", "terminology", "--fix", "--format", "concise")
    assert (project / "draft.md").read_text() == "Project Falcon helps our customers.\n"
    assert result.stdout.splitlines()[0].startswith("draft.md:1:1: BL103")
    assert result.exit_code == 1


def test_directives_and_unused_disable(project):
    write(project / "draft.md", "<!-- brandlint-disable-next-line BL100 -->\nOur clients.\n\nOur clients.\n\n"
                                "<!-- brandlint-disable preferred-term -->\nMore clients.\n"
                                "<!-- brandlint-enable preferred-term -->\nLast clients.\n\n"
                                "<!-- brandlint-disable BL105 -->\nNothing here.\n")
    lines = invoke("check", "draft.md", "--select", "terminology,tool", "--format", "concise").stdout.splitlines()
    assert lines[:3] == [
        "draft.md:4:5: BL100 [warning] Use 'customers' instead of 'clients'.",
        "draft.md:9:6: BL100 [warning] Use 'customers' instead of 'clients'.",
        "draft.md:11:1: BL002 [warning] 'brandlint-disable BL105' suppresses nothing here; remove it."]
    write(project / "all.md", "<!-- brandlint-disable-file -->\nOur clients.\n")
    assert "all.md" not in invoke("check", "all.md", "--format", "concise", "--select", "terminology").stdout


def test_text_file_directive(project):
    write(project / "a.txt", "# brandlint-disable-next-line BL100\nOur clients.\n")
    assert invoke("check", "a.txt", "--select", "terminology,tool", "--format", "concise").stdout.startswith("1 file")


def test_walk_honours_exclude_gitignore_and_survives_symlink_loops(project):
    (project / "brandlint.yaml").write_text("messaging: messaging\nexclude: ['drafts/old/**']\n", encoding="utf-8")
    write(project / "drafts" / "new.md", "Our clients.\n")
    write(project / "drafts" / "old" / "a.md", "Our clients.\n")
    write(project / "drafts" / "build" / "b.md", "Our clients.\n")
    write(project / "drafts" / ".gitignore", "build/\n")
    write(project / "drafts" / "image.png", "not text")
    os.symlink(project / "drafts", project / "drafts" / "loop")
    deep = project / "drafts"
    for i in range(40):
        deep = deep / f"d{i}"
    write(deep / "deep.md", "Our customers.\n")
    out = invoke("check", "drafts", "--select", "terminology", "--format", "concise").stdout
    assert "drafts/new.md:1:5: BL100" in out
    assert "old/a.md" not in out and "build/b.md" not in out and "image.png" not in out
    assert "2 files checked" in out


def test_bad_files_do_not_stop_the_run(project):
    write(project / "empty.md", "")
    (project / "binary.md").write_bytes(b"\x89PNG\x00\x00")
    (project / "latin1.md").write_bytes("Caf\xe9 clients\n".encode("latin-1"))
    write(project / "good.md", "Our clients.\n")
    write(project / "big.md", ("Our customers like plain words. " * 12 + "\n\n") * 28000)
    result = invoke("check", ".", "--select", "terminology,tool", "--format", "concise")
    out = result.stdout
    assert "binary.md:1:1: BL001 [error] cannot lint this file: binary file" in out
    assert "latin1.md:1:1: BL001 [error] cannot lint this file: not valid UTF-8 (byte 0xe9 on line 1); save the file as UTF-8" in out
    assert "good.md:1:5: BL100" in out
    assert "5 files checked" in out
    assert result.exit_code == 1


def test_missing_path_is_reported(project):
    result = invoke("check", "nope.md", "--format", "concise")
    assert "nope.md:1:1: BL001 [error] cannot lint this file: No such file or directory" in result.stdout


def test_rules_and_explain(project):
    listing = invoke("rules").stdout
    assert "BL100  preferred-term" in listing and "terminology" in listing
    text = invoke("explain", "BL100").stdout
    assert text.startswith("BL100 preferred-term\n")
    assert "'Our clients love it.' -> 'Our customers love it.'" in text
    assert invoke("explain", "BL999").exit_code == 2


def test_sentence_initial_quotes_and_possessives(lint):
    result = lint('Clients first. Acme Cloud\'s console. "Our clients" is what they said. Acme cloud rocks.',
                  select=("terminology",))
    got = [(f.code, f.match, f.suggestions) for f in result.findings]
    assert got == [("BL100", "Clients", ("Customers",)), ("BL100", "Acme cloud", ("Acme Cloud",))]


def test_stdin_fix_prints_the_fixed_text(project):
    result = invoke("check", "-", "--fix", "--select", "terminology", input="Our clients use AcmeCloud.\n")
    assert result.stdout == "Our customers use Acme Cloud.\n"
    assert result.exit_code == 0


def test_many_files_in_processes_match_one_process(project, monkeypatch):
    from brandlint import project as project_layer

    for i in range(20):
        write(project / "many" / f"p{i:02d}.md", f"Post {i}: our clients in order to grow.\n" * (i % 3 + 1))
    args = ("check", "many", "--select", "terminology,wording", "--format", "json", "--no-cache")
    parallel = json.loads(invoke(*args).stdout)["findings"]
    monkeypatch.setattr(project_layer, "PARALLEL_MIN_FILES", 10**6)
    serial = json.loads(invoke(*args).stdout)["findings"]
    assert parallel == serial and len(serial) == 2 * (7 * 1 + 7 * 2 + 6 * 3)


def test_worker_processes_judge_exactly_as_the_main_process(project, messaging, rules, language):
    """All families, claims and models included: workers get the same language settings."""
    import datetime as dt

    from brandlint import project as project_layer
    from brandlint.config import load_config

    texts = ["Acme Cloud cannot be hacked. Our clients love it.\n",
             "More than 3,000 companies run on Acme Cloud. The report was written by the team.\n",
             "Half of the Fortune 500 run on Acme Cloud, in order to grow.\n",
             "We are the #1 choice of developers. Please login to the console.\n"]
    files = [write(project / f"d{i}.md", text) for i, text in enumerate(texts)]
    run = project_layer.Run(load_config(project / "brandlint.yaml"), messaging, tuple(rules), language,
                            dt.date(2026, 11, 22))
    in_processes = project_layer.lint_in_processes(files, run, 2)
    here = [project_layer.lint_path(path, run) for path in files]
    assert {r.path for r in in_processes} == {str(p) for p in files}
    assert [r.findings for r in in_processes] == [r.findings for r in here]
    codes = sorted({f.code for r in here for f in r.findings})
    assert codes == ["BL100", "BL200", "BL201", "BL202", "BL207", "BL303", "BL304"]
