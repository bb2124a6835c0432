"""Seconds per MB, per reader and input shape, at two sizes: linear time shows as the same figure at
both sizes, a quadratic path as a figure that grows with the size. Reads and lints (the lexical
rules; claims cost the same per sentence whatever the shape) through the project layer.

    python benchmarks/linear.py [--kb 64,256]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROSE = "Prior to launch, our clients said Acme Cloud helps teams ship in order to win. We leverage it daily.\n\n"


def shapes(size: int) -> dict[tuple[str, str], str]:
    def fill(unit: str) -> str:
        return unit * (size // len(unit) + 1)

    return {
        ("markdown", "plain text"): fill(PROSE),
        ("markdown", "tables"): "| Plan | Price | Notes |\n| --- | --- | --- |\n" + fill("| Pro | $10 | our clients love it |\n"),
        ("markdown", "deep nesting"): fill("> " * 40 + "- item with our clients\n"),
        ("markdown", "long line"): fill("our clients say prior to launch "),
        ("markdown", "[ repeated"): "[" * size,
        ("markdown", "` and * repeated"): fill("`*_"),
        ("html", "plain text"): "<p>" + fill(PROSE.replace("\n\n", "</p><p>")) + "</p>",
        ("html", "<!x> repeated"): fill("<!x>"),
        ("html", "unclosed <p>"): fill("<p>"),
        ("html", "<div> nested"): "<div>" * (size // 11) + "x" + "</div>" * (size // 11),
        ("html", "<![ repeated"): fill("<!["),
        ("text", "plain text"): fill(PROSE),
        ("text", "a- repeated"): fill("a-"),
        ("text", "a- repeated beside a name"): "Why acme cloud " + fill("a-"),
        ("text", "long line"): fill("our clients say prior to launch "),
        ("text", "CR line ends"): fill(PROSE.replace("\n", "\r")),
        ("text", ": run in a sentence"): "Our clients said " + ":" * size + " in order to win.\n",
    }


SUFFIX = {"markdown": ".md", "html": ".html", "text": ".txt"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kb", default="64,256", help="input sizes in KB, comma-separated")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    from fuzz import make_run

    from brandlint import project

    run = make_run(limit=600)
    sizes = [int(k) * 1024 for k in args.kb.split(",")]
    print(f"{'reader':<9} {'input':<18}" + "".join(f" {f's/MB at {s // 1024} KB':>16}" for s in sizes))
    for (reader, shape) in shapes(1024):
        figures = []
        for size in sizes:
            text = shapes(size)[(reader, shape)][:size]
            started = time.perf_counter()
            result = project.lint_bytes(f"bench{SUFFIX[reader]}", text.encode(), run)
            seconds = time.perf_counter() - started
            assert not result.crashed, result.findings[0].message
            figures.append(seconds / (size / 2**20))
        print(f"{reader:<9} {shape:<18}" + "".join(f" {f:>16.2f}" for f in figures), flush=True)


if __name__ == "__main__":
    main()
