"""Issue 15, "nothing lost, nothing hangs", through the command line: --fix never damages a draft, no
input stops the run, CR/LF/CRLF read alike, hostile configuration is a clear exit 2."""

from __future__ import annotations

import codecs
import io
import json
import os
from pathlib import Path

import pytest
from conftest import invoke

from brandlint import project as project_layer

MARKUP = ("We met [prior](https://example.com/a) to launch. **In order** to win, we act <em>at this point</em> in time.\n"
          "We met prior <!-- x --> to launch. We met `prior` to launch.\n")
PLAIN = "Prior to launch, in order to win, at this point in time we ship.\n"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def fix(*args):
    return invoke("check", *args, "--fix", "--select", "wording,terminology", "--format", "concise")


# --fix: words only, and the file as the user set it up

def test_fix_never_rewrites_markup_and_offers_a_suggestion_instead(project):
    path = write(project / "d.md", MARKUP + PLAIN)
    result = fix("d.md")
    assert path.read_text() == MARKUP + "Before launch, to win, now we ship.\n"
    assert result.stdout.splitlines()[:3] == [
        "d.md:1:9: BL304 [info] Wordy: write 'before' instead of 'prior                         to'.",
        "d.md:1:52: BL304 [info] Wordy: write 'To' instead of 'In order   to'.",
        "d.md:1:82: BL304 [info] Wordy: write 'now' instead of 'at this point      in time'."]
    text = invoke("check", "d.md", "--select", "BL304").stdout
    assert "    suggestion: before" in text and "    fix: before" not in text


def test_fix_writes_through_a_symlink_and_keeps_hard_links_owner_and_mode(project):
    target = write(project / "real" / "t.md", PLAIN)
    os.symlink(target, project / "link.md")
    hard = write(project / "h.md", PLAIN)
    os.link(hard, project / "h2.md")
    owned = write(project / "o.md", PLAIN)
    os.chown(owned, 4321, 4321)
    os.chmod(owned, 0o640)
    assert fix("link.md", "h.md", "o.md").exit_code == 0
    assert os.path.islink(project / "link.md") and target.read_text() == "Before launch, to win, now we ship.\n"
    assert (project / "h2.md").read_text() == "Before launch, to win, now we ship.\n"
    assert os.stat(hard).st_ino == os.stat(project / "h2.md").st_ino and os.stat(hard).st_nlink == 2
    st = os.stat(owned)
    assert (st.st_uid, st.st_gid, st.st_mode & 0o777) == (4321, 4321, 0o640)
    assert owned.read_text() == "Before launch, to win, now we ship.\n"


def test_fix_refuses_read_only_files_unless_asked(project):
    path = write(project / "r.md", PLAIN)
    os.chmod(path, 0o444)
    result = fix("r.md")
    assert path.read_text() == PLAIN
    assert "brandlint: note: r.md: not fixed: the file is read-only; pass --fix-read-only to fix it anyway" \
        in result.stderr
    assert result.stdout.startswith("r.md:1:1: BL304 [info] Wordy: write 'Before' instead of 'Prior to'.")
    assert fix("r.md", "--fix-read-only").exit_code == 0
    assert path.read_text() == "Before launch, to win, now we ship.\n"
    assert os.stat(path).st_mode & 0o777 == 0o444


def test_fix_keeps_utf16_byte_order(project):
    path = write(project / "be.txt", codecs.BOM_UTF16_BE + PLAIN.replace("\n", "\r\n").encode("utf-16-be"))
    assert fix("be.txt").exit_code == 0
    assert path.read_bytes() == codecs.BOM_UTF16_BE + "Before launch, to win, now we ship.\r\n".encode("utf-16-be")


