"""Real-copy noise benchmark: how many findings brandlint raises on copy that its authors published.

    make noise
    python benchmarks/noise.py [--corpus NAME ...] [--limit N] [--json OUT] [--labels FILE]

For each corpus in ../shared/data/corpus/ (linkerd-blog, rust-blog, ubuntu-com; read at run time,
never copied into the repository), runs the real CLI in a subprocess with the DEFAULT rules (every
family, claims included) and `--format json --as-of 2026-11-22`, against that organisation's own
master messaging and config in benchmarks/messaging/ (`<corpus>/messaging.yaml`, and
`<corpus>.brandlint.yaml` beside the folder, because brandlint merges every YAML file inside the
messaging folder). It prints per corpus: documents, words, findings per 10,000 words at error, at
warning or above and at info, then by family and by rule (count and per 10k words), and the runtime.
brandlint caches embeddings and results in BRANDLINT_CACHE_DIR (default ~/.cache/brandlint-noise
here, apart from the user's own cache), so only the first run, or one with `--no-cache`, is cold.

Words are counted as a reader would see them, on the raw file, in this order:
  1. front matter removed: YAML (`---` ... `---`) or TOML (`+++` ... `+++`) at the top of the file;
     for the site pages whose copy lives only in front matter (linkerd `_index.md`, ubuntu
     `appliance/*/index.md`), the string values of the front matter count as prose instead, except
     keys that are not copy (urls, images, slugs, dates, templates, ids and the like);
  2. fenced code blocks (``` and ~~~) removed, and indented code is left in (rare in these corpora);
  3. Jinja constructs removed: `{# ... #}`, `{% ... %}`, `{{ ... }}` (this also drops Hugo and Zola
     shortcodes, `{{< ... >}}` and `{% ... %}`); copy passed as a macro argument is lost, as the
     ubuntu-com README notes;
  4. `<script>`, `<style>` and `<svg>` elements and HTML comments removed, then every remaining tag;
  5. Markdown links `[text](url)` reduced to their text, bare URLs and inline-code backticks dropped,
     HTML entities decoded;
  6. words are the remaining runs of letters or digits (an apostrophe or hyphen inside a word keeps
     it one word, "don't", "zero-trust"); markup punctuation alone is not a word.
The same count is used for every rate, so rates compare across corpora and runs.

`--limit N` lints a deterministic sample: the corpus's supported files sorted by path, every k-th
(k = ceil(files / N)), so the same N gives the same files. `--json OUT` writes every finding with its
corpus, path, line, column, rule, severity, message and match, for labelling. `--labels FILE`
(default benchmarks/labels.yaml when present) reads a YAML list of
`{corpus, path, line, rule, match, sentence, label: right|taste|wrong, reason}`, matches each item to a
finding by (corpus, path, line, rule, match), and prints per rule right/taste/wrong, precision =
right / (right + taste + wrong) and the share of wrong, flagging a rule at warning or above with more
than 10% wrong (PASS/FAIL per rule at warning or above). Every corpus line also prints the budget
check, PASS or FAIL: at most 10 findings at warning or above and 3 at error per 10,000 words.
`--todo OUT` writes a deterministic sample of the findings for labelling (benchmarks/labelling.py).
Exit 2 when the corpus folder is missing or brandlint fails (exit code 2 or a crash).
"""

from __future__ import annotations

import argparse
import collections
import html
import json
import math
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS_ROOT = ROOT.parent / "shared" / "data" / "corpus"
MESSAGING = ROOT / "benchmarks" / "messaging"
CORPORA = ("linkerd-blog", "rust-blog", "ubuntu-com")
AS_OF = "2026-11-22"
SUFFIXES = {".md", ".markdown", ".mdx", ".html", ".htm", ".txt"}
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
WRONG_LIMIT = 0.10
# Issue 11's budget with the default rules, per 10,000 words: findings at warning or above, and at error.
BUDGET = {"warning+": 10.0, "error": 3.0}

# ---------------------------------------------------------------------------------------- words

FRONT = re.compile(r"\A(?:---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)|\+\+\+[ \t]*\n(.*?)\n\+\+\+[ \t]*(?:\n|\Z))", re.S)
FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.S | re.M)
JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
ELEMENTS = re.compile(r"<(script|style|svg)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
TAG = re.compile(r"<[^>]*>")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
URL = re.compile(r"https?://\S+")
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
NOT_COPY_KEYS = re.compile(r"(url|href|image|img|src|icon|slug|date|template|id|path|class|"
                           r"variant|background|thumbnail|cover|layout|type|weight|youtube|priority|"
                           r"aliases|alias|keywords|author|authors)s?$", re.I)


def _front_strings(node, key: str = "") -> list[str]:
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in _front_strings(v, str(k))]
    if isinstance(node, list):
        return [s for v in node for s in _front_strings(v, key)]
    if isinstance(node, str) and not NOT_COPY_KEYS.search(key):
        return [node]
    return []


