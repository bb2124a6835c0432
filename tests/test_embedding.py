"""The torch-free embedding runtime against the real sentence-transformer: same vectors, no torch at export or
encode time, and an export that is made once and then left alone. One export per session (about 1 s; the
static table is measured by benchmarks/static.py instead: it takes 30-60 s)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import numpy as np
import pytest
from conftest import ROOT, SHARED

from brandlint.embedding.ensure import FOLDER, ensure_exported, source_dir
from brandlint.embedding.export import source_fingerprint
from brandlint.embedding.manifest import MANIFEST, MODEL, write_manifest
from brandlint.embedding.runtime import OnnxEncoder, batches

HEAVY = ("torch", "transformers", "sklearn", "sentence_transformers")
STSB = SHARED / "stsb" / "sts-dev.csv"


@pytest.fixture(scope="session")
def folder(tmp_path_factory):
    return ensure_exported(tmp_path_factory.mktemp("models") / FOLDER, static=False)


@pytest.fixture(scope="session")
def encoder(folder):
    return OnnxEncoder(folder)


@pytest.fixture(scope="session")
def reference():
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(source_dir()), device="cpu", local_files_only=True)
    return lambda texts: model.encode(texts, batch_size=16, normalize_embeddings=True, show_progress_bar=False)


def built_sentences() -> list[str]:
    """Short, long, empty, punctuation-only, non-ASCII, and past the 256-token truncation."""
    subjects = ["Our platform", "The new release", "Customer data", "Every plan", "Support"]
    verbs = ["cuts onboarding time by 40%", "is trusted by 4,000+ teams", "never leaves the EU",
             "includes single sign-on", "answers within one business day", "is SOC 2 Type II certified"]
    tails = ["", " for enterprise customers.", ", according to our 2025 survey.", " — no extra cost!", "?"]
    texts = [f"{s} {v}{t}" for s in subjects for v in verbs for t in tails]
    texts += ["", " ", "...", "OK", "Café naïve façade — “quoted” text", "日本語のテキスト", "emoji 🚀 launch",
              "word " * 400, "A much longer sentence " * 30, "UPPER case AND lower CASE", "e-mail: sales@example.com"]
    return texts


def assert_same(encoder, reference, texts):
    ours, theirs = encoder.encode(texts), reference(texts)
    assert ours.shape == (len(texts), 384) and ours.dtype == np.float32
    assert np.allclose(np.linalg.norm(ours, axis=1), 1, atol=1e-5)
    cosines = (ours * theirs).sum(axis=1)
    worst = int(cosines.argmin())
    assert cosines[worst] >= 0.999, f"cosine {cosines[worst]:.5f} for {texts[worst][:60]!r}"


def test_onnx_matches_sentence_transformers(encoder, reference):
    assert_same(encoder, reference, built_sentences())


@pytest.mark.skipif(not STSB.is_file(), reason=f"{STSB} not found")
def test_onnx_matches_sentence_transformers_on_stsb(encoder, reference):
    with open(STSB, encoding="utf-8", newline="") as f:
        texts = sorted({t for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE) for t in row[5:7]})
    assert_same(encoder, reference, texts[::len(texts) // 250][:250])


def test_empty_input_and_order(encoder):
    assert encoder.encode([]).shape == (0, 384)
    texts = ["short", "a sentence that is quite a lot longer than the other one", "mid length text"]
    together = encoder.encode(texts)
    alone = np.vstack([encoder.encode([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-5)


def test_batches_cover_every_index_once():
    lengths = [5, 300, 2, 2, 40, 256, 7] * 30
    groups = batches(lengths)
    assert sorted(i for g in groups for i in g) == list(range(len(lengths)))
    assert all(len(g) * max(lengths[i] for i in g) <= 4096 or len(g) == 1 for g in groups)


def run_python(code: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_encoding_imports_no_torch(folder):
    found = run_python(f"""
import json, sys
import brandlint.embedding.runtime as runtime
cheap = "onnxruntime" not in sys.modules and "tokenizers" not in sys.modules
from brandlint.embedding.ensure import ensure_exported
vectors = runtime.OnnxEncoder(ensure_exported({str(folder)!r}, static=False)).encode(["Our platform is fast."])
print(json.dumps({{"cheap": cheap, "shape": list(vectors.shape), "heavy": [m for m in {HEAVY!r} if m in sys.modules]}}))
""")
    assert found == {"cheap": True, "shape": [1, 384], "heavy": []}


def test_export_imports_no_torch_and_is_deterministic(folder, tmp_path):
    found = run_python(f"""
