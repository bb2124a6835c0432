"""brandlint against proselint, measured in one run on the same inputs (../shared/data/corpus).

    make bench                      # sets up benchmarks/.venv with proselint, then runs this
    python benchmarks/run.py --proselint PATH [--reps 5] [--corpus-reps 1] [--quick]

Prints medians of wall time and peak memory (each command in a fresh process) and the ratio
brandlint / proselint, against issue 13's targets, for: (1) one Markdown file, cold (empty cache; the model
already exported, as after setup); (2) the same file with a warm cache, and with one sentence changed;
(3) the whole corpus, lexical checks and all checks; (4) peak memory; (5) growth with corpus size and with
10x the messaging entries; and the import time of a `brandlint check` process.

The single file is examples/blog/why-acme-cloud.md (names the product, states figures from the messaging,
so the model runs) followed by a typical Rust blog post: 1,093 words."""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "rust-blog" / "content"
TYPICAL = "Async-await-stable.md"
PRODUCT_POST = ROOT / "examples" / "blog" / "why-acme-cloud.md"
CHECK = ["check", "-q", "--format", "concise", "--as-of", "2026-11-22"]
LEXICAL = ["--select", "terminology,wording,tool"]
# The sentence the "one sentence changed" case edits: it goes to the transformer (a figure about the product).
CHANGED = "more than 5,000 companies trust us"
TARGETS = {"cold": 2.0, "changed": 1.5, "warm": 1.0, "corpus": 1.0, "corpus-lexical": 0.3}
MAX_PEAK_MB = 500