def test_a_file_changed_after_it_was_read_is_not_overwritten(project, messaging, rules):
    # No CLI hook can edit a file mid-run, so this drives the project layer's two steps directly.
    from brandlint.config import Config

    path = write(project / "c.md", PLAIN)
    run = project_layer.Run(Config(root=project, select=("wording",)), messaging, tuple(rules), None, fix=True)
    result = project_layer.lint_path(path, run)
    assert result.fixed == 3
    path.write_text("Prior to launch, edited by hand.\n")
    [after] = project_layer.write_fixes([result], run)
    assert path.read_text() == "Prior to launch, edited by hand.\n"
    assert after.notes == (f"{path}: not fixed: the file changed while brandlint ran; run again to fix the new version",)
    assert after.fixed == 0


# No input stops the run

def _docx_with_bad_version(path: Path) -> None:
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Our clients love it.")
    document.save(buffer)
    data = bytearray(buffer.getvalue())
    at = data.find(b"PK\x03\x04")
    data[at + 4:at + 6] = (99).to_bytes(2, "little")  # "version needed to extract": 9.9
    central = data.find(b"PK\x01\x02")
    data[central + 6:central + 8] = (99).to_bytes(2, "little")
    path.write_bytes(bytes(data))


def test_hostile_files_each_become_a_finding_and_the_run_goes_on(project):
    write(project / "d" / "bom.md", b"\xef\xbb\xbfHi \xff\n")
    write(project / "d" / "cdata.html", "<p>Hello <![ there> and our clients.</p>\n")
    write(project / "d" / "deep.md", "---\nx: " + "[" * 500 + "]" * 500 + "\n---\nOur clients.\n")
    _docx_with_bad_version(project / "d" / "v.docx")
    os.symlink("loop2.md", project / "d" / "loop1.md")
    os.symlink("loop1.md", project / "d" / "loop2.md")
    result = invoke("check", "d/bom.md", "d/cdata.html", "d/deep.md", "d/v.docx", "d/loop1.md",
                    "--select", "BL001,BL100", "--format", "concise", "--no-cache")
    assert result.stdout.splitlines()[:-1] == [
        "d/bom.md:1:1: BL001 [error] cannot lint this file: not valid UTF-8 (byte 0xff on line 1); save the file as UTF-8",
        "d/cdata.html:1:29: BL100 [warning] Use 'customers' instead of 'clients'.",
        "d/deep.md:4:5: BL100 [warning] Use 'customers' instead of 'clients'.",
        "d/v.docx:1:1: BL001 [error] cannot lint this file: not a readable Word file (broken or truncated zip: "
        "zip file version 9.9)",
        "d/loop1.md:1:1: BL001 [error] cannot lint this file: Too many levels of symbolic links"]
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_tool_failure_exits_3_and_names_it(project, monkeypatch):
    write(project / "a.md", "Our clients.\n")
    write(project / "b.md", "Our clients.\n")
    monkeypatch.setenv("BRANDLINT_TIME_LIMIT", "0.000001")
    result = invoke("check", "a.md", "b.md", "--format", "concise", "--no-cache")
    assert result.stdout.splitlines()[0] == ("a.md:1:1: BL001 [error] cannot lint this file: brandlint took longer "
                                             "than 1e-06 s on this file and stopped; please report it")
    assert result.stderr.endswith("brandlint: error: brandlint failed on some files (see BL001); the rest were checked\n")
    assert result.exit_code == 3


def test_fifo_is_skipped_with_a_note(project):
    os.mkfifo(project / "pipe.md")
    write(project / "ok.md", "Our clients.\n")
    result = invoke("check", "pipe.md", "ok.md", "--select", "BL100", "--format", "concise")
    assert "brandlint: note: pipe.md: skipped: not a regular file (a FIFO, a device or a socket)" in result.stderr
    assert result.stdout.splitlines()[0] == "ok.md:1:5: BL100 [warning] Use 'customers' instead of 'clients'."
    assert result.exit_code == 0


