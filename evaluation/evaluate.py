"""Precision and recall of the claims family per finding kind, on the labelled set.

    python evaluation/evaluate.py            # the held-out `test` split (what the README reports)
    python evaluation/evaluate.py --split tune

Runs the real pipeline (reader, spaCy sentences, embeddings, decisions) on each sentence."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from brandlint.claims import analyse  # noqa: E402
from brandlint.engine import Context  # noqa: E402
from brandlint.messaging import load_messaging  # noqa: E402
from brandlint.language import Language  # noqa: E402
from brandlint.readers import plain  # noqa: E402

AS_OF = dt.date(2026, 11, 22)
KINDS = ["prohibited", "retired", "stale-figure", "figure-mismatch", "contradiction", "channel", "embargo",
         "unsupported"]


def load(split: str) -> list[tuple[str, str, str]]:
    return [tuple(item) for item in yaml.safe_load((ROOT / "evaluation/labelled.yaml").read_text())[split]]


def predict(items, thresholds=None, models=None, model=None, static="auto") -> list[str]:
    messaging = load_messaging(ROOT / "messaging")
    models = models or Language(model=model or "all-MiniLM-L6-v2", static=static)
    out = []
    for _expected, channel, sentence in items:
        ctx = Context(messaging, channel, AS_OF, thresholds or {}, {}, models)
        verdicts = [v for _, _, v, _ in analyse(plain.read("x.txt", sentence), ctx) if v]
        out.append(verdicts[0].kind if verdicts else "none")
    return out


def table(items, predicted) -> tuple[str, float]:
    expected = [e for e, _, _ in items]
    lines = [f"{'kind':<16} {'n':>3} {'precision':>9} {'recall':>7} {'f1':>5}"]
    f1s = []
    for kind in KINDS + ["none"]:
        tp = sum(e == p == kind for e, p in zip(expected, predicted))
        fp = sum(p == kind != e for e, p in zip(expected, predicted))
        fn = sum(e == kind != p for e, p in zip(expected, predicted))
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        lines.append(f"{kind:<16} {tp + fn:>3} {precision:>9.2f} {recall:>7.2f} {f1:>5.2f}")
    accuracy = sum(e == p for e, p in zip(expected, predicted)) / len(expected)
    macro = sum(f1s) / len(f1s)
    lines.append(f"accuracy {accuracy:.2f}, macro-F1 {macro:.2f} over {len(expected)} sentences")
    return "\n".join(lines), macro


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=["tune", "test"])
    parser.add_argument("--model", default=None, help="embedding model name or path")
    parser.add_argument("--static", default="auto", help="static first pass: auto (the exported table) or off")
    parser.add_argument("--errors", action="store_true", help="list the sentences it gets wrong")
    args = parser.parse_args()
    items = load(args.split)
    models = Language(model=args.model or "all-MiniLM-L6-v2", static=args.static)
    predicted = predict(items, models=models)
    report, _ = table(items, predicted)
    first_pass = "static first pass" if models.static() is not None else "transformer only"
    print(f"claims evaluation, split '{args.split}', as of {AS_OF}, {first_pass}")
    print(report)
    if args.errors:
        confusion = Counter()
        for (expected, channel, sentence), p in zip(items, predicted):
            if p != expected:
                confusion[(expected, p)] += 1
                print(f"  expected {expected:<15} got {p:<15} [{channel}] {sentence}")


if __name__ == "__main__":
    main()