import json, sys
from brandlint.embedding.export import export
from brandlint.embedding.ensure import source_dir
export(source_dir(), __import__("pathlib").Path({str(tmp_path / "again")!r}), static=False)
print(json.dumps({{"heavy": [m for m in {HEAVY!r} if m in sys.modules]}}))
""")
    assert found == {"heavy": []}
    first = json.loads((folder / MANIFEST).read_text())
    second = json.loads((tmp_path / "again" / MANIFEST).read_text())
    assert first["onnx_sha256"] == second["onnx_sha256"]
    assert (folder / MODEL).read_bytes() == (tmp_path / "again" / MODEL).read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["again"]  # no temporary folder left behind


def test_second_ensure_is_a_no_op(folder):
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()}
    assert ensure_exported(folder, static=False) == folder
    assert {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()} == before


def test_reinstall_with_same_content_is_not_stale(folder):
    """A new fingerprint (as after a reinstall) with the same content hash keeps the export."""
    manifest = json.loads((folder / MANIFEST).read_text())
    model_inode = (folder / MODEL).stat().st_ino
    write_manifest(folder, {**manifest, "source": {**manifest["source"], "fingerprint": "reinstalled"}})
    ensure_exported(folder, static=False)
    assert (folder / MODEL).stat().st_ino == model_inode
    fingerprint = manifest["source"]["fingerprint"]
    assert json.loads((folder / MANIFEST).read_text()) == {
        **manifest, "source": {**manifest["source"], "fingerprints": [fingerprint, "reinstalled"]}}


def test_two_installs_sharing_an_export_hash_the_model_once_each(tmp_path):
    """A user's install and a pre-commit hook's (the same model files at two paths) use one export; after
    each has been seen once, neither rewrites the manifest (which a full 90 MB hash would precede)."""
    source = source_dir()
    other = tmp_path / "hook-env" / "model"
    for path in source.rglob("*"):
        if path.is_file():
            (other / path.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
            (other / path.relative_to(source)).symlink_to(path)
    target = ensure_exported(tmp_path / FOLDER, static=False)
    model_inode = (target / MODEL).stat().st_ino
    ensure_exported(target, model_dir=other, static=False)
    seen = json.loads((target / MANIFEST).read_text())["source"]
    assert seen["fingerprints"] == [source_fingerprint(other), source_fingerprint(source)]
    assert source_fingerprint(other) != source_fingerprint(source)
    written = (target / MANIFEST).stat().st_mtime_ns
    for model_dir in (source, other, source, other):
        assert ensure_exported(target, model_dir=model_dir, static=False) == target
    assert (target / MANIFEST).stat().st_mtime_ns == written
    assert (target / MODEL).stat().st_ino == model_inode


def test_stale_export_is_replaced_and_model_id_follows(tmp_path):
    target = ensure_exported(tmp_path / FOLDER, static=False)
    manifest = json.loads((target / MANIFEST).read_text())
    original_id = OnnxEncoder(target).model_id
    stale = {**manifest, "onnx_sha256": "0" * 64, "source": {"sha256": "old", "fingerprint": "old"}}
    write_manifest(target, stale)
    assert OnnxEncoder(target).model_id != original_id  # a different export never shares cache keys
    ensure_exported(target, static=False)
    assert json.loads((target / MANIFEST).read_text()) == manifest
    assert OnnxEncoder(target).model_id == original_id
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([FOLDER, f".{FOLDER}.lock"])


def test_concurrent_first_use_exports_once(tmp_path):
    """Two processes starting at once: one exports, the other waits on the lock and finds it done."""
    target = tmp_path / FOLDER
    code = f"""
import json
from brandlint.embedding.ensure import ensure_exported
folder = ensure_exported(__import__("pathlib").Path({str(target)!r}), static=False)
print(json.dumps({{"inode": (folder / {MODEL!r}).stat().st_ino}}))
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
             for _ in range(2)]
    inodes = {json.loads(p.communicate(timeout=120)[0].splitlines()[-1])["inode"] for p in procs}
    assert all(p.returncode == 0 for p in procs)
    assert inodes == {(target / MODEL).stat().st_ino}
    assert OnnxEncoder(target).encode(["still readable"]).shape == (1, 384)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([FOLDER, f".{FOLDER}.lock"])
