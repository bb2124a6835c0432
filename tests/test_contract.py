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
from conftest import ROOT, git, invoke


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
    (("--select", "BL100,BL9"), "--select: unknown rule selector 'BL9'; did you mean 'BL306'?"),
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
        "my-post.md:3:5: BL100 [warning] Use 'customers' instead of 'clients'.  (preferred-term)",
        "    Our clients love it. In order to start, log into the console."]
    assert "my-post.md:3:5: BL100 [warning] Use 'customers' instead of 'clients'.  (preferred-term)" in check.stdout
    assert check.stderr == ("brandlint: note: claims checks (off-message claims, figures, embargoes) need numpy, "
                            "onnxruntime and tokenizers, which a full install brings: pip install numpy onnxruntime "
                            "tokenizers; they did not run, terminology and wording did\n")
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
    assert check.stdout.splitlines()[:2] == ["draft.md:1:5: BL100 [warning] Use 'customers' instead of 'clients'.",
                                             "draft.md:1:40: BL303 [info] Passive voice: 'be hacked'. Say who does it."]
    assert check.stderr == ("brandlint: note: claims checks (off-message claims, figures, embargoes) need numpy, "
                            "onnxruntime and tokenizers, which a full install brings: pip install numpy onnxruntime "
                            "tokenizers; they did not run, terminology and wording did\n")
    assert check.returncode == 0
    messaging = plain("messaging", "check", cwd=project)
    assert messaging.stdout == f"{project / 'messaging'}: 16 entries, 5 terms, 3 voice settings in 2 files: valid\n"
    assert messaging.stderr == ("brandlint: note: confusable entries and examples are judged by meaning, and claims checks "
                                "(off-message claims, figures, embargoes) need numpy, onnxruntime and tokenizers, "
                                "which a full install brings: pip install numpy onnxruntime tokenizers\n")
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


# Channels are configuration ----------------------------------------------------------------------

def test_a_custom_partner_channel_works_everywhere_a_channel_goes(project):
    write(project / "brandlint.yaml", "messaging: messaging\nchannels:\n  partner: ['partners/**']\n"
                                      "per_channel:\n  partner: {ignore: [BL100]}\n"
                                      "claims:\n  unsupported_severity: {partner: warning}\n")
    write(project / "messaging" / "partner.yaml", "terms:\n  - use: Partner Portal\n    channels: [partner]\n"
                                                  "voice:\n  partner: {max_sentence_words: 6}\n")
    write(project / "partners" / "a.md", "Partner Portal helps our clients find the right cloud plan for them.\n")
    write(project / "b.md", "Partner Portal is new.\n")
    args = ("--select", "terminology,BL302", "--format", "concise")
    result = invoke("check", "partners", "b.md", *args)
    assert result.stdout.splitlines()[:2] == [
        "partners/a.md:1:1: BL302 [info] Long sentence: 12 words; partner copy keeps sentences to 6.",
        "b.md:1:1: BL103 [error] 'Partner Portal' is for partner copy only; remove it from external copy."]
    as_partner = invoke("check", "b.md", "--channel", "partner", *args)
    assert (as_partner.exit_code, as_partner.stdout.splitlines()[0]) == (0, "1 file checked: 0 findings (0 errors, "
                                                                           "0 warnings, 0 info)" + as_partner.stdout.splitlines()[0].split("info)")[1])
    unknown = invoke("check", "b.md", "--channel", "partners")
    assert (unknown.exit_code, unknown.stdout) == (2, "")
    assert unknown.stderr == ("brandlint: error: --channel: unknown channel 'partners'; use one of internal, "
                              "external, sales, partner (name more under 'channels:' in brandlint.yaml)\n")
    for command in (("explain", "b.md:1", "--channel", "partner"), ("baseline", "create", "b.md", "--channel", "partner")):
        assert invoke(*command).exit_code == 0, command


# Output ------------------------------------------------------------------------------------------

LONG = ("Our clients love it, and " + "this sentence keeps going with more plain words " * 4 + "until it ends.\n")


