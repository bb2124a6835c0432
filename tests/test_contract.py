"""The command-line contract a new user meets (issue 14): strict selectors, changed lines with a
baseline, init, output on a pipe, I/O failures, custom channels, the plain install. Each test checks
stdout, stderr and the exit code apart, as a user sees them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, invoke


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# Selectors --------------------------------------------------------------------------------------

@pytest.mark.parametrize("args,message", [
    (("--select", "terminolgy"), "--select: unknown rule selector 'terminolgy'; did you mean 'terminology'?"),
    (("--ignore", "buzzwords"), "--ignore: unknown rule selector 'buzzwords'; did you mean 'buzzword'?"),
    (("--select", "BL999"), "--select: unknown rule selector 'BL999'; use a code (BL100), a prefix (BL1), a name "
                            "or a family; see 'brandlint rules'"),
    (("--select", "BL100,BL9"), "--select: unknown rule selector 'BL9'; did you mean 'BL307'?"),
])
def test_unknown_command_line_selector_is_a_usage_error(project, args, message):
    write(project / "draft.md", "Our clients love it.\n")
    result = invoke("check", "draft.md", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"brandlint: error: {message}\n")


def test_known_selectors_of_every_form_are_accepted(project):
    write(project / "draft.md", "Our clients love it.\n")
    for selector in ("BL100", "bl1", "preferred-term", "terminology", "BL1,wording"):
        result = invoke("check", "draft.md", "--select", selector, "--format", "concise")
        assert result.exit_code == 0 and result.stderr == "", (selector, result.stderr)


@pytest.mark.parametrize("config,line,message", [
    ("ignore: [BL999]\n", 2, "unknown rule selector 'BL999'; use a code (BL100), a prefix (BL1), a name or a "
                             "family; see 'brandlint rules'"),
    ("select:\n  - terminology\n  - wordin\n", 4, "unknown rule selector 'wordin'; did you mean 'wording'?"),
    ("severity:\n  BL100: error\n  buzzwords: info\n", 4, "unknown rule selector 'buzzwords'; did you mean "
                                                           "'buzzword'?"),
    ("per_channel:\n  sales:\n    ignore: [preferred-terms]\n", 4, "unknown rule selector 'preferred-terms'; "
                                                                   "did you mean 'preferred-term'?"),
    ("per_channel:\n  sales:\n    severity: {BL1000: info}\n", 4, "unknown rule selector 'BL1000'; did you "
                                                                  "mean 'BL100'?"),
])
def test_unknown_config_selector_names_file_and_line(project, config, line, message):
    write(project / "brandlint.yaml", "messaging: messaging\n" + config)
    write(project / "draft.md", "Our clients love it.\n")
    result = invoke("check", "draft.md")
    path = project / "brandlint.yaml"
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"brandlint: error: {path}:{line}: {message}\n")


def test_misspelt_directive_is_reported_and_disables_nothing(project):
    write(project / "draft.md", "<!-- brandlint-disable-line BL100 -->\nOur clients love it.\n\n"
                                "<!-- brandlint-disable BL999 -->\nMore clients.\n")
    result = invoke("check", "draft.md", "--select", "terminology,tool", "--format", "concise")
    assert result.stdout.splitlines()[:4] == [
        "draft.md:1:1: BL003 [warning] unknown directive 'brandlint-disable-line'; use brandlint-disable, -enable, "
        "-disable-next-line or -disable-file",
        "draft.md:2:5: BL100 [warning] Use 'customers' instead of 'clients'.",
        "draft.md:4:1: BL003 [warning] unknown rule selector 'BL999'; use a code (BL100), a prefix (BL1), a name "
        "or a family; see 'brandlint rules'",
        "draft.md:5:6: BL100 [warning] Use 'customers' instead of 'clients'."]
    assert result.exit_code == 0


# --diff with --baseline -------------------------------------------------------------------------

def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})


def test_diff_and_baseline_compose_and_the_baseline_can_be_pruned(project):
    git("init", "-q", "-b", "main", cwd=project)
    draft = write(project / "a.md", "Old clients here.\n\nStill fine.\n\nMore clients.\n")
    write(project / "b.md", "Other clients.\n")
    git("add", ".", cwd=project)
    git("commit", "-qm", "base", cwd=project)
    created = invoke("baseline", "create", "a.md", "b.md", "--output", "base.json", "--select", "BL100")
    assert (created.exit_code, created.stderr) == (0, "wrote base.json: 3 findings in 2 files\n")
    draft.write_text("Old clients here.\n\nNew clients here.\n\nMore clients.\n", encoding="utf-8")
    args = ("check", "a.md", "--diff", "HEAD", "--baseline", "base.json", "--select", "BL100", "--format", "concise")
    result = invoke(*args)
    assert result.stdout.splitlines()[0] == "a.md:3:5: BL100 [warning] Use 'customers' instead of 'clients'."
    assert result.stdout.splitlines()[1].startswith("1 file checked: 1 finding (0 errors, 1 warning, 0 info)")
    assert result.stderr == "brandlint: note: the baseline base.json hid 2 known findings\n"
    # The old copy is fixed: prune drops the entries that no longer occur.
    draft.write_text("Old customers here.\n\nStill fine.\n\nMore customers.\n", encoding="utf-8")
    pruned = invoke("baseline", "prune", "a.md", "--baseline", "base.json", "--select", "BL100")
    assert (pruned.exit_code, pruned.stderr) == (
        0, "pruned base.json: removed 2 entries that no longer occur, kept 1 entry\n")
    assert [e["path"] for e in json.loads((project / "base.json").read_text())["findings"]] == ["b.md"]


def test_unknown_git_ref_says_why(project):
    git("init", "-q", "-b", "main", cwd=project)
    git("commit", "-q", "--allow-empty", "-m", "base", cwd=project)
    result = invoke("check", "--diff", "no-such-ref")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"brandlint: error: --diff: unknown git ref 'no-such-ref': no commit, branch or tag of "
                             f"that name in {project} (a remote branch must be fetched first, e.g. git fetch origin "
                             "main)\n")


# The plain install and "Start here" ------------------------------------------------------------

# The plain install has none of the claims extra: a sitecustomize that makes these imports fail is
# that environment (the modules are set to None in sys.modules, as if never installed).
BLOCKED = ("numpy", "spacy", "sentence_transformers", "onnxruntime", "torch", "model2vec", "transformers")


def plain(*args, cwd, input=None):
    site = Path(cwd).parent / "plain-site"
    write(site / "sitecustomize.py", "import sys\nfor name in %r:\n    sys.modules[name] = None\n" % (BLOCKED,))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)]), "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "brandlint", *args], cwd=cwd, env=env, input=input,
                          capture_output=True, text=True, timeout=300)


def start_here() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Start here", 1)[1].split("\n## ", 1)[0]
    return section.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()


def test_readme_start_here_goes_from_install_to_a_finding_in_five_commands(tmp_path):
    import shlex

    commands = start_here()
    assert len(commands) == 5
    # The first three make the environment (this test's own is a plain install, see `plain`).
    assert commands[:3] == ["python3 -m venv .venv", ". .venv/bin/activate",
                            'pip install "brandlint @ git+https://github.com/brandlint/brandlint"']
    work = tmp_path / "work"
    write(work / "my-post.md", "# Why we built it\n\nOur clients love it. In order to start, log into the console.\n")
    done = [plain(*shlex.split(command)[1:], cwd=work) for command in commands[3:]]
    assert (done[0].returncode, done[0].stdout) == (0, "")
    assert done[0].stderr.splitlines() == ["wrote brandlint.yaml", "wrote messaging/claims.yaml",
                                           "wrote messaging/voice.yaml",
                                           "next: brandlint check YOUR-FILE.md (edit messaging/ to hold your own "
                                           "facts and terms)"]
    check = done[1]
    assert check.stdout.splitlines()[:3] == [
        "my-post.md  (external copy)",
        "my-post.md:3:1: BL307 [info] Not enough prose to score readability (12 words; 100 needed).  "
        "(not-enough-prose)",
        "    Our clients love it. In order to start, log into the console."]
    assert "my-post.md:3:5: BL100 [warning] Use 'customers' instead of 'clients'.  (preferred-term)" in check.stdout
    assert check.stderr == ("brandlint: note: claims checks (off-message claims, figures, embargoes) need the "
                            "claims extra: pip install 'brandlint[claims]'; they did not run, terminology and "
                            "wording did\n")
    assert check.returncode == 0


def test_init_asks_for_the_company_and_refuses_to_overwrite(project):
    (project / "brandlint.yaml").unlink()
    import shutil

    shutil.rmtree(project / "messaging")
    result = invoke("init", input="Widgetly\n")
    assert (result.exit_code, result.stdout) == (0, "Company name: Widgetly\n")
    claims = (project / "messaging" / "claims.yaml").read_text()
    assert 'company: "Widgetly"' in claims and '- use: "Widgetly"' in claims
    for key in ("figure:", "previously:", "channels:", "embargo_until:", "reason:", "retired_on:", "use_instead:",
                "avoid:", "case_sensitive:"):
        assert key in claims, key
    assert "voice:" in (project / "messaging" / "voice.yaml").read_text()
    valid = invoke("messaging", "check")
    assert valid.stdout.splitlines()[0] == (
        f"{project / 'messaging'}: 5 entries, 4 terms, 3 voice settings in 2 files: valid")
    before = (project / "brandlint.yaml").read_text()
    again = invoke("init", "--company", "Other")
    assert (again.exit_code, again.stdout) == (2, "")
    assert again.stderr == (f"brandlint: error: init will not overwrite brandlint.yaml, messaging/claims.yaml, "
                            f"messaging/voice.yaml in {project}; move them away or run init in another folder\n")
    assert (project / "brandlint.yaml").read_text() == before


def test_plain_install_runs_check_and_messaging_check_without_a_traceback(project):
    write(project / "draft.md", "Our clients love it. Acme Cloud cannot be hacked.\n")
    check = plain("check", "draft.md", "--format", "concise", cwd=project)
    assert check.stdout.splitlines()[1] == "draft.md:1:5: BL100 [warning] Use 'customers' instead of 'clients'."
    assert check.stderr == ("brandlint: note: claims checks (off-message claims, figures, embargoes) need the "
                            "claims extra: pip install 'brandlint[claims]'; they did not run, terminology and "
                            "wording did\n")
    assert check.returncode == 0
    messaging = plain("messaging", "check", cwd=project)
    assert messaging.stdout == f"{project / 'messaging'}: 15 entries, 5 terms, 3 voice settings in 2 files: valid\n"
    assert messaging.stderr == ("brandlint: note: confusable entries are found by meaning, and claims checks "
                                "(off-message claims, figures, embargoes) need the claims extra: pip install "
                                "'brandlint[claims]'\n")
    assert messaging.returncode == 0
    for args in (("explain", "draft.md:1"), ("explain", "BL200"), ("rules",), ("baseline", "create", "draft.md")):
        done = plain(*args, cwd=project)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (args, done.stderr)


def test_empty_messaging_folder_is_a_warning(project):
    import shutil

    shutil.rmtree(project / "messaging")
    (project / "messaging").mkdir()
    write(project / "draft.md", "Our customers love it.\n")
    result = invoke("check", "draft.md", "--select", "terminology", "--format", "concise")
    assert result.stderr == (f"brandlint: warning: the messaging folder {project / 'messaging'} has no entries, "
                             "terms or voice settings; only the built-in word lists ran (see 'brandlint init' for "
                             "a starter)\n")
    assert result.exit_code == 0