def test_a_sparse_4_gb_file_and_dev_zero_are_refused_before_reading(project):
    """Sizes are checked before anything is read: a sparse 4 GB file is a clear finding at once, and
    /dev/zero (a device) is skipped with a note; the rest of the run goes on."""
    with open(project / "huge.md", "wb") as f:
        f.truncate(4 * 2**30)  # sparse: no disk used, and reading it would take 4 GB of memory
    write(project / "ok.md", "Our clients.\n")
    result = invoke("check", "huge.md", "/dev/zero", "ok.md", "--select", "BL001,BL100", "--format", "concise")
    assert result.stdout.splitlines()[:-1] == [
        "huge.md:1:1: BL001 [error] cannot lint this file: file is 4096 MB; brandlint reads drafts up to 50 MB",
        "ok.md:1:5: BL100 [warning] Use 'customers' instead of 'clients'."]
    assert "brandlint: note: /dev/zero: skipped: not a regular file (a FIFO, a device or a socket)" in result.stderr
    assert result.exit_code == 1


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github", "junit"])
def test_file_names_cannot_forge_lines_in_any_format(project, fmt):
    write(project / "n" / "a\nb.md", "Our clients.\n")
    write(project / "n" / os.fsdecode(b"c\xff.md"), "Our clients.\n")
    result = invoke("check", "n", "--select", "BL100", "--format", fmt)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert not any(line == "b.md" or line.startswith("b.md") for line in lines)
    if fmt == "concise":
        assert lines[:2] == ["n/a\\nb.md:1:5: BL100 [warning] Use 'customers' instead of 'clients'.",
                             "n/c\\xff.md:1:5: BL100 [warning] Use 'customers' instead of 'clients'."]
    if fmt == "github":
        assert "::warning file=n/a\\nb.md,line=1,col=5,endLine=1,endColumn=12,title=BL100 preferred-term::" \
               "Use 'customers' instead of 'clients'." in lines
    if fmt == "sarif":
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in json.loads(result.stdout)["runs"][0]["results"]]
        assert uris == ["n/a%0Ab.md", "n/c%FF.md"]


# Line endings

@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_cr_lf_and_crlf_read_alike(project, newline):
    md = "---\nchannel: internal\n---\nProject Falcon ships.\n\nOur clients.\n".replace("\n", newline)
    write(project / "a.md", md)
    write(project / "b.txt", "First paragraph.\n\nOur clients.\n".replace("\n", newline))
    write(project / "c.html", "<p>First.</p>\n\n<!x> <!ELEMENT y> Our clients.\n".replace("\n", newline))
    out = invoke("check", "a.md", "b.txt", "c.html", "--select", "BL100,BL103", "--format", "concise").stdout
    assert out.splitlines()[:-1] == ["a.md:6:5: BL100 [warning] Use 'customers' instead of 'clients'.",
                                     "b.txt:3:5: BL100 [warning] Use 'customers' instead of 'clients'.",
                                     "c.html:3:23: BL100 [warning] Use 'customers' instead of 'clients'."]


# Configuration

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))


@pytest.mark.parametrize("text,message", [
    (BOMB, "brandlint.yaml:6: more than 200000 values once aliases are expanded; write the data out or use fewer aliases"),
    ("select: " + "[" * 1000 + "]" * 1000 + "\n", "brandlint.yaml:1: nesting deeper than 64 levels; flatten the structure"),
    ("select: " + "[" * 100000 + "]" * 100000 + "\n", "brandlint.yaml:1: nesting deeper than 64 levels; flatten the structure"),
    ("exclude: ['ok/*', '[z-a]']\n", "brandlint.yaml:1: invalid glob '[z-a]': bad character range z-a at position 10"),
])
def test_hostile_configuration_is_exit_2_naming_the_file(project, text, message):
    (project / "brandlint.yaml").write_text("messaging: messaging\n" + text if "&a" not in text else text)
    write(project / "a.md", "Hi.\n")
    result = invoke("check", "a.md")
    line = int(message.split(":")[1]) + (0 if "&a" in text else 1)
    expected = f"brandlint: error: {project / 'brandlint.yaml'}:{line}:" + message.split(":", 2)[2] + "\n"
    assert (result.exit_code, result.stderr) == (2, expected)


def test_bad_gitignore_names_file_and_line(project):
    write(project / "g" / ".gitignore", "*.tmp\n!\n")
    write(project / "g" / "a.md", "Hi.\n")
    result = invoke("check", "g")
    assert (result.exit_code, result.stderr) == (2, "brandlint: error: g/.gitignore:2: invalid glob '!': Invalid git pattern: '!'\n")


