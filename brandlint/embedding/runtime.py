"""Encode sentences with the exported model: tokenizers + onnxruntime + numpy, never torch. Vectors match
sentence-transformers' (mean pooling over real tokens, L2-normalised, truncation at max_seq_length).
Importing this module is cheap: onnxruntime and tokenizers load on the first encode."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

from brandlint.embedding.manifest import MODEL, TOKENIZER, read_manifest

# Padding is per batch, so a batch of similar lengths wastes little; sentences are sorted by token count.
BATCH_TOKENS = 2048  # padded tokens per batch: large enough to keep the matmuls efficient, small for memory
MAX_BATCH = 64


def thread_count() -> int:
    """One intra-op thread per core this process may use (affinity, so containers and taskset count), capped
    at 4 so a many-core CI runner does not start dozens of threads for a few small batches."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


@functools.lru_cache(maxsize=4)  # the static table and the encoder share one (parsing it takes about 0.1 s)
def load_tokenizer(folder: Path, max_seq_length: int):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(Path(folder) / TOKENIZER))
    # The saved tokenizer pads and truncates to 128; sentence-transformers truncates at max_seq_length
    # (special tokens included) and pads per batch.
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=max_seq_length)
    return tokenizer


class OnnxEncoder:
    def __init__(self, folder: Path, model_file: str = MODEL, threads: int | None = None):
        self.folder = Path(folder)
        manifest = read_manifest(self.folder)
        if manifest is None:
            raise FileNotFoundError(f"{self.folder}: no exported model (manifest.json missing or of another format)")
        self.manifest = manifest
        self.model_file = model_file
        self.threads = threads or thread_count()
        self.dims = manifest["dims"]
        self.max_seq_length = manifest["max_seq_length"]
        self.model_id = model_id(manifest, model_file)
        self._session = self._tokenizer = None

    def _load(self):
        if self._session is None:
            import onnxruntime as ort

            options = ort.SessionOptions()
            options.intra_op_num_threads = self.threads
            options.inter_op_num_threads = 1
            options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            options.log_severity_level = 3  # warnings about unused initializers would reach the terminal
            # Weights used as stored, not also kept in a second, pre-packed layout: 30 MB less per process
            # (one per worker) and a faster start, for inference about 4% slower.
            options.add_session_config_entry("session.disable_prepacking", "1")
            self._tokenizer = load_tokenizer(self.folder, self.max_seq_length)
            self._session = ort.InferenceSession(str(self.folder / self.model_file), options,
                                                 providers=["CPUExecutionProvider"])
        return self._session, self._tokenizer

    def token_ids(self, texts: list[str]) -> list[list[int]]:
        _, tokenizer = self._load()
        return [e.ids for e in tokenizer.encode_batch(list(texts), add_special_tokens=True)]

    def encode(self, texts: list[str]):
        """(n, dims) float32, unit-length rows, in the order of texts."""
        if not texts:
            import numpy as np

            return np.zeros((0, self.dims), dtype=np.float32)
        return normalize(self.pooled(self.token_ids(texts)))

    def pooled(self, ids: list[list[int]], max_batch: int = MAX_BATCH):
        """Mean-pooled last hidden states for token id sequences (special tokens included), not normalised."""
        import numpy as np

        session, _ = self._load()
        out = np.zeros((len(ids), self.dims), dtype=np.float32)
        for batch in batches([len(i) for i in ids], max_batch):
            width = max(len(ids[i]) for i in batch)
            input_ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, i in enumerate(batch):
                input_ids[row, :len(ids[i])] = ids[i]
                mask[row, :len(ids[i])] = 1
            hidden = session.run(["last_hidden_state"], {"input_ids": input_ids, "attention_mask": mask})[0]
            out[batch] = mean_pool(hidden, mask)
        return out


def model_id(manifest: dict, model_file: str = MODEL) -> str:
    """Changes with anything that changes the vectors (graph, tokenizer, truncation), so cached vectors from
    another export are never reused."""
    import hashlib

    deciding = [manifest["onnx_sha256"], manifest["source"]["sha256"], manifest["max_seq_length"], model_file]
    digest = hashlib.sha256(json.dumps(deciding).encode()).hexdigest()[:12]
    variant = "" if model_file == MODEL else f"-{Path(model_file).stem.split('.')[-1]}"
    return f"{manifest['name']}-onnx{variant}-{digest}"


def batches(lengths: list[int], max_batch: int = MAX_BATCH) -> list[list[int]]:
    """Indices grouped into batches of similar length (shortest first), each within BATCH_TOKENS padded."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    groups, current = [], []
    for i in order:
        # sorted ascending, so the newest item is the longest and sets the padded width
        if current and ((len(current) + 1) * lengths[i] > BATCH_TOKENS or len(current) == max_batch):
            groups.append(current)
            current = []
        current.append(i)
    if current:
        groups.append(current)
    return groups


def mean_pool(hidden, mask):
    import numpy as np

    weights = mask.astype(np.float32)[:, :, None]
    return (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)


def normalize(vectors):
    import numpy as np

    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms == 0, 1, norms)).astype(np.float32)
