"""Lint time against file size: one Markdown file of 1, 2, 5 and 10 MB, all lexical checks
(`--select terminology,wording,tool`), each run a fresh process with the cache off. Linear time
means the seconds per MB stay flat. Usage: python benchmarks/size.py [MB ...]"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Varied copy: headings, lists, links, findings of several rules, sentences of different lengths.
PARAGRAPHS = [
    "## Section {n}\n",
    "Our clients love Acme Cloud because it is fast. In order to start, log into the console and pick a region.\n",
    "- Acme cloud runs in 30 regions.\n- Pricing is by the second.\n- Support is round the clock.\n",
    "The report was written by the team, and it was reviewed by Legal before it was published on the blog.\n",
    "We leverage synergy to deliver best-in-class, world-class value to every customer, said [the team](https://example.com/{n}).\n",
    "Teams move their workloads in days, not months, and they keep their tools, their pipelines and their habits.\n",
]


def draft(megabytes: float) -> str:
    size, parts, n = int(megabytes * 1_000_000), [], 0
    total = 0
    while total < size:
        block = PARAGRAPHS[n % len(PARAGRAPHS)].format(n=n) + "\n"
        parts.append(block)
        total += len(block)
        n += 1
    return "".join(parts)


def main(sizes: list[float]) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BRANDLINT_SERVER": "off", "HF_HUB_OFFLINE": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            path = Path(tmp) / f"big-{mb}.md"
            path.write_text(draft(mb), encoding="utf-8")
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "brandlint", "check", str(path), "--select",
                                   "terminology,wording,tool", "--no-cache", "--statistics", "--exit-zero"],
                                  cwd=ROOT, env=env, capture_output=True, text=True)
            seconds = time.perf_counter() - started
            if done.returncode != 0:
                sys.exit(f"brandlint failed on {mb} MB: {done.stderr}")
            findings = done.stderr.splitlines()[-1].split(":")[1].split("(")[0].strip()
            print(f"{mb:>5g} MB  {seconds:7.1f} s  {seconds / mb:6.1f} s/MB  {findings}", flush=True)


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or [1, 2, 5, 10])
