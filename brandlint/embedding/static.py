"""A static first-pass model: one row per vocabulary token, a sentence vector is the normalised mean of its
tokens' rows. Built at export time the way model2vec distils (each token embedded alone through the
transformer, PCA, Zipf/SIF weighting), but through the ONNX graph, so torch is never needed. It is only
trusted to say "this sentence is far from every entry"; anything near goes to the full model."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from brandlint.embedding.manifest import read_manifest

STATIC = "static.npy"
DIMS = 256
# model2vec's default: a token's weight is SIF / (SIF + p), p its Zipf probability from its vocabulary rank.
SIF = 1e-4
VOCAB_BATCH = 512  # three tokens each ([CLS] t [SEP]): large batches cost little memory
UNUSED = re.compile(r"\[unused\d+\]")


def build_table(folder: Path, dims: int = DIMS, sif: float | None = SIF) -> dict:
    """Write static.npy into an exported folder (model.onnx and manifest already there); returns the
    manifest entry describing it."""
    import numpy as np

    from brandlint.embedding.runtime import OnnxEncoder, load_tokenizer

    folder = Path(folder)
    encoder = OnnxEncoder(folder)
    tokenizer = load_tokenizer(folder, encoder.max_seq_length)
    special = tokenizer.encode("", add_special_tokens=True).ids  # [CLS, SEP] for BERT
    prefix, suffix = special[:1], special[1:]
    size = tokenizer.get_vocab_size()
    # [unusedN] placeholders never occur in text; like model2vec, leave them out of the PCA and the ranks
    # (they sit before the real words in BERT's vocabulary, so counting them would shift every weight).
    names = {i: t for t, i in tokenizer.get_vocab().items()}
    used = [i for i in range(size) if not UNUSED.fullmatch(names.get(i, ""))]
    vectors = encoder.pooled([[*prefix, t, *suffix] for t in used], max_batch=VOCAB_BATCH)
    vectors = np.nan_to_num(vectors).astype(np.float64)
    centred = vectors - vectors.mean(axis=0)
    # PCA by SVD of the centred table: the right singular vectors are the principal axes, largest first.
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    rows = centred @ axes[:dims].T
    if sif is not None:
        # Zipf probability from the rank: BERT's vocabulary is roughly frequency-ordered after the
        # single characters, which is what model2vec assumes too
        inverse = 1 / np.arange(2, len(used) + 2)
        rows *= (sif / (sif + inverse / inverse.sum()))[:, None]
    table = np.zeros((size, dims))
    table[used] = rows
    tmp = folder / f".{STATIC}.{os.getpid()}.tmp"
    with open(tmp, "wb") as f:
        np.save(f, table.astype(np.float16))
    os.replace(tmp, folder / STATIC)
    digest = hashlib.sha256((folder / STATIC).read_bytes()).hexdigest()
    return {"file": STATIC, "dims": dims, "sif": sif, "vocab": size, "embedded": len(used), "sha256": digest}


class StaticEncoder:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        manifest = read_manifest(self.folder)
        if manifest is None or not manifest.get("static"):
            raise FileNotFoundError(f"{self.folder}: no static model in this exported folder")
        self.info = manifest["static"]
        self.dims = self.info["dims"]
        self.max_seq_length = manifest["max_seq_length"]
        self.model_id = f"{manifest['name']}-static{self.dims}-{self.info['sha256'][:12]}"
        self._table = self._tokenizer = None

    def _load(self):
        if self._table is None:
            import numpy as np

            from brandlint.embedding.runtime import load_tokenizer

            self._tokenizer = load_tokenizer(self.folder, self.max_seq_length)
            # mapped, not read: a run touches only the rows of the tokens it meets
            self._table = np.load(self.folder / self.info["file"], mmap_mode="r")
        return self._table, self._tokenizer

    def encode(self, texts: list[str]):
        """(n, dims) float32, unit-length rows (all zero for a text with no tokens)."""
        import numpy as np

        from brandlint.embedding.runtime import normalize

        table, tokenizer = self._load()
        out = np.zeros((len(texts), self.dims), dtype=np.float32)
        for row, encoding in enumerate(tokenizer.encode_batch(list(texts), add_special_tokens=False)):
            if encoding.ids:
                out[row] = table[encoding.ids].astype(np.float32).mean(axis=0)
        return normalize(out)