def test_piped_text_output_is_one_finding_per_line_without_wrapping(project, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    write(project / "draft.md", LONG)
    result = invoke("check", "draft.md", "--select", "BL100")
    assert result.stdout.splitlines()[:5] == [
        "draft.md  (external copy)",
        "draft.md:1:5: BL100 [warning] Use 'customers' instead of 'clients'.  (preferred-term)",
        "    " + LONG[:120],
        "        ^^^^^^^",
        "    fix: customers"]
    assert "\x1b[" not in result.stdout


def test_colour_follows_color_option_no_color_and_force_color(project, monkeypatch):
    write(project / "draft.md", "Our clients love it.\n")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in invoke("check", "draft.md", "--select", "BL100").stdout
    assert "\x1b[" not in invoke("check", "draft.md", "--select", "BL100", "--color", "never").stdout
    monkeypatch.delenv("FORCE_COLOR")
    assert "\x1b[" in invoke("check", "draft.md", "--select", "BL100", "--color", "always").stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in invoke("check", "draft.md", "--select", "BL100").stdout


def test_quiet_severity_exit_zero_and_statistics(project):
    write(project / "draft.md", "Our clients love it. Our clients, too. We leverage synergy. Project Falcon.\n")
    args = ("check", "draft.md", "--select", "terminology,BL305", "--format", "concise")
    quiet = invoke(*args, "--quiet", "--severity", "error")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (
        1, "draft.md:1:61: BL103 [error] 'Project Falcon' is for internal copy only; remove it from external copy.\n",
        "")
    assert invoke(*args, "--exit-zero").exit_code == 0
    stats = invoke(*args, "--statistics")
    assert stats.stdout == "2  BL100  preferred-term\n2  BL305  buzzword\n1  BL103  restricted-term\n"
    assert stats.stderr.startswith("1 file checked: 5 findings (1 error, 2 warnings, 2 info)")
    assert stats.exit_code == 1


def test_junit_fails_only_at_fail_on(project):
    import xml.etree.ElementTree as ET

    write(project / "a.md", "Our clients love it.\n")
    root = ET.fromstring(invoke("check", "a.md", "--select", "BL100", "--format", "junit").stdout)
    assert (root.get("tests"), root.get("failures")) == ("1", "0")
    assert root.find("testsuite/testcase/system-out").text == (
        "a.md:1:5: BL100 [warning] Use 'customers' instead of 'clients'.")
    root = ET.fromstring(invoke("check", "a.md", "--select", "BL100", "--format", "junit", "--fail-on",
                                "warning").stdout)
    assert (root.get("tests"), root.get("failures")) == ("1", "1")


# I/O failures ------------------------------------------------------------------------------------

def test_output_into_a_missing_folder_keeps_the_report(project):
    write(project / "draft.md", "Our clients love it.\n")
    result = invoke("check", "draft.md", "--select", "BL100", "--format", "concise", "-o", "missing/report.txt")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0] == "draft.md:1:5: BL100 [warning] Use 'customers' instead of 'clients'."
    assert result.stderr.splitlines()[-1] == (
        "brandlint: error: cannot write the report to missing/report.txt: the folder does not exist; it was "
        "printed to standard output instead")
    assert not (project / "missing").exists()
    into_file = invoke("check", "draft.md", "--select", "BL100", "-o", "draft.md/report.txt")
    assert into_file.exit_code == 2 and into_file.stderr.splitlines()[-1] == (
        "brandlint: error: cannot write the report to draft.md/report.txt: not a directory; it was printed to "
        "standard output instead")


def test_diff_fix_prints_a_unified_diff_and_writes_nothing(project):
    draft = write(project / "draft.md", "Our clients love it.\nLogin to start.\n")
    result = invoke("check", "draft.md", "--select", "terminology", "--diff-fix")
    assert result.stdout == ("--- a/draft.md\n+++ b/draft.md\n@@ -1,2 +1,2 @@\n-Our clients love it.\n"
                             "-Login to start.\n+Our customers love it.\n+Sign in to start.\n")
    assert result.stderr == "brandlint: note: --diff-fix: 2 fixes in 1 file; nothing was written\n"
    assert result.exit_code == 1
    assert draft.read_text() == "Our clients love it.\nLogin to start.\n"


