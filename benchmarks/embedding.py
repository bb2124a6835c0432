"""sentence-transformers against the torch-free runtime, measured in one run, each in a fresh process:
import time, model load time, encode time for 40 and 400 typical sentences (prose from
../shared/data/corpus, else STS-B, else built), peak RSS, and the cosine agreement with sentence-transformers.

    python benchmarks/embedding.py [--reps 3]

Variants: st (sentence-transformers, torch), onnx (fp32, what brandlint ships), int8 (onnxruntime dynamic
quantisation, per channel: measured only, it misses the cosine >= 0.999 bar), static (the first-pass table).
Times are medians over --reps fresh processes."""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"
VARIANTS = ("st", "onnx", "int8", "static")
INT8 = "model.int8.onnx"


def typical_sentences(n: int) -> list[str]:
    found = []
    for path in sorted((SHARED / "corpus").rglob("*.md"))[:200]:
        text = re.sub(r"```.*?```|<[^>]+>|\[([^\]]*)\]\([^)]*\)", r"\1", path.read_text("utf-8", "replace"), flags=re.S)
        for line in text.splitlines():
            if line.startswith(("#", "|", "-", "*", ">", " ")):
                continue
            found += [s for s in re.split(r"(?<=[.!?])\s+", line) if 6 <= len(s.split()) <= 60]
    if len(found) < n and (SHARED / "stsb" / "sts-dev.csv").is_file():
        import csv

        with open(SHARED / "stsb" / "sts-dev.csv", encoding="utf-8", newline="") as f:
            found += [row[5] for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    found = list(dict.fromkeys(found))
    while len(found) < n:
        found.append(f"Our platform helps {len(found)} teams ship faster with fewer incidents and clearer reviews.")
    step = max(1, len(found) // n)
    return found[::step][:n]


def child(variant: str, folder: Path, texts_file: Path, out: Path) -> None:
    """Runs in a fresh process: one variant, timed step by step."""
    import resource

    texts = json.loads(texts_file.read_text())
    times = {}
    start = time.perf_counter()
    if variant == "st":
        from sentence_transformers import SentenceTransformer
    else:
        import onnxruntime  # noqa: F401  # the runtime imports these lazily; count them as its import
        import tokenizers  # noqa: F401

        from brandlint.embedding.runtime import OnnxEncoder
        from brandlint.embedding.static import StaticEncoder
    times["import"] = time.perf_counter() - start

    start = time.perf_counter()
    if variant == "st":
        from brandlint.embedding.ensure import source_dir

        model = SentenceTransformer(str(source_dir()), device="cpu", local_files_only=True)

        def encode(batch):
            return model.encode(batch, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    else:
        if variant == "static":
            model = StaticEncoder(folder)
        else:
            model = OnnxEncoder(folder, model_file=INT8 if variant == "int8" else "model.onnx")
        model._load()  # noqa: SLF001  # time the load apart from the first encode
        encode = model.encode
    times["load"] = time.perf_counter() - start

    for n in (40, 400):
        start = time.perf_counter()
        vectors = encode(texts[:n])
        times[f"encode{n}"] = time.perf_counter() - start
    import numpy as np

    np.save(out, np.asarray(vectors, dtype=np.float32))
    heavy = [m for m in ("torch", "transformers", "sklearn") if m in sys.modules]
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({**times, "rss_mb": rss_mb, "heavy": heavy}))


def prepare(folder: Path) -> None:
    """Runs in a child: export (model + static table), then an int8 copy for comparison."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from brandlint.embedding.ensure import ensure_exported

    start = time.perf_counter()
    ensure_exported(folder)
    print(f"export (model + static table): {time.perf_counter() - start:.1f} s; "
          f"model.onnx {(folder / 'model.onnx').stat().st_size / 1e6:.1f} MB, "
          f"static.npy {(folder / 'static.npy').stat().st_size / 1e6:.1f} MB")
    start = time.perf_counter()
    quantize_dynamic(str(folder / "model.onnx"), str(folder / INT8), op_types_to_quantize=["MatMul"],
                     weight_type=QuantType.QInt8, per_channel=True)
    print(f"{INT8}: {time.perf_counter() - start:.1f} s, {(folder / INT8).stat().st_size / 1e6:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--child", choices=VARIANTS)
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--texts", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.folder, args.texts, args.out)
        return
    if args.prepare:
        prepare(args.folder)
        return

    work = Path(tempfile.mkdtemp(prefix="brandlint-bench-"))
    folder = work / "exported"
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TQDM_DISABLE": "1",
           "PYTHONPATH": str(ROOT), "TRANSFORMERS_VERBOSITY": "error"}
    # Export in a child too: Linux keeps ru_maxrss across fork and exec, so a parent grown large by the
    # export would pass its peak on to every measured child.
    done = subprocess.run([sys.executable, __file__, "--prepare", "--folder", str(folder)], env=env,
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"export failed:\n{done.stderr}")
    print(done.stdout, end="")
    texts = typical_sentences(400)
    (work / "texts.json").write_text(json.dumps(texts))
    print(f"{len(texts)} sentences, {statistics.mean(len(t.split()) for t in texts):.0f} words on average; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")

    results = {}
    for _ in range(args.reps):
        for variant in VARIANTS:  # interleaved, so a burst of load elsewhere hits all variants alike
            cmd = [sys.executable, __file__, "--child", variant, "--folder", str(folder),
                   "--texts", str(work / "texts.json"), "--out", str(work / f"{variant}.npy")]
            done = subprocess.run(cmd, env=env, capture_output=True, text=True)
            if done.returncode:
                sys.exit(f"{variant} failed:\n{done.stderr}")
            results.setdefault(variant, []).append(json.loads(done.stdout.splitlines()[-1]))

    import numpy as np

    reference = np.load(work / "st.npy")
    print(f"\n{'':8}{'import s':>9}{'load s':>8}{'enc 40 s':>9}{'enc 400 s':>10}{'RSS MB':>8}"
          f"{'min cos':>10}{'max cos':>10}{'mean cos':>10}  heavy modules")
    for variant, runs in results.items():
        row = {k: statistics.median(r[k] for r in runs) for k in ("import", "load", "encode40", "encode400", "rss_mb")}
        if variant == "static":  # another space: agreement is measured by benchmarks/static.py
            agreement = f"{'-':>10}{'-':>10}{'-':>10}"
        else:
            cos = (np.load(work / f"{variant}.npy") * reference).sum(axis=1)
            agreement = f"{cos.min():10.7f}{cos.max():10.7f}{cos.mean():10.7f}"
        print(f"{variant:8}{row['import']:9.2f}{row['load']:8.2f}{row['encode40']:9.3f}{row['encode400']:10.2f}"
              f"{row['rss_mb']:8.0f}{agreement}  {','.join(runs[0]['heavy']) or '-'}")
    import shutil

    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
