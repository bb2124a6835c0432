"""A deterministic sample of real findings for labelling by hand (issue 11), used by
`benchmarks/noise.py --todo OUT`.

Every rule that fires gets up to PER_RULE findings (all of them when it fires less), chosen by a hash
of (corpus, path, line, column, rule), so the same run gives the same sample and no corpus or file
order biases it; the rest of TOTAL is filled from the rules with the most findings, in the same
order. Each item carries what a labeller needs to judge it without opening the file: the corpus,
path, line, rule, severity, message, the match, the sentence (for sentence rules, the match; for
word rules, the source line around it) and a few lines of context. The labeller adds
`label: right|taste|wrong` and `reason:`; `noise.py --labels` matches items by (corpus, path, line,
rule, match)."""

from __future__ import annotations

import collections
import hashlib
from pathlib import Path

import yaml

PER_RULE = 25
# The rule with the most findings at warning or above gets a larger share: its precision decides most.
PER_RULE_OVERRIDE = {"BL207": 45}
TOTAL = 340
CONTEXT_LINES = 2


def _order(finding: dict) -> str:
    key = f"{finding['corpus']}|{finding['path']}|{finding['line']}|{finding['column']}|{finding['rule']}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def choose(findings: list[dict]) -> list[dict]:
    by_rule: dict[str, list[dict]] = collections.defaultdict(list)
    for f in findings:
        by_rule[f["rule"]].append(f)
    for items in by_rule.values():
        items.sort(key=_order)
    chosen = {rule: items[:PER_RULE_OVERRIDE.get(rule, PER_RULE)] for rule, items in by_rule.items()}
    left = TOTAL - sum(len(v) for v in chosen.values())
    for rule in sorted(by_rule, key=lambda r: (-len(by_rule[r]), r)):
        if left <= 0:
            break
        extra = by_rule[rule][len(chosen[rule]):len(chosen[rule]) + left]
        chosen[rule] += extra
        left -= len(extra)
    return [f for rule in sorted(chosen) for f in chosen[rule]]


def item(finding: dict, corpus_root: Path) -> dict:
    lines = (corpus_root / finding["corpus"] / "content" / finding["path"]).read_text("utf-8", "replace").splitlines()
    at = int(finding["line"]) - 1
    here = lines[at] if 0 <= at < len(lines) else ""
    match = " ".join((finding.get("match") or "").split())
    sentence = match if len(match.split()) >= 4 else " ".join(here.split())[:400]
    context = "\n".join(lines[max(0, at - CONTEXT_LINES):at + CONTEXT_LINES + 1])
    return {"corpus": finding["corpus"], "path": finding["path"], "line": finding["line"], "rule": finding["rule"],
            "severity": finding["severity"], "message": finding["message"], "match": finding.get("match") or "",
            "sentence": sentence, "context": context[:1500], "label": None, "reason": None}


def write(findings: list[dict], corpus_root: Path, out: Path) -> collections.Counter:
    items = [item(f, corpus_root) for f in choose(findings)]
    header = ("# Findings to label by hand (issue 11), made by `benchmarks/noise.py --todo`: a deterministic\n"
              "# sample of every rule that fires on the three corpora with the default rules. For each item set\n"
              "# label: right (a writer would change the copy), taste (defensible either way) or wrong, and a\n"
              "# one-line reason. Read the sentence and context; save the result as benchmarks/labels.yaml.\n")
    out.write_text(header + yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=110), "utf-8")
    return collections.Counter(i["rule"] for i in items)
