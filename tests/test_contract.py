"""The command-line contract a new user meets (issue 14): strict selectors, changed lines with a
baseline, init, output on a pipe, I/O failures, custom channels, the plain install. Each test checks
stdout, stderr and the exit code apart, as a user sees them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, invoke


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# Selectors --------------------------------------------------------------------------------------

@pytest.mark.parametrize("args,message", [
    (("--select", "terminolgy"), "--select: unknown rule selector 'terminolgy'; did you mean 'terminology'?"),
    (("--ignore", "buzzwords"), "--ignore: unknown rule selector 'buzzwords'; did you mean 'buzzword'?"),
    (("--select", "BL999"), "--select: unknown rule selector 'BL999'; use a code (BL100), a prefix (BL1), a name "
                            "or a family; see 'brandlint rules'"),
    (("--select", "BL100,BL9"), "--select: unknown rule selector 'BL9'; did you mean 'BL307'?"),
])
def test_unknown_command_line_selector_is_a_usage_error(project, args, message):
    write(project / "draft.md", "Our clients love it.\n")
    result = invoke("check", "draft.md", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"brandlint: error: {message}\n")


def test_known_selectors_of_every_form_are_accepted(project):
    write(project / "draft.md", "Our clients love it.\n")
    for selector in ("BL100", "bl1", "preferred-term", "terminology", "BL1,wording"):
        result = invoke("check", "draft.md", "--select", selector, "--format", "concise")
        assert result.exit_code == 0 and result.stderr == "", (selector, result.stderr)


@pytest.mark.parametrize("config,line,message", [
    ("ignore: [BL999]\n", 2, "unknown rule selector 'BL999'; use a code (BL100), a prefix (BL1), a name or a "
                             "family; see 'brandlint rules'"),
    ("select:\n  - terminology\n  - wordin\n", 4, "unknown rule selector 'wordin'; did you mean 'wording'?"),
    ("severity:\n  BL100: error\n  buzzwords: info\n", 4, "unknown rule selector 'buzzwords'; did you mean "
                                                           "'buzzword'?"),
    ("per_channel:\n  sales:\n    ignore: [preferred-terms]\n", 4, "unknown rule selector 'preferred-terms'; "
                                                                   "did you mean 'preferred-term'?"),
    ("per_channel:\n  sales:\n    severity: {BL1000: info}\n", 4, "unknown rule selector 'BL1000'; did you "
                                                                  "mean 'BL100'?"),
])
def test_unknown_config_selector_names_file_and_line(project, config, line, message):
    write(project / "brandlint.yaml", "messaging: messaging\n" + config)
    write(project / "draft.md", "Our clients love it.\n")
    result = invoke("check", "draft.md")
    path = project / "brandlint.yaml"
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"brandlint: error: {path}:{line}: {message}\n")


def test_misspelt_directive_is_reported_and_disables_nothing(project):
    write(project / "draft.md", "<!-- brandlint-disable-line BL100 -->\nOur clients love it.\n\n"
                                "<!-- brandlint-disable BL999 -->\nMore clients.\n")
    result = invoke("check", "draft.md", "--select", "terminology,tool", "--format", "concise")
    assert result.stdout.splitlines()[:4] == [
        "draft.md:1:1: BL003 [warning] unknown directive 'brandlint-disable-line'; use brandlint-disable, -enable, "
        "-disable-next-line or -disable-file",
        "draft.md:2:5: BL100 [warning] Use 'customers' instead of 'clients'.",
        "draft.md:4:1: BL003 [warning] unknown rule selector 'BL999'; use a code (BL100), a prefix (BL1), a name "
        "or a family; see 'brandlint rules'",
        "draft.md:5:6: BL100 [warning] Use 'customers' instead of 'clients'."]
    assert result.exit_code == 0
