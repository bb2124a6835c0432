"""Read and lint every real Office file in ../shared/data/office: every readable file is read, every
broken one gets a clean per-file error, nothing crashes or hangs. Prints files, words and seconds.

    python benchmarks/office.py [--all-checks]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from brandlint import project  # noqa: E402
from brandlint.config import Config  # noqa: E402
from brandlint.messaging import load_messaging  # noqa: E402
from brandlint.language import Language  # noqa: E402
from brandlint.rules import load_rules  # noqa: E402

OFFICE = ROOT.parent / "shared" / "data" / "office"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--all-checks", action="store_true", help="include claims (loads the embedding model)")
    args = parser.parse_args()
    if not OFFICE.is_dir():
        sys.exit(f"{OFFICE} not found")
    select = () if args.all_checks else ("terminology", "wording", "tool")
    config = Config(root=ROOT, select=select)
    rules = load_rules()
    run = project.Run(config, load_messaging(ROOT / "messaging"), tuple(rules), Language(), dt.date(2026, 11, 22))
    files = sorted(p for p in OFFICE.rglob("*") if p.suffix in (".pptx", ".docx"))
    totals = {"read": 0, "errors": 0, "words": 0, "findings": 0}
    started = time.perf_counter()
    for path in files:
        t0 = time.perf_counter()
        result = project.lint_path(path, run)
        seconds = time.perf_counter() - t0
        words = len(result.document.source.split()) if result.document else 0
        error = next((f.message for f in result.findings if f.family == "tool"), "")
        totals["read" if result.document else "errors"] += 1
        totals["words"] += words
        totals["findings"] += len(result.findings)
        status = f"ERROR {error[:90]}" if error else f"{len(result.findings):4d} findings"
        print(f"{path.relative_to(OFFICE)!s:<70} {words:6d} words {seconds:6.2f}s  {status}")
    elapsed = time.perf_counter() - started
    print(f"\n{len(files)} files: {totals['read']} read, {totals['errors']} clean errors; "
          f"{totals['words']} words; {totals['findings']} findings; {elapsed:.2f}s "
          f"({'all checks' if args.all_checks else 'terminology, wording'})")


if __name__ == "__main__":
    main()