@pytest.mark.parametrize("body,message", [
    ("patterns: ['a{99999999999}']\n", "6: invalid regular expression 'a{99999999999}': the repetition number is too "
                                       "large; escape special characters such as ( [ + with a backslash"),
    ("patterns: ['(?<=x)(a+)+$']\n", "6: regular expression '(?<=x)(a+)+$' nests repetitions (such as (a+)+) and needs "
                                     "lookaround or backreferences, so it could run for minutes on a short line; "
                                     "rewrite it without the nested repetition"),
    ("patterns: ['x']\nmessage: 'found {0}'\n", "6: bad field {0} in the message; fields are names such as {found} or {expected}"),
])
def test_bad_rule_files_are_named_at_load(project, body, message):
    head = "code: ACME101\nname: acme\nkind: existence\nseverity: error\n"
    text = head + ("message: 'no {found}'\n" if "message" not in body else "") + body
    write(project / "rules" / "acme.yaml", text)
    (project / "brandlint.yaml").write_text("messaging: messaging\nrules: [rules]\n")
    result = invoke("check", "x.md")
    assert (result.exit_code, result.stderr) == (2, f"brandlint: error: {project / 'rules' / 'acme.yaml'}:{message}\n")


def test_user_pattern_runs_in_linear_time(project):
    write(project / "rules" / "acme.yaml", "code: ACME101\nname: acme\nkind: existence\nseverity: error\n"
                                           "message: 'no {found}'\npatterns: ['(a+)+$']\nignorecase: false\n")
    (project / "brandlint.yaml").write_text("messaging: messaging\nrules: [rules]\n")
    write(project / "a.txt", "a" * 60 + "b\n")
    result = invoke("check", "a.txt", "--select", "ACME101", "--format", "concise")
    assert (result.exit_code, result.stdout) == (0, "1 file checked: 0 findings (0 errors, 0 warnings, 0 info)"
                                                    + result.stdout.split("info)")[1])


# Shapes that took seconds to minutes in one rule's regex (two of them found by `make fuzz`, html,
# seed 1: input 4228, a run of colons, 55 s on 3 KB; input 20947, "a-a-a-" beside a product name, 1 s
# on 2.5 KB). Under the run's own 5 s per-document limit each must lint like any file.
@pytest.mark.parametrize("name,text,select,expected", [
    ("c.md", "Our clients said the <tr" + ":" * 3000 + " renders in order to win.\n", "BL100,BL301,BL304",
     ["c.md:1:5: BL100 [warning] Use 'customers' instead of 'clients'.",
      "c.md:1:3034: BL304 [info] Wordy: write 'to' instead of 'in order to'."]),
    ("w.txt", "Our clients said " + "a" * 30000 + " in order to win.\n", "BL100,BL301,BL304",
     ["w.txt:1:5: BL100 [warning] Use 'customers' instead of 'clients'.",
      "w.txt:1:30019: BL304 [info] Wordy: write 'to' instead of 'in order to'."]),
    ("h.txt", "Why acme cloud " + "a-" * 20000 + "a\n", "BL101",
     ["h.txt:1:5: BL101 [warning] Write the product name as 'Acme Cloud', not 'acme cloud'."]),
])
def test_pathological_lines_lint_within_the_time_limit(project, monkeypatch, name, text, select, expected):
    monkeypatch.setenv("BRANDLINT_TIME_LIMIT", "5")
    write(project / name, text)
    result = invoke("check", name, "--select", select, "--format", "concise", "--no-cache")
    assert result.stdout.splitlines()[:-1] == expected
    assert result.exit_code == 0  # warnings and info only; the default --fail-on is error


def test_invalid_utf8_in_messaging_names_file_and_line(project):
    path = project / "messaging" / "zz.yaml"
    write(path, b"terms:\n  # caf\xe9\n")
    result = invoke("check", "x.md")
    assert (result.exit_code, result.stderr) == (
        2, f"brandlint: error: {path}:2: not valid UTF-8 (byte 0xe9); save the file as UTF-8\n")


