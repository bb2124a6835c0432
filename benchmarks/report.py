"""What `brandlint report` costs next to `brandlint check` on the same files (each from a cold cache,
then warm), and documents per second on a Dask LocalCluster of 1 and 2 workers. Prints figures; asserts
nothing. Usage: python benchmarks/report.py [--files 1000] [--cluster-files 100]"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus"


def corpus(folder: Path, count: int) -> None:
    """`count` Markdown files of real copy (the shared corpora, repeated under new names if short)."""
    sources = sorted(CORPUS.rglob("*.md"))
    if not sources:
        sys.exit(f"no corpus at {CORPUS}")
    shutil.copytree(ROOT / "messaging", folder / "messaging")
    (folder / "brandlint.yaml").write_text("messaging: messaging\n", encoding="utf-8")
    (folder / "copy").mkdir()
    for i, src in zip(range(count), itertools.cycle(sources)):
        shutil.copy(src, folder / "copy" / f"{i:05d}-{src.parent.name}.md")


def timed(folder: Path, cache: Path, *args: str) -> float:
    env = dict(os.environ, BRANDLINT_CACHE_DIR=str(cache), HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT),
               BRANDLINT_SERVER="off")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "brandlint", *args, "copy", "--as-of", "2026-11-22"], cwd=folder,
                          env=env, capture_output=True, check=False)
    if done.returncode > 1:
        sys.exit(done.stderr.decode()[-2000:])
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--cluster-files", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus(tmp / "big", args.files)
        for name, cmd in (("check", ["check", "-q", "--format", "concise"]), ("report", ["report", "-o", "r.html"])):
            cache = tmp / f"cache-{name}"
            cold = timed(tmp / "big", cache, *cmd)
            warm = timed(tmp / "big", cache, *cmd)
            print(f"{name:7} {args.files} files: cold {cold:7.1f} s ({args.files / cold:5.1f} docs/s), warm {warm:6.1f} s")
        corpus(tmp / "small", args.cluster_files)
        from distributed import LocalCluster

        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as c:
                seconds = timed(tmp / "small", tmp / f"cache-dask-{workers}", "report", "--format", "json",
                                "--scheduler", c.scheduler_address)
            print(f"dask    {workers} worker{'s' * (workers > 1)}, {args.cluster_files} files, cold: {seconds:6.1f} s "
                  f"({args.cluster_files / seconds:5.2f} docs/s, model loading included)")


if __name__ == "__main__":
    main()