def tree_pss_mb(root: int) -> int:
    """Proportional set size of a process and all its descendants (worker processes), in MB: pages
    shared between them (libraries, the forkserver's) counted once, split between their users."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            total += next(int(line.split()[1]) for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
                          if line.startswith("Pss:"))
        except (OSError, StopIteration, ValueError):
            pass
        stack += children.get(pid, [])
    return total // 1024


def measure(cmd: list[str], env: dict, cwd: Path) -> tuple[float, int, float]:
    """Wall seconds, peak memory (MB: the larger of the process's own peak resident set and the peak
    proportional set size of its process tree, sampled every 20 ms, so worker processes count) and CPU
    seconds (user + system of the process and the children it waited for). On a shared machine the CPU
    time is the steadier figure."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks = [0]
    done = threading.Event()

    def sample() -> None:  # in a thread, so the wall time ends when the process does, not at a sample
        while not done.wait(0.02):
            peaks[0] = max(peaks[0], tree_pss_mb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    if os.path.exists("/proc/self/smaps_rollup"):
        sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    if sampler.is_alive():
        sampler.join()
    peak_tree = peaks[0]
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait for it again
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {code}: {proc.stderr.read().decode()[-500:]}")
    return seconds, max(usage.ru_maxrss // 1024, peak_tree), usage.ru_utime + usage.ru_stime


def median_of(runs: list[tuple[float, int, float]]) -> tuple[float, int, float]:
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs), statistics.median(r[2] for r in runs)


def env_with(cache: Path) -> dict:
    return {**os.environ, "BRANDLINT_CACHE_DIR": str(cache), "HF_HUB_OFFLINE": "1", "NO_COLOR": "1"}


PEAKS: list[int] = []


def row(label: str, ours: tuple, theirs: tuple | None, target: str | None = None) -> str:
    PEAKS.append(ours[1])
    ratio = f"{ours[0] / theirs[0]:6.2f}x {ours[2] / theirs[2]:6.2f}x" if theirs else "      -        -"
    peer = f"{theirs[0]:8.2f}s {theirs[2]:6.2f}s {theirs[1]:6d} MB" if theirs else " " * 26
    verdict = ""
    if target and theirs:
        goal = TARGETS[target]
        met = ours[0] / theirs[0] <= goal
        verdict = f"  target <= {goal}x: " + ("met" if met else f"NOT MET by {ours[0] / theirs[0] / goal:.2f}x")
    return f"{label:<40} {ours[0]:8.2f}s {ours[2]:6.2f}s {ours[1]:6d} MB   {peer}   {ratio}{verdict}"


def import_times(cmd: list[str], env: dict, cwd: Path, top: int = 12) -> str:
    """`python -X importtime` of one cold `brandlint check`: total and the slowest top-level imports."""
    done = subprocess.run(cmd, cwd=cwd, env={**env, "PYTHONPROFILEIMPORTTIME": "1"}, capture_output=True, text=True)
    rows = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _, cumulative, name = line[len("import time:"):].split("|")
            if not name.startswith("  "):  # top level: the cumulative times add up to the whole
                rows.append((int(cumulative), name.strip()))
    heavy = sorted(n for _, n in rows if n.split(".")[0] in ("torch", "transformers", "sklearn",
                                                               "sentence_transformers", "spacy", "model2vec"))
    lines = [f"import time of a cold `brandlint check` (all checks): {sum(c for c, _ in rows) / 1e6:.2f}s in "
             f"{len(rows)} top-level imports; torch, transformers, sklearn, spaCy, model2vec: {heavy or 'none'}"]
    lines += [f"   {c / 1e3:8.1f} ms  {n}" for c, n in sorted(rows, reverse=True)[:top]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proselint", default=str(ROOT / "benchmarks" / ".venv" / "bin" / "proselint"))
    parser.add_argument("--brandlint", default=str(ROOT / ".venv" / "bin" / "brandlint"),
                        help="the command, e.g. '/path/python -m brandlint'")
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--corpus-reps", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="skip the whole-corpus and scaling runs")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"{CORPUS} not found: the benchmark needs ../shared/data")
    proselint = [args.proselint, "check"]
    brandlint = args.brandlint.split()
    BRANDLINT = brandlint + CHECK
    work = Path(tempfile.mkdtemp(prefix="brandlint-bench-"))
    # brandlint reads its config from the working directory: the bundled messaging, default channel.
    (work / "brandlint.yaml").write_text(f"messaging: {ROOT / 'messaging'}\n", encoding="utf-8")
    typical = work / "acme-and-rust.md"
    rust = (CORPUS / TYPICAL).read_text(encoding="utf-8").split("+++", 2)[-1]  # without its TOML front matter
    typical.write_text(PRODUCT_POST.read_text(encoding="utf-8") + "\n" + rust, encoding="utf-8")
    words = len(typical.read_text(encoding="utf-8").split())
    corpus_words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in CORPUS.rglob("*.md"))
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f}; file {PRODUCT_POST.name} + "
          f"{TYPICAL} ({words} words); corpus {corpus_words} words")
    print(f"{'case':<40} {'brandlint':>9} {'cpu':>7} {'peak':>9}   {'proselint':>9} {'cpu':>7} {'peak':>9}   "
          f"{'ratio':>7} {'cpu':>7}")

    def cold(cmd):
        runs = []
        for _ in range(args.reps):
            runs.append(measure(cmd, env_with(Path(tempfile.mkdtemp(dir=work))), work))
        return median_of(runs)

    peer_file = median_of([measure(proselint + [str(typical)], env_with(work / "pc"), work) for _ in range(args.reps)])
    print(row("1. one file, cold (all checks)", cold(BRANDLINT + [str(typical)]), peer_file, "cold"))
    print(row("1. one file, cold (lexical checks)", cold(BRANDLINT + LEXICAL + [str(typical)]), peer_file))
    warm_cache = work / "warm"
    measure(BRANDLINT + [str(typical)], env_with(warm_cache), work)
    warm = median_of([measure(BRANDLINT + [str(typical)], env_with(warm_cache), work) for _ in range(args.reps)])
    print(row("2. same file, warm cache", warm, peer_file, "warm"))
    original = typical.read_text(encoding="utf-8")
    assert original.count(CHANGED) == 1
    changed = []
    for i in range(args.reps):
        typical.write_text(original.replace(CHANGED, f"more than {5100 + 100 * i:,} companies trust us"),
                           encoding="utf-8")
        changed.append(measure(BRANDLINT + [str(typical)], env_with(warm_cache), work))
    typical.write_text(original, encoding="utf-8")
    print(row("2. one sentence changed, warm cache", median_of(changed), peer_file, "changed"))
    # The same two cases through `brandlint server` (opt-in), which keeps spaCy and the models loaded:
    # issue 13 allows a long-lived process for these two, not for the cold case.
    server = brandlint + ["server"]
    subprocess.run(server + ["start", "--idle", "120"], env=env_with(warm_cache), cwd=work, check=True,
                   capture_output=True)
    try:
        measure(BRANDLINT + [str(typical)], env_with(warm_cache), work)  # the server's first request loads
        served = median_of([measure(BRANDLINT + [str(typical)], env_with(warm_cache), work)
                            for _ in range(args.reps)])
        print(row("2. same file, warm cache, brandlint server", served, peer_file, "warm"))
        changed = []
        for i in range(args.reps):
            typical.write_text(original.replace(CHANGED, f"more than {6100 + 100 * i:,} companies trust us"),
                               encoding="utf-8")
            changed.append(measure(BRANDLINT + [str(typical)], env_with(warm_cache), work))
        typical.write_text(original, encoding="utf-8")
        print(row("2. one sentence changed, brandlint server", median_of(changed), peer_file, "changed"))
    finally:
        subprocess.run(server + ["stop"], env=env_with(warm_cache), cwd=work, capture_output=True)
    print(import_times(BRANDLINT + [str(typical)], env_with(Path(tempfile.mkdtemp(dir=work))), work))
    if args.quick:
        print(f"4. peak memory, any brandlint case: {max(PEAKS)} MB (target < {MAX_PEAK_MB} MB: "
              f"{'met' if max(PEAKS) < MAX_PEAK_MB else 'NOT MET'})")
        return
    peer_corpus = median_of([measure(proselint + [str(CORPUS)], env_with(work / "pc"), work)
                             for _ in range(args.corpus_reps)])

    def corpus(extra, reps):
        return median_of([measure(BRANDLINT + extra + [str(CORPUS)],
                                  env_with(Path(tempfile.mkdtemp(dir=work))), work) for _ in range(reps)])

    print(row("3. corpus, lexical checks, cold", corpus(LEXICAL, args.corpus_reps), peer_corpus, "corpus-lexical"))
    print(row("3. corpus, all checks, cold", corpus([], args.corpus_reps), peer_corpus, "corpus"))
    print(f"4. peak memory, any brandlint case: {max(PEAKS)} MB (target < {MAX_PEAK_MB} MB: "
          f"{'met' if max(PEAKS) < MAX_PEAK_MB else 'NOT MET'})")
    print("5. growth (all checks, cold cache):")
    files = sorted(CORPUS.rglob("*.md"))
    for share in (4, 2):
        part = work / f"part{share}"
        part.mkdir()
        for p in files[: len(files) // share]:
            shutil.copy(p, part / f"{p.parent.name}-{p.name}")
        seconds, peak, _ = median_of([measure(BRANDLINT + [str(part)], env_with(Path(tempfile.mkdtemp(dir=work))),
                                              work)])
        print(f"   1/{share} of the corpus ({len(files) // share} files): {seconds:.2f}s, {peak} MB")
    sample = work / "sample"
    sample.mkdir()
    for p in files[:60]:
        shutil.copy(p, sample / f"{p.parent.name}-{p.name}")
    base = median_of([measure(BRANDLINT + [str(sample)], env_with(Path(tempfile.mkdtemp(dir=work))), work)])
    big = work / "big-messaging"
    _tenfold(ROOT / "messaging", big)
    (work / "brandlint.yaml").write_text(f"messaging: {big}\n", encoding="utf-8")
    tenfold = median_of([measure(BRANDLINT + [str(sample)], env_with(Path(tempfile.mkdtemp(dir=work))), work)])
    print(f"   60 files, messaging x1: {base[0]:.2f}s {base[1]} MB; x10 entries: {tenfold[0]:.2f}s "
          f"{tenfold[1]} MB ({tenfold[0] / base[0]:.2f}x)")
    shutil.rmtree(work, ignore_errors=True)


def _tenfold(source: Path, target: Path) -> None:
    """The bundled messaging plus nine renamed copies of every entry (other products, other figures)."""
    shutil.copytree(source, target)
    data = yaml.safe_load((source / "claims.yaml").read_text(encoding="utf-8"))
    for n in range(2, 11):
        copy = {}
        for section in ("facts", "messages", "prohibited", "retired"):
            copy[section] = {}
            for key, entry in (data.get(section) or {}).items():
                entry = dict(entry)
                entry["text"] = entry["text"].replace("Acme Cloud", f"Acme Product {n}")
                entry.pop("figure", None)
                entry.pop("previously", None)
                if "use_instead" in entry:
                    entry["use_instead"] = f"{entry['use_instead']}-{n}"
                copy[section][f"{key}-{n}"] = entry
        (target / f"copy{n}.yaml").write_text(yaml.safe_dump(copy), encoding="utf-8")


if __name__ == "__main__":
    main()