# The cache: a damaged row is computed again, never trusted

def test_damaged_cache_rows_give_the_results_of_an_uncached_run(project, monkeypatch, tmp_path):
    import shutil
    import sqlite3

    import numpy as np

    from brandlint import cache

    monkeypatch.setenv("BRANDLINT_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copy(Path(__file__).parent.parent / "examples" / "blog" / "why-acme-cloud.md", project / "post.md")

    def findings(*extra):
        result = invoke("check", "post.md", "--format", "json", "--as-of", "2026-11-22", *extra)
        return result.exit_code, json.loads(result.stdout)["findings"]

    uncached = findings("--no-cache")
    assert findings() == uncached
    db = sqlite3.connect(cache.folder() / "cache.sqlite3")
    rows = db.execute("SELECT key, value FROM embeddings").fetchall()
    assert len(rows) > 4
    nan = np.full(384, np.nan, dtype=np.float32).tobytes()
    for i, (key, value) in enumerate(rows):
        db.execute("UPDATE embeddings SET value = ? WHERE key = ?", (value[:100] if i % 2 else nan, key))
    db.execute("UPDATE results SET value = ?", (b'{"findings": [{"code": "X"}]}',))
    db.commit()
    assert findings() == uncached
    assert len({f["family"] for f in uncached[1]} & {"claims"}) == 1


# Killing a run kills its workers, and nothing is written after the main process is gone

def _group(pgid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                pids.append(int(entry))
    return pids


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_killed_run_leaves_no_workers_and_no_writes(project):
    import signal
    import subprocess
    import sys
    import time

    for i in range(200):
        write(project / "many" / f"d{i:03}.md", PLAIN * 20)
    before = {p: p.read_bytes() for p in (project / "many").iterdir()}
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parent.parent), BRANDLINT_SERVER="off")
    proc = subprocess.Popen([sys.executable, "-m", "brandlint", "check", "many", "--fix", "--no-cache",
                             "--select", "wording,terminology"], cwd=project, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(_group(proc.pid)) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert len(_group(proc.pid)) >= 3, "the run started worker processes"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while _group(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _group(proc.pid) == []
    assert {p: p.read_bytes() for p in (project / "many").iterdir()} == before


# The server trusts only itself

def test_a_socket_planted_in_a_shared_cache_is_never_used(project, tmp_path):
    import socket
    import subprocess
    import sys
    import threading

    from brandlint import __version__

    shared = tmp_path / "shared-cache"
    planted = shared / __version__ / "server"
    planted.mkdir(parents=True)
    os.chmod(planted, 0o777)
    heard = []
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(planted / "server.sock"))
    listener.listen()
    listener.settimeout(30)

    def impostor():
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        heard.append(conn.recv(1 << 20))
        conn.sendall(b'{"accepted": true}\n{"code": 0, "stdout": "All good\\n", "stderr": ""}\n')
        conn.close()

    threading.Thread(target=impostor, daemon=True).start()
    write(project / "draft.md", "Our clients.\n")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parent.parent), BRANDLINT_CACHE_DIR=str(shared),
               SECRET_TOKEN="s3cret")
    env.pop("BRANDLINT_SERVER", None)
    done = subprocess.run([sys.executable, "-c", "from brandlint.launch import main; main()", "check", "draft.md",
                           "--select", "BL100", "--format", "concise", "--fail-on", "warning"],
                          cwd=project, env=env, capture_output=True, text=True, timeout=120)
    listener.close()
    assert heard == []
    assert (done.returncode, done.stdout.splitlines()[0]) == (
        1, "draft.md:1:5: BL100 [warning] Use 'customers' instead of 'clients'.")