def prose_words(text: str) -> int:
    """Words of prose in one file, by the method in the module docstring."""
    text = text.replace("\r\n", "\n")
    front = FRONT.match(text)
    extra = ""
    if front:
        body = text[front.end():]
        if front.group(1) is not None and not body.strip():  # a page whose copy is its front matter
            try:
                extra = "\n".join(_front_strings(yaml.safe_load(front.group(1))))
            except yaml.YAMLError:
                extra = ""
        text = body
    text = extra + "\n" + text
    text = FENCE.sub(" ", text)
    text = JINJA.sub(" ", text)
    text = ELEMENTS.sub(" ", text)
    text = TAG.sub(" ", text)
    text = LINK.sub(r"\1", text)
    text = URL.sub(" ", text)
    text = html.unescape(text).replace("`", " ")
    return len(WORD.findall(text))


# ---------------------------------------------------------------------------------------- running

def corpus_files(content: Path) -> list[str]:
    """Supported files under content, relative, sorted (README, licences and manifests sit outside)."""
    return sorted(p.relative_to(content).as_posix() for p in content.rglob("*")
                  if p.is_file() and p.suffix.lower() in SUFFIXES)


def sample(files: list[str], limit: int | None) -> list[str]:
    if not limit or limit >= len(files):
        return files
    step = math.ceil(len(files) / limit)
    return files[::step][:limit]


def brandlint_command() -> list[str]:
    venv = ROOT / ".venv" / "bin" / "python"
    python = os.environ.get("BRANDLINT_PYTHON") or (str(venv) if venv.exists() else sys.executable)
    return [python, "-m", "brandlint"]


def run_corpus(name: str, files: list[str], content: Path, no_cache: bool) -> tuple[list[dict], float, str]:
    config = MESSAGING / f"{name}.brandlint.yaml"
    env = {**os.environ, "NO_COLOR": "1", "HF_HUB_OFFLINE": "1", "BRANDLINT_SERVER": "off",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.setdefault("BRANDLINT_CACHE_DIR", str(Path.home() / ".cache" / "brandlint-noise"))
    cmd = brandlint_command() + ["check", "--config", str(config), "--as-of", AS_OF, "--format", "json",
                                  *(["--no-cache"] if no_cache else []), *files]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=content, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"noise: brandlint exited {proc.returncode} on {name}:\n{proc.stderr[-3000:]}")
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.exit(f"noise: brandlint printed no JSON on {name}:\n{proc.stderr[-3000:]}")
    return report["findings"], seconds, proc.stderr


def per10k(count: int, words: int) -> str:
    return f"{count * 10000 / words:8.2f}" if words else "       -"


def report_corpus(name: str, docs: int, words: int, findings: list[dict], seconds: float) -> None:
    sev = collections.Counter(f["severity"] for f in findings)
    warn_up = sev["error"] + sev["warning"]
    print(f"\n== {name}: {docs} documents, {words:,} words, {len(findings)} findings, {seconds:.1f}s")
    print(f"   per 10k words: error {per10k(sev['error'], words).strip()}   warning+ "
          f"{per10k(warn_up, words).strip()}   info {per10k(sev['info'], words).strip()}")
    rates = {"warning+": warn_up * 10000 / words if words else 0.0,
             "error": sev["error"] * 10000 / words if words else 0.0}
    verdicts = [f"{k} {rates[k]:.2f} (limit {BUDGET[k]:g}) {'PASS' if rates[k] <= BUDGET[k] else 'FAIL'}"
                for k in BUDGET]
    print(f"   budget per 10k words: {'; '.join(verdicts)}")
    families = collections.Counter(f["family"] for f in findings)
    print(f"   {'family':<14}{'count':>7}{'per 10k':>9}")
    for family, n in families.most_common():
        print(f"   {family:<14}{n:>7}{per10k(n, words)}")
    rules = collections.Counter((f["rule"], f["name"], f["severity"]) for f in findings)
    print(f"   {'rule':<32}{'severity':<9}{'count':>7}{'per 10k':>9}")
    for (code, rname, severity), n in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"   {code + ' ' + rname:<32}{severity:<9}{n:>7}{per10k(n, words)}")


# ---------------------------------------------------------------------------------------- labels

def load_labels(path: Path) -> list[dict]:
    items = yaml.safe_load(path.read_text("utf-8")) or []
    if not isinstance(items, list):
        sys.exit(f"noise: {path}: expected a list of labelled findings")
    for i, item in enumerate(items):
        missing = {"corpus", "path", "line", "rule", "match", "label"} - set(item or {})
        if missing:
            sys.exit(f"noise: {path}: item {i + 1} lacks {', '.join(sorted(missing))}")
        if item["label"] not in ("right", "taste", "wrong"):
            sys.exit(f"noise: {path}: item {i + 1}: label must be right, taste or wrong, not {item['label']!r}")
    return items


