"""A few hundred generated hostile drafts per reader (tests/fuzz.py; `make fuzz` runs 100,000): none
may crash brandlint or run past the per-document time limit."""

from __future__ import annotations

import pytest

import fuzz


@pytest.fixture(scope="module")
def fuzz_run():
    return fuzz.make_run(limit=20.0)


@pytest.mark.parametrize("reader,n", [("markdown", 300), ("html", 300), ("text", 300), ("pptx", 150), ("docx", 150),
                                      ("claims", 100)])
def test_generated_inputs_neither_crash_nor_hang(fuzz_run, reader, n):
    counts = fuzz.run(reader, n, seed=7, run_=fuzz_run)
    assert (counts["inputs"], counts["crashes"], counts["hangs"], counts["examples"]) == (n, 0, 0, [])