def test_server_requests_are_confined_to_its_root(tmp_path):
    from brandlint.server import confined

    root = tmp_path / "proj"
    (root / "docs").mkdir(parents=True)
    assert confined(["check", "docs", "--format", "json"], str(root), root) is None
    assert confined(["check", "docs"], str(tmp_path), root) == f"the server serves {root} only"
    assert confined(["check", "/etc/passwd"], str(root), root) == f"/etc/passwd is outside {root}, the folder the server serves"
    assert confined(["check", "docs", "--output=../out.json"], str(root), root) == (
        f"../out.json is outside {root}, the folder the server serves")


def test_running_server_refuses_outside_paths_answers_busy_and_keeps_a_private_log(project, tmp_path_factory,
                                                                                  monkeypatch):
    """Through a real server process: requests outside its folder are refused, a second request while
    one runs is answered "busy" at once (the client then runs locally), and its files are private."""
    import socket
    import stat
    import subprocess
    import sys

    from brandlint import server

    elsewhere = tmp_path_factory.mktemp("elsewhere")  # not inside the project the server serves
    monkeypatch.setenv("BRANDLINT_CACHE_DIR", str(elsewhere / "srv"))
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent), "NO_COLOR": "1"}
    exe = [sys.executable, "-m", "brandlint"]
    secret = "Zanzibar-marmalade-7731"  # draft text that must never reach the log
    (project / "post.md").write_text(f"Our clients like {secret}.\n", encoding="utf-8")
    (project / "big.md").write_text("Our clients love it, in order to grow and utilize the console.\n\n" * 40_000,
                                    encoding="utf-8")
    outside = elsewhere / "elsewhere.md"
    outside.write_text("Our clients.\n", encoding="utf-8")
    started = subprocess.run(exe + ["server", "start", "--idle", "120"], cwd=project, env=env, capture_output=True,
                             text=True)
    assert started.returncode == 0, started.stderr
    request = {"cwd": str(project), "env": {"NO_COLOR": "1"}, "stdin": ""}
    try:
        assert stat.S_IMODE(os.stat(server.folder()).st_mode) == 0o700
        assert stat.S_IMODE(os.stat(server.folder() / "server.log").st_mode) == 0o600
        inside = server.call({**request, "argv": ["check", "post.md", "--select", "terminology"]})
        assert inside["code"] == 0 and "post.md:1:5: BL100 [warning]" in inside["stdout"]
        assert server.call({**request, "argv": ["check", str(outside)]}) is None  # refused: the client runs it
        assert server.call({**request, "argv": ["check", "post.md", "-o", str(elsewhere / "out.txt")]}) is None
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as long_run:
            long_run.connect(str(server.socket_path()))
            long_run.sendall(json.dumps({"identity": server.identity(), **request,
                                         "argv": ["check", "big.md", "--select", "wording", "--no-cache"]}).encode()
                             + b"\n")
            answers = long_run.makefile("rb")
            assert json.loads(answers.readline()) == {"accepted": True}
            assert server.call({**request, "argv": ["check", "post.md"]}) is None  # busy: answered at once
            assert json.loads(answers.readline())["code"] == 0
    finally:
        subprocess.run(exe + ["server", "stop"], cwd=project, env=env, capture_output=True)
    assert secret not in (server.folder() / "server.log").read_text(encoding="utf-8", errors="replace")


def test_two_installs_of_the_same_code_share_a_server_identity(tmp_path):
    """Issue 13: a server started from the user's install serves the pre-commit hook's copy of the same
    brandlint; a copy whose code differs (even by a word list) is refused."""
    import shutil
    import subprocess
    import sys

    from brandlint import server

    copy = tmp_path / "other-install"
    shutil.copytree(Path(server.__file__).parent, copy / "brandlint",
                    ignore=shutil.ignore_patterns("__pycache__"))

    def identity_of(root):
        return subprocess.run([sys.executable, "-c", "from brandlint import server; print(server.identity())"],
                              env={**os.environ, "PYTHONPATH": str(root)}, cwd=tmp_path, capture_output=True,
                              text=True, check=True).stdout.strip()

    assert identity_of(copy) == server.identity()
    words = copy / "brandlint" / "data" / "claims.yaml"
    words.write_text(words.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert identity_of(copy) != server.identity()