def report_labels(items: list[dict], findings: list[dict], corpora: list[str]) -> None:
    def key(item: dict) -> tuple:
        return item["corpus"], item["path"], int(item["line"]), item["rule"], item["match"]

    index = {key(f): f for f in findings}
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    severity: dict[str, str] = {}
    unmatched = 0
    for item in items:
        if item["corpus"] not in corpora:
            continue
        found = index.get(key(item))
        if found is None:
            unmatched += 1
            continue
        counts[item["rule"]][item["label"]] += 1
        # a rule is gated at the highest severity it reports (BL207: warning, hedged claims info)
        if SEVERITY_RANK[found["severity"]] >= SEVERITY_RANK[severity.get(item["rule"], "info")]:
            severity[item["rule"]] = found["severity"]
    print(f"\n== labels: {sum(sum(c.values()) for c in counts.values())} matched findings"
          f"{f', {unmatched} labels match no finding of this run' if unmatched else ''}")
    print(f"   {'rule':<8}{'severity':<9}{'right':>6}{'taste':>6}{'wrong':>6}{'precision':>10}{'wrong %':>9}")
    failed = 0
    for rule in sorted(counts):
        c = counts[rule]
        total = c["right"] + c["taste"] + c["wrong"]
        share = c["wrong"] / total
        gated = SEVERITY_RANK[severity[rule]] >= 1
        flag = ("" if not gated else f"   FAIL: over 10% wrong at {severity[rule]}" if share > WRONG_LIMIT
                else "   PASS")
        print(f"   {rule:<8}{severity[rule]:<9}{c['right']:>6}{c['taste']:>6}{c['wrong']:>6}"
              f"{c['right'] / total:>10.2f}{share * 100:>8.1f}%{flag}")
        failed += "FAIL" in flag
    print(f"   precision at warning or above (at most {WRONG_LIMIT:.0%} wrong per rule): "
          f"{'FAIL' if failed else 'PASS'}")


# ---------------------------------------------------------------------------------------- main

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="corpus to run (repeatable; default all)")
    parser.add_argument("--limit", type=int, help="documents per corpus: sorted paths, every k-th")
    parser.add_argument("--json", dest="json_out", type=Path, help="write every finding to this file")
    parser.add_argument("--no-cache", action="store_true", help="pass --no-cache to brandlint (a cold run)")
    parser.add_argument("--labels", type=Path, help="labels YAML (default benchmarks/labels.yaml when present)")
    parser.add_argument("--todo", type=Path, help="write a deterministic sample of the findings to label here")
    args = parser.parse_args()

    if not CORPUS_ROOT.is_dir():
        print(f"noise: corpus folder {CORPUS_ROOT} is missing; it is read at run time and never copied "
              f"into the repository (see ../shared/data/README.md)", file=sys.stderr)
        sys.exit(2)
    corpora = args.corpus or list(CORPORA)
    everything: list[dict] = []
    totals = {"docs": 0, "words": 0, "seconds": 0.0}
    started = time.perf_counter()
    for name in corpora:
        content = CORPUS_ROOT / name / "content"
        if not content.is_dir():
            print(f"noise: corpus {name} is missing: {content} not found", file=sys.stderr)
            sys.exit(2)
        files = sample(corpus_files(content), args.limit)
        words = sum(prose_words((content / f).read_text("utf-8", "replace")) for f in files)
        findings, seconds, stderr = run_corpus(name, files, content, args.no_cache)
        for f in findings:
            f["corpus"] = name
        everything.extend(findings)
        totals["docs"] += len(files)
        totals["words"] += words
        totals["seconds"] += seconds
        report_corpus(name + (f" (sample: --limit {args.limit})" if args.limit else ""), len(files), words,
                      findings, seconds)
        if "Traceback" in stderr:
            print(f"   note: brandlint printed a traceback on stderr:\n{stderr[-2000:]}")
    print(f"\n== total: {totals['docs']} documents, {totals['words']:,} words, {len(everything)} findings, "
          f"brandlint {totals['seconds']:.1f}s, wall {time.perf_counter() - started:.1f}s")
    if args.json_out:
        keys = ("corpus", "path", "line", "column", "rule", "name", "family", "severity", "channel",
                "message", "match")
        args.json_out.write_text(json.dumps([{k: f.get(k) for k in keys} for f in everything], indent=1,
                                            ensure_ascii=False) + "\n", "utf-8")
        print(f"findings written to {args.json_out}")
    if args.todo:
        from labelling import write as write_todo  # benchmarks/labelling.py, beside this script

        counts = write_todo(everything, CORPUS_ROOT, args.todo)
        print(f"{sum(counts.values())} findings to label written to {args.todo}: "
              + ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items())))
    labels = args.labels or (ROOT / "benchmarks" / "labels.yaml")
    if labels.exists():
        report_labels(load_labels(labels), everything, corpora)
    elif args.labels:
        sys.exit(f"noise: labels file {labels} not found")


if __name__ == "__main__":
    main()
