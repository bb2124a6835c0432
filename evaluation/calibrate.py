"""Calibrate the claims thresholds.

1. STS Benchmark (../shared/data/stsb): which cosine of the embedding model best separates pairs that
   people rated as the same meaning (>= 4 of 5) or as related (>= 3) from the rest; chosen on train,
   checked on dev. These bound the thresholds below.
2. The labelled `tune` split (evaluation/labelled.yaml): coordinate search over the decision
   thresholds for the best macro-F1. The `test` split is never used here.

    python evaluation/calibrate.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "evaluation"))

from evaluate import AS_OF, load, table  # noqa: E402

from brandlint.claims import names, prepare  # noqa: E402
from brandlint.claims.decide import THRESHOLDS, decide  # noqa: E402
from brandlint.messaging import load_messaging  # noqa: E402
from brandlint.language import Language  # noqa: E402
from brandlint.readers import plain  # noqa: E402

STSB = ROOT.parent / "shared" / "data" / "stsb"
GRID = {
    "match": np.arange(0.50, 0.86, 0.025),
    "related": np.arange(0.35, 0.76, 0.025),
    "prohibited": np.arange(0.50, 0.86, 0.025),
    "figure_match": np.arange(0.40, 0.71, 0.025),
    "other_attribute": [0.0, 0.05, 0.1, 0.15, 0.2, 0.25],
    "other_name": [0.0, 0.06, 0.12, 0.2],
    "priority": [0.0, 0.03, 0.06, 0.1],
}


def stsb(models: Language) -> None:
    def pairs(name):
        with open(STSB / name, encoding="utf-8") as handle:
            rows = [r for r in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if len(r) >= 7]
        return [float(r[4]) for r in rows], [r[5] for r in rows], [r[6] for r in rows]

    def cosines(a, b):
        va, vb = models.embed(a), models.embed(b)
        return (va * vb).sum(axis=1)

    for label, cut in (("same meaning (gold >= 4)", 4.0), ("related (gold >= 3)", 3.0)):
        gold, a, b = pairs("sts-train.csv")
        cos = cosines(a, b)
        best = max(np.arange(0.3, 0.95, 0.01), key=lambda t: _f1(cos >= t, np.array(gold) >= cut))
        gold_d, a_d, b_d = pairs("sts-dev.csv")
        dev_f1 = _f1(cosines(a_d, b_d) >= best, np.array(gold_d) >= cut)
        print(f"STS-B {label}: cosine {best:.2f} (train F1 {_f1(cos >= best, np.array(gold) >= cut):.2f}, "
              f"dev F1 {dev_f1:.2f}, {len(gold)} train / {len(gold_d)} dev pairs)")


def _f1(predicted, actual) -> float:
    tp = float(np.sum(predicted & actual))
    fp = float(np.sum(predicted & ~actual))
    fn = float(np.sum(~predicted & actual))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> None:
    models = Language(static="off")  # thresholds are for the transformer's scores
    if STSB.is_dir():
        stsb(models)
    else:
        print(f"skipping STS-B: {STSB} not found")
    messaging = load_messaging(ROOT / "messaging")
    known = names(messaging)
    items = load("tune")
    prepared = []
    for _expected, channel, sentence in items:
        found = prepare(plain.read("x.txt", sentence), messaging, models)
        prepared.append((channel, found))

    def score(thresholds):
        predicted = []
        for channel, found in prepared:
            kinds = [v.kind for s, sig, ranked, near in found
                     if (v := decide(s.text, sig, ranked, messaging, channel, AS_OF, known, thresholds, near))]
            predicted.append(kinds[0] if kinds else "none")
        return table(items, predicted)[1], predicted

    current = dict(THRESHOLDS)
    best_score = score(current)[0]
    print(f"tune macro-F1 with the current defaults: {best_score:.3f}")
    for _ in range(3):
        for key, values in GRID.items():
            for value in values:
                trial = {**current, key: round(float(value), 3)}
                s = score(trial)[0]
                if s > best_score + 1e-9:
                    best_score, current = s, trial
    print(f"tune macro-F1 after search: {best_score:.3f}")
    print("thresholds:", {k: current[k] for k in GRID})
    print(table(items, score(current)[1])[0])


if __name__ == "__main__":
    main()