def test_fix_checks_every_file_can_be_written_before_writing_any():
    """Run as an ordinary user (root may write anywhere): as `nobody` when the tests run as root."""
    import shutil
    import subprocess
    import sys
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="brandlint-preflight-", dir="/tmp"))
    try:
        shutil.copytree(ROOT / "messaging", base / "messaging")
        (base / "brandlint.yaml").write_text("messaging: messaging\n", encoding="utf-8")
        ok = write(base / "a" / "one.md", "Our clients.\n")
        locked = write(base / "b" / "two.md", "Our clients.\n")
        prefix = []
        if os.geteuid() == 0:
            if not shutil.which("setpriv"):
                pytest.skip("running as root without setpriv to drop to an ordinary user")
            for folder, _, files in os.walk(base):
                for name in [folder, *(os.path.join(folder, f) for f in files)]:
                    os.chown(name, 65534, 65534)
            os.chmod(base, 0o755)
            prefix = ["setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups"]
            probe = subprocess.run([*prefix, sys.executable, "-c", "import brandlint"], cwd=base,
                                   env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True)
            if probe.returncode != 0:  # e.g. a checkout under a private (0700) temporary folder
                pytest.skip("an ordinary user cannot read this checkout or its Python, so root cannot drop to one")
        os.chmod(base / "b", 0o555)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "BRANDLINT_SERVER": "off", "NO_COLOR": "1",
               "BRANDLINT_CACHE_DIR": str(base / "cache"), "HOME": str(base)}
        done = subprocess.run([*prefix, sys.executable, "-m", "brandlint", "check", "a", "b", "--select", "terminology",
                               "--fix"], cwd=base, env=env, capture_output=True, text=True)
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr == (f"brandlint: error: --fix cannot write b/two.md (folder {base / 'b'} is not "
                               "writable); nothing was changed\n")
        assert ok.read_text() == locked.read_text() == "Our clients.\n"
    finally:
        os.chmod(base / "b", 0o755)
        shutil.rmtree(base, ignore_errors=True)


def test_ci_docs_pin_a_commit_and_never_hide_a_failed_run():
    import re

    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert re.findall(r"^\s+rev: (\S+)", text, re.M) == ["0123456789abcdef0123456789abcdef01234567"]
    assert "pre-commit autoupdate --freeze" in text
    recipes = [line for line in text.splitlines() if "brandlint check" in line and "run:" in line or "- brandlint" in line]
    assert recipes and not [line for line in recipes if "|| true" in line]


def _run_in_terminal(args, cwd, env):
    """Run the real CLI with stdout and stderr on a pseudo-terminal; return everything it printed."""
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "brandlint", *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=follower, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait()
    os.close(leader)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace")


def test_progress_shows_on_a_terminal_only(project):
    import subprocess
    import sys
    from pathlib import Path

    for i in range(30):
        write(project / "many" / f"p{i:02d}.md", f"Post {i}: our clients grow.\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent), "BRANDLINT_SERVER": "off",
           "BRANDLINT_PROGRESS_DELAY": "0", "NO_COLOR": "1"}
    args = ["check", "many", "--select", "terminology", "--no-cache"]
    code, shown = _run_in_terminal(args, project, env)
    assert code == 0
    assert "linting" in shown  # rich's bar, on the terminal's stderr
    assert "many/p00.md:1:13: BL100 [warning] Use 'customers' instead of 'clients'." in shown
    piped = subprocess.run([sys.executable, "-m", "brandlint", *args], cwd=project, env=env, capture_output=True,
                           text=True)
    assert piped.returncode == 0 and "linting" not in piped.stderr


def test_a_reader_that_stops_early_gets_no_traceback_and_the_exit_code_stands(project):
    """`brandlint check ... | head -1`: the pipe closes after one line; the check still ends with its own
    exit code (1: errors found) and says nothing more on stderr."""
    import subprocess
    import sys

    for i in range(300):
        write(project / "many" / f"p{i:03d}.md", "Our clients love it. Our clients grow.\n" * 20)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BRANDLINT_SERVER": "off", "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "brandlint", "check", "many", "--select", "terminology",
                             "--fail-on", "warning", "--no-cache", "--format", "concise"], cwd=project, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline().decode()
    proc.stdout.close()  # as `head -1` does
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 1
    assert first == "many/p000.md:1:5: BL100 [warning] Use 'customers' instead of 'clients'.\n"
    assert stderr == ""


def test_a_fixed_draft_that_cannot_be_written_to_stdout_fails_and_says_so(project):
    """`check - --fix` writes the fixed draft to stdout; on a full disk that write fails when the finished
    check flushes its output (it exits without interpreter teardown), and an editor that would replace
    its buffer with stdout on success must not see exit 0."""
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env.update({"PYTHONPATH": str(ROOT), "BRANDLINT_SERVER": "off", "NO_COLOR": "1"})
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "brandlint", "check", "-", "--fix", "--select", "terminology"],
                              cwd=project, env=env, input=b"Our clients love it.\n", stdout=full,
                              stderr=subprocess.PIPE, timeout=300)
    assert (done.returncode, done.stderr.decode()) == (
        120, "brandlint: error: cannot write to standard output: No space left on device\n")
    fixed = subprocess.run([sys.executable, "-m", "brandlint", "check", "-", "--fix", "--select", "terminology"],
                           cwd=project, env=env, input=b"Our clients love it.\n", capture_output=True, timeout=300)
    assert (fixed.returncode, fixed.stdout, fixed.stderr) == (0, b"Our customers love it.\n", b"")
